package org.minima4j.optim.lr;

import java.util.Map;
import org.minima4j.optim.Optimizer;

/**
 * Multiplies the learning rate by {@code factor} until {@code totalIters} epochs have passed, as
 * torch's {@code ConstantLR} (defaults factor 1/3, total_iters 5).
 */
public final class ConstantLR extends LRScheduler {
  private double factor;
  private int totalIters;

  public ConstantLR(Optimizer<?, ?> optimizer) {
    this(optimizer, 1.0 / 3, 5, -1);
  }

  public ConstantLR(Optimizer<?, ?> optimizer, double factor, int totalIters) {
    this(optimizer, factor, totalIters, -1);
  }

  public ConstantLR(Optimizer<?, ?> optimizer, double factor, int totalIters, int lastEpoch) {
    super(optimizer, check(factor, lastEpoch));
    this.factor = factor;
    this.totalIters = totalIters;
    initialStep();
  }

  private static int check(double factor, int lastEpoch) {
    if (factor > 1.0 || factor < 0 || Double.isNaN(factor)) {
      throw new IllegalArgumentException("Constant multiplicative factor expected to be between 0 and 1.");
    }
    return lastEpoch;
  }

  @Override
  protected double[] getLr() {
    double[] lr = currentLrs();
    if (lastEpoch == 0) {
      for (int i = 0; i < lr.length; i++) {
        lr[i] = lr[i] * factor;
      }
      return lr;
    }
    if (lastEpoch != totalIters) {
      return lr;
    }
    for (int i = 0; i < lr.length; i++) {
      lr[i] = lr[i] * (1.0 / factor);
    }
    return lr;
  }

  @Override
  protected double[] closedFormLr() {
    double[] out = baseLrs.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] = out[i] * (factor + (lastEpoch >= totalIters ? 1 : 0) * (1 - factor));
    }
    return out;
  }

  @Override
  protected void saveSettings(Map<String, Object> m) {
    m.put("factor", factor);
    m.put("total_iters", totalIters);
  }

  @Override
  protected void loadSettings(Map<String, ?> m) {
    factor = Values.d(m, "factor");
    totalIters = Values.integer(m, "total_iters");
  }
}
