package org.minima4j.tune.pruners;

/**
 * Prunes a trial whose best intermediate value is worse than the median of COMPLETE trials at the same step:
 * Optuna's {@code MedianPruner}, a {@link PercentilePruner} at 50 with defaults {@code n_startup_trials=5,
 * n_warmup_steps=0, interval_steps=1, n_min_trials=1}.
 */
public final class MedianPruner extends PercentilePruner {
  /** Optuna's defaults. */
  public MedianPruner() {
    this(5, 0, 1, 1);
  }

  public MedianPruner(int nStartupTrials, int nWarmupSteps, int intervalSteps, int nMinTrials) {
    super(50.0, nStartupTrials, nWarmupSteps, intervalSteps, nMinTrials);
  }
}
