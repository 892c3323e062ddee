package org.minima4j.tune.samplers;

import org.minima4j.random.NumpyRandomState;
import org.minima4j.tune.Distribution;
import org.minima4j.tune.FrozenTrial;
import org.minima4j.tune.Study;
import org.minima4j.tune.internal.OptunaRandom;

/**
 * Uniform random search, replaying Optuna 3.1's {@code RandomSampler} ({@code optuna/samplers/_random.py}):
 * the draws come from {@code numpy.random.RandomState(seed)} ({@link NumpyRandomState}) in Optuna's order, one
 * {@code uniform} per numeric parameter over its transformed range (log-uniform for log ranges, stepped and
 * integer ranges widened by half a step and rounded back) and one per choice of a categorical parameter (the
 * largest wins), so a study with {@code seed = s} samples the same parameters as Optuna's with {@code seed=s}
 * (see {@link OptunaRandom}; values agree to the last ulp of {@code exp} for log ranges).
 */
public final class RandomSampler implements Sampler {
  private final NumpyRandomState rng;

  /**
   * A sampler whose draws are fully determined by {@code seed}; seeds in [0, 2^32 - 1] give Optuna's stream
   * for that seed, others are mapped to 32 bits ({@link OptunaRandom#forSeed}).
   */
  public RandomSampler(long seed) {
    this.rng = OptunaRandom.forSeed(seed);
  }

  @Override
  public double sampleIndependent(Study study, FrozenTrial trial, String paramName, Distribution distribution) {
    return OptunaRandom.sampleIndependent(distribution, rng);
  }
}
