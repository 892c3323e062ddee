package org.minima4j.tune.samplers;

import java.util.List;
import java.util.Map;
import org.minima4j.tune.Distribution;
import org.minima4j.tune.FrozenTrial;
import org.minima4j.tune.Study;
import org.minima4j.tune.TrialState;

/**
 * A sampler, as Optuna's {@code BaseSampler}: when a trial starts, the study asks for a relative
 * (joint) sample over {@link #inferRelativeSearchSpace}; each {@code suggest*} of a parameter outside
 * that space falls back to {@link #sampleIndependent}.
 *
 * <p>Deliberate deviation: values are exchanged in their internal representation (a double: the number
 * itself, or the index of a categorical choice) rather than Optuna's external one, so samplers never
 * handle boxed choices.
 *
 * <p>The study calls a sampler from one thread at a time (it holds a lock around every call), so
 * implementations need no synchronization of their own. Randomness must come from an explicit seed.
 */
public interface Sampler {

  /** The joint search space for {@code trial}; empty by default (independent sampling only). */
  default Map<String, Distribution> inferRelativeSearchSpace(Study study, FrozenTrial trial) {
    return Map.of();
  }

  /** Internal values for (part of) {@code searchSpace}; params left out are sampled independently. */
  default Map<String, Double> sampleRelative(Study study, FrozenTrial trial, Map<String, Distribution> searchSpace) {
    return Map.of();
  }

  /** The internal value of one parameter. */
  double sampleIndependent(Study study, FrozenTrial trial, String paramName, Distribution distribution);

  /** Called when a trial starts, before the relative sample. */
  default void beforeTrial(Study study, FrozenTrial trial) {
  }

  /** Called when a trial ends, before its state is stored; {@code values} may be null. */
  default void afterTrial(Study study, FrozenTrial trial, TrialState state, List<Double> values) {
  }
}
