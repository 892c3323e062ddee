package org.minima4j.optim.lr;

import java.util.Map;
import org.minima4j.optim.Optimizer;

/**
 * Scales the learning rate linearly from {@code startFactor} to {@code endFactor} over
 * {@code totalIters} epochs, as torch's {@code LinearLR} (defaults 1/3, 1.0, 5), in torch's
 * recursive (chainable) form.
 */
public final class LinearLR extends LRScheduler {
  private double startFactor;
  private double endFactor;
  private int totalIters;

  public LinearLR(Optimizer<?, ?> optimizer) {
    this(optimizer, 1.0 / 3, 1.0, 5, -1);
  }

  public LinearLR(Optimizer<?, ?> optimizer, double startFactor, double endFactor, int totalIters) {
    this(optimizer, startFactor, endFactor, totalIters, -1);
  }

  public LinearLR(Optimizer<?, ?> optimizer, double startFactor, double endFactor, int totalIters, int lastEpoch) {
    super(optimizer, check(startFactor, endFactor, lastEpoch));
    this.startFactor = startFactor;
    this.endFactor = endFactor;
    this.totalIters = totalIters;
    initialStep();
  }

  private static int check(double start, double end, int lastEpoch) {
    if (start > 1.0 || !(start > 0)) {
      throw new IllegalArgumentException(
          "Starting multiplicative factor expected to be greater than 0 and less or equal to 1.");
    }
    if (end > 1.0 || !(end >= 0)) {
      throw new IllegalArgumentException("Ending multiplicative factor expected to be between 0 and 1.");
    }
    return lastEpoch;
  }

  @Override
  protected double[] getLr() {
    double[] lr = currentLrs();
    if (lastEpoch == 0) {
      for (int i = 0; i < lr.length; i++) {
        lr[i] = lr[i] * startFactor;
      }
      return lr;
    }
    if (lastEpoch > totalIters) {
      return lr;
    }
    double f = 1. + (endFactor - startFactor)
        / (totalIters * startFactor + (lastEpoch - 1) * (endFactor - startFactor));
    for (int i = 0; i < lr.length; i++) {
      lr[i] = lr[i] * f;
    }
    return lr;
  }

  @Override
  protected double[] closedFormLr() {
    double[] out = baseLrs.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] = out[i] * (startFactor + (endFactor - startFactor) * Math.min(totalIters, lastEpoch) / totalIters);
    }
    return out;
  }

  @Override
  protected void saveSettings(Map<String, Object> m) {
    m.put("start_factor", startFactor);
    m.put("end_factor", endFactor);
    m.put("total_iters", totalIters);
  }

  @Override
  protected void loadSettings(Map<String, ?> m) {
    startFactor = Values.d(m, "start_factor");
    endFactor = Values.d(m, "end_factor");
    totalIters = Values.integer(m, "total_iters");
  }
}
