package org.minima4j.optim.lr;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.minima4j.optim.Optimizer;
import org.minima4j.optim.ParamGroup;

/**
 * Reduces the learning rates by {@code factor} when a metric has stopped improving for more than
 * {@code patience} epochs, as torch's {@code ReduceLROnPlateau}. Improvement is relative
 * ({@code a < best*(1-threshold)} in min mode) or absolute ({@code a < best - threshold}); a
 * reduction below {@code eps} is skipped; {@code cooldown} epochs follow each reduction. It can be
 * a member of {@link SequentialLR} and {@link ChainedScheduler}, which pass it the metric given to
 * their {@code step(metric)}.
 */
public final class ReduceLROnPlateau implements Scheduler {

  /** Settings (torch defaults: min, factor 0.1, patience 10, threshold 1e-4 rel, cooldown 0, min_lr 0, eps 1e-8). */
  public record Options(String mode, double factor, int patience, double threshold, String thresholdMode, int cooldown,
      double[] minLr, double eps) {
    public static final Options DEFAULTS = new Options("min", 0.1, 10, 1e-4, "rel", 0, new double[] {0}, 1e-8);

    public Options {
      if (!(factor < 1.0)) {
        throw new IllegalArgumentException("Factor should be < 1.0.");
      }
      if (!"min".equals(mode) && !"max".equals(mode)) {
        throw new IllegalArgumentException("mode " + mode + " is unknown!");
      }
      if (!"rel".equals(thresholdMode) && !"abs".equals(thresholdMode)) {
        throw new IllegalArgumentException("threshold mode " + thresholdMode + " is unknown!");
      }
      minLr = Objects.requireNonNull(minLr, "minLr").clone();
    }

    public Options withMode(String v) {
      return new Options(v, factor, patience, threshold, thresholdMode, cooldown, minLr, eps);
    }

    public Options withFactor(double v) {
      return new Options(mode, v, patience, threshold, thresholdMode, cooldown, minLr, eps);
    }

    public Options withPatience(int v) {
      return new Options(mode, factor, v, threshold, thresholdMode, cooldown, minLr, eps);
    }

    public Options withThreshold(double v) {
      return new Options(mode, factor, patience, v, thresholdMode, cooldown, minLr, eps);
    }

    public Options withThresholdMode(String v) {
      return new Options(mode, factor, patience, threshold, v, cooldown, minLr, eps);
    }

    public Options withCooldown(int v) {
      return new Options(mode, factor, patience, threshold, thresholdMode, v, minLr, eps);
    }

    public Options withMinLr(double... v) {
      return new Options(mode, factor, patience, threshold, thresholdMode, cooldown, v, eps);
    }

    public Options withEps(double v) {
      return new Options(mode, factor, patience, threshold, thresholdMode, cooldown, minLr, v);
    }
  }

  private final Optimizer<?, ?> optimizer;
  private final Options o;
  private final double[] minLrs;
  private double best;
  private int numBadEpochs;
  private int cooldownCounter;
  private int lastEpoch;
  private double[] lastLr;

  public ReduceLROnPlateau(Optimizer<?, ?> optimizer) {
    this(optimizer, Options.DEFAULTS);
  }

  public ReduceLROnPlateau(Optimizer<?, ?> optimizer, Options options) {
    this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
    this.o = Objects.requireNonNull(options, "options");
    int n = optimizer.paramGroups().size();
    if (options.minLr().length == 1) {
      minLrs = new double[n];
      java.util.Arrays.fill(minLrs, options.minLr()[0]);
    } else if (options.minLr().length == n) {
      minLrs = options.minLr().clone();
    } else {
      throw new IllegalArgumentException("expected " + n + " min_lrs, got " + options.minLr().length);
    }
    lastEpoch = 0;
    reset();
    lastLr = currentLrs();
  }

  private void reset() {
    best = "min".equals(o.mode()) ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    cooldownCounter = 0;
    numBadEpochs = 0;
  }

