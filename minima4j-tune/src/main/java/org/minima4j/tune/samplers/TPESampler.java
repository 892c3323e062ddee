package org.minima4j.tune.samplers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;
import org.minima4j.random.NumpyRandomState;
import org.minima4j.tune.Distribution;
import org.minima4j.tune.FrozenTrial;
import org.minima4j.tune.Study;
import org.minima4j.tune.StudyDirection;
import org.minima4j.tune.TrialState;
import org.minima4j.tune.internal.Hypervolume;
import org.minima4j.tune.internal.IndexSort;
import org.minima4j.tune.internal.IntersectionSearchSpace;
import org.minima4j.tune.internal.OptunaRandom;
import org.minima4j.tune.internal.ParzenEstimator;
import org.minima4j.tune.internal.SearchSpaces;

/**
 * Tree-structured Parzen Estimator (Bergstra et al., NeurIPS 2011; multivariate: Falkner et al., ICML 2018)
 * after Optuna 3.1's {@code TPESampler} ({@code optuna/samplers/_tpe/sampler.py}).
 *
 * <p>Per parameter (independent mode) or per joint space (multivariate, optionally decomposed into groups of
 * co-occurring parameters): COMPLETE and PRUNED trials (plus RUNNING ones with the constant liar) are sorted
 * by (-last step, value), the best {@code gamma(n)} form l(x) and the rest g(x) (feasible trials first when
 * constraints are in use); {@code nEiCandidates} draws from l(x) are scored by {@code log l - log g} and the
 * best is returned. Until {@code nStartupTrials} trials are finished, parameters are drawn uniformly.
 *
 * <p>Multi-objective studies (MOTPE) split by non-domination rank plus greedy hypervolume subset selection and
 * weight "below" trials by their hypervolume contributions, as Optuna 3.1.
 *
 * <p>Replay: as in Optuna, the sampler draws from {@code numpy.random.RandomState(seed)}
 * ({@link NumpyRandomState}) and its startup {@link RandomSampler} from a second {@code RandomState(seed)};
 * candidates consume the stream as {@code _ParzenEstimator.sample} does ({@link ParzenEstimator#sample}), and
 * the joint space of the multivariate mode keeps Optuna's parameter order ({@link IntersectionSearchSpace}). A
 * sequential study with {@code seed = s} therefore samples Optuna 3.1's parameters for {@code seed=s} (to a few
 * ulps; see {@code docs/porting/tune.md}).
 *
 * <p>Deliberate deviations: {@code consider_prior} is always on; trials missing a parameter of a joint sample
 * are left out of it (Optuna masks on the first parameter only).
 */
public final class TPESampler implements Sampler {

