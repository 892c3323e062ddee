package org.minima4j.optimize;

import org.minima4j.optimize.internal.EvaluationStop;
import org.minima4j.optimize.internal.Evaluator;

/**
 * One validated minimization problem as the solvers see it: the counted objective, the start point
 * (already inside the bounds), the bounds as arrays ({@code -inf}/{@code +inf} where absent) and the
 * options; it also carries the iteration count and the callback protocol.
 */
final class Problem {
  final Evaluator fn;
  final double[] x0;
  final double[] lb;
  final double[] ub;
  final boolean hasBounds;
  final MinimizeOptions options;
  final int n;
  /** Completed iterations so far, kept current by the solver for early-stop reporting. */
  int nit;
  double[] stopX;
  double stopF = Double.NaN;

  Problem(Evaluator fn, double[] x0, double[] lb, double[] ub, boolean hasBounds, MinimizeOptions options) {
    this.fn = fn;
    this.x0 = x0;
    this.lb = lb;
    this.ub = ub;
    this.hasBounds = hasBounds;
    this.options = options;
    this.n = x0.length;
  }

  /** Runs the user callback after iteration {@code nit}; throws to stop the run if it asks to. */
  void callback(double[] x, double f, int iteration) {
    nit = iteration;
    IterationCallback cb = options.callback();
    if (cb == null) {
      return;
    }
    boolean stop;
    try {
      stop = cb.stop(x.clone(), f, iteration);
    } catch (RuntimeException e) {
      stopX = x.clone();
      stopF = f;
      throw new EvaluationStop(EvaluationStop.Reason.USER_EXCEPTION, "callback threw " + e, e);
    }
    if (stop) {
      stopX = x.clone();
      stopF = f;
      throw new EvaluationStop(EvaluationStop.Reason.CALLBACK, "`callback` requested stop.", null);
    }
  }
}
