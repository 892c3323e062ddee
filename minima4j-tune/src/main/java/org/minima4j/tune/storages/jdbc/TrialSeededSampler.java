package org.minima4j.tune.storages.jdbc;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongFunction;
import org.minima4j.tune.Distribution;
import org.minima4j.tune.FrozenTrial;
import org.minima4j.tune.Study;
import org.minima4j.tune.TrialState;
import org.minima4j.tune.samplers.Sampler;

/**
 * A sampler whose draws for a trial depend only on a seed, the trial's number and the study's history, not on
 * how many trials this process ran before: every trial gets a fresh sampler from {@code factory}, seeded with
 * a mix of the seed and the trial number. A study resumed in a new process therefore samples exactly as one
 * that never stopped (a sampler with one random stream, such as {@code new TPESampler(42)}, restarts its
 * stream in the new process). Suits samplers whose only state across trials is their random generator
 * (random, TPE, GP, NSGA-II, QMC, grid, brute force); samplers that keep other state in memory between trials
 * (CMA-ES) start afresh every trial and should not be wrapped.
 */
public final class TrialSeededSampler implements Sampler {
  private final long seed;
  private final LongFunction<? extends Sampler> factory;
  private final Map<Integer, Sampler> perTrial = new HashMap<>();

  /**
   * @param seed base seed
   * @param factory a sampler for a given seed, for example {@code s -> new TPESampler(s)}
   */
  public TrialSeededSampler(long seed, LongFunction<? extends Sampler> factory) {
    this.seed = seed;
    this.factory = Objects.requireNonNull(factory, "factory");
  }

  /** The seed of the sampler of trial {@code number}: SplitMix64 of the base seed and the number. */
  public static long trialSeed(long seed, int number) {
    long z = seed + 0x9E3779B97F4A7C15L * (number + 1L);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private Sampler forTrial(FrozenTrial trial) {
    return perTrial.computeIfAbsent(trial.trialId(), id -> factory.apply(trialSeed(seed, trial.number())));
  }

  @Override
  public Map<String, Distribution> inferRelativeSearchSpace(Study study, FrozenTrial trial) {
    return forTrial(trial).inferRelativeSearchSpace(study, trial);
  }

  @Override
  public Map<String, Double> sampleRelative(Study study, FrozenTrial trial, Map<String, Distribution> searchSpace) {
    return forTrial(trial).sampleRelative(study, trial, searchSpace);
  }

  @Override
  public double sampleIndependent(Study study, FrozenTrial trial, String paramName, Distribution distribution) {
    return forTrial(trial).sampleIndependent(study, trial, paramName, distribution);
  }

  @Override
  public void beforeTrial(Study study, FrozenTrial trial) {
    forTrial(trial).beforeTrial(study, trial);
  }

  @Override
  public void afterTrial(Study study, FrozenTrial trial, TrialState state, List<Double> values) {
    try {
      forTrial(trial).afterTrial(study, trial, state, values);
    } finally {
      perTrial.remove(trial.trialId());
    }
  }
}