  /**
   * Options of {@link TPESampler}; {@link #DEFAULTS} are Optuna 3.1's.
   *
   * @param priorWeight weight of the prior kernel (1.0)
   * @param considerMagicClip lower-bound bandwidths by {@code range / min(100, 1 + n_kernels)} (true)
   * @param considerEndpoints outer kernels also consider their gap to the bound (false)
   * @param nStartupTrials finished trials before TPE takes over from random sampling (10)
   * @param nEiCandidates candidates drawn from l(x) per sample (24)
   * @param gamma size of the "below" group as a function of n ({@link #defaultGamma})
   * @param weights observation weights as a function of n ({@link #defaultWeights})
   * @param seed seed of the generators; in [0, 2^32 - 1] Optuna's ({@link OptunaRandom#forSeed})
   * @param multivariate joint sampling over the intersection search space (false)
   * @param group decompose the joint space into groups of co-occurring parameters (false; needs multivariate)
   * @param constantLiar count RUNNING trials as the worst observations (false)
   * @param constraintsFunc constraint values of a finished trial (feasible iff all {@code <= 0}) or null;
   *     constraints set with {@code Trial.setConstraints} are used as well
   */
  public record Options(double priorWeight, boolean considerMagicClip, boolean considerEndpoints,
      int nStartupTrials, int nEiCandidates, IntUnaryOperator gamma, IntFunction<double[]> weights, long seed,
      boolean multivariate, boolean group, boolean constantLiar, Function<FrozenTrial, double[]> constraintsFunc) {

    public static final Options DEFAULTS = new Options(1.0, true, false, 10, 24, TPESampler::defaultGamma,
        TPESampler::defaultWeights, 0L, false, false, false, null);

    public Options {
      if (!(priorWeight > 0) || Double.isInfinite(priorWeight)) {
        throw new IllegalArgumentException("prior_weight must be a positive finite number, got " + priorWeight);
      }
      if (nStartupTrials < 0) {
        throw new IllegalArgumentException("n_startup_trials must be >= 0, got " + nStartupTrials);
      }
      if (nEiCandidates < 1) {
        throw new IllegalArgumentException("n_ei_candidates must be >= 1, got " + nEiCandidates);
      }
      if (gamma == null || weights == null) {
        throw new IllegalArgumentException("gamma and weights must not be null");
      }
      if (group && !multivariate) {
        throw new IllegalArgumentException("``group`` option can only be enabled when ``multivariate`` is enabled.");
      }
    }

    public Options withPriorWeight(double v) {
      return new Options(v, considerMagicClip, considerEndpoints, nStartupTrials, nEiCandidates, gamma, weights,
          seed, multivariate, group, constantLiar, constraintsFunc);
    }

    public Options withConsiderMagicClip(boolean v) {
      return new Options(priorWeight, v, considerEndpoints, nStartupTrials, nEiCandidates, gamma, weights, seed,
          multivariate, group, constantLiar, constraintsFunc);
    }

    public Options withConsiderEndpoints(boolean v) {
      return new Options(priorWeight, considerMagicClip, v, nStartupTrials, nEiCandidates, gamma, weights, seed,
          multivariate, group, constantLiar, constraintsFunc);
    }

    public Options withNStartupTrials(int v) {
      return new Options(priorWeight, considerMagicClip, considerEndpoints, v, nEiCandidates, gamma, weights, seed,
          multivariate, group, constantLiar, constraintsFunc);
    }

    public Options withNEiCandidates(int v) {
      return new Options(priorWeight, considerMagicClip, considerEndpoints, nStartupTrials, v, gamma, weights, seed,
          multivariate, group, constantLiar, constraintsFunc);
    }

    public Options withGamma(IntUnaryOperator v) {
      return new Options(priorWeight, considerMagicClip, considerEndpoints, nStartupTrials, nEiCandidates, v,
          weights, seed, multivariate, group, constantLiar, constraintsFunc);
    }

    public Options withWeights(IntFunction<double[]> v) {
      return new Options(priorWeight, considerMagicClip, considerEndpoints, nStartupTrials, nEiCandidates, gamma,
          v, seed, multivariate, group, constantLiar, constraintsFunc);
    }

    public Options withSeed(long v) {
      return new Options(priorWeight, considerMagicClip, considerEndpoints, nStartupTrials, nEiCandidates, gamma,
          weights, v, multivariate, group, constantLiar, constraintsFunc);
    }

    public Options withMultivariate(boolean v) {
      return new Options(priorWeight, considerMagicClip, considerEndpoints, nStartupTrials, nEiCandidates, gamma,
          weights, seed, v, group, constantLiar, constraintsFunc);
    }

    public Options withGroup(boolean v) {
      return new Options(priorWeight, considerMagicClip, considerEndpoints, nStartupTrials, nEiCandidates, gamma,
          weights, seed, multivariate, v, constantLiar, constraintsFunc);
    }

    public Options withConstantLiar(boolean v) {
      return new Options(priorWeight, considerMagicClip, considerEndpoints, nStartupTrials, nEiCandidates, gamma,
          weights, seed, multivariate, group, v, constraintsFunc);
    }

    public Options withConstraintsFunc(Function<FrozenTrial, double[]> v) {
      return new Options(priorWeight, considerMagicClip, considerEndpoints, nStartupTrials, nEiCandidates, gamma,
          weights, seed, multivariate, group, constantLiar, v);
    }
  }

  /** Optuna's {@code default_gamma}: {@code min(ceil(0.1 n), 25)}. */
  public static int defaultGamma(int n) {
    return Math.min((int) Math.ceil(0.1 * n), 25);
  }

  /** Optuna's {@code hyperopt_default_gamma}: {@code min(ceil(0.25 sqrt(n)), 25)}. */
  public static int hyperoptDefaultGamma(int n) {
    return Math.min((int) Math.ceil(0.25 * Math.sqrt(n)), 25);
  }

