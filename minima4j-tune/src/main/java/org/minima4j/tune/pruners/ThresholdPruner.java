package org.minima4j.tune.pruners;

import org.minima4j.tune.FrozenTrial;
import org.minima4j.tune.Study;

/**
 * Prunes when the latest intermediate value is below {@code lower}, above {@code upper} or NaN, as Optuna's
 * {@code ThresholdPruner} (from step {@code nWarmupSteps}, at the first report of each interval).
 */
public final class ThresholdPruner implements Pruner {
  private final Double lower;
  private final Double upper;
  private final int nWarmupSteps;
  private final int intervalSteps;

  /**
   * @param lower lower bound or null
   * @param upper upper bound or null
   * @param nWarmupSteps steps before pruning (0)
   * @param intervalSteps steps between checks (1)
   */
  public ThresholdPruner(Double lower, Double upper, int nWarmupSteps, int intervalSteps) {
    if (lower == null && upper == null) {
      throw new IllegalArgumentException("Either lower or upper must be specified.");
    }
    if (lower != null && Double.isNaN(lower) || upper != null && Double.isNaN(upper)) {
      throw new IllegalArgumentException("lower and upper must not be NaN.");
    }
    if (lower != null && upper != null && lower > upper) {
      throw new IllegalArgumentException("lower should be smaller than upper. lower:" + lower + " upper:" + upper);
    }
    if (nWarmupSteps < 0) {
      throw new IllegalArgumentException("Number of warmup steps cannot be negative but got " + nWarmupSteps + ".");
    }
    if (intervalSteps < 1) {
      throw new IllegalArgumentException("Pruning interval steps must be at least 1 but got " + intervalSteps + ".");
    }
    this.lower = lower;
    this.upper = upper;
    this.nWarmupSteps = nWarmupSteps;
    this.intervalSteps = intervalSteps;
  }

  public ThresholdPruner(Double lower, Double upper) {
    this(lower, upper, 0, 1);
  }

  @Override
  public boolean prune(Study study, FrozenTrial trial) {
    Integer step = trial.lastStep();
    if (step == null || step < nWarmupSteps) {
      return false;
    }
    if (!PercentilePruner.isFirstInIntervalStep(step, trial, nWarmupSteps, intervalSteps)) {
      return false;
    }
    double v = trial.intermediateValues().get(step);
    if (Double.isNaN(v)) {
      return true;
    }
    return (lower != null && v < lower) || (upper != null && v > upper);
  }
}
