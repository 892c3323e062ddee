package org.minima4j.optim.lr;

import java.util.Map;
import org.minima4j.optim.Optimizer;

/** Multiplies the learning rate by {@code gamma} every {@code stepSize} epochs, as torch's {@code StepLR}. */
public final class StepLR extends LRScheduler {
  private int stepSize;
  private double gamma;

  public StepLR(Optimizer<?, ?> optimizer, int stepSize, double gamma) {
    this(optimizer, stepSize, gamma, -1);
  }

  /** {@code gamma} defaults to 0.1 in torch. */
  public StepLR(Optimizer<?, ?> optimizer, int stepSize) {
    this(optimizer, stepSize, 0.1, -1);
  }

  public StepLR(Optimizer<?, ?> optimizer, int stepSize, double gamma, int lastEpoch) {
    super(optimizer, lastEpoch);
    if (stepSize < 1) {
      throw new IllegalArgumentException("step_size must be a positive integer, got " + stepSize);
    }
    this.stepSize = stepSize;
    this.gamma = gamma;
    initialStep();
  }

  @Override
  protected double[] getLr() {
    double[] lr = currentLrs();
    if (lastEpoch == 0 || lastEpoch % stepSize != 0) {
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
      out[i] = out[i] * Math.pow(gamma, Math.floorDiv(lastEpoch, stepSize));
    }
    return out;
  }

  @Override
  protected void saveSettings(Map<String, Object> m) {
    m.put("step_size", stepSize);
    m.put("gamma", gamma);
  }

  @Override
  protected void loadSettings(Map<String, ?> m) {
    stepSize = Values.integer(m, "step_size");
    gamma = Values.d(m, "gamma");
  }
}
