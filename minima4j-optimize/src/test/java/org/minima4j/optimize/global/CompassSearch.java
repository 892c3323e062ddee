package org.minima4j.optimize.global;

import org.minima4j.optimize.Bounds;
import org.minima4j.optimize.Objective;
import org.minima4j.optimize.OptimizeResult;

/**
 * The benchmark's compass search ({@link org.minima4j.optimize.global.bench.CompassSearch}, a stand-in for
 * L-BFGS-B, which lives on another branch) with a call counter, as the pluggable local search in tests.
 */
final class CompassSearch implements LocalSearch {
  private final LocalSearch inner = new org.minima4j.optimize.global.bench.CompassSearch();
  int calls;

  @Override
  public OptimizeResult minimize(Objective f, double[] x0, Bounds bounds, int maxIterations) {
    calls++;
    return inner.minimize(f, x0, bounds, maxIterations);
  }
}
