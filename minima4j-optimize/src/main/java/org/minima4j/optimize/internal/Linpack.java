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
    for (int j = 1; j <= n; j++) {
      double[] col = t[j];
      double ajj = a[off + j][off + j] - Blas.ddot(j - 1, col, 0, col, 0);
      if (ajj <= 0) {
        a[off + j][off + j] = ajj;
        return j;
      }
      ajj = Math.sqrt(ajj);
      a[off + j][off + j] = ajj;
      int i = n - j;
      if (i > 0) {
        double[] y = new double[i];
        double[][] cols = java.util.Arrays.copyOfRange(t, j + 1, j + 1 + i);
        for (int c = 0; c < i; c++) {
          y[c] = a[off + j][off + j + 1 + c];
        }
        Blas.dgemvTMinus(j - 1, i, cols, col, y);
        double inv = 1.0 / ajj;
        for (int c = 0; c < i; c++) {
          a[off + j][off + j + 1 + c] = inv * y[c];
        }
      }
      if (j < n) {
        for (int c = j + 1; c <= n; c++) {
          t[c][j - 1] = a[off + j][off + c];
        }
      }
    }
    return 0;
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
    double[] g1 = kase >= 3 ? new double[n] : null;
    double[] g2 = kase >= 3 ? new double[n] : null;
    switch (kase) {
      case 1 -> {
        b[boff + 1] = b[boff + 1] / t[off + 1][off + 1];
        for (int j = 2; j <= n; j++) {
          double temp = -b[boff + j - 1];
          for (int i = 0; i <= n - j; i++) {
            b[boff + j + i] += temp * t[off + j + i][off + j - 1];
          }
          b[boff + j] = b[boff + j] / t[off + j][off + j];
        }
      }
      case 2 -> {
        b[boff + n] = b[boff + n] / t[off + n][off + n];
        double[] column = new double[n + 1];
        for (int jj = 2; jj <= n; jj++) {
          int j = n - jj + 1;
          double temp = -b[boff + j + 1];
          for (int i = 1; i <= j; i++) {
            column[i] = t[off + i][off + j + 1];
          }
          Blas.daxpy(j, temp, column, 1, b, boff + 1);
          b[boff + j] = b[boff + j] / t[off + j][off + j];
        }
      }
      case 3 -> {
        b[boff + n] = b[boff + n] / t[off + n][off + n];
        for (int jj = 2; jj <= n; jj++) {
          int j = n - jj + 1;
          int len = jj - 1;
          for (int i = 0; i < len; i++) {
            g1[i] = t[off + j + i + 1][off + j];
            g2[i] = b[boff + j + i + 1];
          }
          double dot = Blas.ddot(len, g1, 0, g2, 0);
          b[boff + j] = b[boff + j] - dot;
          b[boff + j] = b[boff + j] / t[off + j][off + j];
        }
      }
      default -> {
        b[boff + 1] = b[boff + 1] / t[off + 1][off + 1];
        for (int j = 2; j <= n; j++) {
          int len = j - 1;
          for (int i = 0; i < len; i++) {
            g1[i] = t[off + i + 1][off + j];
            g2[i] = b[boff + i + 1];
          }
          double dot = Blas.ddot(len, g1, 0, g2, 0);
          b[boff + j] = b[boff + j] - dot;
          b[boff + j] = b[boff + j] / t[off + j][off + j];
        }
      }
    }
    return 0;
  }
}
