package org.minima4j.optim.lr;

import java.util.Map;
import java.util.Objects;
import org.minima4j.optim.Optimizer;
import org.minima4j.optim.ParamGroup;

/**
 * The 1cycle policy (Smith and Topin, 2018), as torch's {@code OneCycleLR}: the learning rate rises
 * from {@code maxLr/divFactor} to {@code maxLr} over {@code pctStart} of the steps and anneals to
 * {@code initial_lr/finalDivFactor} (cosine or linear; three phases when {@code threePhase}), while
 * momentum (or {@code betas[0]}) moves inversely between {@code maxMomentum} and
 * {@code baseMomentum}. Stepping past {@code totalSteps} fails as in torch.
 */
public final class OneCycleLR extends LRScheduler {

  /** OneCycleLR settings (torch defaults around the required max_lr and total steps). */
  public record Options(double[] maxLr, int totalSteps, double pctStart, String annealStrategy, boolean cycleMomentum,
      double[] baseMomentum, double[] maxMomentum, double divFactor, double finalDivFactor, boolean threePhase) {
    public Options {
      Objects.requireNonNull(maxLr, "maxLr");
      if (totalSteps <= 0) {
        throw new IllegalArgumentException("Expected positive integer total_steps, but got " + totalSteps);
      }
      if (pctStart < 0 || pctStart > 1 || Double.isNaN(pctStart)) {
        throw new IllegalArgumentException("Expected float between 0 and 1 pct_start, but got " + pctStart);
      }
      if (!"cos".equals(annealStrategy) && !"linear".equals(annealStrategy)) {
        throw new IllegalArgumentException("anneal_strategy must by one of 'cos' or 'linear', instead got "
            + annealStrategy);
      }
      maxLr = maxLr.clone();
      baseMomentum = baseMomentum.clone();
      maxMomentum = maxMomentum.clone();
    }

    public static Options of(double maxLr, int totalSteps) {
      return of(new double[] {maxLr}, totalSteps);
    }

    public static Options of(double[] maxLr, int totalSteps) {
      return new Options(maxLr, totalSteps, 0.3, "cos", true, new double[] {0.85}, new double[] {0.95}, 25., 1e4, false);
    }

    /** {@code total_steps = epochs * stepsPerEpoch}, as torch's alternative arguments. */
    public static Options of(double maxLr, int epochs, int stepsPerEpoch) {
      if (epochs <= 0) {
        throw new IllegalArgumentException("Expected positive integer epochs, but got " + epochs);
      }
      if (stepsPerEpoch <= 0) {
        throw new IllegalArgumentException("Expected positive integer steps_per_epoch, but got " + stepsPerEpoch);
      }
      return of(maxLr, epochs * stepsPerEpoch);
    }

    public Options withPctStart(double v) {
      return new Options(maxLr, totalSteps, v, annealStrategy, cycleMomentum, baseMomentum, maxMomentum, divFactor,
          finalDivFactor, threePhase);
    }

    public Options withAnnealStrategy(String v) {
      return new Options(maxLr, totalSteps, pctStart, v, cycleMomentum, baseMomentum, maxMomentum, divFactor,
          finalDivFactor, threePhase);
    }

    public Options withCycleMomentum(boolean v) {
      return new Options(maxLr, totalSteps, pctStart, annealStrategy, v, baseMomentum, maxMomentum, divFactor,
          finalDivFactor, threePhase);
    }

    public Options withMomentumRange(double base, double max) {
      return new Options(maxLr, totalSteps, pctStart, annealStrategy, cycleMomentum, new double[] {base},
          new double[] {max}, divFactor, finalDivFactor, threePhase);
    }

    public Options withDivFactor(double v) {
      return new Options(maxLr, totalSteps, pctStart, annealStrategy, cycleMomentum, baseMomentum, maxMomentum, v,
          finalDivFactor, threePhase);
    }

    public Options withFinalDivFactor(double v) {
      return new Options(maxLr, totalSteps, pctStart, annealStrategy, cycleMomentum, baseMomentum, maxMomentum,
          divFactor, v, threePhase);
    }

    public Options withThreePhase(boolean v) {
      return new Options(maxLr, totalSteps, pctStart, annealStrategy, cycleMomentum, baseMomentum, maxMomentum,
          divFactor, finalDivFactor, v);
    }
  }

  private static final class Phase {
    final double endStep;
    final String startLr;
    final String endLr;
    final String startMomentum;
    final String endMomentum;

    Phase(double endStep, String startLr, String endLr, String startMomentum, String endMomentum) {
      this.endStep = endStep;
      this.startLr = startLr;
      this.endLr = endLr;
      this.startMomentum = startMomentum;
      this.endMomentum = endMomentum;
    }
  }

  private final int totalSteps;
  private final Phase[] phases;
  private final boolean cos;
  private final boolean cycleMomentum;
  private boolean useBeta1;

  public OneCycleLR(Optimizer<?, ?> optimizer, Options options) {
    this(optimizer, options, -1);
  }

