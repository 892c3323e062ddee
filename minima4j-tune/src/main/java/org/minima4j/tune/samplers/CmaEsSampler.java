package org.minima4j.tune.samplers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.minima4j.optimize.Bounds;
import org.minima4j.optimize.global.cmaes.CMA;
import org.minima4j.random.NumpyRandomState;
import org.minima4j.tune.CategoricalDistribution;
import org.minima4j.tune.Distribution;
import org.minima4j.tune.FrozenTrial;
import org.minima4j.tune.Study;
import org.minima4j.tune.StudyDirection;
import org.minima4j.tune.TrialState;
import org.minima4j.tune.internal.CmaesAsk;
import org.minima4j.tune.internal.IntersectionSearchSpace;
import org.minima4j.tune.internal.OptunaRandom;
import org.minima4j.tune.internal.SearchSpaces;

/**
 * CMA-ES as a sampler, following Optuna 3.1's {@code CmaEsSampler} ({@code optuna/samplers/_cmaes.py}) on this
 * library's {@link CMA} (cmaes 0.9.1 numerics). The relative search space is the intersection of COMPLETE
 * trials' numeric parameters, in Optuna's order ({@link IntersectionSearchSpace}; log ranges in log space, stepped
 * and integer ranges widened by half a step and rounded back); categorical parameters, one-dimensional spaces
 * and the first {@code nStartupTrials} trials use the independent {@link RandomSampler}. Defaults: mean at the
 * centre of the box (or {@code x0}), {@code sigma0 = min(range)/6}, {@code n_max_resampling = 10 n}, cmaes'
 * default population size.
 *
 * <p>As Optuna: every trial draws one point ({@code ask}) with cmaes' generator re-seeded to
 * {@code randint(1, 2**16) + trial.number} from the sampler's {@code numpy.random.RandomState(seed)}; each
 * optimizer construction draws {@code randint(1, 2**31 - 2)} from it (a fresh optimizer is built for every
 * trial until the first {@code tell}, as Optuna restores none until then); a generation is told with the first
 * {@code popsize} COMPLETE trials (PRUNED ones with their last intermediate value when
 * {@code considerPrunedTrials}) whose {@code cma:generation} attribute is the optimizer's generation, so FAIL
 * trials are not counted and parallel trials may over-fill a generation. Each point is cmaes' {@code ask} with
 * the eigenvectors numpy's {@code eigh} returns ({@link CmaesAsk}, {@link org.minima4j.optimize.global.internal.NumpyEigh}),
 * so a sequential study with {@code seed = s} samples Optuna 3.1's parameters for {@code seed=s} (to round-off;
 * {@code OptunaReplayTest}). Deliberate deviations: the optimizer state lives in the sampler, not in trial
 * system attributes (a study resumed with a new sampler restarts CMA-ES, ignoring the generations of trials
 * from before); the {@code cma:n_restarts} attribute is written only with IPOP; multi-objective studies are
 * rejected, as in Optuna. IPOP restarts ({@code ipop}) follow Optuna's {@code restart_strategy="ipop"}.
 */
public final class CmaEsSampler implements Sampler {
  private final Map<String, Double> x0;
  private final Double sigma0;
  private final int nStartupTrials;
  private final boolean considerPrunedTrials;
  private final int popsize;
  private final boolean ipop;
  private final int incPopsize;
  private final RandomSampler independent;
  private final NumpyRandomState cmaRng;
  private final IntersectionSearchSpace intersection = new IntersectionSearchSpace(false);

  private CMA cma; // the optimizer after its last tell (Optuna's pickled one); null before the first tell
  private int nRestarts;
  private CmaesAsk eigen; // B diag(D) of cma's current covariance
  private CMA eigenOf;
  private int eigenGeneration = -1;
  // trials of cma's current generation are numbered from here on (the trial that told the previous one)
  private int generationStart;
  // the first trial this sampler sampled with CMA-ES: older trials (a resumed study) belong to another run
  private int firstRelative = -1;

  /** Optuna's defaults with the given seed. */
  public CmaEsSampler(long seed) {
    this(null, null, 1, false, 0, seed);
  }

