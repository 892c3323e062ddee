package org.minima4j.optim.lr;

import java.util.Map;
import org.minima4j.optim.Optimizer;

/**
 * SGDR: cosine annealing with warm restarts every {@code T_i} epochs, {@code T_i} growing by
 * {@code tMult} (Loshchilov and Hutter, 2017), as torch's {@code CosineAnnealingWarmRestarts};
 * {@link #stepTo(double)} accepts fractional epochs ({@code epoch + i / iters}).
 */
public final class CosineAnnealingWarmRestarts extends LRScheduler {
  private int t0;
  private int tI;
  private int tMult;
  private double etaMin;
  private double tCur;

  public CosineAnnealingWarmRestarts(Optimizer<?, ?> optimizer, int t0) {
    this(optimizer, t0, 1, 0.0, -1);
  }

  public CosineAnnealingWarmRestarts(Optimizer<?, ?> optimizer, int t0, int tMult, double etaMin) {
    this(optimizer, t0, tMult, etaMin, -1);
  }

  public CosineAnnealingWarmRestarts(Optimizer<?, ?> optimizer, int t0, int tMult, double etaMin, int lastEpoch) {
    super(optimizer, check(t0, tMult, lastEpoch));
    this.t0 = t0;
    this.tI = t0;
    this.tMult = tMult;
    this.etaMin = etaMin;
    this.tCur = lastEpoch;
    initialStep();
  }

  private static int check(int t0, int tMult, int lastEpoch) {
    if (t0 <= 0) {
      throw new IllegalArgumentException("Expected positive integer T_0, but got " + t0);
    }
    if (tMult < 1) {
      throw new IllegalArgumentException("Expected integer T_mult >= 1, but got " + tMult);
    }
    return lastEpoch;
  }

  @Override
  protected double[] getLr() {
    double[] out = new double[baseLrs.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = etaMin + (baseLrs[i] - etaMin) * (1 + Math.cos(Math.PI * tCur / tI)) / 2;
    }
    return out;
  }

  @Override
  public void step() {
    if (lastEpoch < 0) {
      stepTo(0.0);
      return;
    }
    stepCount++;
    double epoch = lastEpoch + 1;
    tCur = tCur + 1;
    if (tCur >= tI) {
      tCur = tCur - tI;
      tI = tI * tMult;
    }
    lastEpoch = (int) Math.floor(epoch);
    apply(getLr());
  }

  @Override
  public void stepTo(int epoch) {
    stepTo((double) epoch);
  }

  /** Jumps to a (possibly fractional) epoch, recomputing the cycle as torch does. */
  public void stepTo(double epoch) {
    if (epoch < 0) {
      throw new IllegalArgumentException("Expected non-negative epoch, but got " + epoch);
    }
    stepCount++;
    if (epoch >= t0) {
      if (tMult == 1) {
        tCur = epoch % t0;
      } else {
        int n = (int) (Math.log(epoch / t0 * (tMult - 1) + 1) / Math.log(tMult));
        tCur = epoch - t0 * (Math.pow(tMult, n) - 1) / (tMult - 1);
        tI = t0 * (int) Math.pow(tMult, n);
      }
    } else {
      tI = t0;
      tCur = epoch;
    }
    lastEpoch = (int) Math.floor(epoch);
    apply(getLr());
  }

  @Override
  protected void saveSettings(Map<String, Object> m) {
    m.put("T_0", t0);
    m.put("T_i", tI);
    m.put("T_mult", tMult);
    m.put("eta_min", etaMin);
    m.put("T_cur", tCur);
  }

  @Override
  protected void loadSettings(Map<String, ?> m) {
    t0 = Values.integer(m, "T_0");
    tI = Values.integer(m, "T_i");
    tMult = Values.integer(m, "T_mult");
    etaMin = Values.d(m, "eta_min");
    tCur = Values.d(m, "T_cur");
  }
}
