package org.minima4j.optimize.global;

import java.util.Arrays;
import org.minima4j.optimize.OptimizeResult;

/**
 * The outcome of a global optimization run: the best point seen and its value (never a NaN
 * evaluation), counts, the best-so-far value after each iteration ({@code history}, for plots),
 * and why the run stopped.
 *
 * @param x best point seen
 * @param fun its objective value
 * @param nfev objective evaluations, including local searches
 * @param nit iterations (generations) completed
 * @param nonFinite evaluations that returned NaN (treated as +infinity, the worst value)
 * @param history best-so-far value after each iteration, {@code history.length == nit}
 * @param reason why the run stopped
 * @param message readable stop message (the algorithm's own where it gave one)
 */
public record GlobalResult(double[] x, double fun, long nfev, long nit, long nonFinite, double[] history,
    StopReason reason, String message) {

  @Override
  public double[] x() {
    return x.clone();
  }

  @Override
  public double[] history() {
    return history.clone();
  }

  /** {@code reason().success()}: target reached, converged or stagnated, not a budget or callback stop. */
  public boolean success() {
    return reason.success();
  }

  /** The same outcome as a scipy-style {@link OptimizeResult} (counts saturate at Integer.MAX_VALUE). */
  public OptimizeResult toOptimizeResult() {
    return new OptimizeResult(x.clone(), fun, null, (int) Math.min(nit, Integer.MAX_VALUE),
        (int) Math.min(nfev, Integer.MAX_VALUE), 0, 0, reason.ordinal(), success(), message, 0.0);
  }

  @Override
  public String toString() {
    return "GlobalResult[fun=" + fun + ", x=" + Arrays.toString(x) + ", nfev=" + nfev + ", nit=" + nit
        + ", nonFinite=" + nonFinite + ", reason=" + reason + ", message=" + message + "]";
  }
}
