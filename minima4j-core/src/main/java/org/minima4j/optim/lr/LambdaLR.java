package org.minima4j.optim.lr;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;
import org.minima4j.optim.Optimizer;

/**
 * Sets each group's learning rate to {@code base_lr * lambda(epoch)}, as torch's {@code LambdaLR}
 * (one function for all groups, or one per group). Not chainable: it starts from the base rates.
 * The functions are not saved in the state dict (torch saves them only when they are objects).
 */
public final class LambdaLR extends LRScheduler {
  private final List<IntToDoubleFunction> lambdas;

  public LambdaLR(Optimizer<?, ?> optimizer, IntToDoubleFunction lrLambda) {
    this(optimizer, Collections.nCopies(optimizer.paramGroups().size(), lrLambda), -1);
  }

  public LambdaLR(Optimizer<?, ?> optimizer, List<IntToDoubleFunction> lrLambdas) {
    this(optimizer, lrLambdas, -1);
  }

  public LambdaLR(Optimizer<?, ?> optimizer, List<IntToDoubleFunction> lrLambdas, int lastEpoch) {
    super(optimizer, lastEpoch);
    if (lrLambdas.size() != optimizer.paramGroups().size()) {
      throw new IllegalArgumentException("Expected " + optimizer.paramGroups().size() + " lr_lambdas, but got "
          + lrLambdas.size());
    }
    this.lambdas = new ArrayList<>(lrLambdas);
    initialStep();
  }

  @Override
  protected double[] getLr() {
    double[] out = new double[baseLrs.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = baseLrs[i] * lambdas.get(i).applyAsDouble(lastEpoch);
    }
    return out;
  }

  @Override
  protected void saveSettings(Map<String, Object> m) {
    m.put("lr_lambdas", new ArrayList<>(Collections.nCopies(lambdas.size(), null)));
  }
}
