package org.minima4j.tune.pruners;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import org.minima4j.tune.FrozenTrial;
import org.minima4j.tune.Study;
import org.minima4j.tune.StudyDirection;
import org.minima4j.tune.TrialState;

/**
 * Asynchronous successive halving (ASHA, Li et al., MLSys 2020), stopping variant, as Optuna 3.1's
 * {@code SuccessiveHalvingPruner}. Rung k is reached at step {@code minResource * eta^(minEarlyStoppingRate + k)};
 * there the trial's value is stored in the system attribute {@code completed_rung_k} and the trial survives
 * iff it is within the top {@code 1/eta} of all values stored for that rung so far (itself included; the
 * first {@code eta - 1} arrivals must be the best so far). NaN is pruned.
 */
public final class SuccessiveHalvingPruner implements Pruner {
  private Integer minResource;
  private final int reductionFactor;
  private final int minEarlyStoppingRate;
  private final int bootstrapCount;

  /** Optuna's defaults: min_resource "auto", reduction_factor 4, min_early_stopping_rate 0, bootstrap_count 0. */
  public SuccessiveHalvingPruner() {
    this(null, 4, 0, 0);
  }

  /**
   * @param minResource steps of the first rung, or null for "auto" ({@code max(last step of COMPLETE trials / 100, 1)}
   *     once a trial completed)
   * @param reductionFactor eta (>= 2)
   * @param minEarlyStoppingRate s (>= 0)
   * @param bootstrapCount values a rung needs before any trial survives it (>= 0)
   */
  public SuccessiveHalvingPruner(Integer minResource, int reductionFactor, int minEarlyStoppingRate,
      int bootstrapCount) {
    if (minResource != null && minResource < 1) {
      throw new IllegalArgumentException("The value of `min_resource` is " + minResource
          + ", but must be `min_resource >= 1`");
    }
    if (reductionFactor < 2) {
      throw new IllegalArgumentException("The value of `reduction_factor` is " + reductionFactor
          + ", but must be `reduction_factor >= 2`");
    }
    if (minEarlyStoppingRate < 0) {
      throw new IllegalArgumentException("The value of `min_early_stopping_rate` is " + minEarlyStoppingRate
          + ", but must be `min_early_stopping_rate >= 0`");
    }
    if (bootstrapCount < 0) {
      throw new IllegalArgumentException("The value of `bootstrap_count` is " + bootstrapCount
          + ", but must be `bootstrap_count >= 0`");
    }
    if (bootstrapCount > 0 && minResource == null) {
      throw new IllegalArgumentException("bootstrap_count > 0 and min_resource == 'auto' are mutually incompatible, "
          + "bootstrap_count is " + bootstrapCount);
    }
    this.minResource = minResource;
    this.reductionFactor = reductionFactor;
    this.minEarlyStoppingRate = minEarlyStoppingRate;
    this.bootstrapCount = bootstrapCount;
  }

  /** System attribute key of rung {@code rung}. */
  public static String completedRungKey(int rung) {
    return "completed_rung_" + rung;
  }

  @Override
  public boolean prune(Study study, FrozenTrial trial) {
    Integer step = trial.lastStep();
    if (step == null) {
      return false;
    }
    int rung = 0;
    while (trial.systemAttrs().containsKey(completedRungKey(rung))) {
      rung++;
    }
    double value = trial.intermediateValues().get(step);
    List<FrozenTrial> trials = null;
    while (true) {
      if (minResource == null) {
        trials = study.getTrials(EnumSet.of(TrialState.COMPLETE));
        int last = -1;
        for (FrozenTrial t : trials) {
          if (t.lastStep() != null) {
            last = Math.max(last, t.lastStep());
          }
        }
        if (last < 0) {
          return false;
        }
        minResource = Math.max(last / 100, 1);
        trials = null;
      }
      double promotionStep = minResource * Math.pow(reductionFactor, minEarlyStoppingRate + rung);
      if (step < promotionStep) {
        return false;
      }
      if (Double.isNaN(value)) {
        return true;
      }
      if (trials == null) {
        trials = study.getTrials((java.util.Set<TrialState>) null);
      }
      String key = completedRungKey(rung);
      study.storage().setTrialSystemAttr(trial.trialId(), key, value);
      List<Double> competing = new ArrayList<>();
      for (FrozenTrial t : trials) {
        if (t.trialId() != trial.trialId() && t.systemAttrs().get(key) instanceof Number num) {
          competing.add(num.doubleValue());
        }
      }
      competing.add(value);
      if (competing.size() <= bootstrapCount) {
        return true;
      }
      if (!promotable(value, competing, reductionFactor, study.direction())) {
        return true;
      }
      rung++;
    }
  }

  static boolean promotable(double value, List<Double> competing, int eta, StudyDirection dir) {
    int idx = competing.size() / eta - 1;
    if (idx == -1) {
      idx = 0;
    }
    Collections.sort(competing);
    if (dir == StudyDirection.MAXIMIZE) {
      return value >= competing.get(competing.size() - 1 - idx);
    }
    return value <= competing.get(idx);
  }
}
