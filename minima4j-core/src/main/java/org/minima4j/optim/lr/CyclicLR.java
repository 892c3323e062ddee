package org.minima4j.optim.lr;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.DoubleUnaryOperator;
import org.minima4j.optim.Optimizer;
import org.minima4j.optim.ParamGroup;

/**
 * Cyclical learning rates (Smith, 2017), as torch's {@code CyclicLR}: the learning rate cycles
 * between {@code baseLr} and {@code maxLr} ({@code triangular}, {@code triangular2} halving the
 * amplitude each cycle, {@code exp_range} scaling it by {@code gamma^iteration}, or a custom scale
 * function), and momentum (or {@code betas[0]}, as torch 2.x) cycles inversely between
 * {@code maxMomentum} and {@code baseMomentum}. Construction sets each group's learning rate to
 * {@code baseLr} (and momentum to {@code baseMomentum}).
 */
public final class CyclicLR extends LRScheduler {

  /**
   * CyclicLR settings; per-group values are arrays of one value (shared) or one per group.
   *
   * @param scaleFn a custom scale function of the cycle or iteration (null: the mode's)
   * @param scaleMode {@code "cycle"} or {@code "iterations"} (used with a custom scale function)
   */
  public record Options(double[] baseLr, double[] maxLr, double stepSizeUp, Double stepSizeDown, String mode,
      double gamma, DoubleUnaryOperator scaleFn, String scaleMode, boolean cycleMomentum, double[] baseMomentum,
      double[] maxMomentum) {
    public Options {
      Objects.requireNonNull(baseLr, "baseLr");
      Objects.requireNonNull(maxLr, "maxLr");
      if (!List.of("triangular", "triangular2", "exp_range").contains(mode) && scaleFn == null) {
        throw new IllegalArgumentException("mode is invalid and scale_fn is None");
      }
      if (!"cycle".equals(scaleMode) && !"iterations".equals(scaleMode)) {
        throw new IllegalArgumentException("scale_mode must be 'cycle' or 'iterations', got " + scaleMode);
      }
      baseLr = baseLr.clone();
      maxLr = maxLr.clone();
      baseMomentum = baseMomentum.clone();
      maxMomentum = maxMomentum.clone();
    }

    /** torch's defaults around the two required bounds: step_size_up 2000, triangular, momentum 0.8..0.9. */
    public static Options of(double baseLr, double maxLr) {
      return of(new double[] {baseLr}, new double[] {maxLr});
    }

    public static Options of(double[] baseLr, double[] maxLr) {
      return new Options(baseLr, maxLr, 2000, null, "triangular", 1.0, null, "cycle", true, new double[] {0.8},
          new double[] {0.9});
    }

    public Options withStepSizeUp(double v) {
      return new Options(baseLr, maxLr, v, stepSizeDown, mode, gamma, scaleFn, scaleMode, cycleMomentum, baseMomentum,
          maxMomentum);
    }

    public Options withStepSizeDown(Double v) {
      return new Options(baseLr, maxLr, stepSizeUp, v, mode, gamma, scaleFn, scaleMode, cycleMomentum, baseMomentum,
          maxMomentum);
    }

    /** Sets the mode; its scale mode follows torch ({@code exp_range}: iterations, else cycle). */
    public Options withMode(String v) {
      return new Options(baseLr, maxLr, stepSizeUp, stepSizeDown, v, gamma, scaleFn,
          "exp_range".equals(v) ? "iterations" : "cycle", cycleMomentum, baseMomentum, maxMomentum);
    }

    public Options withGamma(double v) {
      return new Options(baseLr, maxLr, stepSizeUp, stepSizeDown, mode, v, scaleFn, scaleMode, cycleMomentum,
          baseMomentum, maxMomentum);
    }

    public Options withScaleFn(DoubleUnaryOperator fn, String scaleMode) {
      return new Options(baseLr, maxLr, stepSizeUp, stepSizeDown, mode, gamma, fn, scaleMode, cycleMomentum,
          baseMomentum, maxMomentum);
    }

    public Options withCycleMomentum(boolean v) {
      return new Options(baseLr, maxLr, stepSizeUp, stepSizeDown, mode, gamma, scaleFn, scaleMode, v, baseMomentum,
          maxMomentum);
    }

    public Options withMomentumRange(double base, double max) {
      return withMomentumRange(new double[] {base}, new double[] {max});
    }

    public Options withMomentumRange(double[] base, double[] max) {
      return new Options(baseLr, maxLr, stepSizeUp, stepSizeDown, mode, gamma, scaleFn, scaleMode, cycleMomentum, base,
          max);
    }
  }

  private double[] maxLrs;
  private double totalSize;
  private double stepRatio;
  private String mode;
  private double gamma;
  private final DoubleUnaryOperator customScale;
  private String scaleMode;
  private boolean cycleMomentum;
  private boolean useBeta1;
  private double[] baseMomentums;
  private double[] maxMomentums;