  /** As {@link #CmaEsSampler(Map, Double, int, boolean, int, boolean, int, long)} without restarts. */
  public CmaEsSampler(Map<String, Double> x0, Double sigma0, int nStartupTrials, boolean considerPrunedTrials,
      int popsize, long seed) {
    this(x0, sigma0, nStartupTrials, considerPrunedTrials, popsize, false, 2, seed);
  }

  /**
   * @param x0 initial mean (external values by name) or null for the centre
   * @param sigma0 initial step size in transformed space, or null for {@code min(range)/6}
   * @param nStartupTrials trials sampled independently first (1)
   * @param considerPrunedTrials tell PRUNED trials with their last intermediate value (false: they are ignored)
   * @param popsize population size, 0 for cmaes' default
   * @param ipop Optuna's {@code restart_strategy="ipop"}: when CMA-ES stops, restart from a uniformly random
   *     mean with the population multiplied by {@code incPopsize}
   * @param incPopsize population growth factor of IPOP restarts (2)
   * @param seed seed; in [0, 2^32 - 1] Optuna's ({@link OptunaRandom#forSeed})
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
    if (popsize < 0) {
      throw new IllegalArgumentException("popsize must be >= 0 (0: cmaes' default), got " + popsize);
    }
    this.x0 = x0 == null ? null : Map.copyOf(x0);
    this.sigma0 = sigma0;
    this.nStartupTrials = nStartupTrials;
    this.considerPrunedTrials = considerPrunedTrials;
    this.popsize = popsize;
    this.ipop = ipop;
    this.incPopsize = incPopsize;
    this.independent = new RandomSampler(seed);
    this.cmaRng = OptunaRandom.forSeed(seed);
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
    intersection.calculate(study).forEach((k, v) -> {
      if (!v.single() && !(v instanceof CategoricalDistribution)) {
        out.put(k, v);
      }
    });
    return out;
  }

  private String generationKey(int restarts) {
    return ipop ? "cma:restart_" + restarts + ":generation" : "cma:generation";
  }

  @Override
  public Map<String, Double> sampleRelative(Study study, FrozenTrial trial, Map<String, Distribution> space) {
    if (space.isEmpty()) {
      return Map.of();
    }
    List<FrozenTrial> completed = new ArrayList<>();
    List<Double> completedValues = new ArrayList<>();
    for (FrozenTrial t : study.getTrials(TrialState.COMPLETE, TrialState.PRUNED)) {
      if (t.state() == TrialState.COMPLETE) {
        completed.add(t);
        completedValues.add(t.values().get(0));
      } else if (considerPrunedTrials && t.lastStep() != null) {
        completed.add(t);
        completedValues.add(t.intermediateValues().get(t.lastStep()));
      }
    }
    if (completed.size() < nStartupTrials || space.size() == 1) {
      return Map.of(); // Optuna: CMA-ES needs two or more dimensions
    }
    List<String> names = new ArrayList<>(space.keySet());
    int n = names.size();
    Distribution[] dists = new Distribution[n];
    double[] lb = new double[n];
    double[] ub = new double[n];
    for (int i = 0; i < n; i++) {
      dists[i] = space.get(names.get(i));
      double[] b = SearchSpaces.bounds(dists[i]);
      lb[i] = b[0];
      ub[i] = b[1];
    }
    CMA opt = cma;
    int restarts = nRestarts;
    int firstNumber = generationStart;
    if (opt == null) {
      restarts = 0;
      if (firstRelative < 0) {
        firstRelative = trial.number();
      }
      firstNumber = firstRelative;
      opt = newOptimizer(names, dists, lb, ub, popsize, false);
    }
    if (opt.dimension() != n) {
      return Map.of(); // dynamic search space: Optuna falls back to the independent sampler
    }
    String key = generationKey(restarts);
    List<double[]> xs = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    boolean max = study.direction() == StudyDirection.MAXIMIZE;
    for (int j = 0; j < completed.size() && xs.size() < opt.populationSize(); j++) {
      FrozenTrial t = completed.get(j);
      if (t.number() < firstNumber) {
        continue; // sampled before the current generation began
      }
      Object g = t.systemAttrs().get(key);
      if (!(g instanceof Number num) || num.intValue() != opt.generation()) {
        continue;
      }
      double[] x = new double[n];
      for (int i = 0; i < n; i++) {
        Double v = t.internalParams().get(names.get(i));
        if (v == null) {
          throw new IllegalStateException("trial " + t.number() + " of CMA-ES generation " + opt.generation()
              + " lacks parameter '" + names.get(i) + "'");
        }
        x[i] = SearchSpaces.transform(dists[i], v);
      }
      xs.add(x);
      double y = completedValues.get(j);
      ys.add(max ? -y : y);
    }
    if (xs.size() >= opt.populationSize()) {
      double[] values = new double[ys.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = ys.get(i);
      }
      opt.ask(); // opens the batch this optimizer API tells; its points are not used
      opt.tell(xs, values);
      if (ipop && opt.shouldStop()) {
        restarts++;
        opt = newOptimizer(names, dists, lb, ub, opt.populationSize() * incPopsize, true);
      }
      cma = opt;
      nRestarts = restarts;
      generationStart = trial.number();
    }
    long seed = cmaRng.nextInt(1, 1 << 16) + (long) trial.number();
    double[] x = ask(opt, new NumpyRandomState(seed), lb, ub);
    study.storage().setTrialSystemAttr(trial.trialId(), generationKey(restarts), opt.generation());
    if (ipop) {
      study.storage().setTrialSystemAttr(trial.trialId(), "cma:n_restarts", restarts);
    }
    Map<String, Double> out = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      out.put(names.get(i), OptunaRandom.untransform(dists[i], x[i]));
    }
    return out;
  }

  /** Optuna's {@code _init_optimizer}: draws from the sampler's stream as Optuna does. */
  private CMA newOptimizer(List<String> names, Distribution[] dists, double[] lb, double[] ub, int population,
      boolean randomMean) {
    int n = lb.length;
    double[] mean = new double[n];
    double s0 = Double.POSITIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      if (randomMean) {
        mean[i] = lb[i] + (ub[i] - lb[i]) * cmaRng.nextDouble();
      } else if (x0 != null && x0.containsKey(names.get(i))) {
        mean[i] = SearchSpaces.transform(dists[i], x0.get(names.get(i)));
      } else {
        mean[i] = lb[i] + (ub[i] - lb[i]) / 2;
      }
      s0 = Math.min(s0, (ub[i] - lb[i]) / 6);
    }
    if (sigma0 != null) {
      s0 = sigma0;
    }
    s0 = Math.max(s0, 1e-10);
    long cmaSeed = cmaRng.nextInt(1, (1 << 30) + ((1 << 30) - 2)); // randint(1, 2**31 - 2)
    CMA.Options opts = CMA.Options.DEFAULTS.withBounds(Bounds.of(lb, ub)).withNMaxResampling(10 * n)
        .withSeed(cmaSeed).withPopulationSize(population);
    return new CMA(mean, s0, opts);
  }

  @SuppressWarnings("unchecked")
  private double[] ask(CMA opt, NumpyRandomState rng, double[] lb, double[] ub) {
    if (eigen == null || eigenOf != opt || eigenGeneration != opt.generation()) {
      List<List<Double>> c = (List<List<Double>>) opt.stateDict().get("C");
      double[][] cm = new double[c.size()][];
      for (int i = 0; i < cm.length; i++) {
        cm[i] = c.get(i).stream().mapToDouble(Double::doubleValue).toArray();
      }
      eigen = new CmaesAsk(cm);
      eigenOf = opt;
      eigenGeneration = opt.generation();
    }
    return eigen.ask(rng, opt.mean(), opt.sigma(), lb, ub, 10 * lb.length);
  }

  @Override
  public double sampleIndependent(Study study, FrozenTrial trial, String paramName, Distribution distribution) {
    return independent.sampleIndependent(study, trial, paramName, distribution);
  }
}
