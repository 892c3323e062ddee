package org.minima4j.optim.lr;

import java.util.Map;
import org.minima4j.optim.Optimizer;

/**
 * Cosine annealing from the base learning rate to {@code etaMin} over {@code tMax} epochs (SGDR
 * without restarts; Loshchilov and Hutter, 2017), as torch 1.13.1's {@code CosineAnnealingLR} in
 * its recursive form. Like torch, it does not stop at {@code tMax}: the learning rate goes back up
 * as a periodic cosine.
 */
public final class CosineAnnealingLR extends LRScheduler {
  private int tMax;
  private double etaMin;

  public CosineAnnealingLR(Optimizer<?, ?> optimizer, int tMax) {
    this(optimizer, tMax, 0.0, -1);
  }

  public CosineAnnealingLR(Optimizer<?, ?> optimizer, int tMax, double etaMin) {
    this(optimizer, tMax, etaMin, -1);
  }

  public CosineAnnealingLR(Optimizer<?, ?> optimizer, int tMax, double etaMin, int lastEpoch) {
    super(optimizer, lastEpoch);
    this.tMax = tMax;
    this.etaMin = etaMin;
    initialStep();
  }

  @Override
  protected double[] getLr() {
    double[] lr = currentLrs();
    if (lastEpoch == 0) {
      return lr;
    }
    if (stepCount == 1 && lastEpoch > 0) {
      for (int i = 0; i < lr.length; i++) {
        lr[i] = etaMin + (baseLrs[i] - etaMin) * (1 + Math.cos(lastEpoch * Math.PI / tMax)) / 2;
      }
      return lr;
    }
    if (Math.floorMod(lastEpoch - 1 - tMax, 2 * tMax) == 0) {
      for (int i = 0; i < lr.length; i++) {
        lr[i] = lr[i] + (baseLrs[i] - etaMin) * (1 - Math.cos(Math.PI / tMax)) / 2;
      }
      return lr;
    }
    for (int i = 0; i < lr.length; i++) {
      lr[i] = (1 + Math.cos(Math.PI * lastEpoch / tMax)) / (1 + Math.cos(Math.PI * (lastEpoch - 1) / tMax))
          * (lr[i] - etaMin) + etaMin;
    }
    return lr;
  }

  @Override
  protected double[] closedFormLr() {
    double[] out = new double[baseLrs.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = etaMin + (baseLrs[i] - etaMin) * (1 + Math.cos(Math.PI * lastEpoch / tMax)) / 2;
    }
    return out;
  }

  @Override
  protected void saveSettings(Map<String, Object> m) {
    m.put("T_max", tMax);
    m.put("eta_min", etaMin);
  }

  @Override
  protected void loadSettings(Map<String, ?> m) {
    tMax = Values.integer(m, "T_max");
    etaMin = Values.d(m, "eta_min");
  }
}
