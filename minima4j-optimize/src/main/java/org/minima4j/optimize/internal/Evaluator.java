package org.minima4j.optimize.internal;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;

/**
 * The objective as the solvers see it, following scipy 1.10.1's {@code ScalarFunction}
 * ({@code scipy/optimize/_differentiable_functions.py}): the value and gradient at the last point
 * are cached (a point is re-evaluated only when it changes), {@code nfev} counts every objective
 * call including finite-difference probes, {@code ngev} counts gradient requests. On top of scipy it
 * enforces {@code maxfun} as a hard limit, rejects NaN values and exceptions from user code, and
 * remembers the best point seen; each of these ends the run with an {@link EvaluationStop}.
 * Infinite values pass through, as in scipy: line searches that overshoot into a region where the
 * objective overflows recover from them.
 */
public final class Evaluator {
  /** User value function. */
  public interface Value {
    double value(double[] x);
  }

  /** User value-and-gradient function ({@code jac=True}). */
  public interface ValueGrad {
    double valueAndGradient(double[] x, double[] grad);
  }

  /** User gradient function ({@code jac=callable}). */
  public interface Grad {
    double[] gradient(double[] x);
  }

  /** How the gradient is obtained. */
  public enum GradSource { ANALYTIC, COMBINED, FINITE_DIFFERENCE }

  private final int n;
  private final Value fun;
  private final Grad grad;
  private final ValueGrad combined;
  private final GradSource source;
  private final FiniteDifferences.Scheme scheme;
  private final Double absStep;
  private final double relStep;
  private final double[] lb;
  private final double[] ub;
  private final long maxfun;

  private int nfev;
  private int ngev;
  private double[] x;
  private double f;
  private double[] g;
  private boolean fUpdated;
  private boolean gUpdated;

  private double[] memoX;
  private double[] memoGrad;

  private double[] bestX;
  private double bestF = Double.POSITIVE_INFINITY;

  private Evaluator(int n, Value fun, Grad grad, ValueGrad combined, GradSource source,
      FiniteDifferences.Scheme scheme, Double absStep, double relStep, double[] lb, double[] ub, long maxfun) {
    this.n = n;
    this.fun = fun;
    this.grad = grad;
    this.combined = combined;
    this.source = source;
    this.scheme = scheme;
    this.absStep = absStep;
    this.relStep = relStep;
    this.lb = lb;
    this.ub = ub;
    this.maxfun = maxfun;
  }

  /** An objective with an analytic gradient function. */
  public static Evaluator analytic(int n, Value fun, Grad grad, long maxfun) {
    return new Evaluator(n, fun, grad, null, GradSource.ANALYTIC, null, null, Double.NaN, null, null, maxfun);
  }

  /** An objective returning value and gradient together (scipy's {@code MemoizeJac}). */
  public static Evaluator combined(int n, ValueGrad fg, long maxfun) {
    return new Evaluator(n, null, null, fg, GradSource.COMBINED, null, null, Double.NaN, null, null, maxfun);
  }

  /**
   * An objective whose gradient comes from finite differences: {@code absStep} non-null gives scipy's
   * absolute {@code eps} forward differences, otherwise relative steps ({@code relStep} NaN = default).
   */
  public static Evaluator finiteDifference(int n, Value fun, FiniteDifferences.Scheme scheme, Double absStep,
      double relStep, double[] lb, double[] ub, long maxfun) {
    return new Evaluator(n, fun, null, null, GradSource.FINITE_DIFFERENCE, scheme, absStep, relStep, lb, ub,
        maxfun);
  }

  /** The hard limit on objective calls. */
  public long maxfun() {
    return maxfun;
  }

  public int nfev() {
    return nfev;
  }

  public int ngev() {
    return ngev;
  }

  /** Best (lowest) value seen, or +inf before any evaluation. */
  public double bestF() {
    return bestF;
  }

  /** The point of {@link #bestF()}, or null before any evaluation. */
  public double[] bestX() {
    return bestX == null ? null : bestX.clone();
  }

  /** The objective at {@code x}, evaluated only if {@code x} differs from the cached point. */
  public double fun(double[] xin) {
    moveTo(xin);
    updateFun();
    return f;
  }

