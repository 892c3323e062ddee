package org.minima4j.tune.pruners;

import org.minima4j.tune.FrozenTrial;
import org.minima4j.tune.Study;

/** Never prunes, as Optuna's {@code NopPruner}. */
public final class NopPruner implements Pruner {
  @Override
  public boolean prune(Study study, FrozenTrial trial) {
    return false;
  }
}
