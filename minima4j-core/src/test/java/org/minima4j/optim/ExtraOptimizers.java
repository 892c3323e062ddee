package org.minima4j.optim;

import java.util.ArrayList;
import java.util.List;

/** Contract-test configurations of the optimizers beyond torch 1.13 (Adafactor, Lion). */
final class ExtraOptimizers {
  private ExtraOptimizers() {}

  static List<OptimizerContractTest.Config> configs() {
    List<OptimizerContractTest.Config> c = new ArrayList<>();
    c.add(new OptimizerContractTest.Config("Adafactor", p -> new Adafactor(p, Adafactor.Options.DEFAULTS.withWeightDecay(0.01)),
        p -> new Adafactor(p, Adafactor.Options.DEFAULTS.withWeightDecay(0.01).withMaximize(true)), false));
    c.add(new OptimizerContractTest.Config("Lion", p -> new Lion(p, Lion.Options.DEFAULTS.withLr(1e-3).withWeightDecay(0.01)),
        p -> new Lion(p, Lion.Options.DEFAULTS.withLr(1e-3).withWeightDecay(0.01).withMaximize(true)), false));
    return c;
  }
}
