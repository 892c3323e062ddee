package org.minima4j.tune.samplers;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.minima4j.optimize.Bounds;
import org.minima4j.optimize.global.SeededRandom;
import org.minima4j.optimize.global.cmaes.CMA;
import org.minima4j.tune.CategoricalDistribution;
import org.minima4j.tune.Distribution;
import org.minima4j.tune.FrozenTrial;
import org.minima4j.tune.Study;
import org.minima4j.tune.StudyDirection;
import org.minima4j.tune.TrialState;
import org.minima4j.tune.internal.SearchSpaces;

/**
 * CMA-ES as a sampler, after Optuna 3.1's {@code CmaEsSampler} on this library's {@link CMA} (cmaes 0.9.1
 * numerics). The relative search space is the intersection of COMPLETE trials' numeric parameters (log ranges
 * in log space, stepped and integer ranges widened by half a step and rounded back); categorical parameters,
 * one-dimensional spaces and the first {@code nStartupTrials} trials use the independent sampler
 * ({@link RandomSampler}). Defaults: mean at the centre of the box (or {@code x0}), {@code sigma0 = min(range)/6},
 * {@code n_max_resampling = 10 n}, cmaes' default population size.
 *
 * <p>Deliberate deviations: {@link CMA#ask()} returns a whole generation, which this sampler hands out one
 * point per trial (Optuna draws a fresh point per trial); a generation is told once all its points' trials have
 * finished, FAIL (and PRUNED unless {@code considerPrunedTrials}) counted as the worst value; trials started
 * while a generation is fully handed out but not finished (parallel runs) use the independent sampler; the
 * optimizer state lives in the sampler, not in trial system attributes, so a study resumed with a new sampler
 * restarts CMA-ES. Multi-objective studies are rejected, as in Optuna. IPOP restarts ({@code ipop}) follow
 * Optuna's {@code restart_strategy="ipop"}.
 */
public final class CmaEsSampler implements Sampler {
  private final Map<String, Double> x0;
  private final Double sigma0;
  private final int nStartupTrials;
  private final boolean considerPrunedTrials;
  private final int popsize;
  private final long seed;
  private final boolean ipop;
  private final int incPopsize;
  private final RandomSampler independent;
  private final SeededRandom cmaRng;
  private int nRestarts;
  private int currentPopsize;

  private List<String> names;
  private Distribution[] dists;
  private CMA cma;
  private int generation;
  private List<double[]> batch;
  private int handedOut;
  private final Map<Integer, int[]> trialSlot = new HashMap<>(); // trial number -> {generation, index}

  /** Optuna's defaults with the given seed. */
  public CmaEsSampler(long seed) {
    this(null, null, 1, false, 0, seed);
  }

  /** As {@link #CmaEsSampler(Map, Double, int, boolean, int, long)} without restarts. */
  public CmaEsSampler(Map<String, Double> x0, Double sigma0, int nStartupTrials, boolean considerPrunedTrials,
      int popsize, long seed) {
    this(x0, sigma0, nStartupTrials, considerPrunedTrials, popsize, false, 2, seed);
  }

  /**
   * @param x0 initial mean (external values by name) or null for the centre
   * @param sigma0 initial step size in transformed space, or null for {@code min(range)/6}
   * @param nStartupTrials trials sampled independently first (1)
   * @param considerPrunedTrials tell PRUNED trials with their last value (false: as the worst value)
   * @param popsize population size, 0 for cmaes' default
   * @param ipop Optuna's {@code restart_strategy="ipop"}: when CMA-ES stops, restart from a uniformly random
   *     mean with the population multiplied by {@code incPopsize}
   * @param incPopsize population growth factor of IPOP restarts (2)
   * @param seed seed
   */
  public CmaEsSampler(Map<String, Double> x0, Double sigma0, int nStartupTrials, boolean considerPrunedTrials,
      int popsize, boolean ipop, int incPopsize, long seed) {
    if (incPopsize < 1) {
      throw new IllegalArgumentException("inc_popsize must be >= 1, got " + incPopsize);
    }
    if (nStartupTrials < 0) {
      throw new IllegalArgumentException("n_startup_trials must be >= 0, got " + nStartupTrials);
    }
    if (sigma0 != null && !(sigma0 > 0)) {
      throw new IllegalArgumentException("sigma0 must be positive, got " + sigma0);
    }
    this.x0 = x0 == null ? null : Map.copyOf(x0);
    this.sigma0 = sigma0;
    this.nStartupTrials = nStartupTrials;
    this.considerPrunedTrials = considerPrunedTrials;
    this.popsize = popsize;
    this.seed = seed;
    this.ipop = ipop;
    this.incPopsize = incPopsize;
    this.independent = new RandomSampler(seed);
    this.cmaRng = new SeededRandom(seed);
  }

  /** Number of IPOP restarts so far. */
  public int restarts() {
    return nRestarts;
  }

  @Override
  public Map<String, Distribution> inferRelativeSearchSpace(Study study, FrozenTrial trial) {
    if (study.isMultiObjective()) {
      throw new IllegalStateException("CmaEsSampler does not support multi-objective optimization.");
    }
    Map<String, Distribution> out = new LinkedHashMap<>();
    SearchSpaces.intersection(study, false).forEach((k, v) -> {
      if (!v.single() && !(v instanceof CategoricalDistribution)) {
        out.put(k, v);
      }
    });
    return out;
  }

