package org.minima4j.optim.lr;

import java.util.Map;
import org.minima4j.optim.Optimizer;

/**
 * Decays the learning rate polynomially to 0 over {@code totalIters} epochs, as torch's
 * {@code PolynomialLR} (defaults total_iters 5, power 1.0).
 */
public final class PolynomialLR extends LRScheduler {
  private int totalIters;
  private double power;

  public PolynomialLR(Optimizer<?, ?> optimizer) {
    this(optimizer, 5, 1.0, -1);
  }

  public PolynomialLR(Optimizer<?, ?> optimizer, int totalIters, double power) {
    this(optimizer, totalIters, power, -1);
  }

  public PolynomialLR(Optimizer<?, ?> optimizer, int totalIters, double power, int lastEpoch) {
    super(optimizer, lastEpoch);
    this.totalIters = totalIters;
    this.power = power;
    initialStep();
  }

  @Override
  protected double[] getLr() {
    double[] lr = currentLrs();
    if (lastEpoch == 0 || lastEpoch > totalIters) {
      return lr;
    }
    double f = Math.pow((1.0 - (double) lastEpoch / totalIters) / (1.0 - (double) (lastEpoch - 1) / totalIters), power);
    for (int i = 0; i < lr.length; i++) {
      lr[i] = lr[i] * f;
    }
    return lr;
  }

  @Override
  protected double[] closedFormLr() {
    double[] out = baseLrs.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] = out[i] * Math.pow(1.0 - (double) Math.min(totalIters, lastEpoch) / totalIters, power);
    }
    return out;
  }

  @Override
  protected void saveSettings(Map<String, Object> m) {
    m.put("total_iters", totalIters);
    m.put("power", power);
  }

  @Override
  protected void loadSettings(Map<String, ?> m) {
    totalIters = Values.integer(m, "total_iters");
    power = Values.d(m, "power");
  }
}
