package org.minima4j.optimize;

/**
 * A method's final inverse-Hessian approximation (scipy's {@code hess_inv}): BFGS keeps a dense
 * matrix ({@code res.hess_inv}, an ndarray), L-BFGS-B its stored correction pairs (scipy's
 * {@code LbfgsInvHessProduct}, a linear operator applied by the two-loop recursion).
 */
public interface InverseHessian {
  /** The number of variables n. */
  int dimension();

  /** The product {@code H v} (v of length n). */
  double[] apply(double[] v);

  /** The n x n matrix (for L-BFGS-B, scipy's {@code todense()}; O(n^2) memory). */
  double[][] toMatrix();

  /** A dense inverse Hessian (BFGS). */
  static InverseHessian dense(double[][] h) {
    int n = h.length;
    double[][] copy = new double[n][];
    for (int i = 0; i < n; i++) {
      copy[i] = h[i].clone();
    }
    return new InverseHessian() {
      @Override
      public int dimension() {
        return n;
      }

      @Override
      public double[] apply(double[] v) {
        checkLength(v, n);
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
          double s = 0;
          for (int j = 0; j < n; j++) {
            s += copy[i][j] * v[j];
          }
          r[i] = s;
        }
        return r;
      }

      @Override
      public double[][] toMatrix() {
        double[][] c = new double[n][];
        for (int i = 0; i < n; i++) {
          c[i] = copy[i].clone();
        }
        return c;
      }
    };
  }

  /**
   * scipy's {@code LbfgsInvHessProduct(sk, yk)} of dimension n: the correction pairs in the order
   * given (L-BFGS-B passes its storage order, as scipy does), initial matrix the identity; no pairs
   * give the identity.
   */
  static InverseHessian lbfgs(double[][] sk, double[][] yk, int n) {
    int k = sk.length;
    double[] rho = new double[k];
    for (int i = 0; i < k; i++) {
      double d = 0;
      for (int j = 0; j < n; j++) {
        d += yk[i][j] * sk[i][j];
      }
      rho[i] = 1 / d;
    }
    return new LbfgsInverseHessian(sk, yk, rho, n);
  }

  private static void checkLength(double[] v, int n) {
    if (v == null || v.length != n) {
      throw new IllegalArgumentException("v must have length " + n + ", got "
          + (v == null ? "null" : String.valueOf(v.length)));
    }
  }
}

/** The two-loop recursion of {@link InverseHessian#lbfgs}. */
final class LbfgsInverseHessian implements InverseHessian {
  private final double[][] s;
  private final double[][] y;
  private final double[] rho;
  private final int n;

  LbfgsInverseHessian(double[][] s, double[][] y, double[] rho, int n) {
    this.s = s;
    this.y = y;
    this.rho = rho;
    this.n = n;
  }

  @Override
  public int dimension() {
    return n;
  }

  @Override
  public double[] apply(double[] v) {
    if (v == null || v.length != n) {
      throw new IllegalArgumentException("v must have length " + n + ", got "
          + (v == null ? "null" : String.valueOf(v.length)));
    }
    int k = s.length;
    double[] q = v.clone();
    double[] alpha = new double[k];
    for (int i = k - 1; i >= 0; i--) {
      double d = 0;
      for (int j = 0; j < n; j++) {
        d += s[i][j] * q[j];
      }
      alpha[i] = rho[i] * d;
      for (int j = 0; j < n; j++) {
        q[j] -= alpha[i] * y[i][j];
      }
    }
    for (int i = 0; i < k; i++) {
      double d = 0;
      for (int j = 0; j < n; j++) {
        d += y[i][j] * q[j];
      }
      double beta = rho[i] * d;
      for (int j = 0; j < n; j++) {
        q[j] += s[i][j] * (alpha[i] - beta);
      }
    }
    return q;
  }

  @Override
  public double[][] toMatrix() {
    double[][] h = new double[n][n];
    for (int c = 0; c < n; c++) {
      double[] e = new double[n];
      e[c] = 1;
      double[] col = apply(e);
      for (int r = 0; r < n; r++) {
        h[r][c] = col[r];
      }
    }
    return h;
  }
}
