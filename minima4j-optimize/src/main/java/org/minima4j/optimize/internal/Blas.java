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

  /**
   * {@code y -= A' x} as OpenBLAS 0.3.21's Haswell {@code dgemv_t} computes it with alpha = -1:
   * rows in a block of {@code m - m%4} handled by the 4-column FMA kernel (4 lanes), the 2- and
   * 1-column SSE2 kernels (2 lanes, no FMA), then the last {@code m%4} rows by the compiled C tail
   * (fused multiply-adds as GCC contracts it). {@code cols[c]} is column c of A (length m).
   */
  static void dgemvTMinus(int m, int n, double[][] cols, double[] x, double[] y) {
    if (m < 1 || n < 1) {
      return;
    }
    int m3 = m & 3;
    int mb = m - m3;
    if (mb > 0) {
      int n1 = n >> 2;
      int j = 0;
      for (int blk = 0; blk < n1; blk++) {
        for (int k = 0; k < 4; k++) {
          y[j + k] = y[j + k] + (-kernel4x4(mb, cols[j + k], x));
        }
        j += 4;
      }
      if ((n & 2) != 0) {
        y[j] = y[j] + (-kernel4x2(mb, cols[j], x));
        y[j + 1] = y[j + 1] + (-kernel4x2(mb, cols[j + 1], x));
        j += 2;
      }
      if ((n & 1) != 0) {
        y[j] = y[j] + (-kernel4x1(mb, cols[j], x));
      }
    }
    if (m3 == 0) {
      return;
    }
    double[] xt = new double[m3];
    for (int t = 0; t < m3; t++) {
      xt[t] = -x[mb + t];
    }
    for (int j = 0; j < n; j++) {
      double[] c = cols[j];
      if (m3 == 1) {
        y[j] = Math.fma(c[mb], xt[0], y[j]);
      } else {
        double e = Math.fma(c[mb], xt[0], c[mb + 1] * xt[1]);
        if (m3 == 3) {
          e = Math.fma(c[mb + 2], xt[2], e);
        }
        y[j] = y[j] + e;
      }
    }
  }

  private static double kernel4x4(int nb, double[] c, double[] x) {
    double[] lanes = new double[4];
    for (int i = 0; i < nb; i += 4) {
      for (int l = 0; l < 4; l++) {
        lanes[l] = Math.fma(c[i + l], x[i + l], lanes[l]);
      }
    }
    return (lanes[0] + lanes[2]) + (lanes[1] + lanes[3]);
  }

  private static double kernel4x2(int nb, double[] c, double[] x) {
    double a0 = 0;
    double a1 = 0;
    for (int i = 0; i < nb; i += 2) {
      a0 = a0 + c[i] * x[i];
      a1 = a1 + c[i + 1] * x[i + 1];
    }
    return a0 + a1;
  }

  private static double kernel4x1(int nb, double[] c, double[] x) {
    double p0 = 0;
    double p1 = 0;
    double q0 = 0;
    double q1 = 0;
    int i = 0;
    int rest = nb;
    if ((rest & 2) != 0) {
      p0 = p0 + c[0] * x[0];
      p1 = p1 + c[1] * x[1];
      i = 2;
      rest -= 2;
    }
    while (rest > 0) {
      p0 = p0 + c[i] * x[i];
      p1 = p1 + c[i + 1] * x[i + 1];
      q0 = q0 + c[i + 2] * x[i + 2];
      q1 = q1 + c[i + 3] * x[i + 3];
      i += 4;
      rest -= 4;
    }
    return (p0 + q0) + (p1 + q1);
  }
}
