package org.minima4j.tune.samplers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.minima4j.optimize.global.SeededRandom;
import org.minima4j.tune.Distribution;
import org.minima4j.tune.FrozenTrial;
import org.minima4j.tune.Study;
import org.minima4j.tune.StudyDirection;
import org.minima4j.tune.TrialState;
import org.minima4j.tune.internal.IndexSort;
import org.minima4j.tune.internal.SearchSpaces;

/**
 * NSGA-II (Deb et al., IEEE TEC 2002) as Optuna 3.1's {@code NSGAIISampler}: trials are grouped into generations
 * (system attribute {@code nsga2:generation}); generation 0 is random; a generation is complete once it has
 * {@code populationSize} COMPLETE trials, and the parent population is the elite (non-dominated sorting, then
 * crowding distance) of the previous parents and that generation. A child takes a parent chosen by binary
 * tournament (domination, else a coin), with probability {@code crossoverProb} a uniform crossover with a second
 * one (each parameter from the second parent with {@code swappingProb}), and each parameter is resampled
 * uniformly with {@code mutationProb} (default {@code 1 / number of parameters}). With constraints, Deb's
 * constrained domination is used (feasible first, then lower total violation).
 *
 * <p>Deliberate deviation: only uniform crossover is offered (Optuna 3.1 also has BLX-alpha, SBX, SPX, UNDX,
 * VSBX).
 */
public final class NSGAIISampler implements Sampler {
  private static final String GENERATION_KEY = "nsga2:generation";

  private final int populationSize;
  private final Double mutationProb;
  private final double crossoverProb;
  private final double swappingProb;
  private final Function<FrozenTrial, double[]> constraintsFunc;
  private final SeededRandom rng;
  private final RandomSampler random;
  private final Map<String, List<FrozenTrial>> parentCache = new HashMap<>();

  /** Optuna's defaults (population 50, crossover 0.9, swapping 0.5, mutation 1/n) with the given seed. */
  public NSGAIISampler(long seed) {
    this(50, null, 0.9, 0.5, null, seed);
  }

  /**
   * @param populationSize population size (>= 2)
   * @param mutationProb per-parameter mutation probability or null for {@code 1 / number of parameters}
   * @param crossoverProb probability of crossover
   * @param swappingProb per-parameter probability of taking the second parent's value
   * @param constraintsFunc constraint values of a finished trial (feasible iff all {@code <= 0}) or null; values
   *     set with {@code Trial.setConstraints} are used as well
   * @param seed seed
   */
  public NSGAIISampler(int populationSize, Double mutationProb, double crossoverProb, double swappingProb,
      Function<FrozenTrial, double[]> constraintsFunc, long seed) {
    if (populationSize < 2) {
      throw new IllegalArgumentException("`population_size` must be greater than or equal to 2.");
    }
    if (mutationProb != null && !(0.0 <= mutationProb && mutationProb <= 1.0)) {
      throw new IllegalArgumentException("`mutation_prob` must be None or a float value within the range [0.0, 1.0].");
    }
    if (!(0.0 <= crossoverProb && crossoverProb <= 1.0)) {
      throw new IllegalArgumentException("`crossover_prob` must be a float value within the range [0.0, 1.0].");
    }
    if (!(0.0 <= swappingProb && swappingProb <= 1.0)) {
      throw new IllegalArgumentException("`swapping_prob` must be a float value within the range [0.0, 1.0].");
    }
    this.populationSize = populationSize;
    this.mutationProb = mutationProb;
    this.crossoverProb = crossoverProb;
    this.swappingProb = swappingProb;
    this.constraintsFunc = constraintsFunc;
    this.rng = new SeededRandom(seed ^ 0x9E3779B97F4A7C15L); // a stream apart from the mutation sampler's
    this.random = new RandomSampler(seed);
  }

