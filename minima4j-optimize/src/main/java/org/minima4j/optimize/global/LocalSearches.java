package org.minima4j.optimize.global;

import org.minima4j.optimize.Method;
import org.minima4j.optimize.Minimize;
import org.minima4j.optimize.MinimizeOptions;

/**
 * The local searches scipy plugs into its global methods: bounded L-BFGS-B with finite-difference
 * gradients (scipy's default {@code minimizer_kwargs} of dual_annealing and the {@code polish} of
 * differential_evolution), limited to the iterations the global method passes.
 */
public final class LocalSearches {
  /** {@code minimize(f, x0, method='L-BFGS-B', bounds=..., options={'maxiter': maxIterations})}. */
  public static final LocalSearch LBFGSB = (f, x0, bounds, maxIterations) -> Minimize.minimize(f, x0, Method.L_BFGS_B,
      MinimizeOptions.DEFAULTS.withBounds(bounds).withMaxiter(maxIterations));

  private LocalSearches() {}
}
