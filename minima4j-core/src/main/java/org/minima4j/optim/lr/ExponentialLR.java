package org.minima4j.optim.lr;

import java.util.Map;
import org.minima4j.optim.Optimizer;

/** Multiplies the learning rate by {@code gamma} every epoch, as torch's {@code ExponentialLR}. */
public final class ExponentialLR extends LRScheduler {
  private double gamma;

  public ExponentialLR(Optimizer<?, ?> optimizer, double gamma) {
    this(optimizer, gamma, -1);
  }

  public ExponentialLR(Optimizer<?, ?> optimizer, double gamma, int lastEpoch) {
    super(optimizer, lastEpoch);
    this.gamma = gamma;
    initialStep();
  }

  @Override
  protected double[] getLr() {
    double[] lr = currentLrs();
    if (lastEpoch == 0) {
      return lr;
    }
    for (int i = 0; i < lr.length; i++) {
      lr[i] = lr[i] * gamma;
    }
    return lr;
  }

  @Override
  protected double[] closedFormLr() {
    double[] out = baseLrs.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] = out[i] * Math.pow(gamma, lastEpoch);
    }
    return out;
  }

  @Override
  protected void saveSettings(Map<String, Object> m) {
    m.put("gamma", gamma);
  }

  @Override
  protected void loadSettings(Map<String, ?> m) {
    gamma = Values.d(m, "gamma");
  }
}
