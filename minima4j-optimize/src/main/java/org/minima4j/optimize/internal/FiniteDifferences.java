package org.minima4j.optimize.internal;

import java.util.function.ToDoubleFunction;

/**
 * Dense finite-difference gradients, following scipy 1.10.1 {@code scipy/optimize/_numdiff.py}
 * ({@code approx_derivative}, {@code _compute_absolute_step}, {@code _adjust_scheme_to_bounds},
 * {@code _dense_difference}). Steps never leave {@code [lb, ub]}: a step that would cross a bound is
 * flipped or shortened exactly as scipy does.
 */
public final class FiniteDifferences {
  /** The difference schemes: scipy's {@code '2-point'} and {@code '3-point'}. */
  public enum Scheme { TWO_POINT, THREE_POINT }

  private static final double EPS = Math.ulp(1.0);
  private static final double RSTEP_TWO_POINT = Math.sqrt(EPS);
  private static final double RSTEP_THREE_POINT = Math.pow(EPS, 1.0 / 3.0);

  private FiniteDifferences() {}

  /**
   * The gradient of {@code fun} at {@code x0} (value {@code f0}); {@code absStep} (may be null) is
   * scipy's {@code abs_step}, otherwise {@code relStep} (may be NaN for scipy's default) gives
   * relative steps. {@code lb}/{@code ub} may be null for no bounds. {@code fun} gets a fresh copy
   * of each probe point.
   */
  public static double[] gradient(ToDoubleFunction<double[]> fun, double[] x0, double f0, Scheme scheme,
      Double absStep, double relStep, double[] lb, double[] ub) {
    return gradient(fun, x0, f0, scheme, absStep, relStep, lb, ub, true);
  }

  /**
   * {@link #gradient(ToDoubleFunction, double[], double, Scheme, Double, double, double[], double[])}
   * where {@code copyPoints = false} hands {@code fun} one work array for all probes: {@code fun}
   * must then neither change nor keep it (the solvers' counted evaluators copy it themselves).
   * The same arithmetic as {@link #jacobian} with one component.
   */
  public static double[] gradient(ToDoubleFunction<double[]> fun, double[] x0, double f0, Scheme scheme,
      Double absStep, double relStep, double[] lb, double[] ub, boolean copyPoints) {
    int n = x0.length;
    double[] h = steps(x0, scheme, absStep, relStep);
    boolean twoPoint = scheme == Scheme.TWO_POINT;
    boolean[] oneSided = twoPoint ? null : new boolean[n];
    adjustToBounds(x0, h, scheme, lb, ub, oneSided);
    double[] g = new double[n];
    double[] x = x0.clone();
    for (int i = 0; i < n; i++) {
      double xi = x0[i];
      double hi = h[i];
      double dx;
      double df;
      if (twoPoint) {
        double xp = xi + hi;
        x[i] = xp;
        dx = xp - xi;
        df = fun.applyAsDouble(copyPoints ? x.clone() : x) - f0;
      } else if (oneSided[i]) {
        x[i] = xi + hi;
        double f1 = fun.applyAsDouble(copyPoints ? x.clone() : x);
        double x2 = xi + 2 * hi;
        x[i] = x2;
        dx = x2 - xi;
        double f2 = fun.applyAsDouble(copyPoints ? x.clone() : x);
        df = -3.0 * f0 + 4 * f1 - f2;
      } else {
        double x1 = xi - hi;
        x[i] = x1;
        double f1 = fun.applyAsDouble(copyPoints ? x.clone() : x);
        double x2 = xi + hi;
        x[i] = x2;
        dx = x2 - x1;
        double f2 = fun.applyAsDouble(copyPoints ? x.clone() : x);
        df = f2 - f1;
      }
      x[i] = xi;
      g[i] = df / dx;
    }
    return g;
  }

