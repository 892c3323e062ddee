package org.minima4j.tune;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An immutable snapshot of a trial, as Optuna's {@code FrozenTrial}. Storages hand these out and
 * replace them on every update, so a reference never changes under a reader.
 *
 * <p>{@code params} hold external values (what {@code suggest*} returned), {@code internalParams} the
 * double representation samplers work on; both share the key order in which parameters were suggested.
 */
public final class FrozenTrial {
  private final int number;
  private final int trialId;
  private final TrialState state;
  private final List<Double> values;
  private final Instant datetimeStart;
  private final Instant datetimeComplete;
  private final ParamTable table;
  private final Map<String, Object> userAttrs;
  private final Map<String, Object> systemAttrs;
  private final SortedMap<Integer, Double> intermediateValues;

  /**
   * A snapshot. Params are given in their internal representation with their distributions.
   *
   * @param number trial number within its study (-1 for a template not yet stored)
   * @param trialId storage-wide id (-1 for a template not yet stored)
   * @param state state
   * @param values objective values or null
   * @param datetimeStart start time or null
   * @param datetimeComplete completion time or null
   * @param internalParams param name to internal value
   * @param distributions param name to distribution; same keys as internalParams
   * @param userAttrs user attributes
   * @param systemAttrs system attributes
   * @param intermediateValues step to reported value
   */
  public FrozenTrial(int number, int trialId, TrialState state, List<Double> values, Instant datetimeStart,
      Instant datetimeComplete, Map<String, Double> internalParams, Map<String, Distribution> distributions,
      Map<String, Object> userAttrs, Map<String, Object> systemAttrs, Map<Integer, Double> intermediateValues) {
    if (state == null) {
      throw new IllegalArgumentException("state must not be null");
    }
    if (!internalParams.keySet().equals(distributions.keySet())) {
      throw new IllegalArgumentException("Inconsistent parameters " + internalParams.keySet()
          + " and distributions " + distributions.keySet() + ".");
    }
    this.number = number;
    this.trialId = trialId;
    this.state = state;
    this.values = values == null ? null : List.copyOf(values);
    this.datetimeStart = datetimeStart;
    this.datetimeComplete = datetimeComplete;
    int np = internalParams.size();
    String[] names = new String[np];
    double[] vals = new double[np];
    Distribution[] ds = new Distribution[np];
    int i = 0;
    for (Map.Entry<String, Double> e : internalParams.entrySet()) {
      Distribution d = distributions.get(e.getKey());
      if (!d.contains(e.getValue())) {
        throw new IllegalArgumentException("The value " + d.toExternal(e.getValue()) + " of parameter '" + e.getKey()
            + "' is not in the distribution " + d + ".");
      }
      names[i] = e.getKey();
      vals[i] = e.getValue();
      ds[i] = d;
      i++;
    }
    this.table = ParamTable.of(names, vals, ds);
    this.userAttrs = Collections.unmodifiableMap(new LinkedHashMap<>(userAttrs));
    this.systemAttrs = Collections.unmodifiableMap(new LinkedHashMap<>(systemAttrs));
    this.intermediateValues = Collections.unmodifiableSortedMap(new TreeMap<>(intermediateValues));
  }

  /** A copy sharing the (immutable, already validated) maps of {@code t}, with new ids and state. */
  private FrozenTrial(FrozenTrial t, int number, int trialId, TrialState state, List<Double> values,
      Instant datetimeStart, Instant datetimeComplete) {
    if (state == null) {
      throw new IllegalArgumentException("state must not be null");
    }
    this.number = number;
    this.trialId = trialId;
    this.state = state;
    this.values = values == null ? null : List.copyOf(values);
    this.datetimeStart = datetimeStart;
    this.datetimeComplete = datetimeComplete;
    this.table = t.table;
    this.userAttrs = t.userAttrs;
    this.systemAttrs = t.systemAttrs;
    this.intermediateValues = t.intermediateValues;
  }

