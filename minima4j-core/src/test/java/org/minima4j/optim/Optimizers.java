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
      case "Adadelta":
        return new Adadelta(params, Adadelta.Options.DEFAULTS.fromMap(kwargs));
      case "Adamax":
        return new Adamax(params, Adamax.Options.DEFAULTS.fromMap(kwargs));
      case "NAdam":
        return new NAdam(params, NAdam.Options.DEFAULTS.fromMap(kwargs));
      case "RAdam":
        return new RAdam(params, RAdam.Options.DEFAULTS.fromMap(kwargs));
      case "Rprop":
        return new Rprop(params, Rprop.Options.DEFAULTS.fromMap(kwargs));
      case "ASGD":
        return new ASGD(params, ASGD.Options.DEFAULTS.fromMap(kwargs));
      case "LBFGS":
        // the reference is torch 1.13.1, whose strong-Wolfe search may exceed max_eval
        return new LBFGS(params, LBFGS.Options.DEFAULTS.withStrictMaxEval(false).fromMap(kwargs));
      default:
        return null;
    }
  }
}
