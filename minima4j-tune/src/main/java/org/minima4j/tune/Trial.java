package org.minima4j.tune;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.minima4j.logging.LazyLogger;

/**
 * A running trial, as Optuna's {@code Trial}: the objective builds its search space by calling
 * {@code suggest*} (define-by-run), reports intermediate values and asks whether to prune.
 *
 * <p>Order of precedence for a suggested parameter (Optuna 3.1's {@code Trial._suggest}): a value the
 * trial already has for that name; a fixed value of an enqueued trial; the single value of a one-point
 * range; the sampler's relative (joint) sample when the parameter is in its relative search space;
 * otherwise the sampler's independent sample.
 *
 * <p>A trial belongs to one thread.
 */
public final class Trial {
  private static final System.Logger LOG = LazyLogger.of(Trial.class);

  private final Study study;
  private final int trialId;
  private final int number;
  private final Map<String, Distribution> relativeSearchSpace;
  private final Map<String, Double> relativeParams;
  private final Map<?, ?> fixedParams;

  Trial(Study study, int trialId) {
    this.study = study;
    this.trialId = trialId;
    FrozenTrial ft = study.storage().getTrial(trialId);
    this.number = ft.number();
    Object fp = ft.systemAttrs().get(Study.FIXED_PARAMS_KEY);
    this.fixedParams = fp instanceof Map<?, ?> m ? m : Map.of();
    Study view = study.viewFor(ft);
    synchronized (study.samplerLock()) {
      study.sampler().beforeTrial(view, ft);
      ft = study.storage().getTrial(trialId);
      Map<String, Distribution> space = study.sampler().inferRelativeSearchSpace(view, ft);
      this.relativeSearchSpace = space == null ? Map.of() : space;
      Map<String, Double> rel = relativeSearchSpace.isEmpty() ? Map.of()
          : study.sampler().sampleRelative(view, ft, relativeSearchSpace);
      this.relativeParams = rel == null ? Map.of() : rel;
    }
  }

  public int number() {
    return number;
  }

  /** Storage-wide id. */
  public int trialId() {
    return trialId;
  }

  public Study study() {
    return study;
  }

  /** A snapshot of this trial as stored now. */
  public FrozenTrial frozen() {
    return study.storage().getTrial(trialId);
  }

  /** External values of the parameters suggested so far. */
  public Map<String, Object> params() {
    return frozen().params();
  }

  public Map<String, Distribution> distributions() {
    return frozen().distributions();
  }

  public Map<String, Object> userAttrs() {
    return frozen().userAttrs();
  }

  public Map<String, Object> systemAttrs() {
    return frozen().systemAttrs();
  }

  /** The relative search space the sampler chose for this trial. */
  public Map<String, Distribution> relativeSearchSpace() {
    return relativeSearchSpace;
  }

  // ------------------------------------------------------------------ suggest

  /** A float uniform in [low, high]. */
  public double suggestFloat(String name, double low, double high) {
    return suggestFloat(name, low, high, null, false);
  }

  /** A float in [low, high], log-uniform when {@code log}. */
  public double suggestFloat(String name, double low, double high, boolean log) {
    return suggestFloat(name, low, high, null, log);
  }

  /** A float on the grid low, low + step, ..., high. */
  public double suggestFloat(String name, double low, double high, double step) {
    return suggestFloat(name, low, high, step, false);
  }

  /** As Optuna's {@code suggest_float(name, low, high, step=None, log=False)}. */
  public double suggestFloat(String name, double low, double high, Double step, boolean log) {
    return (Double) suggest(name, new FloatDistribution(low, high, log, step));
  }

  /** An integer uniform in [low, high]. */
  public int suggestInt(String name, int low, int high) {
    return suggestInt(name, low, high, 1, false);
  }

  /** An integer in [low, high], log-uniform when {@code log}. */
  public int suggestInt(String name, int low, int high, boolean log) {
    return suggestInt(name, low, high, 1, log);
  }

  /** As Optuna's {@code suggest_int(name, low, high, step=1, log=False)}. */
  public int suggestInt(String name, int low, int high, int step, boolean log) {
    return (int) (long) (Long) suggest(name, new IntDistribution(low, high, log, step));
  }

  /** One of {@code choices}. */
  @SafeVarargs
  public final <T> T suggestCategorical(String name, T... choices) {
    List<T> list = new ArrayList<>(choices.length);
    for (T c : choices) {
      list.add(c);
    }
    return suggestCategorical(name, list);
  }

  /** One of {@code choices} (null, Boolean, Number or String). */
  @SuppressWarnings("unchecked")
  public <T> T suggestCategorical(String name, List<T> choices) {
    return (T) suggest(name, new CategoricalDistribution(new ArrayList<>(choices)));
  }

