package org.minima4j.tune.pruners;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.minima4j.tune.FrozenTrial;
import org.minima4j.tune.Study;
import org.minima4j.tune.StudyDirection;

/**
 * Optuna's {@code PatientPruner}: when the best of the last {@code patience + 1} reports is worse than the
 * best before them by more than {@code minDelta} (Optuna's strict comparison), defers to the wrapped pruner (or prunes when there is
 * none); otherwise never prunes.
 */
public final class PatientPruner implements Pruner {
  private final Pruner wrapped;
  private final int patience;
  private final double minDelta;

  /**
   * @param wrapped pruner consulted once patience runs out, or null to prune then
   * @param patience reports without improvement tolerated (>= 0)
   * @param minDelta improvement threshold (>= 0)
   */
  public PatientPruner(Pruner wrapped, int patience, double minDelta) {
    if (patience < 0) {
      throw new IllegalArgumentException("patience cannot be negative but got " + patience + ".");
    }
    if (!(minDelta >= 0)) {
      throw new IllegalArgumentException("min_delta cannot be negative but got " + minDelta + ".");
    }
    this.wrapped = wrapped;
    this.patience = patience;
    this.minDelta = minDelta;
  }

  @Override
  public boolean prune(Study study, FrozenTrial trial) {
    Integer step = trial.lastStep();
    if (step == null) {
      return false;
    }
    List<Double> values = new ArrayList<>();
    for (Map.Entry<Integer, Double> e : trial.intermediateValues().entrySet()) {
      values.add(e.getValue());
    }
    if (values.size() <= patience + 1) {
      return false;
    }
    List<Double> before = values.subList(0, values.size() - patience - 1);
    List<Double> after = values.subList(values.size() - patience - 1, values.size());
    boolean max = study.direction() == StudyDirection.MAXIMIZE;
    double bestBefore = best(before, max);
    double bestAfter = best(after, max);
    boolean stale = max ? bestBefore - minDelta > bestAfter : bestBefore + minDelta < bestAfter;
    if (!stale) {
      return false;
    }
    return wrapped == null || wrapped.prune(study, trial);
  }

  private static double best(List<Double> v, boolean max) {
    double b = Double.NaN;
    for (double x : v) {
      if (Double.isNaN(x)) {
        continue;
      }
      if (Double.isNaN(b) || (max ? x > b : x < b)) {
        b = x;
      }
    }
    return b;
  }
}
