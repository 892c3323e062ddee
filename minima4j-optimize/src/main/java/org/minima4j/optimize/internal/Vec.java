package org.minima4j.optimize.internal;

/** Small dense vector and matrix helpers for the trust-constr solver. */
public final class Vec {
  private Vec() {}

  public static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  /** Euclidean norm as numpy's {@code norm(x)}: {@code sqrt(x.x)}. */
  public static double norm(double[] a) {
    return Math.sqrt(dot(a, a));
  }

  /** Max-abs norm; 0 for an empty vector. */
  public static double normInf(double[] a) {
    double m = 0;
    for (double v : a) {
      m = Math.max(m, Math.abs(v));
    }
    return m;
  }

  /** {@code a + t b}. */
  public static double[] axpy(double[] a, double t, double[] b) {
    double[] r = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      r[i] = a[i] + t * b[i];
    }
    return r;
  }

  public static double[] add(double[] a, double[] b) {
    double[] r = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      r[i] = a[i] + b[i];
    }
    return r;
  }

  public static double[] sub(double[] a, double[] b) {
    double[] r = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      r[i] = a[i] - b[i];
    }
    return r;
  }

  public static double[] scale(double t, double[] a) {
    double[] r = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      r[i] = t * a[i];
    }
    return r;
  }

  /** {@code A x} for {@code A} with {@code m} rows of length {@code x.length}. */
  public static double[] mul(double[][] a, double[] x) {
    double[] r = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      r[i] = dot(a[i], x);
    }
    return r;
  }

  /** {@code A^T y} for {@code A} with {@code y.length} rows of length {@code n}. */
  public static double[] mulT(double[][] a, double[] y, int n) {
    double[] r = new double[n];
    for (int i = 0; i < a.length; i++) {
      double yi = y[i];
      if (yi == 0) {
        continue;
      }
      double[] row = a[i];
      for (int j = 0; j < n; j++) {
        r[j] += row[j] * yi;
      }
    }
    return r;
  }

  /** Frobenius norm. */
  public static double frobenius(double[][] a) {
    double s = 0;
    for (double[] row : a) {
      for (double v : row) {
        s += v * v;
      }
    }
    return Math.sqrt(s);
  }

  /** {@code lb <= x <= ub} componentwise. */
  public static boolean inside(double[] x, double[] lb, double[] ub) {
    for (int i = 0; i < x.length; i++) {
      if (!(lb[i] <= x[i] && x[i] <= ub[i])) {
        return false;
      }
    }
    return true;
  }

  /** {@code x} clipped into {@code [lb, ub]}. */
  public static double[] clip(double[] x, double[] lb, double[] ub) {
    double[] r = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      r[i] = Math.min(Math.max(x[i], lb[i]), ub[i]);
    }
    return r;
  }

  /** Componentwise equality with {@code ==} (numpy's {@code array_equal}: 0.0 equals -0.0). */
  public static boolean same(double[] a, double[] b) {
    if (a == null || b == null || a.length != b.length) {
      return false;
    }
    for (int i = 0; i < a.length; i++) {
      if (a[i] != b[i]) {
        return false;
      }
    }
    return true;
  }
}