  /** Optuna's {@code default_weights}: ones below 25, else a linear ramp from 1/n for all but the last 25. */
  public static double[] defaultWeights(int n) {
    if (n == 0) {
      return new double[0];
    }
    double[] w = new double[n];
    Arrays.fill(w, 1.0);
    if (n >= 25) {
      // np.linspace(1/n, 1, n - 25): i * step + start, the last one exactly 1
      int m = n - 25;
      double start = 1.0 / n;
      double step = (1.0 - start) / (m - 1);
      for (int i = 0; i < m; i++) {
        w[i] = m == 1 ? start : i * step + start;
      }
      if (m > 1) {
        w[m - 1] = 1.0;
      }
    }
    return w;
  }

  private final Options o;
  private final NumpyRandomState rng;
  /** The observations of the last call, reused while the study's trials are the same (identical) objects. */
  private TpeObservations observations;
  private final RandomSampler random;
  private final IntersectionSearchSpace intersection = new IntersectionSearchSpace(true);

  /** TPE with Optuna's defaults and the given seed. */
  public TPESampler(long seed) {
    this(Options.DEFAULTS.withSeed(seed));
  }

  public TPESampler(Options options) {
    this.o = options == null ? Options.DEFAULTS : options;
    // Optuna: self._rng = RandomState(seed); self._random_sampler = RandomSampler(seed=seed)
    this.rng = OptunaRandom.forSeed(o.seed());
    this.random = new RandomSampler(o.seed());
  }

  public Options options() {
    return o;
  }

  // ------------------------------------------------------------------ search space

  @Override
  public Map<String, Distribution> inferRelativeSearchSpace(Study study, FrozenTrial trial) {
    if (!o.multivariate()) {
      return Map.of();
    }
    Map<String, Distribution> out = new LinkedHashMap<>();
    if (o.group()) {
      for (Map<String, Distribution> g : SearchSpaces.groups(study, true)) {
        g.forEach((k, v) -> {
          if (!v.single()) {
            out.put(k, v);
          }
        });
      }
      return out;
    }
    intersection.calculate(study).forEach((k, v) -> {
      if (!v.single()) {
        out.put(k, v);
      }
    });
    return out;
  }

  @Override
  public Map<String, Double> sampleRelative(Study study, FrozenTrial trial, Map<String, Distribution> searchSpace) {
    if (searchSpace.isEmpty()) {
      return Map.of();
    }
    if (!o.group()) {
      return sampleJoint(study, searchSpace);
    }
    Map<String, Double> out = new LinkedHashMap<>();
    for (Map<String, Distribution> g : SearchSpaces.groups(study, true)) {
      Map<String, Distribution> sub = new LinkedHashMap<>();
      g.forEach((k, v) -> {
        if (searchSpace.containsKey(k)) {
          sub.put(k, v);
        }
      });
      if (!sub.isEmpty()) {
        out.putAll(sampleJoint(study, sub));
      }
    }
    return out;
  }

  @Override
  public double sampleIndependent(Study study, FrozenTrial trial, String paramName, Distribution distribution) {
    Map<String, Double> r = sample(study, new String[] {paramName}, new Distribution[] {distribution});
    if (r == null) {
      return random.sampleIndependent(study, trial, paramName, distribution);
    }
    return r.get(paramName);
  }

  private Map<String, Double> sampleJoint(Study study, Map<String, Distribution> space) {
    String[] names = space.keySet().toArray(new String[0]);
    Distribution[] dists = space.values().toArray(new Distribution[0]);
    Map<String, Double> r = sample(study, names, dists);
    return r == null ? Map.of() : r;
  }

  // ------------------------------------------------------------------ core

