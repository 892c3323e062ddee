package org.minima4j.tune.pruners;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import org.minima4j.tune.FrozenTrial;
import org.minima4j.tune.Study;
import org.minima4j.tune.StudyDirection;
import org.minima4j.tune.TrialState;

/**
 * Prunes a trial whose best intermediate value is worse than the given percentile of the COMPLETE trials'
 * values at the same step, as Optuna 3.1's {@code PercentilePruner}: only after {@code nStartupTrials}
 * COMPLETE trials, from step {@code nWarmupSteps} on, at the first report of each {@code intervalSteps}
 * interval, when at least {@code nMinTrials} trials reported that step. A NaN best value is pruned. The
 * percentile is numpy's {@code nanpercentile} (linear interpolation, NaN ignored); for maximization the
 * {@code 100 - percentile} is used.
 */
public class PercentilePruner implements Pruner {
  private final double percentile;
  private final int nStartupTrials;
  private final int nWarmupSteps;
  private final int intervalSteps;
  private final int nMinTrials;

  public PercentilePruner(double percentile) {
    this(percentile, 5, 0, 1, 1);
  }

  /**
   * @param percentile in [0, 100]
   * @param nStartupTrials COMPLETE trials before pruning starts (5)
   * @param nWarmupSteps steps of a trial before it can be pruned (0)
   * @param intervalSteps steps between pruning checks (1)
   * @param nMinTrials reports needed at a step to judge (1)
   */
  public PercentilePruner(double percentile, int nStartupTrials, int nWarmupSteps, int intervalSteps,
      int nMinTrials) {
    if (!(0.0 <= percentile && percentile <= 100)) {
      throw new IllegalArgumentException("Percentile must be between 0 and 100 inclusive but got " + percentile
          + ".");
    }
    if (nStartupTrials < 0) {
      throw new IllegalArgumentException("Number of startup trials cannot be negative but got " + nStartupTrials
          + ".");
    }
    if (nWarmupSteps < 0) {
      throw new IllegalArgumentException("Number of warmup steps cannot be negative but got " + nWarmupSteps + ".");
    }
    if (intervalSteps < 1) {
      throw new IllegalArgumentException("Pruning interval steps must be at least 1 but got " + intervalSteps + ".");
    }
    if (nMinTrials < 1) {
      throw new IllegalArgumentException("Number of trials for pruning must be at least 1 but got " + nMinTrials
          + ".");
    }
    this.percentile = percentile;
    this.nStartupTrials = nStartupTrials;
    this.nWarmupSteps = nWarmupSteps;
    this.intervalSteps = intervalSteps;
    this.nMinTrials = nMinTrials;
  }

  @Override
  public boolean prune(Study study, FrozenTrial trial) {
    List<FrozenTrial> complete = study.getTrials(EnumSet.of(TrialState.COMPLETE));
    int n = complete.size();
    if (n == 0 || n < nStartupTrials) {
      return false;
    }
    Integer step = trial.lastStep();
    if (step == null || step < nWarmupSteps) {
      return false;
    }
    if (!isFirstInIntervalStep(step, trial, nWarmupSteps, intervalSteps)) {
      return false;
    }
    StudyDirection dir = study.direction();
    double best = Double.NaN;
    for (double v : trial.intermediateValues().values()) {
      if (Double.isNaN(v)) {
        continue;
      }
      if (Double.isNaN(best) || (dir == StudyDirection.MAXIMIZE ? v > best : v < best)) {
        best = v;
      }
    }
    if (Double.isNaN(best)) {
      return true;
    }
    List<Double> vals = new ArrayList<>();
    for (FrozenTrial t : complete) {
      Double v = t.intermediateValues().get(step);
      if (v != null) {
        vals.add(v);
      }
    }
    if (vals.size() < nMinTrials) {
      return false;
    }
    double p = nanPercentile(vals, dir == StudyDirection.MAXIMIZE ? 100 - percentile : percentile);
    if (Double.isNaN(p)) {
      return false;
    }
    return dir == StudyDirection.MAXIMIZE ? best < p : best > p;
  }

  static boolean isFirstInIntervalStep(int step, FrozenTrial trial, int nWarmupSteps, int intervalSteps) {
    int nearestLower = Math.floorDiv(step - nWarmupSteps, intervalSteps) * intervalSteps + nWarmupSteps;
    int secondLast = -1;
    for (int s : trial.intermediateValues().keySet()) {
      if (s > secondLast && s != step) {
        secondLast = s;
      }
    }
    return secondLast < nearestLower;
  }

  /** numpy's {@code nanpercentile} with linear interpolation. */
  static double nanPercentile(List<Double> values, double q) {
    double[] v = values.stream().filter(x -> !Double.isNaN(x)).mapToDouble(Double::doubleValue).toArray();
    if (v.length == 0) {
      return Double.NaN;
    }
    Arrays.sort(v);
    double pos = q / 100.0 * (v.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(lo + 1, v.length - 1);
    double frac = pos - lo;
    return v[lo] + (v[hi] - v[lo]) * frac;
  }
}