  @Override
  public Map<String, Double> sampleRelative(Study study, FrozenTrial trial, Map<String, Distribution> space) {
    if (space.size() < 2) {
      return Map.of();
    }
    List<FrozenTrial> finished = study.getTrials(EnumSet.of(TrialState.COMPLETE, TrialState.PRUNED,
        TrialState.FAIL));
    int nComplete = 0;
    for (FrozenTrial t : finished) {
      if (t.state() == TrialState.COMPLETE || (considerPrunedTrials && t.state() == TrialState.PRUNED)) {
        nComplete++;
      }
    }
    if (nComplete < nStartupTrials) {
      return Map.of();
    }
    List<String> spaceNames = new ArrayList<>(space.keySet());
    if (cma == null) {
      init(spaceNames, space);
    } else if (!spaceNames.equals(names) || !sameDists(space)) {
      return Map.of(); // dynamic search space: Optuna falls back to the independent sampler too
    }
    if (handedOut == batch.size()) {
      if (!tellIfDone(study, finished)) {
        return Map.of();
      }
    }
    int index = handedOut++;
    double[] x = batch.get(index);
    trialSlot.put(trial.number(), new int[] {generation, index});
    study.storage().setTrialSystemAttr(trial.trialId(), "cma:generation", generation);
    Map<String, Double> out = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      out.put(names.get(i), SearchSpaces.untransform(dists[i], x[i]));
    }
    return out;
  }

  private boolean sameDists(Map<String, Distribution> space) {
    for (int i = 0; i < names.size(); i++) {
      if (!space.get(names.get(i)).equals(dists[i])) {
        return false;
      }
    }
    return true;
  }

  private void init(List<String> spaceNames, Map<String, Distribution> space) {
    currentPopsize = popsize;
    start(spaceNames, space, false);
  }

  private void start(List<String> spaceNames, Map<String, Distribution> space, boolean randomMean) {
    names = spaceNames;
    int n = names.size();
    dists = new Distribution[n];
    double[] lb = new double[n];
    double[] ub = new double[n];
    double[] mean = new double[n];
    double minRange = Double.POSITIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      dists[i] = space.get(names.get(i));
      double[] b = SearchSpaces.bounds(dists[i]);
      lb[i] = b[0];
      ub[i] = b[1];
      minRange = Math.min(minRange, b[1] - b[0]);
      mean[i] = x0 != null && x0.containsKey(names.get(i)) ? SearchSpaces.transform(dists[i], x0.get(names.get(i)))
          : lb[i] + (ub[i] - lb[i]) / 2;
    }
    if (randomMean) {
      for (int i = 0; i < n; i++) {
        mean[i] = lb[i] + (ub[i] - lb[i]) * cmaRng.nextDouble();
      }
    }
    double s0 = sigma0 != null ? sigma0 : minRange / 6;
    // cmaes seeds its generator from the sampler's rng: randint(1, 2**31 - 2)
    long cmaSeed = 1 + Math.floorMod(cmaRng.nextLong(), (1L << 31) - 3);
    CMA.Options opts = CMA.Options.DEFAULTS.withBounds(Bounds.of(lb, ub)).withNMaxResampling(10 * n)
        .withSeed(cmaSeed).withPopulationSize(currentPopsize);
    cma = new CMA(mean, s0, opts);
    currentPopsize = cma.populationSize();
    generation = 0;
    batch = cma.ask();
    handedOut = 0;
  }

  /** Tells the current generation if all its trials are finished, then asks the next one. */
  private boolean tellIfDone(Study study, List<FrozenTrial> finished) {
    boolean max = study.direction() == StudyDirection.MAXIMIZE;
    double[] values = new double[batch.size()];
    List<double[]> xs = new ArrayList<>(batch.size());
    boolean[] seen = new boolean[batch.size()];
    for (int i = 0; i < batch.size(); i++) {
      xs.add(batch.get(i));
    }
    for (FrozenTrial t : finished) {
      int[] slot = trialSlot.get(t.number());
      if (slot == null || slot[0] != generation) {
        continue;
      }
      seen[slot[1]] = true;
      Double v = null;
      if (t.state() == TrialState.COMPLETE || (considerPrunedTrials && t.state() == TrialState.PRUNED)) {
        v = t.values() == null ? null : t.values().get(0);
      }
      values[slot[1]] = v == null ? Double.NaN : (max ? -v : v);
      double[] x = new double[names.size()];
      for (int i = 0; i < names.size(); i++) {
        Double p = t.internalParams().get(names.get(i));
        x[i] = p == null ? batch.get(slot[1])[i] : SearchSpaces.transform(dists[i], p);
      }
      xs.set(slot[1], x);
    }
    for (boolean s : seen) {
      if (!s) {
        return false;
      }
    }
    cma.tell(xs, values);
    generation++;
    if (ipop && cma.shouldStop()) {
      nRestarts++;
      currentPopsize = cma.populationSize() * incPopsize;
      Map<String, Distribution> space = new LinkedHashMap<>();
      for (int i = 0; i < names.size(); i++) {
        space.put(names.get(i), dists[i]);
      }
      int g = generation;
      start(names, space, true);
      generation = g;
      trialSlot.clear();
      return true;
    }
    for (Map.Entry<Integer, int[]> e : new ArrayList<>(trialSlot.entrySet())) {
      if (e.getValue()[0] < generation) {
        trialSlot.remove(e.getKey());
      }
    }
    batch = cma.ask();
    handedOut = 0;
    return true;
  }

  @Override
  public double sampleIndependent(Study study, FrozenTrial trial, String paramName, Distribution distribution) {
    return independent.sampleIndependent(study, trial, paramName, distribution);
  }
}
