package org.minima4j.tune.samplers;

import java.util.random.RandomGenerator;
import org.minima4j.optimize.global.SeededRandom;
import org.minima4j.tune.Distribution;
import org.minima4j.tune.FrozenTrial;
import org.minima4j.tune.Study;
import org.minima4j.tune.internal.SearchSpaces;

/**
 * Uniform random search, as Optuna 3.1's {@code RandomSampler}: floats uniform (log-uniform for log ranges),
 * stepped values uniform over the widened range then rounded to the grid, categorical choices uniform.
 * Random numbers come from {@link SeededRandom} (not numpy's stream, so values differ from Optuna's).
 */
public final class RandomSampler implements Sampler {
  private final RandomGenerator rng;

  /** A sampler whose draws are fully determined by {@code seed}. */
  public RandomSampler(long seed) {
    this.rng = new SeededRandom(seed);
  }

  @Override
  public double sampleIndependent(Study study, FrozenTrial trial, String paramName, Distribution distribution) {
    return SearchSpaces.sampleUniform(distribution, rng);
  }
}
