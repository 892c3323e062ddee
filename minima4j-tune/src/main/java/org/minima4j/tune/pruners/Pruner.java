package org.minima4j.tune.pruners;

import java.util.function.Predicate;
import org.minima4j.tune.FrozenTrial;
import org.minima4j.tune.Study;

/** A pruner, as Optuna's {@code BasePruner}: decides from reported intermediate values whether to stop a trial. */
public interface Pruner {

  /** Whether {@code trial} (RUNNING, with its reports so far) should be pruned now. */
  boolean prune(Study study, FrozenTrial trial);

  /**
   * The trials that {@code trial}'s sampler and pruner should see, or null for all. Hyperband uses it to
   * keep each bracket apart, as Optuna's {@code _filter_study}.
   */
  default Predicate<FrozenTrial> trialFilter(Study study, FrozenTrial trial) {
    return null;
  }
}