  /** Suggests a value of any distribution; returns its external representation. */
  public Object suggest(String name, Distribution distribution) {
    if (name == null) {
      throw new IllegalArgumentException("name must not be null");
    }
    FrozenTrial ft = frozen();
    if (ft.state() != TrialState.RUNNING) {
      throw new IllegalStateException("Trial#" + number + " has already finished and can not be updated.");
    }
    Distribution old = ft.distributions().get(name);
    if (old != null) {
      if (old.getClass() != distribution.getClass()) {
        throw new IllegalArgumentException("Cannot set different distribution kind to the same parameter name ('"
            + name + "': " + old + " then " + distribution + ").");
      }
      if (old instanceof CategoricalDistribution a
          && !a.choices().equals(((CategoricalDistribution) distribution).choices())) {
        throw new IllegalArgumentException("CategoricalDistribution does not support dynamic value space ('" + name
            + "': " + a.choices() + " then " + ((CategoricalDistribution) distribution).choices() + ").");
      }
      if (!old.equals(distribution)) {
        LOG.log(System.Logger.Level.WARNING, "Parameter '" + name + "' was suggested again with " + distribution
            + "; the value drawn from " + old + " is returned.");
      }
      return ft.params().get(name);
    }
    double internal;
    if (fixedParams.containsKey(name)) {
      internal = distribution.toInternal(fixedParams.get(name));
      if (!distribution.contains(internal)) {
        throw new IllegalArgumentException("Fixed parameter '" + name + "' with value " + fixedParams.get(name)
            + " is out of range for distribution " + distribution + ".");
      }
    } else if (distribution.single()) {
      internal = singleValue(distribution);
    } else if (distribution.equals(relativeSearchSpace.get(name)) && relativeParams.containsKey(name)) {
      internal = relativeParams.get(name);
    } else {
      Study view = study.viewFor(ft);
      synchronized (study.samplerLock()) {
        internal = study.sampler().sampleIndependent(view, ft, name, distribution);
      }
    }
    study.storage().setTrialParam(trialId, name, internal, distribution);
    return distribution.toExternal(internal);
  }

  private static double singleValue(Distribution d) {
    if (d instanceof FloatDistribution f) {
      return f.low();
    }
    if (d instanceof IntDistribution i) {
      return i.low();
    }
    return 0;
  }

  // ------------------------------------------------------------------ report / prune

  /**
   * Reports an intermediate value at {@code step} (>= 0), as Optuna's {@code Trial.report}; only the first
   * report of a step is kept. Not available for multi-objective studies.
   */
  public void report(double value, int step) {
    if (study.isMultiObjective()) {
      throw new UnsupportedOperationException(
          "Trial.report is not supported for multi-objective optimization.");
    }
    if (step < 0) {
      throw new IllegalArgumentException("The `step` argument is " + step + " but cannot be negative.");
    }
    FrozenTrial ft = frozen();
    if (ft.state() != TrialState.RUNNING) {
      throw new IllegalStateException("Trial#" + number + " has already finished and can not be updated.");
    }
    if (ft.intermediateValues().containsKey(step)) {
      LOG.log(System.Logger.Level.WARNING, "The reported value is ignored because this `step` " + step
          + " is already reported.");
      return;
    }
    study.storage().setTrialIntermediateValue(trialId, step, value);
    study.storage().recordHeartbeat(trialId);
  }

  /** Whether the study's pruner says to stop this trial now. */
  public boolean shouldPrune() {
    if (study.isMultiObjective()) {
      throw new UnsupportedOperationException(
          "Trial.should_prune is not supported for multi-objective optimization.");
    }
    FrozenTrial ft = frozen();
    Study view = study.viewFor(ft);
    return study.pruner().prune(view, ft);
  }

  // ------------------------------------------------------------------ attributes and constraints

  public void setUserAttr(String key, Object value) {
    study.storage().setTrialUserAttr(trialId, key, value);
  }

  public void setSystemAttr(String key, Object value) {
    study.storage().setTrialSystemAttr(trialId, key, value);
  }

  /**
   * Records constraint values: the trial is feasible iff every value is {@code <= 0}. Constraint-aware
   * samplers (TPE, NSGA-II) and {@link Study#bestTrial} use them. NaN is rejected.
   */
  public void setConstraints(double... values) {
    List<Double> vs = new ArrayList<>(values.length);
    for (double v : values) {
      if (Double.isNaN(v)) {
        throw new IllegalArgumentException("Constraint values cannot be NaN: " + Arrays.toString(values));
      }
      vs.add(v);
    }
    study.storage().setTrialSystemAttr(trialId, Study.CONSTRAINTS_KEY, List.copyOf(vs));
  }
}
