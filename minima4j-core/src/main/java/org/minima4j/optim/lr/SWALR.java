package org.minima4j.optim.lr;

import java.util.Map;
import org.minima4j.optim.Optimizer;

/**
 * Anneals each group's learning rate to {@code swaLr} over {@code annealEpochs} epochs and holds it
 * there, as torch's {@code torch.optim.swa_utils.SWALR} (cosine or linear annealing); the target is
 * stored in each group as {@code swa_lr}.
 */
public final class SWALR extends LRScheduler {
  private final boolean cos;
  private final int annealEpochs;

  public SWALR(Optimizer<?, ?> optimizer, double swaLr) {
    this(optimizer, new double[] {swaLr}, 10, "cos", -1);
  }

  public SWALR(Optimizer<?, ?> optimizer, double[] swaLr, int annealEpochs, String annealStrategy, int lastEpoch) {
    super(prepare(optimizer, swaLr, annealEpochs, annealStrategy), lastEpoch);
    this.cos = "cos".equals(annealStrategy);
    this.annealEpochs = annealEpochs;
    initialStep();
  }

  private static Optimizer<?, ?> prepare(Optimizer<?, ?> optimizer, double[] swaLr, int annealEpochs, String strategy) {
    int n = optimizer.paramGroups().size();
    if (swaLr.length != 1 && swaLr.length != n) {
      throw new IllegalArgumentException("swa_lr must have the same length as optimizer.param_groups: swa_lr has "
          + swaLr.length + ", optimizer.param_groups has " + n);
    }
    if (!"cos".equals(strategy) && !"linear".equals(strategy)) {
      throw new IllegalArgumentException("anneal_strategy must by one of 'cos' or 'linear', instead got " + strategy);
    }
    if (annealEpochs < 0) {
      throw new IllegalArgumentException("anneal_epochs must be equal or greater than 0, got " + annealEpochs);
    }
    for (int i = 0; i < n; i++) {
      optimizer.paramGroups().get(i).setExtra("swa_lr", swaLr.length == 1 ? swaLr[0] : swaLr[i]);
    }
    return optimizer;
  }

  private double anneal(double t) {
    return cos ? (1 - Math.cos(Math.PI * t)) / 2 : t;
  }

  private static double initialLr(double lr, double swaLr, double alpha) {
    if (alpha == 1) {
      return swaLr;
    }
    return (lr - alpha * swaLr) / (1 - alpha);
  }

  @Override
  protected double[] getLr() {
    int step = stepCount - 1;
    if (annealEpochs == 0) {
      step = Math.max(1, step);
    }
    double prevT = Math.max(0, Math.min(1, (double) (step - 1) / Math.max(1, annealEpochs)));
    double prevAlpha = anneal(prevT);
    double t = Math.max(0, Math.min(1, (double) step / Math.max(1, annealEpochs)));
    double alpha = anneal(t);
    double[] out = new double[groups().size()];
    for (int i = 0; i < out.length; i++) {
      double swa = groups().get(i).extra("swa_lr").getAsDouble();
      double prev = initialLr(groups().get(i).lr(), swa, prevAlpha);
      out[i] = swa * alpha + prev * (1 - alpha);
    }
    return out;
  }

  @Override
  protected void saveSettings(Map<String, Object> m) {
    m.put("anneal_epochs", annealEpochs);
    m.put("anneal_strategy", cos ? "cos" : "linear");
  }
}
