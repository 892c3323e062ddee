package org.minima4j.tune.internal;

/** Small dense linear algebra for the Gaussian process: Cholesky factorization and solves. */
public final class Linalg {
  private Linalg() {
  }

  /** Lower Cholesky factor of a symmetric positive definite matrix, or null if it is not. */
  public static double[][] cholesky(double[][] a) {
    int n = a.length;
    double[][] l = new double[n][n];
    for (int j = 0; j < n; j++) {
      double s = a[j][j];
      double[] lj = l[j];
      for (int k = 0; k < j; k++) {
        s -= lj[k] * lj[k];
      }
      if (!(s > 0)) {
        return null;
      }
      double djj = Math.sqrt(s);
      lj[j] = djj;
      for (int i = j + 1; i < n; i++) {
        double[] li = l[i];
        double t = a[i][j];
        for (int k = 0; k < j; k++) {
          t -= li[k] * lj[k];
        }
        li[j] = t / djj;
      }
    }
    return l;
  }

  /** Solves (L L^T) x = b. */
  public static double[] cholSolve(double[][] l, double[] b) {
    int n = b.length;
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double s = b[i];
      double[] li = l[i];
      for (int k = 0; k < i; k++) {
        s -= li[k] * y[k];
      }
      y[i] = s / li[i];
    }
    double[] x = new double[n];
    for (int i = n - 1; i >= 0; i--) {
      double s = y[i];
      for (int k = i + 1; k < n; k++) {
        s -= l[k][i] * x[k];
      }
      x[i] = s / l[i][i];
    }
    return x;
  }

  /** (L L^T)^-1. */
  public static double[][] cholInverse(double[][] l) {
    int n = l.length;
    // inverse of L (lower triangular)
    double[][] li = new double[n][n];
    for (int i = 0; i < n; i++) {
      li[i][i] = 1.0 / l[i][i];
      for (int j = 0; j < i; j++) {
        double s = 0;
        for (int k = j; k < i; k++) {
          s -= l[i][k] * li[k][j];
        }
        li[i][j] = s / l[i][i];
      }
    }
    double[][] out = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double s = 0;
        for (int k = i; k < n; k++) {
          s += li[k][i] * li[k][j];
        }
        out[i][j] = s;
        out[j][i] = s;
      }
    }
    return out;
  }

  public static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
