package org.minima4j.tune.samplers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.minima4j.tune.Distribution;
import org.minima4j.tune.FrozenTrial;
import org.minima4j.tune.Study;
import org.minima4j.tune.TrialState;

/**
 * Fixes some parameters and delegates the others to a base sampler, as Optuna's {@code PartialFixedSampler}.
 * Fixed values are external values (as {@code suggest*} would return them).
 */
public final class PartialFixedSampler implements Sampler {
  private final Map<String, Object> fixedParams;
  private final Sampler base;

  public PartialFixedSampler(Map<String, ?> fixedParams, Sampler baseSampler) {
    if (baseSampler == null) {
      throw new IllegalArgumentException("base_sampler must not be null");
    }
    this.fixedParams = Map.copyOf(fixedParams);
    this.base = baseSampler;
  }

  @Override
  public Map<String, Distribution> inferRelativeSearchSpace(Study study, FrozenTrial trial) {
    Map<String, Distribution> space = new LinkedHashMap<>(base.inferRelativeSearchSpace(study, trial));
    space.keySet().removeAll(fixedParams.keySet());
    return space;
  }

  @Override
  public Map<String, Double> sampleRelative(Study study, FrozenTrial trial, Map<String, Distribution> searchSpace) {
    return base.sampleRelative(study, trial, searchSpace);
  }

  @Override
  public double sampleIndependent(Study study, FrozenTrial trial, String paramName, Distribution distribution) {
    if (!fixedParams.containsKey(paramName)) {
      return base.sampleIndependent(study, trial, paramName, distribution);
    }
    Object v = fixedParams.get(paramName);
    double internal = distribution.toInternal(v);
    if (!distribution.contains(internal)) {
      throw new IllegalArgumentException("Fixed parameter '" + paramName + "' with value " + v
          + " is out of range for distribution " + distribution + ".");
    }
    return internal;
  }

  @Override
  public void beforeTrial(Study study, FrozenTrial trial) {
    base.beforeTrial(study, trial);
  }

  @Override
  public void afterTrial(Study study, FrozenTrial trial, TrialState state, List<Double> values) {
    base.afterTrial(study, trial, state, values);
  }
}
