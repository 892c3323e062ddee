package org.minima4j.optim;

import java.util.List;
import java.util.Map;
import org.minima4j.tensor.Tensor;

/** Builds an optimizer from torch's class name and keyword arguments (test helper). */
final class Optimizers {
  private Optimizers() {}

  static Optimizer<?, ?> create(String name, Map<String, ?> kwargs, List<? extends Tensor> params) {
    switch (name) {
      case "SGD":
        return new SGD(params, SGD.Options.DEFAULTS.fromMap(kwargs));
      case "Adam":
        return new Adam(params, Adam.Options.DEFAULTS.fromMap(kwargs));
      case "AdamW":
        return new AdamW(params, AdamW.Options.DEFAULTS.fromMap(kwargs));
      case "RMSprop":
        return new RMSprop(params, RMSprop.Options.DEFAULTS.fromMap(kwargs));
      case "Adagrad":
        return new Adagrad(params, Adagrad.Options.DEFAULTS.fromMap(kwargs));
      default:
        return null;
    }
  }
}
