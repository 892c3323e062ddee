package org.minima4j.optim.lr;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.minima4j.optim.Optimizer;
import org.minima4j.optim.ParamGroup;

/**
 * Base of the epoch-indexed schedulers, as torch 1.13.1's {@code _LRScheduler}: construction sets
 * each group's {@code initial_lr} (when {@code lastEpoch == -1}) and takes torch's initial step
 * ({@code last_epoch} -1 to 0); {@link #step()} advances {@code last_epoch} and writes the
 * chainable {@code get_lr()} values, computed from the groups' current learning rates, so several
 * schedulers on one optimizer compose.
 *
 * <p>Subclass constructors set their fields and then call {@link #initialStep()}, since Java cannot
 * run subclass code before the base constructor as Python does.
 */
public abstract class LRScheduler implements Scheduler {
  protected final Optimizer<?, ?> optimizer;
  protected int lastEpoch;
  protected int stepCount;
  protected double[] baseLrs;
  protected double[] lastLr;

  protected LRScheduler(Optimizer<?, ?> optimizer, int lastEpoch) {
    this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
    List<? extends ParamGroup<?>> groups = optimizer.paramGroups();
    if (lastEpoch == -1) {
      for (ParamGroup<?> g : groups) {
        if (g.extra("initial_lr").isEmpty()) {
          g.setExtra("initial_lr", g.lr());
        }
      }
    } else {
      for (int i = 0; i < groups.size(); i++) {
        if (groups.get(i).extra("initial_lr").isEmpty()) {
          throw new IllegalArgumentException("param 'initial_lr' is not specified in param_groups[" + i
              + "] when resuming an optimizer");
        }
      }
    }
    baseLrs = new double[groups.size()];
    for (int i = 0; i < baseLrs.length; i++) {
      baseLrs[i] = groups.get(i).extra("initial_lr").getAsDouble();
    }
    this.lastEpoch = lastEpoch;
  }

  /** torch's {@code _initial_step}: resets the step count and takes the first step. */
  protected final void initialStep() {
    stepCount = 0;
    step();
  }

  @Override
  public final Optimizer<?, ?> optimizer() {
    return optimizer;
  }

  /** The epoch index of the last step ({@code last_epoch}). */
  public final int lastEpoch() {
    return lastEpoch;
  }

  /** The base learning rates, one per group (a copy). */
  public final double[] baseLrs() {
    return baseLrs.clone();
  }

  @Override
  public void step() {
    stepCount++;
    lastEpoch++;
    apply(getLr());
  }

  /**
   * torch's deprecated {@code step(epoch)}: jumps to {@code epoch}, using the closed form where the
   * scheduler has one (SequentialLR uses it with 0 at its milestones).
   */
  public void stepTo(int epoch) {
    stepCount++;
    lastEpoch = epoch;
    double[] closed = closedFormLr();
    apply(closed != null ? closed : getLr());
  }

  protected final void apply(double[] values) {
    List<? extends ParamGroup<?>> groups = optimizer.paramGroups();
    for (int i = 0; i < groups.size(); i++) {
      groups.get(i).setLr(values[i]);
    }
    lastLr = currentLrs();
  }

  protected final double[] currentLrs() {
    List<? extends ParamGroup<?>> groups = optimizer.paramGroups();
    double[] out = new double[groups.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = groups.get(i).lr();
    }
    return out;
  }

  protected final List<? extends ParamGroup<?>> groups() {
    return optimizer.paramGroups();
  }

  /** The chainable learning rates for the current {@code lastEpoch} ({@code get_lr}). */
  protected abstract double[] getLr();

  /** The closed-form learning rates ({@code _get_closed_form_lr}), or null when there is none. */
  protected double[] closedFormLr() {
    return null;
  }

  @Override
  public double[] getLastLr() {
    return lastLr.clone();
  }

  /**
   * {@code last_epoch}, {@code _step_count}, {@code base_lrs}, {@code _last_lr} and the scheduler's
   * own settings, under torch's attribute names.
   */
  @Override
  public Map<String, Object> stateDict() {
    Map<String, Object> m = new LinkedHashMap<>();
    saveSettings(m);
    m.put("base_lrs", baseLrs.clone());
    m.put("last_epoch", lastEpoch);
    m.put("_step_count", stepCount);
    m.put("_last_lr", lastLr.clone());
    return m;
  }

  @Override
  public void loadStateDict(Map<String, ?> state) {
    double[] b = Values.array(state, "base_lrs");
    double[] l = Values.array(state, "_last_lr");
    if (b.length != baseLrs.length || l.length != baseLrs.length) {
      throw new IllegalArgumentException("the scheduler state has " + b.length + " base_lrs and " + l.length
          + " _last_lr but the optimizer has " + baseLrs.length + " parameter groups");
    }
    loadSettings(state);
    baseLrs = b;
    lastLr = l;
    lastEpoch = Values.integer(state, "last_epoch");
    stepCount = Values.integer(state, "_step_count");
  }

  /** Writes the scheduler's own settings and counters. */
  protected void saveSettings(Map<String, Object> m) {}

  /** Reads what {@link #saveSettings} wrote. */
  protected void loadSettings(Map<String, ?> m) {}

  /** One value per group: a single value repeated, or a list that must have one entry per group. */
  static double[] perGroup(Optimizer<?, ?> optimizer, String name, double[] values) {
    int n = optimizer.paramGroups().size();
    if (values.length == 1) {
      double[] out = new double[n];
      java.util.Arrays.fill(out, values[0]);
      return out;
    }
    if (values.length != n) {
      throw new IllegalArgumentException("expected " + n + " values for " + name + ", got " + values.length);
    }
    return values.clone();
  }
}
