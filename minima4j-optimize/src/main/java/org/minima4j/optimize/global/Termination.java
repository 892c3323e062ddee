package org.minima4j.optimize.global;

/**
 * When {@link GlobalOptimizer#optimize} stops, in addition to the algorithm's own criteria
 * ({@link GlobalOptimizer#shouldStop()}).
 *
 * <p>{@code maxEvaluations} is checked before each batch is asked, so the last batch (one
 * generation of a population method) may finish past it, as the anchors' protocols do.
 * {@code maxIterations} counts the optimizer's iterations (generations).
 * {@code targetValue}: stop once the best value is {@code <=} it. Stagnation: stop once the
 * best-so-far value has not improved by more than {@code stagnationTolerance} over the last
 * {@code stagnationIterations} iterations ({@code 0} disables it).
 */
public record Termination(long maxEvaluations, long maxIterations, double targetValue,
    double stagnationTolerance, int stagnationIterations) {

  /** No limit beyond the algorithm's own stopping rules. */
  public static final Termination DEFAULTS =
      new Termination(Long.MAX_VALUE, Long.MAX_VALUE, Double.NEGATIVE_INFINITY, 0.0, 0);

  public Termination {
    if (maxEvaluations < 1) {
      throw new IllegalArgumentException("maxEvaluations must be >= 1, got " + maxEvaluations);
    }
    if (maxIterations < 1) {
      throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
    }
    if (Double.isNaN(targetValue)) {
      throw new IllegalArgumentException("targetValue must not be NaN");
    }
    if (!(stagnationTolerance >= 0)) {
      throw new IllegalArgumentException("stagnationTolerance must be >= 0, got " + stagnationTolerance);
    }
    if (stagnationIterations < 0) {
      throw new IllegalArgumentException("stagnationIterations must be >= 0, got " + stagnationIterations);
    }
  }

  /** A budget of {@code maxEvaluations} objective calls and no other limit. */
  public static Termination ofEvaluations(long maxEvaluations) {
    return DEFAULTS.withMaxEvaluations(maxEvaluations);
  }

  public Termination withMaxEvaluations(long v) {
    return new Termination(v, maxIterations, targetValue, stagnationTolerance, stagnationIterations);
  }

  public Termination withMaxIterations(long v) {
    return new Termination(maxEvaluations, v, targetValue, stagnationTolerance, stagnationIterations);
  }

  public Termination withTargetValue(double v) {
    return new Termination(maxEvaluations, maxIterations, v, stagnationTolerance, stagnationIterations);
  }

  /** Stop when the best value improves by no more than {@code tolerance} over {@code iterations} iterations. */
  public Termination withStagnation(double tolerance, int iterations) {
    return new Termination(maxEvaluations, maxIterations, targetValue, tolerance, iterations);
  }
}