  public CyclicLR(Optimizer<?, ?> optimizer, Options options) {
    this(optimizer, options, -1);
  }

  public CyclicLR(Optimizer<?, ?> optimizer, Options options, int lastEpoch) {
    super(setBaseLrs(optimizer, options, lastEpoch), lastEpoch);
    double[] base = perGroup(optimizer, "base_lr", options.baseLr());
    maxLrs = perGroup(optimizer, "max_lr", options.maxLr());
    double up = options.stepSizeUp();
    double down = options.stepSizeDown() != null ? options.stepSizeDown() : up;
    totalSize = up + down;
    stepRatio = up / totalSize;
    mode = options.mode();
    gamma = options.gamma();
    customScale = options.scaleFn();
    scaleMode = customScale == null ? ("exp_range".equals(mode) ? "iterations" : "cycle") : options.scaleMode();
    cycleMomentum = options.cycleMomentum();
    if (cycleMomentum) {
      ParamGroup<?> g0 = groups().get(0);
      if (!g0.hasMomentum() && !g0.hasBetas()) {
        throw new IllegalArgumentException("optimizer must support momentum or beta1 with `cycle_momentum` option enabled");
      }
      useBeta1 = g0.hasBetas();
      double[] bm = perGroup(optimizer, "base_momentum", options.baseMomentum());
      if (lastEpoch == -1) {
        for (int i = 0; i < bm.length; i++) {
          setMomentum(groups().get(i), bm[i]);
        }
      }
      baseMomentums = new double[bm.length];
      for (int i = 0; i < bm.length; i++) {
        baseMomentums[i] = getMomentum(groups().get(i));
      }
      maxMomentums = perGroup(optimizer, "max_momentum", options.maxMomentum());
    }
    initialStep();
    baseLrs = base;
  }

  private static Optimizer<?, ?> setBaseLrs(Optimizer<?, ?> optimizer, Options options, int lastEpoch) {
    double[] base = perGroup(optimizer, "base_lr", options.baseLr());
    if (lastEpoch == -1) {
      for (int i = 0; i < base.length; i++) {
        optimizer.paramGroups().get(i).setLr(base[i]);
      }
    }
    return optimizer;
  }

  private void setMomentum(ParamGroup<?> g, double m) {
    if (useBeta1) {
      g.setBeta1(m);
    } else {
      g.setMomentum(m);
    }
  }

  private double getMomentum(ParamGroup<?> g) {
    return useBeta1 ? g.beta1() : g.momentum();
  }

  private double scale(double x) {
    if (customScale != null) {
      return customScale.applyAsDouble(x);
    }
    switch (mode) {
      case "triangular":
        return 1.0;
      case "triangular2":
        return 1 / Math.pow(2., x - 1);
      default:
        return Math.pow(gamma, x);
    }
  }

  @Override
  protected double[] getLr() {
    double ratio = lastEpoch / totalSize;
    double cycle = Math.floor(1 + ratio);
    double x = 1. + ratio - cycle;
    double scaleFactor = x <= stepRatio ? x / stepRatio : (x - 1) / (stepRatio - 1);
    double s = "cycle".equals(scaleMode) ? scale(cycle) : scale(lastEpoch);
    double[] lrs = new double[baseLrs.length];
    for (int i = 0; i < lrs.length; i++) {
      double baseHeight = (maxLrs[i] - baseLrs[i]) * scaleFactor;
      lrs[i] = baseLrs[i] + baseHeight * s;
    }
    if (cycleMomentum) {
      for (int i = 0; i < lrs.length; i++) {
        double baseHeight = (maxMomentums[i] - baseMomentums[i]) * scaleFactor;
        setMomentum(groups().get(i), maxMomentums[i] - baseHeight * s);
      }
    }
    return lrs;
  }

  @Override
  protected void saveSettings(Map<String, Object> m) {
    m.put("max_lrs", maxLrs.clone());
    m.put("total_size", totalSize);
    m.put("step_ratio", stepRatio);
    m.put("mode", mode);
    m.put("gamma", gamma);
    m.put("scale_mode", scaleMode);
    m.put("cycle_momentum", cycleMomentum);
    m.put("use_beta1", useBeta1);
    if (cycleMomentum) {
      m.put("base_momentums", baseMomentums.clone());
      m.put("max_momentums", maxMomentums.clone());
    }
  }

  @Override
  protected void loadSettings(Map<String, ?> m) {
    maxLrs = Values.array(m, "max_lrs");
    totalSize = Values.d(m, "total_size");
    stepRatio = Values.d(m, "step_ratio");
    mode = String.valueOf(m.get("mode"));
    gamma = Values.d(m, "gamma");
    scaleMode = String.valueOf(m.get("scale_mode"));
    cycleMomentum = Values.bool(m, "cycle_momentum");
    useBeta1 = Values.bool(m, "use_beta1");
    if (cycleMomentum) {
      baseMomentums = Values.array(m, "base_momentums");
      maxMomentums = Values.array(m, "max_momentums");
    }
  }
}
