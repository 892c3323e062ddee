package org.minima4j.optim.lr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.minima4j.optim.Optimizer;
import org.minima4j.optim.ParamGroup;

/**
 * Steps several schedulers of one optimizer together, in order, as torch's
 * {@code ChainedScheduler}; their chainable rules compose multiplicatively. Unlike torch, a
 * {@link ReduceLROnPlateau} member is allowed: {@link #step(double)} passes it the metric.
 */
public final class ChainedScheduler implements Scheduler {
  private final Optimizer<?, ?> optimizer;
  private final List<Scheduler> schedulers;
  private double[] lastLr;

  public ChainedScheduler(List<? extends Scheduler> schedulers) {
    if (schedulers.isEmpty()) {
      throw new IllegalArgumentException("ChainedScheduler needs at least one scheduler");
    }
    this.optimizer = schedulers.get(0).optimizer();
    for (int i = 1; i < schedulers.size(); i++) {
      if (schedulers.get(i).optimizer() != optimizer) {
        throw new IllegalArgumentException("ChainedScheduler expects all schedulers to belong to the same optimizer, but "
            + "got schedulers at index " + i + " to be different than the optimizer passed in.");
      }
    }
    this.schedulers = new ArrayList<>(schedulers);
    lastLr = currentLrs();
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

  @Override
  public void step() {
    for (Scheduler s : schedulers) {
      s.step();
    }
    lastLr = currentLrs();
  }

  @Override
  public void step(double metric) {
    for (Scheduler s : schedulers) {
      s.step(metric);
    }
    lastLr = currentLrs();
  }

  @Override
  public double[] getLastLr() {
    return lastLr.clone();
  }

  @Override
  public Map<String, Object> stateDict() {
    Map<String, Object> m = new LinkedHashMap<>();
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
      throw new IllegalArgumentException("the saved ChainedScheduler has a different number of schedulers");
    }
    for (int i = 0; i < schedulers.size(); i++) {
      schedulers.get(i).loadStateDict(Values.map(((List<?>) subs).get(i), "_schedulers[" + i + "]"));
    }
    lastLr = Values.array(state, "_last_lr");
  }
}
