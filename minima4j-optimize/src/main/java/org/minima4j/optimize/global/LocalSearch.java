package org.minima4j.optimize.global;

import org.minima4j.optimize.Bounds;
import org.minima4j.optimize.Objective;
import org.minima4j.optimize.OptimizeResult;

/**
 * A bounded local minimizer plugged into a global method: differential evolution's polish and
 * dual annealing's local search (scipy uses L-BFGS-B for both). minima4j's global package has no
 * dependency on any local method; wire one in with a lambda, for example
 * {@code (f, x0, b, maxIter) -> Minimize.minimize(f, x0, Method.L_BFGS_B, opts.withBounds(b).withMaxiter(maxIter))}.
 *
 * <p>The objective handed to the local search counts every call in the global optimizer's
 * {@code nfev} and best-so-far. Only {@code x()} and {@code fun()} of the result are used; a
 * result that is not finite, is outside the bounds or is not better is discarded, as scipy does.
 */
@FunctionalInterface
public interface LocalSearch {
  /**
   * @param f the objective (already counted)
   * @param x0 start point, inside {@code bounds}
   * @param bounds the global optimizer's box
   * @param maxIterations the iteration limit the anchor would pass (scipy's {@code options={'maxiter': ...}})
   */
  OptimizeResult minimize(Objective f, double[] x0, Bounds bounds, int maxIterations);
}
