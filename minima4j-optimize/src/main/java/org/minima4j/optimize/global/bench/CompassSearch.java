package org.minima4j.optimize.global.bench;

import org.minima4j.optimize.Bounds;
import org.minima4j.optimize.Objective;
import org.minima4j.optimize.OptimizeResult;
import org.minima4j.optimize.global.LocalSearch;

/**
 * A bounded compass (coordinate pattern) search, the benchmark's stand-in local search for
 * scipy's L-BFGS-B until minima4j's L-BFGS-B is wired into {@link LocalSearch}: try +-step along each
 * coordinate (first improvement wins), halve all steps when a sweep finds nothing, stop when the
 * steps fall below 1e-9 of the box width or after {@code maxIterations} sweeps. It uses more
 * evaluations than a quasi-Newton method would.
 */
public final class CompassSearch implements LocalSearch {
  @Override
  public OptimizeResult minimize(Objective f, double[] x0, Bounds bounds, int maxIterations) {
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
    return new OptimizeResult(x, fx, null, it, nfev, 0, 0, 0, true, "compass search finished", 0.0);
  }
}