  @Override
  public Map<String, Distribution> inferRelativeSearchSpace(Study study, FrozenTrial trial) {
    Map<String, Distribution> out = new LinkedHashMap<>();
    SearchSpaces.intersection(study, false).forEach((k, v) -> {
      if (!v.single()) {
        out.put(k, v);
      }
    });
    return out;
  }

  @Override
  public void beforeTrial(Study study, FrozenTrial trial) {
    // the generation is assigned in sampleRelative (or here when there is no relative space yet)
    if (!trial.systemAttrs().containsKey(GENERATION_KEY)) {
      int parentGeneration = collectParents(study).generation;
      study.storage().setTrialSystemAttr(trial.trialId(), GENERATION_KEY, parentGeneration + 1);
    }
  }

  private record Parents(int generation, List<FrozenTrial> population) {
  }

  private Parents collectParents(Study study) {
    List<FrozenTrial> complete = study.getTrials(EnumSet.of(TrialState.COMPLETE));
    Map<Integer, List<FrozenTrial>> byGen = new HashMap<>();
    for (FrozenTrial t : complete) {
      Object g = t.systemAttrs().get(GENERATION_KEY);
      if (g instanceof Number n) {
        byGen.computeIfAbsent(n.intValue(), k -> new ArrayList<>()).add(t);
      }
    }
    int generation = -1;
    List<FrozenTrial> parents = List.of();
    while (true) {
      int g = generation + 1;
      List<FrozenTrial> gen = byGen.getOrDefault(g, List.of());
      if (gen.size() < populationSize) {
        break;
      }
      String key = study.studyName() + "#" + study.studyId() + ":" + g;
      List<FrozenTrial> cached = parentCache.get(key);
      if (cached == null) {
        List<FrozenTrial> pool = new ArrayList<>(parents);
        pool.addAll(gen);
        cached = selectElite(study, pool);
        parentCache.put(key, cached);
      }
      parents = cached;
      generation = g;
    }
    return new Parents(generation, parents);
  }

  private double[] objectives(Study study, FrozenTrial t) {
    List<StudyDirection> dirs = study.directions();
    double[] v = new double[dirs.size()];
    for (int k = 0; k < v.length; k++) {
      double x = t.values().get(k);
      v[k] = dirs.get(k) == StudyDirection.MAXIMIZE ? -x : x;
    }
    return v;
  }

  private double violation(FrozenTrial t) {
    Object c = t.systemAttrs().get(Study.CONSTRAINTS_KEY);
    if (c == null) {
      return 0;
    }
    double s = 0;
    for (Object v : (List<?>) c) {
      s += Math.max(0, ((Number) v).doubleValue());
    }
    return s;
  }

  private boolean constrainedDominates(Study study, FrozenTrial a, FrozenTrial b) {
    double va = violation(a);
    double vb = violation(b);
    if (va == 0 && vb > 0) {
      return true;
    }
    if (va > 0 && vb == 0) {
      return false;
    }
    if (va > 0) {
      return va < vb;
    }
    return Study.dominates(objectives(study, a), objectives(study, b));
  }

  private List<FrozenTrial> selectElite(Study study, List<FrozenTrial> pool) {
    List<FrozenTrial> elite = new ArrayList<>();
    List<FrozenTrial> rest = new ArrayList<>(pool);
    while (elite.size() < populationSize && !rest.isEmpty()) {
      List<FrozenTrial> front = new ArrayList<>();
      for (FrozenTrial a : rest) {
        boolean dominated = false;
        for (FrozenTrial b : rest) {
          if (b != a && constrainedDominates(study, b, a)) {
            dominated = true;
            break;
          }
        }
        if (!dominated) {
          front.add(a);
        }
      }
      rest.removeAll(front);
      if (elite.size() + front.size() <= populationSize) {
        elite.addAll(front);
      } else {
        double[] cd = crowdingDistance(study, front);
        int[] order = IndexSort.sorted(front.size(), (x, y) -> Double.compare(cd[y], cd[x]));
        for (int i = 0; elite.size() < populationSize; i++) {
          elite.add(front.get(order[i]));
        }
      }
    }
    return elite;
  }

