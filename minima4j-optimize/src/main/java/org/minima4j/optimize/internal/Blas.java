package org.minima4j.optimize.internal;

/**
 * The level-1 BLAS operations the Fortran solvers call ({@code ddot}, {@code daxpy}), evaluated in
 * the order of OpenBLAS 0.3.21's x86-64 AVX2 (Haswell/Zen) kernels, the BLAS that scipy 1.10.1 used
 * for the reference data: blocks of 16 accumulated with fused multiply-add in 16 lanes, lanes
 * reduced pairwise, then a plain tail (verified bit for bit against that library). This only
 * changes rounding; it keeps long runs closer to scipy's iterates.
 */
public final class Blas {
  private Blas() {}

  /** Element access for strided vectors (matrix columns). */
  @FunctionalInterface
  public interface Vec {
    double at(int i);
  }

  /** {@code ddot} over two accessors, i in [0, n). */
  public static double ddot(int n, Vec x, Vec y) {
    double[] a = new double[n];
    double[] b = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = x.at(i);
      b[i] = y.at(i);
    }
    return ddot(n, a, 0, b, 0);
  }

  /** {@code sum x[xo+i]*y[yo+i]} for i in [0, n). */
  public static double ddot(int n, double[] x, int xo, double[] y, int yo) {
    double dot = 0.0;
    int n1 = n & -16;
    if (n1 > 0) {
      double[] acc = new double[16];
      for (int i = 0; i < n1; i += 16) {
        for (int k = 0; k < 16; k++) {
          acc[k] = Math.fma(y[yo + i + k], x[xo + i + k], acc[k]);
        }
      }
      double[] v = new double[8];
      for (int r = 0; r < 4; r++) {
        v[2 * r] = acc[4 * r] + acc[4 * r + 2];
        v[2 * r + 1] = acc[4 * r + 1] + acc[4 * r + 3];
      }
      double a0 = v[0] + v[2];
      double a1 = v[1] + v[3];
      double b0 = v[4] + v[6];
      double b1 = v[5] + v[7];
      double c0 = a0 + b0;
      double c1 = a1 + b1;
      dot = c0 + c1;
    }
    for (int i = n1; i < n; i++) {
      dot += y[yo + i] * x[xo + i];
    }
    return dot;
  }

  /** {@code y[yo+i] += a * x[xo+i]} for i in [0, n). */
  public static void daxpy(int n, double a, double[] x, int xo, double[] y, int yo) {
    int n1 = n & -16;
    for (int i = 0; i < n1; i++) {
      y[yo + i] = Math.fma(a, x[xo + i], y[yo + i]);
    }
    for (int i = n1; i < n; i++) {
      y[yo + i] += a * x[xo + i];
    }
  }
}