  /** Returns null while in the startup phase. */
  private Map<String, Double> sample(Study study, String[] names, Distribution[] dists) {
    ParzenEstimator[] fitted = estimators(study, names, dists);
    if (fitted == null) {
      return null;
    }
    ParzenEstimator lx = fitted[0];
    ParzenEstimator gx = fitted[1];
    double[][] cand = lx.sample(rng, o.nEiCandidates());
    double[] ll = lx.logPdf(cand);
    double[] lg = gx.logPdf(cand);
    int best = 0;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int s = 0; s < cand[0].length; s++) {
      double sc = ll[s] - lg[s];
      if (sc > bestScore) {
        bestScore = sc;
        best = s;
      }
    }
    Map<String, Double> out = new LinkedHashMap<>();
    for (int p = 0; p < names.length; p++) {
      out.put(names[p], cand[p][best]);
    }
    return out;
  }

  /**
   * The estimators l(x) ("below") and g(x) ("above") TPE fits for these parameters on the study's trials now,
   * or null in the startup phase (package-private for the fixture tests against Optuna).
   */
  ParzenEstimator[] estimators(Study study, String[] names, Distribution[] dists) {
    EnumSet<TrialState> states = o.constantLiar()
        ? EnumSet.of(TrialState.COMPLETE, TrialState.PRUNED, TrialState.RUNNING)
        : EnumSet.of(TrialState.COMPLETE, TrialState.PRUNED);
    List<FrozenTrial> trials = study.getTrials(states);
    TpeObservations obs = observations;
    if (obs == null || !obs.isFor(study, trials)) {
      // a new trial, or trials finished meanwhile: extract scores and steps again
      obs = new TpeObservations(study, trials, o.constraintsFunc() != null, obs);
      observations = obs;
    }
    if (obs.n < o.nStartupTrials()) {
      return null;
    }
    int nBelow = o.gamma().applyAsInt(obs.n);
    if (obs.split == null || obs.splitBelow != nBelow) {
      // every parameter of a trial sees the same trials: split them once per trial (non-dominated sorting of
      // multi-objective studies is O(n^2))
      obs.split = split(obs.scores, obs.steps, obs.useConstraints ? obs.violations : null, obs.total, nBelow,
          obs.multi);
      obs.splitBelow = nBelow;
      obs.weightsBelow = obs.multi
          ? weightsBelowMultiObjective(obs.scores, obs.split[0], obs.useConstraints ? obs.violations : null) : null;
    }
    int[][] split = obs.split;
    double[][] values = obs.values(names, dists);
    int[] below = mask(split[0], values);
    int[] above = mask(split[1], values);
    double[] wBelow = null;
    if (obs.multi) {
      double[] all = obs.weightsBelow;
      wBelow = new double[below.length];
      for (int i = 0, j = 0; i < split[0].length; i++) {
        if (j < below.length && split[0][i] == below[j]) {
          wBelow[j++] = all[i];
        }
      }
    }
    return new ParzenEstimator[] {estimator(dists, values, below, wBelow), estimator(dists, values, above, null)};
  }

  /**
   * Optuna's {@code _calculate_weights_below_for_multi_objective}: each feasible "below" trial is weighted by
   * its hypervolume contribution (plus EPS) relative to the largest, infeasible ones by EPS.
   */
  static double[] weightsBelowMultiObjective(double[][] scores, int[] below, double[] violations) {
    final double eps = 1e-12;
    double[] out = new double[below.length];
    Arrays.fill(out, eps);
    List<Integer> feasible = new ArrayList<>();
    for (int i = 0; i < below.length; i++) {
      if (violations == null || violations[below[i]] == 0) {
        feasible.add(i);
      }
    }
    int nb = feasible.size();
    if (nb == 1) {
      out[feasible.get(0)] = 1.0;
    }
    if (nb < 2) {
      return out;
    }
    double[][] pts = new double[nb][];
    for (int i = 0; i < nb; i++) {
      pts[i] = scores[below[feasible.get(i)]];
    }
    double[] ref = referencePoint(pts);
    double hv = Hypervolume.compute(pts, ref);
    double[] contrib = new double[nb];
    double maxC = 0;
    for (int i = 0; i < nb; i++) {
      double[][] others = new double[nb - 1][];
      for (int j = 0, c = 0; j < nb; j++) {
        if (j != i) {
          others[c++] = pts[j];
        }
      }
      contrib[i] = hv - Hypervolume.compute(others, ref) + eps;
      maxC = Math.max(maxC, contrib[i]);
    }
    for (int i = 0; i < nb; i++) {
      out[feasible.get(i)] = Math.min(Math.max(contrib[i] / maxC, 0), 1);
    }
    return out;
  }

  /** {@code max(1.1 worst, 0.9 worst)} per objective, zeros replaced by EPS (Optuna's reference point). */
  static double[] referencePoint(double[][] pts) {
    int m = pts[0].length;
    double[] ref = new double[m];
    for (int k = 0; k < m; k++) {
      double worst = Double.NEGATIVE_INFINITY;
      for (double[] p : pts) {
        worst = Math.max(worst, p[k]);
      }
      ref[k] = Math.max(1.1 * worst, 0.9 * worst);
      if (ref[k] == 0) {
        ref[k] = 1e-12;
      }
    }
    return ref;
  }

  private ParzenEstimator estimator(Distribution[] dists, double[][] values, int[] idx, double[] weights) {
    double[][] obs = new double[dists.length][idx.length];
    for (int p = 0; p < dists.length; p++) {
      double[] col = values[p];
      double[] dst = obs[p];
      for (int i = 0; i < idx.length; i++) {
        dst[i] = col[idx[i]];
      }
    }
    return new ParzenEstimator(dists, obs, idx.length, o.priorWeight(), o.considerMagicClip(),
        o.considerEndpoints(), o.multivariate(), o.weights(), weights);
  }

  /**
   * Keeps the indices whose parameters are all present (Optuna masks on the first parameter only, which
   * lets a running trial with a partial joint sample feed NaN centres to the estimator).
   */
  private static int[] mask(int[] idx, double[][] values) {
    int c = 0;
    int[] out = new int[idx.length];
    for (int i : idx) {
      boolean ok = true;
      for (double[] col : values) {
        ok &= !Double.isNaN(col[i]);
      }
      if (ok) {
        out[c++] = i;
      }
    }
    return Arrays.copyOf(out, c);
  }

  /** Optuna's {@code _split_observation_pairs} on lists (for tests). */
  static int[][] split(List<double[]> scores, List<Double> steps, List<Double> violations, int nBelow,
      boolean multi) {
    int total = scores.size();
    double[] st = new double[total];
    double[] vi = violations == null ? null : new double[total];
    for (int i = 0; i < total; i++) {
      st[i] = steps.get(i);
      if (vi != null) {
        vi[i] = violations.get(i);
      }
    }
    return split(scores.toArray(new double[0][]), st, vi, total, nBelow, multi);
  }

  /** Optuna's {@code _split_observation_pairs}: {below, above}, each in chronological order. */
  static int[][] split(double[][] scores, double[] steps, double[] violations, int total, int nBelow,
      boolean multi) {
    if (violations != null) {
      int[] idx = IndexSort.sorted(total, (a, b) -> Double.compare(violations[a], violations[b]));
      int[] below;
      int[] above;
      if (nBelow >= total || violations[idx[nBelow]] > 0) {
        below = Arrays.copyOf(idx, Math.min(nBelow, total));
        above = Arrays.copyOfRange(idx, below.length, total);
      } else {
        int nf = 0;
        for (int i = 0; i < total; i++) {
          if (violations[i] == 0) {
            nf++;
          }
        }
        int[] feas = new int[nf];
        int[] infeas = new int[total - nf];
        int a = 0;
        int b = 0;
        for (int i = 0; i < total; i++) {
          if (violations[i] == 0) {
            feas[a++] = i;
          } else {
            infeas[b++] = i;
          }
        }
        double[][] fs = new double[nf][];
        double[] fst = new double[nf];
        for (int i = 0; i < nf; i++) {
          fs[i] = scores[feas[i]];
          fst[i] = steps[feas[i]];
        }
        int[][] sub = split(fs, fst, null, nf, nBelow, multi);
        below = new int[sub[0].length];
        for (int i = 0; i < below.length; i++) {
          below[i] = feas[sub[0][i]];
        }
        above = new int[sub[1].length + infeas.length];
        for (int i = 0; i < sub[1].length; i++) {
          above[i] = feas[sub[1][i]];
        }
        System.arraycopy(infeas, 0, above, sub[1].length, infeas.length);
      }
      Arrays.sort(below);
      Arrays.sort(above);
      return new int[][] {below, above};
    }
    int[] idx;
    boolean sameStep = true;
    for (int i = 1; i < total && sameStep; i++) {
      sameStep = steps[i] == steps[0];
    }
    if (!multi && sameStep) {
      double[] keys = new double[total];
      for (int i = 0; i < total; i++) {
        keys[i] = scores[i][0];
      }
      idx = IndexSort.argsort(keys);
    } else if (!multi) {
      idx = IndexSort.sorted(total, (a, b) -> {
        int c = Double.compare(steps[a], steps[b]);
        return c != 0 ? c : Double.compare(scores[a][0], scores[b][0]);
      });
    } else {
      return splitMultiObjective(Arrays.copyOf(scores, total), Math.min(nBelow, total));
    }
    int nb = Math.min(nBelow, total);
    // the first nb of the order are "below"; both groups in chronological (index) order
    boolean[] isBelow = new boolean[total];
    for (int i = 0; i < nb; i++) {
      isBelow[idx[i]] = true;
    }
    int[] below = new int[nb];
    int[] above = new int[total - nb];
    for (int i = 0, b = 0, a = 0; i < total; i++) {
      if (isBelow[i]) {
        below[b++] = i;
      } else {
        above[a++] = i;
      }
    }
    return new int[][] {below, above};
  }

  /**
   * Multi-objective split as Optuna 3.1: whole non-domination ranks fill "below" while they fit, the rest of it
   * comes from the next rank by greedy hypervolume subset selection.
   */
  static int[][] splitMultiObjective(double[][] scores, int nBelow) {
    int total = scores.length;
    int[] rank = nondominationRank(Arrays.asList(scores));
    List<Integer> below = new ArrayList<>();
    int r = 0;
    while (true) {
      List<Integer> front = new ArrayList<>();
      for (int i = 0; i < total; i++) {
        if (rank[i] == r) {
          front.add(i);
        }
      }
      if (front.isEmpty() || below.size() + front.size() > nBelow) {
        int need = nBelow - below.size();
        if (need > 0 && !front.isEmpty()) {
          double[][] pts = new double[front.size()][];
          for (int i = 0; i < pts.length; i++) {
            pts[i] = scores[front.get(i)];
          }
          for (int sel : Hypervolume.selectSubset(pts, need, referencePoint(pts))) {
            below.add(front.get(sel));
          }
        }
        break;
      }
      below.addAll(front);
      r++;
    }
    int[] b = below.stream().mapToInt(Integer::intValue).sorted().toArray();
    boolean[] in = new boolean[total];
    for (int i : b) {
      in[i] = true;
    }
    int[] a = new int[total - b.length];
    for (int i = 0, c = 0; i < total; i++) {
      if (!in[i]) {
        a[c++] = i;
      }
    }
    return new int[][] {b, a};
  }

  /** Non-domination ranks (0 = Pareto front) by Deb's fast non-dominated sort, O(n^2 m). */
  static int[] nondominationRank(List<double[]> scores) {
    int n = scores.size();
    int[] rank = new int[n];
    int[] count = new int[n];
    int[][] dominatedBy = new int[n][];
    int[] nDominated = new int[n];
    for (int i = 0; i < n; i++) {
      dominatedBy[i] = new int[4];
    }
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        if (Study.dominates(scores.get(i), scores.get(j))) {
          dominatedBy[i] = push(dominatedBy[i], nDominated[i]++, j);
          count[j]++;
        } else if (Study.dominates(scores.get(j), scores.get(i))) {
          dominatedBy[j] = push(dominatedBy[j], nDominated[j]++, i);
          count[i]++;
        }
      }
    }
    int[] front = new int[n];
    int size = 0;
    for (int i = 0; i < n; i++) {
      if (count[i] == 0) {
        front[size++] = i;
        rank[i] = 0;
      }
    }
    int r = 0;
    while (size > 0) {
      int[] next = new int[n];
      int nextSize = 0;
      for (int f = 0; f < size; f++) {
        int i = front[f];
        for (int k = 0; k < nDominated[i]; k++) {
          int j = dominatedBy[i][k];
          if (--count[j] == 0) {
            rank[j] = r + 1;
            next[nextSize++] = j;
          }
        }
      }
      front = next;
      size = nextSize;
      r++;
    }
    return rank;
  }

  private static int[] push(int[] a, int at, int v) {
    int[] out = at < a.length ? a : Arrays.copyOf(a, a.length * 2);
    out[at] = v;
    return out;
  }

  @Override
  public void afterTrial(Study study, FrozenTrial trial, TrialState state, List<Double> values) {
    if (o.constraintsFunc() != null && state != TrialState.FAIL) {
      double[] c = o.constraintsFunc().apply(trial);
      List<Double> cs = new ArrayList<>(c.length);
      for (double v : c) {
        if (Double.isNaN(v)) {
          throw new IllegalArgumentException("Constraint values cannot be NaN.");
        }
        cs.add(v);
      }
      study.storage().setTrialSystemAttr(trial.trialId(), Study.CONSTRAINTS_KEY, List.copyOf(cs));
    }
  }
}