  private double[] crowdingDistance(Study study, List<FrozenTrial> front) {
    int n = front.size();
    double[] cd = new double[n];
    if (n == 0) {
      return cd;
    }
    double[][] v = new double[n][];
    for (int i = 0; i < n; i++) {
      v[i] = objectives(study, front.get(i));
    }
    int m = v[0].length;
    for (int k = 0; k < m; k++) {
      final int kk = k;
      int[] order = IndexSort.sorted(n, (a, b) -> Double.compare(v[a][kk], v[b][kk]));
      double span = v[order[n - 1]][k] - v[order[0]][k];
      cd[order[0]] = Double.POSITIVE_INFINITY;
      cd[order[n - 1]] = Double.POSITIVE_INFINITY;
      if (span == 0 || !Double.isFinite(span)) {
        continue;
      }
      for (int i = 1; i < n - 1; i++) {
        cd[order[i]] += (v[order[i + 1]][k] - v[order[i - 1]][k]) / span;
      }
    }
    return cd;
  }

  private FrozenTrial tournament(Study study, List<FrozenTrial> population) {
    FrozenTrial a = population.get(rng.nextInt(population.size()));
    FrozenTrial b = population.get(rng.nextInt(population.size()));
    if (constrainedDominates(study, a, b)) {
      return a;
    }
    if (constrainedDominates(study, b, a)) {
      return b;
    }
    return rng.nextDouble() < 0.5 ? a : b;
  }

  @Override
  public Map<String, Double> sampleRelative(Study study, FrozenTrial trial, Map<String, Distribution> space) {
    if (space.isEmpty()) {
      return Map.of();
    }
    Parents parents = collectParents(study);
    if (parents.generation < 0 || parents.population.isEmpty()) {
      return Map.of();
    }
    FrozenTrial p0 = tournament(study, parents.population);
    Map<String, Double> child = new LinkedHashMap<>();
    if (rng.nextDouble() < crossoverProb) {
      FrozenTrial p1 = tournament(study, parents.population);
      for (String name : space.keySet()) {
        Double a = p0.internalParams().get(name);
        Double b = p1.internalParams().get(name);
        Double v = rng.nextDouble() < swappingProb ? b : a;
        if (v != null) {
          child.put(name, v);
        }
      }
    } else {
      for (String name : space.keySet()) {
        Double a = p0.internalParams().get(name);
        if (a != null) {
          child.put(name, a);
        }
      }
    }
    double pm = mutationProb != null ? mutationProb : 1.0 / Math.max(1, space.size());
    Map<String, Double> out = new LinkedHashMap<>();
    for (Map.Entry<String, Double> e : child.entrySet()) {
      if (rng.nextDouble() >= pm && space.get(e.getKey()).contains(e.getValue())) {
        out.put(e.getKey(), e.getValue());
      }
    }
    return out;
  }

  @Override
  public double sampleIndependent(Study study, FrozenTrial trial, String paramName, Distribution distribution) {
    return random.sampleIndependent(study, trial, paramName, distribution);
  }

  @Override
  public void afterTrial(Study study, FrozenTrial trial, TrialState state, List<Double> values) {
    if (constraintsFunc != null && state == TrialState.COMPLETE) {
      double[] c = constraintsFunc.apply(trial);
      List<Double> cs = new ArrayList<>();
      for (double v : c) {
        if (Double.isNaN(v)) {
          throw new IllegalArgumentException("Constraint values cannot be NaN.");
        }
        cs.add(v);
      }
      study.storage().setTrialSystemAttr(trial.trialId(), Study.CONSTRAINTS_KEY, List.copyOf(cs));
    }
  }

  /** The generation size. */
  public int populationSize() {
    return populationSize;
  }

  static String generationKey() {
    return GENERATION_KEY;
  }

  @Override
  public String toString() {
    return "NSGAIISampler" + Arrays.asList(populationSize, mutationProb, crossoverProb, swappingProb);
  }
}
