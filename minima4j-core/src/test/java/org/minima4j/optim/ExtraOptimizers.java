package org.minima4j.optim;

import java.util.ArrayList;
import java.util.List;

/** Contract-test configurations of the optimizers beyond torch 1.13 (Adafactor, Lion). */
final class ExtraOptimizers {
  private ExtraOptimizers() {}

  static List<OptimizerContractTest.Config> configs() {
    return new ArrayList<>();
  }
}
