package org.minima4j.optimize.global;

import org.minima4j.optimize.Bounds;
import org.minima4j.optimize.Method;
import org.minima4j.optimize.Minimize;
import org.minima4j.optimize.MinimizeOptions;
import org.minima4j.optimize.Objective;
import org.minima4j.optimize.OptimizeResult;

/**
 * The local searches scipy plugs into its global methods: bounded L-BFGS-B with finite-difference
 * gradients (scipy's default {@code minimizer_kwargs} of dual_annealing and the {@code polish} of
 * differential_evolution), limited to the iterations the global method passes.
 */
public final class LocalSearches {
  /** {@code minimize(f, x0, method='L-BFGS-B', bounds=..., options={'maxiter': maxIterations})}. */
  public static final LocalSearch LBFGSB = new Lbfgsb();

  /** {@link #LBFGSB} (a nested class: it links faster than a lambda in a fresh JVM). */
  private static final class Lbfgsb implements LocalSearch {
    @Override
    public OptimizeResult minimize(Objective f, double[] x0, Bounds bounds, int maxIterations) {
      return Minimize.minimize(f, x0, Method.L_BFGS_B,
          MinimizeOptions.DEFAULTS.withBounds(bounds).withMaxiter(maxIterations));
    }
  }

  private LocalSearches() {}
}
