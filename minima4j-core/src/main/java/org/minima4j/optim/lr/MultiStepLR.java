package org.minima4j.optim.lr;

import java.util.Arrays;
import java.util.Map;
import org.minima4j.optim.Optimizer;

/**
 * Multiplies the learning rate by {@code gamma} at each milestone, as torch's {@code MultiStepLR}
 * (a milestone listed twice applies gamma twice, as torch's {@code Counter}).
 */
public final class MultiStepLR extends LRScheduler {
  private int[] milestones;
  private double gamma;

  public MultiStepLR(Optimizer<?, ?> optimizer, int[] milestones, double gamma) {
    this(optimizer, milestones, gamma, -1);
  }

  public MultiStepLR(Optimizer<?, ?> optimizer, int[] milestones, double gamma, int lastEpoch) {
    super(optimizer, lastEpoch);
    this.milestones = milestones.clone();
    Arrays.sort(this.milestones);
    this.gamma = gamma;
    initialStep();
  }

  private int count(int epoch) {
    int c = 0;
    for (int m : milestones) {
      if (m == epoch) {
        c++;
      }
    }
    return c;
  }

  @Override
  protected double[] getLr() {
    double[] lr = currentLrs();
    int c = count(lastEpoch);
    if (c == 0) {
      return lr;
    }
    double f = Math.pow(gamma, c);
    for (int i = 0; i < lr.length; i++) {
      lr[i] = lr[i] * f;
    }
    return lr;
  }

  @Override
  protected double[] closedFormLr() {
    int passed = 0;
    for (int m : milestones) {
      if (m <= lastEpoch) {
        passed++;
      }
    }
    double[] out = baseLrs.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] = out[i] * Math.pow(gamma, passed);
    }
    return out;
  }

  @Override
  protected void saveSettings(Map<String, Object> m) {
    m.put("milestones", milestones.clone());
    m.put("gamma", gamma);
  }

  @Override
  protected void loadSettings(Map<String, ?> m) {
    double[] ms = Values.array(m, "milestones");
    int[] out = new int[ms.length];
    for (int i = 0; i < ms.length; i++) {
      out[i] = (int) ms[i];
    }
    Arrays.sort(out);
    milestones = out;
    gamma = Values.d(m, "gamma");
  }
}
