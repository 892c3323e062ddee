package org.minima4j.optim.lr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.minima4j.optim.Optimizer;
import org.minima4j.optim.ParamGroup;

/**
 * Runs schedulers one after another, switching at the milestones, as torch 1.13.1's
 * {@code SequentialLR}: construction resets the learning rates to {@code initial_lr}, undoes the
 * members' initial steps and re-runs the first member's; at a milestone the next member jumps to
 * epoch 0 (its closed form). Unlike torch, a {@link ReduceLROnPlateau} member is allowed: give the
 * metric with {@link #step(double)} (torch issue 68978).
 */
public final class SequentialLR implements Scheduler {
  private final Optimizer<?, ?> optimizer;
  private final List<Scheduler> schedulers;
  private final int[] milestones;
  private int lastEpoch;
  private double[] lastLr;

  public SequentialLR(Optimizer<?, ?> optimizer, List<? extends Scheduler> schedulers, int[] milestones) {
    this(optimizer, schedulers, milestones, -1);
  }

  public SequentialLR(Optimizer<?, ?> optimizer, List<? extends Scheduler> schedulers, int[] milestones, int lastEpoch) {
    this.optimizer = optimizer;
    if (schedulers.isEmpty()) {
      throw new IllegalArgumentException("SequentialLR needs at least one scheduler");
    }
    for (int i = 0; i < schedulers.size(); i++) {
      if (schedulers.get(i).optimizer() != optimizer) {
        throw new IllegalArgumentException("Sequential Schedulers expects all schedulers to belong to the same optimizer, "
            + "but got schedulers at index " + i + " to be different than the optimizer passed in.");
      }
    }
    if (milestones.length != schedulers.size() - 1) {
      throw new IllegalArgumentException("Sequential Schedulers expects number of schedulers provided to be one more than "
          + "the number of milestone points, but got number of schedulers " + schedulers.size()
          + " and the number of milestones to be equal to " + milestones.length);
    }
    this.schedulers = new ArrayList<>(schedulers);
    this.milestones = milestones.clone();
    this.lastEpoch = lastEpoch + 1;
    for (ParamGroup<?> g : optimizer.paramGroups()) {
      if (g.extra("initial_lr").isPresent()) {
        g.setLr(g.extra("initial_lr").getAsDouble());
      }
    }
    for (Scheduler s : this.schedulers) {
      if (s instanceof LRScheduler) {
        ((LRScheduler) s).lastEpoch -= 1;
      }
    }
    Scheduler first = this.schedulers.get(0);
    if (first instanceof LRScheduler) {
      ((LRScheduler) first).initialStep();
    }
    lastLr = first.getLastLr();
  }

  @Override
  public Optimizer<?, ?> optimizer() {
    return optimizer;
  }

  private int bisectRight(int epoch) {
    int i = 0;
    while (i < milestones.length && milestones[i] <= epoch) {
      i++;
    }
    return i;
  }

  @Override
  public void step() {
    advance(Double.NaN, false);
  }

  @Override
  public void step(double metric) {
    advance(metric, true);
  }

  private void advance(double metric, boolean hasMetric) {
    lastEpoch += 1;
    int idx = bisectRight(lastEpoch);
    Scheduler s = schedulers.get(idx);
    boolean atMilestone = idx > 0 && milestones[idx - 1] == lastEpoch;
    if (s instanceof ReduceLROnPlateau) {
      if (!hasMetric) {
        s.step();
      }
      ((ReduceLROnPlateau) s).step(metric, atMilestone ? 0 : ((ReduceLROnPlateau) s).lastEpoch() + 1);
    } else if (atMilestone) {
      ((LRScheduler) s).stepTo(0);
    } else {
      s.step();
    }
    lastLr = s.getLastLr();
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
    m.put("_milestones", milestones.clone());
    m.put("last_epoch", lastEpoch);
    m.put("_last_lr", lastLr.clone());
    List<Object> subs = new ArrayList<>();
    for (Scheduler s : schedulers) {
      subs.add(s.stateDict());
    }
    m.put("_schedulers", subs);
    return m;
  }

  @Override
  public void loadStateDict(Map<String, ?> state) {
    Object subs = state.get("_schedulers");
    if (!(subs instanceof List) || ((List<?>) subs).size() != schedulers.size()) {
      throw new IllegalArgumentException("the saved SequentialLR has a different number of schedulers");
    }
    for (int i = 0; i < schedulers.size(); i++) {
      schedulers.get(i).loadStateDict(Values.map(((List<?>) subs).get(i), "_schedulers[" + i + "]"));
    }
    lastEpoch = Values.integer(state, "last_epoch");
    lastLr = Values.array(state, "_last_lr");
  }
}