  private static void adjustToBounds(double[] x0, double[] h, Scheme scheme, double[] lb, double[] ub,
      boolean[] oneSided) {
    int n = x0.length;
    boolean twoPoint = scheme == Scheme.TWO_POINT;
    if (twoPoint) {
      if (oneSided != null) {
        java.util.Arrays.fill(oneSided, true);
      }
    } else {
      for (int i = 0; i < n; i++) {
        h[i] = Math.abs(h[i]);
      }
    }
    if (lb == null || ub == null) {
      return;
    }
    boolean anyBound = false;
    for (int i = 0; i < n; i++) {
      anyBound |= lb[i] != Double.NEGATIVE_INFINITY || ub[i] != Double.POSITIVE_INFINITY;
    }
    if (!anyBound) {
      return;
    }
    for (int i = 0; i < n; i++) {
      double lbi = lb[i];
      double ubi = ub[i];
      double x0i = x0[i];
      double lower = x0i - lbi;
      double upper = ubi - x0i;
      if (twoPoint) {
        double hi = h[i];
        double xt = x0i + hi;
        boolean violated = xt < lbi || xt > ubi;
        boolean fitting = Math.abs(hi) <= Math.max(lower, upper);
        if (violated && fitting) {
          h[i] = -hi;
        } else if (!fitting) {
          h[i] = upper >= lower ? upper : -lower;
        }
      } else {
        boolean central = lower >= h[i] && upper >= h[i];
        if (!central) {
          if (upper >= lower) {
            h[i] = Math.min(h[i], 0.5 * upper);
          } else {
            h[i] = -Math.min(h[i], 0.5 * lower);
          }
          oneSided[i] = true;
          double minDist = Math.min(upper, lower);
          if (Math.abs(h[i]) <= minDist) {
            h[i] = minDist;
            oneSided[i] = false;
          }
        }
      }
    }
  }

  /**
   * Jacobian ({@code m} rows, one per component) of a vector function at {@code x0} (value
   * {@code f0}), with the same step rules as {@link #gradient}; scipy 1.10.1 uses this for SLSQP's
   * constraint Jacobians ({@code approx_derivative(fun, x, method='2-point', abs_step=eps,
   * bounds=bounds)} when no constraint {@code jac} is given).
   */
  public static double[][] jacobian(java.util.function.Function<double[], double[]> fun, double[] x0, double[] f0,
      Scheme scheme, Double absStep, double relStep, double[] lb, double[] ub) {
    int n = x0.length;
    int m = f0.length;
    double[] h = steps(x0, scheme, absStep, relStep);
    boolean[] oneSided = new boolean[n];
    adjustToBounds(x0, h, scheme, lb, ub, oneSided);
    double[][] jac = new double[m][n];
    double[] x = x0.clone();
    for (int i = 0; i < n; i++) {
      double xi = x0[i];
      double dx;
      double[] df = new double[m];
      if (scheme == Scheme.TWO_POINT) {
        x[i] = xi + h[i];
        dx = x[i] - xi;
        double[] f1 = fun.apply(x.clone());
        for (int k = 0; k < m; k++) {
          df[k] = f1[k] - f0[k];
        }
      } else if (oneSided[i]) {
        x[i] = xi + h[i];
        double[] f1 = fun.apply(x.clone());
        x[i] = xi + 2 * h[i];
        dx = x[i] - xi;
        double[] f2 = fun.apply(x.clone());
        for (int k = 0; k < m; k++) {
          df[k] = -3.0 * f0[k] + 4 * f1[k] - f2[k];
        }
      } else {
        x[i] = xi - h[i];
        double x1 = x[i];
        double[] f1 = fun.apply(x.clone());
        x[i] = xi + h[i];
        dx = x[i] - x1;
        double[] f2 = fun.apply(x.clone());
        for (int k = 0; k < m; k++) {
          df[k] = f2[k] - f1[k];
        }
      }
      x[i] = xi;
      for (int k = 0; k < m; k++) {
        jac[k][i] = df[k] / dx;
      }
    }
    return jac;
  }

  private static double[] steps(double[] x0, Scheme scheme, Double absStep, double relStep) {
    int n = x0.length;
    double[] h = new double[n];
    double rstep = scheme == Scheme.TWO_POINT ? RSTEP_TWO_POINT : RSTEP_THREE_POINT;
    boolean abs = absStep != null;
    double absH = abs ? absStep : 0.0;
    boolean rel = !abs && !Double.isNaN(relStep);
    for (int i = 0; i < n; i++) {
      double xi = x0[i];
      double sign = xi >= 0 ? 1.0 : -1.0;
      double fallback = rstep * sign * Math.max(1.0, Math.abs(xi));
      if (abs) {
        h[i] = (xi + absH) - xi == 0 ? fallback : absH;
      } else if (rel) {
        double hi = relStep * sign * Math.abs(xi);
        h[i] = (xi + hi) - xi == 0 ? fallback : hi;
      } else {
        h[i] = fallback;
      }
    }
    return h;
  }
}
