package org.minima4j.optimize.global.internal;

/**
 * The inner loops of the reference BLAS routines that {@link NumpyEigh} and CMA-ES replay, each over a
 * contiguous index range {@code [from, to)} of plain arrays, summing strictly left to right so that a
 * caller gets bit for bit the result of the loop it replaces.
 *
 * <p>They exist as separate small methods so that the JIT compiles them after a few hundred calls: the
 * callers run once per generation and would otherwise execute these loops in the bytecode interpreter for
 * most of a short run.
 */
public final class RefBlas {
  private RefBlas() {}

  /** {@code s = 0; s += a[k] * b[k]} for k = from, ..., to - 1. */
  public static double dot(double[] a, double[] b, int from, int to) {
    double s = 0;
    for (int k = from; k < to; k++) {
      s += a[k] * b[k];
    }
    return s;
  }

  /** {@code s += a[k] * b[k]} for k = from, ..., to - 1, starting from {@code s}. */
  public static double dotFrom(double s, double[] a, double[] b, int from, int to) {
    double t = s;
    for (int k = from; k < to; k++) {
      t += a[k] * b[k];
    }
    return t;
  }

  /** {@code out[k] = a[k] * b[k]} for k = from, ..., to - 1. */
  public static void mul(double[] a, double[] b, double[] out, int from, int to) {
    for (int k = from; k < to; k++) {
      out[k] = a[k] * b[k];
    }
  }

  /** {@code y[k] += x[k] * alpha} for k = from, ..., to - 1. */
  public static void axpy(double alpha, double[] x, double[] y, int from, int to) {
    for (int k = from; k < to; k++) {
      y[k] += x[k] * alpha;
    }
  }

  /**
   * One column of reference {@code dsymv} (lower, beta = 0) below the diagonal: {@code y[k] += t * a[k]} and
   * returns {@code s = 0; s += a[k] * x[k]}, for k = from, ..., to - 1.
   */
  static double symvColumn(double t, double[] a, double[] x, double[] y, int from, int to) {
    double s = 0;
    for (int k = from; k < to; k++) {
      double v = a[k];
      y[k] += t * v;
      s += v * x[k];
    }
    return s;
  }

  /** One column of reference {@code dsyr2}: {@code a[k] = a[k] + x[k] * s + y[k] * t} for k = from, ..., to - 1. */
  static void syr2Column(double[] a, double[] x, double s, double[] y, double t, int from, int to) {
    for (int k = from; k < to; k++) {
      a[k] = a[k] + x[k] * s + y[k] * t;
    }
  }

  /**
   * A plane rotation of two columns ({@code dlasr}'s inner loop): {@code b[k] = c b[k] - s a[k]},
   * {@code a[k] = s b[k] + c a[k]} (with the old {@code b[k]}), for k = from, ..., to - 1.
   */
  static void rotate(double c, double s, double[] a, double[] b, int from, int to) {
    for (int k = from; k < to; k++) {
      double temp = b[k];
      double ak = a[k];
      b[k] = c * temp - s * ak;
      a[k] = s * temp + c * ak;
    }
  }
}