  private double[] currentLrs() {
    List<? extends ParamGroup<?>> groups = optimizer.paramGroups();
    double[] out = new double[groups.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = groups.get(i).lr();
    }
    return out;
  }

  @Override
  public Optimizer<?, ?> optimizer() {
    return optimizer;
  }

  /** Not available: the plateau test needs the metric. */
  @Override
  public void step() {
    throw new IllegalStateException("ReduceLROnPlateau needs the monitored metric: call step(metric)");
  }

  @Override
  public void step(double metric) {
    step(metric, lastEpoch + 1);
  }

  /** One step with the metric at the given epoch index. */
  public void step(double metric, int epoch) {
    double current = metric;
    lastEpoch = epoch;
    if (isBetter(current, best)) {
      best = current;
      numBadEpochs = 0;
    } else {
      numBadEpochs += 1;
    }
    if (cooldownCounter > 0) {
      cooldownCounter -= 1;
      numBadEpochs = 0;
    }
    if (numBadEpochs > o.patience()) {
      reduceLr();
      cooldownCounter = o.cooldown();
      numBadEpochs = 0;
    }
    lastLr = currentLrs();
  }

  private void reduceLr() {
    List<? extends ParamGroup<?>> groups = optimizer.paramGroups();
    for (int i = 0; i < groups.size(); i++) {
      double oldLr = groups.get(i).lr();
      double newLr = Math.max(oldLr * o.factor(), minLrs[i]);
      if (oldLr - newLr > o.eps()) {
        groups.get(i).setLr(newLr);
      }
    }
  }

  private boolean isBetter(double a, double best) {
    boolean min = "min".equals(o.mode());
    boolean rel = "rel".equals(o.thresholdMode());
    if (min && rel) {
      return a < best * (1. - o.threshold());
    } else if (min) {
      return a < best - o.threshold();
    } else if (rel) {
      return a > best * (o.threshold() + 1.);
    }
    return a > best + o.threshold();
  }

  /** True during the cooldown after a reduction. */
  public boolean inCooldown() {
    return cooldownCounter > 0;
  }

  public double best() {
    return best;
  }

  public int numBadEpochs() {
    return numBadEpochs;
  }

  public int cooldownCounter() {
    return cooldownCounter;
  }

  public int lastEpoch() {
    return lastEpoch;
  }

  @Override
  public double[] getLastLr() {
    return lastLr.clone();
  }

  @Override
  public Map<String, Object> stateDict() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("factor", o.factor());
    m.put("min_lrs", minLrs.clone());
    m.put("patience", o.patience());
    m.put("cooldown", o.cooldown());
    m.put("cooldown_counter", cooldownCounter);
    m.put("mode", o.mode());
    m.put("threshold", o.threshold());
    m.put("threshold_mode", o.thresholdMode());
    m.put("best", best);
    m.put("num_bad_epochs", numBadEpochs);
    m.put("mode_worse", "min".equals(o.mode()) ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY);
    m.put("eps", o.eps());
    m.put("last_epoch", lastEpoch);
    m.put("_last_lr", lastLr.clone());
    return m;
  }

  /** Restores the counters; the settings must be the ones this scheduler was built with. */
  @Override
  public void loadStateDict(Map<String, ?> state) {
    if (!o.mode().equals(state.get("mode")) || Values.d(state, "factor") != o.factor()
        || Values.integer(state, "patience") != o.patience()) {
      throw new IllegalArgumentException("the saved ReduceLROnPlateau has other settings (mode " + state.get("mode")
          + ", factor " + state.get("factor") + ", patience " + state.get("patience") + ")");
    }
    double[] l = Values.array(state, "_last_lr");
    if (l.length != minLrs.length) {
      throw new IllegalArgumentException("the scheduler state has " + l.length + " learning rates but the optimizer has "
          + minLrs.length + " parameter groups");
    }
    best = Values.d(state, "best");
    numBadEpochs = Values.integer(state, "num_bad_epochs");
    cooldownCounter = Values.integer(state, "cooldown_counter");
    lastEpoch = Values.integer(state, "last_epoch");
    lastLr = l;
  }
}