  /**
   * The objective at {@code x}, always evaluated and counted (scipy's
   * {@code _wrap_scalar_function_maxfun_validation}, used by Nelder-Mead and Powell, keeps no cache).
   */
  public double evaluate(double[] xin) {
    return call(xin);
  }

  /** The gradient at {@code x} (a copy), computed only if not cached for this point. */
  public double[] grad(double[] xin) {
    moveTo(xin);
    updateGrad();
    return g.clone();
  }

  /** {@link #grad(double[])} written to {@code out[off..off+n-1]} instead of a new array. */
  public void grad(double[] xin, double[] out, int off) {
    moveTo(xin);
    updateGrad();
    System.arraycopy(g, 0, out, off, n);
  }

  private void moveTo(double[] xin) {
    if (x == null || !Arrays.equals(x, xin)) {
      x = xin.clone();
      fUpdated = false;
      gUpdated = false;
    }
  }

  private void updateFun() {
    if (!fUpdated) {
      f = call(x);
      fUpdated = true;
    }
  }

  private void updateGrad() {
    if (gUpdated) {
      return;
    }
    switch (source) {
      case ANALYTIC -> {
        ngev++;
        double[] gg = invokeGrad(x);
        g = gg;
      }
      case COMBINED -> {
        ngev++;
        if (memoX == null || !Arrays.equals(memoX, x)) {
          double[] buf = new double[n];
          double v = invokeCombined(x, buf);
          check(v, x);
          memoX = x.clone();
          memoGrad = buf;
        }
        g = memoGrad.clone();
      }
      case FINITE_DIFFERENCE -> {
        updateFun();
        ngev++;
        // call() copies the probe point before the user sees it, so the differences can reuse one array
        g = FiniteDifferences.gradient(new Probe(), x, f, scheme, absStep, relStep, lb, ub, false);
      }
      default -> throw new IllegalStateException(source.toString());
    }
    for (int i = 0; i < n; i++) {
      if (Double.isNaN(g[i])) {
        throw new EvaluationStop(EvaluationStop.Reason.NON_FINITE,
            "gradient component " + i + " is " + g[i] + " at x = " + Arrays.toString(x), null);
      }
    }
    gUpdated = true;
  }

  /** {@link #call} for the finite differences (a nested class links faster than {@code this::call}). */
  private final class Probe implements ToDoubleFunction<double[]> {
    @Override
    public double applyAsDouble(double[] at) {
      return call(at);
    }
  }

  /** One counted objective call (scipy's {@code fun_wrapped}). */
  private double call(double[] at) {
    if (nfev >= maxfun) {
      throw new EvaluationStop(EvaluationStop.Reason.MAXFUN,
          "maximum number of function evaluations (" + maxfun + ") reached", null);
    }
    nfev++;
    double v;
    if (source == GradSource.COMBINED) {
      double[] buf = new double[n];
      v = invokeCombined(at, buf);
      check(v, at);
      memoX = at.clone();
      memoGrad = buf;
    } else {
      try {
        v = fun.value(at.clone());
      } catch (RuntimeException e) {
        throw new EvaluationStop(EvaluationStop.Reason.USER_EXCEPTION, "objective threw " + e, e);
      }
      check(v, at);
    }
    if (v < bestF) {
      bestF = v;
      bestX = at.clone();
    }
    return v;
  }

  private void check(double v, double[] at) {
    if (Double.isNaN(v)) {
      throw new EvaluationStop(EvaluationStop.Reason.NON_FINITE,
          "objective returned " + v + " at x = " + Arrays.toString(at), null);
    }
  }

  private double invokeCombined(double[] at, double[] buf) {
    try {
      return combined.valueAndGradient(at.clone(), buf);
    } catch (ContractViolation e) {
      throw e;
    } catch (RuntimeException e) {
      throw new EvaluationStop(EvaluationStop.Reason.USER_EXCEPTION, "objective threw " + e, e);
    }
  }

  private double[] invokeGrad(double[] at) {
    double[] gg;
    try {
      gg = grad.gradient(at.clone());
    } catch (RuntimeException e) {
      throw new EvaluationStop(EvaluationStop.Reason.USER_EXCEPTION, "gradient threw " + e, e);
    }
    if (gg == null || gg.length != n) {
      throw new IllegalArgumentException("gradient must have length " + n + " (the length of x0), got "
          + (gg == null ? "null" : String.valueOf(gg.length)));
    }
    return gg.clone();
  }

}
