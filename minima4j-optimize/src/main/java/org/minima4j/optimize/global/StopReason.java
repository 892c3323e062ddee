package org.minima4j.optimize.global;

/** Why a {@link GlobalOptimizer#optimize} run ended. */
public enum StopReason {
  /** The evaluation budget ({@link Termination#maxEvaluations()}) was used up. */
  MAX_EVALUATIONS(false, "Maximum number of function evaluations reached"),
  /** The iteration limit ({@link Termination#maxIterations()}) was reached. */
  MAX_ITERATIONS(false, "Maximum number of iterations reached"),
  /** The best value reached {@link Termination#targetValue()}. */
  TARGET_REACHED(true, "Target value reached"),
  /** The best value did not improve by more than the stagnation tolerance for the stagnation window. */
  STAGNATION(true, "Best value stagnated"),
  /** The algorithm's own termination criterion fired (its message says which). */
  CONVERGED(true, "Algorithm termination criterion met"),
  /** The callback asked to stop. */
  CALLBACK(false, "Stopped by the callback");

  private final boolean success;
  private final String defaultMessage;

  StopReason(boolean success, String defaultMessage) {
    this.success = success;
    this.defaultMessage = defaultMessage;
  }

  /** Whether a run ending this way counts as {@code success} in {@link GlobalResult}. */
  public boolean success() {
    return success;
  }

  public String defaultMessage() {
    return defaultMessage;
  }
}