  /**
   * A copy of {@code t} whose params, user attributes, system attributes or intermediate values are the given
   * ones where not null (already unmodifiable and validated by the caller), the others shared with {@code t}.
   */
  private FrozenTrial(FrozenTrial t, ParamTable table, Map<String, Object> userAttrs,
      Map<String, Object> systemAttrs, SortedMap<Integer, Double> intermediateValues) {
    this.number = t.number;
    this.trialId = t.trialId;
    this.state = t.state;
    this.values = t.values;
    this.datetimeStart = t.datetimeStart;
    this.datetimeComplete = t.datetimeComplete;
    this.table = table != null ? table : t.table;
    this.userAttrs = userAttrs != null ? userAttrs : t.userAttrs;
    this.systemAttrs = systemAttrs != null ? systemAttrs : t.systemAttrs;
    this.intermediateValues = intermediateValues != null ? intermediateValues : t.intermediateValues;
  }

  public int number() {
    return number;
  }

  /** Storage-wide id. */
  public int trialId() {
    return trialId;
  }

  public TrialState state() {
    return state;
  }

  /** Objective values, or null when the trial has none (running, failed, pruned without reports). */
  public List<Double> values() {
    return values;
  }

  /** The single objective value; throws for multi-objective trials; null when there is none. */
  public Double value() {
    if (values == null) {
      return null;
    }
    if (values.size() != 1) {
      throw new IllegalStateException("This attribute is not available during multi-objective optimization.");
    }
    return values.get(0);
  }

  public Instant datetimeStart() {
    return datetimeStart;
  }

  public Instant datetimeComplete() {
    return datetimeComplete;
  }

  /** External parameter values in suggestion order. */
  public Map<String, Object> params() {
    return table.externalView;
  }

  /** Internal (double) parameter values in suggestion order. */
  public Map<String, Double> internalParams() {
    return table.internalView;
  }

  public Map<String, Distribution> distributions() {
    return table.distributionView;
  }

  public Map<String, Object> userAttrs() {
    return userAttrs;
  }

  public Map<String, Object> systemAttrs() {
    return systemAttrs;
  }

  public SortedMap<Integer, Double> intermediateValues() {
    return intermediateValues;
  }

  /** The largest reported step, or null. */
  public Integer lastStep() {
    return intermediateValues.isEmpty() ? null : intermediateValues.lastKey();
  }

  /** Time from start to completion, or null. */
  public java.time.Duration duration() {
    return datetimeStart == null || datetimeComplete == null ? null
        : java.time.Duration.between(datetimeStart, datetimeComplete);
  }

  // ------------------------------------------------------------------ copies used by storages
  // (unchanged maps are shared: they are unmodifiable views of maps nobody else holds)

  public FrozenTrial withIds(int newNumber, int newTrialId) {
    return new FrozenTrial(this, newNumber, newTrialId, state, values, datetimeStart, datetimeComplete);
  }

  public FrozenTrial withState(TrialState newState, List<Double> newValues, Instant start, Instant complete) {
    return new FrozenTrial(this, number, trialId, newState, newValues, start, complete);
  }

  /** A copy with one more parameter, last in suggestion order (a name set again keeps its place). */
  public FrozenTrial withParam(String name, double internal, Distribution distribution) {
    if (name == null || distribution == null) {
      throw new IllegalArgumentException("name and distribution must not be null");
    }
    if (!distribution.contains(internal)) {
      throw new IllegalArgumentException("The value " + distribution.toExternal(internal) + " of parameter '" + name
          + "' is not in the distribution " + distribution + ".");
    }
    return new FrozenTrial(this, table.with(name, internal, distribution), null, null, null);
  }

  public FrozenTrial withIntermediateValue(int step, double value) {
    SortedMap<Integer, Double> iv = new TreeMap<>(intermediateValues);
    iv.put(step, value);
    return new FrozenTrial(this, null, null, null, Collections.unmodifiableSortedMap(iv));
  }

  public FrozenTrial withUserAttr(String key, Object value) {
    Map<String, Object> m = new LinkedHashMap<>(userAttrs);
    m.put(key, value);
    return new FrozenTrial(this, null, Collections.unmodifiableMap(m), null, null);
  }

  public FrozenTrial withSystemAttr(String key, Object value) {
    Map<String, Object> m = new LinkedHashMap<>(systemAttrs);
    m.put(key, value);
    return new FrozenTrial(this, null, null, Collections.unmodifiableMap(m), null);
  }

  @Override
  public String toString() {
    return "FrozenTrial[number=" + number + ", state=" + state + ", values=" + values + ", params=" + params()
        + ", userAttrs=" + userAttrs + ", intermediateValues=" + intermediateValues + "]";
  }
}
