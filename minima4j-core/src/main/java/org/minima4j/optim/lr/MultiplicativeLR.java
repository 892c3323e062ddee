package org.minima4j.optim.lr;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;
import org.minima4j.optim.Optimizer;

/**
 * Multiplies each group's learning rate by {@code lambda(epoch)} every epoch after the first, as
 * torch's {@code MultiplicativeLR}. The functions are not saved in the state dict.
 */
public final class MultiplicativeLR extends LRScheduler {
  private final List<IntToDoubleFunction> lambdas;

  public MultiplicativeLR(Optimizer<?, ?> optimizer, IntToDoubleFunction lrLambda) {
    this(optimizer, Collections.nCopies(optimizer.paramGroups().size(), lrLambda), -1);
  }

  public MultiplicativeLR(Optimizer<?, ?> optimizer, List<IntToDoubleFunction> lrLambdas, int lastEpoch) {
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
    double[] lr = currentLrs();
    if (lastEpoch > 0) {
      for (int i = 0; i < lr.length; i++) {
        lr[i] = lr[i] * lambdas.get(i).applyAsDouble(lastEpoch);
      }
    }
    return lr;
  }

  @Override
  protected void saveSettings(Map<String, Object> m) {
    m.put("lr_lambdas", new ArrayList<>(Collections.nCopies(lambdas.size(), null)));
  }
}
