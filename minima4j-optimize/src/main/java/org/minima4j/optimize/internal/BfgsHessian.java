package org.minima4j.optimize.internal;

/**
 * Dense BFGS approximation of a Hessian, following scipy 1.10.1's {@code BFGS} update strategy with
 * its defaults ({@code scipy/optimize/_hessian_update_strategy.py}: {@code approx_type='hess'},
 * {@code exception_strategy='skip_update'}, {@code min_curvature=1e-8}, {@code init_scale='auto'}).
 * The first update scales the identity by {@code y.y / |y.s|} (J. Nocedal and S. Wright, "Numerical
 * Optimization", 2nd ed., eq. 6.20); the update is eq. 6.19, skipped when {@code y.s <= 1e-8 s.B.s}.
 */
public final class BfgsHessian {
  private static final double MIN_CURVATURE = 1e-8;
  private final int n;
  private final double[][] b;
  private boolean firstIteration;

  public BfgsHessian(int n) {
    this.n = n;
    this.b = new double[n][n];
    initialize();
  }

  /** Resets to the identity (scipy's {@code initialize(n, 'hess')}). */
  public void initialize() {
    for (int i = 0; i < n; i++) {
      java.util.Arrays.fill(b[i], 0.0);
      b[i][i] = 1.0;
    }
    firstIteration = true;
  }

  /** {@code out = B p}. */
  public void dot(double[] p, double[] out) {
    for (int i = 0; i < n; i++) {
      double[] row = b[i];
      double s = 0;
      for (int j = 0; j < n; j++) {
        s += row[j] * p[j];
      }
      out[i] = s;
    }
  }

  /** {@code B p} as a new array. */
  public double[] dot(double[] p) {
    double[] out = new double[n];
    dot(p, out);
    return out;
  }

  /** A copy of the matrix. */
  public double[][] matrix() {
    double[][] c = new double[n][];
    for (int i = 0; i < n; i++) {
      c[i] = b[i].clone();
    }
    return c;
  }

  /** Updates with the step {@code dx} and the gradient change {@code dg}. */
  public void update(double[] dx, double[] dg) {
    if (allZero(dx) || allZero(dg)) {
      return;
    }
    if (firstIteration) {
      scale(autoScale(dx, dg));
      firstIteration = false;
    }
    double wz = Vec.dot(dx, dg);
    double[] mw = dot(dx);
    double wmw = Vec.dot(mw, dx);
    if (wmw <= 0.0) {
      double s = autoScale(dx, dg);
      for (int i = 0; i < n; i++) {
        java.util.Arrays.fill(b[i], 0.0);
        b[i][i] = s;
      }
      mw = dot(dx);
      wmw = Vec.dot(mw, dx);
    }
    if (wz <= MIN_CURVATURE * wmw) {
      return;
    }
    syr(1.0 / wz, dg);
    syr(-1.0 / wmw, mw);
  }

  private void scale(double s) {
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        b[i][j] *= s;
      }
    }
  }

  /** Symmetric rank-one update {@code B += alpha x x^T}, in BLAS dsyr's column order. */
  private void syr(double alpha, double[] x) {
    for (int j = 0; j < n; j++) {
      double t = alpha * x[j];
      for (int i = 0; i <= j; i++) {
        double v = b[i][j] + t * x[i];
        b[i][j] = v;
        b[j][i] = v;
      }
    }
  }

  private static double autoScale(double[] dx, double[] dg) {
    double s2 = Vec.dot(dx, dx);
    double y2 = Vec.dot(dg, dg);
    double ys = Math.abs(Vec.dot(dg, dx));
    if (ys == 0.0 || y2 == 0 || s2 == 0) {
      return 1;
    }
    return y2 / ys;
  }

  private static boolean allZero(double[] v) {
    for (double d : v) {
      if (d != 0.0) {
        return false;
      }
    }
    return true;
  }
}
