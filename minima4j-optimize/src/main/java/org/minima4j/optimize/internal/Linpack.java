package org.minima4j.optimize.internal;

/**
 * LINPACK {@code dpofa} (Cholesky factorization) and {@code dtrsl} (triangular solves) on 1-based
 * column-major-style arrays {@code a[row][col]}, as called by scipy 1.10.1's L-BFGS-B
 * ({@code scipy/optimize/lbfgsb_src/linpack.f}). The reference results come from Debian's build,
 * where these wrap LAPACK {@code dpotrf}/{@code dtrtrs} from OpenBLAS 0.3.21; the operation order
 * here reproduces that library (the upper-triangular solves are LINPACK's algorithm with
 * OpenBLAS's {@code ddot}/{@code daxpy} kernels, verified bit for bit for orders 1 to 24).
 */
public final class Linpack {
  private Linpack() {}

  /**
   * Factors the symmetric positive definite block {@code a[off+1..off+n][off+1..off+n]} as
   * {@code R^T R} with R in the upper triangle; returns 0 or the order of the failing minor.
   * LINPACK's {@code dpofa} interface, computed as the reference environment does: Debian's
   * scipy 1.10.1 links liblbfgsb, whose {@code dpofa} calls LAPACK {@code dpotrf('U')}, i.e.
   * OpenBLAS 0.3.21's {@code potf2_U} (row by row: dot for the diagonal, {@code dgemv_t} for the
   * row, then a multiply by the reciprocal of the diagonal). Verified bit for bit against that
   * library for orders 1 to 20.
   */
  public static int dpofa(double[][] a, int off, int n) {
    // t[c][r - 1] = a[off + r][off + c] for the finished rows r < j: the columns as dot and dgemv read them
    double[][] t = new double[n + 1][Math.max(n - 1, 0)];
    double[] y = new double[Math.max(n - 1, 0)];
    for (int j = 1; j <= n; j++) {
      double[] col = t[j];
      double[] aj = a[off + j];
      double ajj = aj[off + j] - Blas.ddot(j - 1, col, 0, col, 0);
      if (ajj <= 0) {
        aj[off + j] = ajj;
        return j;
      }
      ajj = Math.sqrt(ajj);
      aj[off + j] = ajj;
      int i = n - j;
      if (i > 0) {
        int a0 = off + j + 1;
        System.arraycopy(aj, a0, y, 0, i);
        Blas.dgemvTMinus(j - 1, i, t, j + 1, col, y);
        double inv = 1.0 / ajj;
        for (int c = 0; c < i; c++) {
          double v = inv * y[c];
          aj[a0 + c] = v;
          t[j + 1 + c][j - 1] = v;
        }
      }
    }
    return 0;
  }

  /**
   * {@code dtrsl(t, n, column c of t, job = 11)}: solves {@code R' x = b} with R the upper triangle
   * of {@code t[1..n][1..n]} for b the rows 1..n of column {@code c > n} of {@code t}, in place
   * (as Fortran passes {@code wn(1,js)}), with the arithmetic of {@link #dtrsl}; returns its info.
   */
  static int dtrslUpperTransposedColumn(double[][] t, int n, int c) {
    for (int info = 1; info <= n; info++) {
      if (t[info][info] == 0.0) {
        return info;
      }
    }
    t[1][c] = t[1][c] / t[1][1];
    for (int j = 2; j <= n; j++) {
      double[] tj = t[j];
      double dot = columnDot(j - 1, t, j, c);
      tj[c] = tj[c] - dot;
      tj[c] = tj[c] / tj[j];
    }
    return 0;
  }

  /** {@link Blas#ddot} of rows 1..len of columns {@code a} and {@code b} of {@code t}. */
  private static double columnDot(int len, double[][] t, int a, int b) {
    if (len >= 16) {
      double[] x = new double[len];
      double[] y = new double[len];
      for (int i = 0; i < len; i++) {
        x[i] = t[i + 1][a];
        y[i] = t[i + 1][b];
      }
      return Blas.ddot(len, x, 0, y, 0);
    }
    double dot = 0.0;
    for (int i = 1; i <= len; i++) {
      double[] ti = t[i];
      dot += ti[b] * ti[a];
    }
    return dot;
  }

  /**
   * Solves a triangular system with the {@code n x n} block of {@code t} at offset {@code off}:
   * job 00 T x = b (T lower), 01 T x = b (T upper), 10 T' x = b (T lower), 11 T' x = b (T upper).
   * {@code b[boff+1..boff+n]} is overwritten; returns 0 or the index of a zero diagonal.
   */
  public static int dtrsl(double[][] t, int off, int n, double[] b, int boff, int job) {
    for (int info = 1; info <= n; info++) {
      if (t[off + info][off + info] == 0.0) {
        return info;
      }
    }
    int kase = 1;
    if (job % 10 != 0) {
      kase = 2;
    }
    if ((job % 100) / 10 != 0) {
      kase += 2;
    }
    switch (kase) {
      case 1 -> {
        b[boff + 1] = b[boff + 1] / t[off + 1][off + 1];
        for (int j = 2; j <= n; j++) {
          double temp = -b[boff + j - 1];
          int c = off + j - 1;
          for (int i = 0; i <= n - j; i++) {
            b[boff + j + i] += temp * t[off + j + i][c];
          }
          b[boff + j] = b[boff + j] / t[off + j][off + j];
        }
      }
      case 2 -> {
        b[boff + n] = b[boff + n] / t[off + n][off + n];
        for (int jj = 2; jj <= n; jj++) {
          int j = n - jj + 1;
          double temp = -b[boff + j + 1];
          int c = off + j + 1;
          if (j < 16) {
            for (int i = 1; i <= j; i++) {
              b[boff + i] += temp * t[off + i][c];
            }
          } else {
            Blas.daxpyColumn(j, temp, t, off + 1, c, b, boff + 1);
          }
          b[boff + j] = b[boff + j] / t[off + j][off + j];
        }
      }
      case 3 -> {
        b[boff + n] = b[boff + n] / t[off + n][off + n];
        for (int jj = 2; jj <= n; jj++) {
          int j = n - jj + 1;
          double dot;
          if (jj <= 16) {
            dot = 0.0;
            int c = off + j;
            for (int i = j + 1; i <= n; i++) {
              dot += b[boff + i] * t[off + i][c];
            }
          } else {
            dot = Blas.ddotColumn(jj - 1, t, off + j + 1, off + j, b, boff + j + 1);
          }
          b[boff + j] = b[boff + j] - dot;
          b[boff + j] = b[boff + j] / t[off + j][off + j];
        }
      }
      default -> {
        b[boff + 1] = b[boff + 1] / t[off + 1][off + 1];
        for (int j = 2; j <= n; j++) {
          double dot;
          if (j <= 16) {
            dot = 0.0;
            int c = off + j;
            for (int i = 1; i < j; i++) {
              dot += b[boff + i] * t[off + i][c];
            }
          } else {
            dot = Blas.ddotColumn(j - 1, t, off + 1, off + j, b, boff + 1);
          }
          b[boff + j] = b[boff + j] - dot;
          b[boff + j] = b[boff + j] / t[off + j][off + j];
        }
      }
    }
    return 0;
  }
}
