package org.minima4j.optimize.internal;

/**
 * LINPACK {@code dpofa} (Cholesky factorization) and {@code dtrsl} (triangular solves) on 1-based
 * column-major-style arrays {@code a[row][col]}, as shipped with scipy 1.10.1's L-BFGS-B
 * ({@code scipy/optimize/lbfgsb_src/linpack.f}).
 */
public final class Linpack {
  private Linpack() {}

  /**
   * Factors the symmetric positive definite block {@code a[off+1..off+n][off+1..off+n]} as
   * {@code R^T R} with R in the upper triangle; returns 0 or the order of the failing minor.
   */
  public static int dpofa(double[][] a, int off, int n) {
    for (int j = 1; j <= n; j++) {
      double s = 0.0;
      for (int k = 1; k <= j - 1; k++) {
        final int fk = k;
        final int fj = j;
        double dot = Blas.ddot(k - 1, i -> a[off + i + 1][off + fk], i -> a[off + i + 1][off + fj]);
        double t = a[off + k][off + j] - dot;
        t = t / a[off + k][off + k];
        a[off + k][off + j] = t;
        s += t * t;
      }
      s = a[off + j][off + j] - s;
      if (s <= 0.0) {
        return j;
      }
      a[off + j][off + j] = Math.sqrt(s);
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
        for (int jj = 2; jj <= n; jj++) {
          int j = n - jj + 1;
          double temp = -b[boff + j + 1];
          for (int i = 1; i <= j; i++) {
            b[boff + i] += temp * t[off + i][off + j + 1];
          }
          b[boff + j] = b[boff + j] / t[off + j][off + j];
        }
      }
      case 3 -> {
        b[boff + n] = b[boff + n] / t[off + n][off + n];
        for (int jj = 2; jj <= n; jj++) {
          int j = n - jj + 1;
          final int fj = j;
          double dot = Blas.ddot(jj - 1, i -> t[off + fj + i + 1][off + fj], i -> b[boff + fj + i + 1]);
          b[boff + j] = b[boff + j] - dot;
          b[boff + j] = b[boff + j] / t[off + j][off + j];
        }
      }
      default -> {
        b[boff + 1] = b[boff + 1] / t[off + 1][off + 1];
        for (int j = 2; j <= n; j++) {
          final int fj = j;
          double dot = Blas.ddot(j - 1, i -> t[off + i + 1][off + fj], i -> b[boff + i + 1]);
          b[boff + j] = b[boff + j] - dot;
          b[boff + j] = b[boff + j] / t[off + j][off + j];
        }
      }
    }
    return 0;
  }
}
