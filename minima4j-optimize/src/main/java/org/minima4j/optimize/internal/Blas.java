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
      double a0 = 0;
      double a1 = 0;
      double a2 = 0;
      double a3 = 0;
      double a4 = 0;
      double a5 = 0;
      double a6 = 0;
      double a7 = 0;
      double a8 = 0;
      double a9 = 0;
      double a10 = 0;
      double a11 = 0;
      double a12 = 0;
      double a13 = 0;
      double a14 = 0;
      double a15 = 0;
      for (int i = 0; i < n1; i += 16) {
        int xi = xo + i;
        int yi = yo + i;
        a0 = Math.fma(y[yi], x[xi], a0);
        a1 = Math.fma(y[yi + 1], x[xi + 1], a1);
        a2 = Math.fma(y[yi + 2], x[xi + 2], a2);
        a3 = Math.fma(y[yi + 3], x[xi + 3], a3);
        a4 = Math.fma(y[yi + 4], x[xi + 4], a4);
        a5 = Math.fma(y[yi + 5], x[xi + 5], a5);
        a6 = Math.fma(y[yi + 6], x[xi + 6], a6);
        a7 = Math.fma(y[yi + 7], x[xi + 7], a7);
        a8 = Math.fma(y[yi + 8], x[xi + 8], a8);
        a9 = Math.fma(y[yi + 9], x[xi + 9], a9);
        a10 = Math.fma(y[yi + 10], x[xi + 10], a10);
        a11 = Math.fma(y[yi + 11], x[xi + 11], a11);
        a12 = Math.fma(y[yi + 12], x[xi + 12], a12);
        a13 = Math.fma(y[yi + 13], x[xi + 13], a13);
        a14 = Math.fma(y[yi + 14], x[xi + 14], a14);
        a15 = Math.fma(y[yi + 15], x[xi + 15], a15);
      }
      // lanes reduced as the kernel does: v[2r] = acc[4r] + acc[4r+2], v[2r+1] = acc[4r+1] + acc[4r+3]
      double v0 = a0 + a2;
      double v1 = a1 + a3;
      double v2 = a4 + a6;
      double v3 = a5 + a7;
      double v4 = a8 + a10;
      double v5 = a9 + a11;
      double v6 = a12 + a14;
      double v7 = a13 + a15;
      double c0 = (v0 + v2) + (v4 + v6);
      double c1 = (v1 + v3) + (v5 + v7);
      dot = c0 + c1;
    }
    for (int i = n1; i < n; i++) {
      dot += y[yo + i] * x[xo + i];
    }
    return dot;
  }

  /**
   * {@link #ddot(int, double[], int, double[], int)} of column {@code c} of {@code t} (rows
   * {@code r0 .. r0+n-1}) with {@code b[bo .. bo+n-1]}, in the same order, without copying the column.
   */
  static double ddotColumn(int n, double[][] t, int r0, int c, double[] b, int bo) {
    double dot = 0.0;
    int n1 = n & -16;
    if (n1 > 0) {
      double[] acc = new double[16];
      for (int i = 0; i < n1; i += 16) {
        for (int k = 0; k < 16; k++) {
          acc[k] = Math.fma(b[bo + i + k], t[r0 + i + k][c], acc[k]);
        }
      }
      double v0 = acc[0] + acc[2];
      double v1 = acc[1] + acc[3];
      double v2 = acc[4] + acc[6];
      double v3 = acc[5] + acc[7];
      double v4 = acc[8] + acc[10];
      double v5 = acc[9] + acc[11];
      double v6 = acc[12] + acc[14];
      double v7 = acc[13] + acc[15];
      double c0 = (v0 + v2) + (v4 + v6);
      double c1 = (v1 + v3) + (v5 + v7);
      dot = c0 + c1;
    }
    for (int i = n1; i < n; i++) {
      dot += b[bo + i] * t[r0 + i][c];
    }
    return dot;
  }

  /**
   * {@link #daxpy} with x read from column {@code c} of {@code t} (rows {@code r0 .. r0+n-1}):
   * {@code y[yo+i] += a * t[r0+i][c]}, in the same order, without copying the column.
   */
  static void daxpyColumn(int n, double a, double[][] t, int r0, int c, double[] y, int yo) {
    int n1 = n & -16;
    for (int i = 0; i < n1; i++) {
      y[yo + i] = Math.fma(a, t[r0 + i][c], y[yo + i]);
    }
    for (int i = n1; i < n; i++) {
      y[yo + i] += a * t[r0 + i][c];
    }
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
   * (fused multiply-adds as GCC contracts it). {@code cols[c0 + c]} is column c of A (length m).
   */
  static void dgemvTMinus(int m, int n, double[][] cols, int c0, double[] x, double[] y) {
    if (m < 1 || n < 1) {
      return;
    }
    int m3 = m & 3;
    int mb = m - m3;
    if (mb > 0) {
      // the 4-column FMA kernel (4 lanes) on the first n - n%4 columns
      int j = n & -4;
      for (int jc = 0; jc < j; jc++) {
        double[] c = cols[c0 + jc];
        double l0 = 0;
        double l1 = 0;
        double l2 = 0;
        double l3 = 0;
        for (int i = 0; i < mb; i += 4) {
          l0 = Math.fma(c[i], x[i], l0);
          l1 = Math.fma(c[i + 1], x[i + 1], l1);
          l2 = Math.fma(c[i + 2], x[i + 2], l2);
          l3 = Math.fma(c[i + 3], x[i + 3], l3);
        }
        y[jc] = y[jc] + (-((l0 + l2) + (l1 + l3)));
      }
      if ((n & 2) != 0) {
        y[j] = y[j] + (-kernel4x2(mb, cols[c0 + j], x));
        y[j + 1] = y[j + 1] + (-kernel4x2(mb, cols[c0 + j + 1], x));
        j += 2;
      }
      if ((n & 1) != 0) {
        y[j] = y[j] + (-kernel4x1(mb, cols[c0 + j], x));
      }
    }
    if (m3 == 0) {
      return;
    }
    double xt0 = -x[mb];
    double xt1 = m3 > 1 ? -x[mb + 1] : 0.0;
    double xt2 = m3 > 2 ? -x[mb + 2] : 0.0;
    for (int j = 0; j < n; j++) {
      double[] c = cols[c0 + j];
      if (m3 == 1) {
        y[j] = Math.fma(c[mb], xt0, y[j]);
      } else {
        double e = Math.fma(c[mb], xt0, c[mb + 1] * xt1);
        if (m3 == 3) {
          e = Math.fma(c[mb + 2], xt2, e);
        }
        y[j] = y[j] + e;
      }
    }
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