  public OneCycleLR(Optimizer<?, ?> optimizer, Options options, int lastEpoch) {
    super(prepare(optimizer, options, lastEpoch), lastEpoch);
    totalSteps = options.totalSteps();
    double pct = options.pctStart();
    if (options.threePhase()) {
      phases = new Phase[] {
          new Phase(pct * totalSteps - 1, "initial_lr", "max_lr", "max_momentum", "base_momentum"),
          new Phase(2 * pct * totalSteps - 2, "max_lr", "initial_lr", "base_momentum", "max_momentum"),
          new Phase(totalSteps - 1, "initial_lr", "min_lr", "max_momentum", "max_momentum")};
    } else {
      phases = new Phase[] {
          new Phase(pct * totalSteps - 1, "initial_lr", "max_lr", "max_momentum", "base_momentum"),
          new Phase(totalSteps - 1, "max_lr", "min_lr", "base_momentum", "max_momentum")};
    }
    cos = "cos".equals(options.annealStrategy());
    cycleMomentum = options.cycleMomentum();
    if (cycleMomentum) {
      useBeta1 = groups().get(0).hasBetas();
    }
    initialStep();
  }

  private static Optimizer<?, ?> prepare(Optimizer<?, ?> optimizer, Options o, int lastEpoch) {
    double[] maxLrs = perGroup(optimizer, "max_lr", o.maxLr());
    if (lastEpoch == -1) {
      for (int i = 0; i < maxLrs.length; i++) {
        ParamGroup<?> g = optimizer.paramGroups().get(i);
        g.setExtra("initial_lr", maxLrs[i] / o.divFactor());
        g.setExtra("max_lr", maxLrs[i]);
        g.setExtra("min_lr", g.extra("initial_lr").getAsDouble() / o.finalDivFactor());
      }
    }
    if (o.cycleMomentum()) {
      ParamGroup<?> g0 = optimizer.paramGroups().get(0);
      if (!g0.hasMomentum() && !g0.hasBetas()) {
        throw new IllegalArgumentException("optimizer must support momentum or beta1 with `cycle_momentum` option enabled");
      }
      boolean beta1 = g0.hasBetas();
      double[] maxM = perGroup(optimizer, "max_momentum", o.maxMomentum());
      double[] baseM = perGroup(optimizer, "base_momentum", o.baseMomentum());
      if (lastEpoch == -1) {
        for (int i = 0; i < maxM.length; i++) {
          ParamGroup<?> g = optimizer.paramGroups().get(i);
          if (beta1) {
            g.setBeta1(maxM[i]);
          } else {
            g.setMomentum(maxM[i]);
          }
          g.setExtra("max_momentum", maxM[i]);
          g.setExtra("base_momentum", baseM[i]);
        }
      }
    }
    return optimizer;
  }

  private double anneal(double start, double end, double pct) {
    if (cos) {
      double cosOut = Math.cos(Math.PI * pct) + 1;
      return end + (start - end) / 2.0 * cosOut;
    }
    return (end - start) * pct + start;
  }

  @Override
  protected double[] getLr() {
    int stepNum = lastEpoch;
    if (stepNum > totalSteps) {
      throw new IllegalStateException("Tried to step " + (stepNum + 1) + " times. The specified number of total steps is "
          + totalSteps);
    }
    double[] lrs = new double[groups().size()];
    for (int gi = 0; gi < lrs.length; gi++) {
      ParamGroup<?> g = groups().get(gi);
      double startStep = 0;
      double lr = Double.NaN;
      double momentum = Double.NaN;
      for (int i = 0; i < phases.length; i++) {
        Phase ph = phases[i];
        double endStep = ph.endStep;
        if (stepNum <= endStep || i == phases.length - 1) {
          double pct = (stepNum - startStep) / (endStep - startStep);
          lr = anneal(g.extra(ph.startLr).getAsDouble(), g.extra(ph.endLr).getAsDouble(), pct);
          if (cycleMomentum) {
            momentum = anneal(g.extra(ph.startMomentum).getAsDouble(), g.extra(ph.endMomentum).getAsDouble(), pct);
          }
          break;
        }
        startStep = ph.endStep;
      }
      lrs[gi] = lr;
      if (cycleMomentum) {
        if (useBeta1) {
          g.setBeta1(momentum);
        } else {
          g.setMomentum(momentum);
        }
      }
    }
    return lrs;
  }

  @Override
  protected void saveSettings(Map<String, Object> m) {
    m.put("total_steps", totalSteps);
    m.put("anneal_strategy", cos ? "cos" : "linear");
    m.put("cycle_momentum", cycleMomentum);
    m.put("use_beta1", useBeta1);
  }

  @Override
  protected void loadSettings(Map<String, ?> m) {
    if (Values.integer(m, "total_steps") != totalSteps) {
      throw new IllegalArgumentException("the saved OneCycleLR has total_steps " + Values.integer(m, "total_steps")
          + ", this one " + totalSteps);
    }
  }
}
