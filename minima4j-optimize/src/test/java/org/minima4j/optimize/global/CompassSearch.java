package org.minima4j.optimize.global;

import org.minima4j.optimize.Bounds;
import org.minima4j.optimize.Objective;
import org.minima4j.optimize.OptimizeResult;

/**
 * A deterministic bounded compass search used as the pluggable local search in tests (a stand-in
 * for L-BFGS-B, which lives on another branch): try +-step along each coordinate, keep improvements,
 * halve the step when none helps, stop below 1e-9 of the box width or after maxIterations sweeps.
 */
final class CompassSearch implements LocalSearch {
  int calls;

  @Override
  public OptimizeResult minimize(Objective f, double[] x0, Bounds bounds, int maxIterations) {
    calls++;
    double[] lb = bounds.lb();
    double[] ub = bounds.ub();
    int n = x0.length;
    double[] x = x0.clone();
    double fx = f.value(x);
    int nfev = 1;
    double[] step = new double[n];
    for (int i = 0; i < n; i++) {
      step[i] = 0.1 * (ub[i] - lb[i]);
    }
    int it = 0;
    while (it < maxIterations) {
      it++;
      boolean improved = false;
      for (int i = 0; i < n; i++) {
        for (int sgn = -1; sgn <= 1; sgn += 2) {
          double[] y = x.clone();
          y[i] = Math.min(Math.max(x[i] + sgn * step[i], lb[i]), ub[i]);
          double fy = f.value(y);
          nfev++;
          if (fy < fx) {
            x = y;
            fx = fy;
            improved = true;
            break;
          }
        }
      }
      if (!improved) {
        boolean small = true;
        for (int i = 0; i < n; i++) {
          step[i] *= 0.5;
          small &= step[i] < 1e-9 * (ub[i] - lb[i]);
        }
        if (small) {
          break;
        }
      }
    }
    return new OptimizeResult(x, fx, null, it, nfev, 0, 0, 0, true, "compass search done", 0.0);
  }
}
