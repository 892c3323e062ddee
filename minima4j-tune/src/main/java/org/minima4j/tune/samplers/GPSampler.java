package org.minima4j.tune.samplers;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.minima4j.optimize.Bounds;
import org.minima4j.optimize.Method;
import org.minima4j.optimize.Minimize;
import org.minima4j.optimize.MinimizeOptions;
import org.minima4j.optimize.OptimizeResult;
import org.minima4j.optimize.global.SeededRandom;
import org.minima4j.tune.CategoricalDistribution;
import org.minima4j.tune.Distribution;
import org.minima4j.tune.FrozenTrial;
import org.minima4j.tune.Study;
import org.minima4j.tune.StudyDirection;
import org.minima4j.tune.TrialState;
import org.minima4j.tune.internal.GaussianProcess;
import org.minima4j.tune.internal.LowDiscrepancy;
import org.minima4j.tune.internal.SearchSpaces;

/**
 * Gaussian-process Bayesian optimization, in the spirit of Optuna's {@code GPSampler} (added in Optuna 3.6;
 * Optuna 3.1 has none): a Matérn 5/2 ARD kernel on the [0, 1]-scaled search space (log ranges in log space;
 * categorical parameters through a Hamming distance) whose length scales, signal scale and noise are fitted
 * by maximum a posteriori with L-BFGS-B; log expected improvement as acquisition, maximized from
 * {@code nPreliminarySamples} scrambled Sobol points plus the best observed points, the best
 * {@code nLocalSearch} of them refined by L-BFGS-B (numeric coordinates) and a sweep over categorical choices.
 * Integer and stepped parameters are rounded after the continuous search. The first {@code nStartupTrials}
 * trials (and parameters outside the intersection search space) are drawn by {@link RandomSampler}.
 *
 * <p>Not implemented: multi-objective (logEHVI), constraints (logCEI), batches over running trials (qLogEI).
 */
public final class GPSampler implements Sampler {
  private final int nStartupTrials;
  private final boolean deterministicObjective;
  private final int nPreliminarySamples;
  private final int nLocalSearch;
  private final long seed;
  private final RandomSampler independent;
  private final SeededRandom rng;
  private double[] lastTheta;

  /** Defaults: 10 startup trials, noisy objective, 512 preliminary samples, 5 local searches. */
  public GPSampler(long seed) {
    this(10, false, 512, 5, seed);
  }

  /**
   * @param nStartupTrials COMPLETE trials before the GP takes over (10)
   * @param deterministicObjective fix the noise variance near zero
   * @param nPreliminarySamples quasi-random acquisition evaluations per trial
   * @param nLocalSearch L-BFGS-B refinements per trial
   * @param seed seed
   */
  public GPSampler(int nStartupTrials, boolean deterministicObjective, int nPreliminarySamples, int nLocalSearch,
      long seed) {
    if (nStartupTrials < 1) {
      throw new IllegalArgumentException("n_startup_trials must be >= 1, got " + nStartupTrials);
    }
    if (nPreliminarySamples < 1 || nLocalSearch < 0) {
      throw new IllegalArgumentException("nPreliminarySamples must be >= 1 and nLocalSearch >= 0");
    }
    this.nStartupTrials = nStartupTrials;
    this.deterministicObjective = deterministicObjective;
    this.nPreliminarySamples = nPreliminarySamples;
    this.nLocalSearch = nLocalSearch;
    this.seed = seed;
    this.independent = new RandomSampler(seed);
    this.rng = new SeededRandom(seed ^ 0x5DEECE66DL);
  }

  @Override
  public Map<String, Distribution> inferRelativeSearchSpace(Study study, FrozenTrial trial) {
    if (study.isMultiObjective()) {
      throw new IllegalStateException("GPSampler supports single-objective studies only.");
    }
    Map<String, Distribution> out = new LinkedHashMap<>();
    SearchSpaces.intersection(study, false).forEach((k, v) -> {
      if (!v.single()) {
        out.put(k, v);
      }
    });
    return out;
  }

  /** Scales an internal value to [0, 1] (categorical: its index). */
  private static double toUnit(Distribution d, double internal) {
    if (d instanceof CategoricalDistribution) {
      return internal;
    }
    double[] b = SearchSpaces.bounds(d);
    return (SearchSpaces.transform(d, internal) - b[0]) / (b[1] - b[0]);
  }

  private static double fromUnit(Distribution d, double u) {
    if (d instanceof CategoricalDistribution) {
      return u;
    }
    double[] b = SearchSpaces.bounds(d);
    return SearchSpaces.untransform(d, b[0] + Math.min(Math.max(u, 0), 1) * (b[1] - b[0]));
  }

  @Override
  public Map<String, Double> sampleRelative(Study study, FrozenTrial trial, Map<String, Distribution> space) {
    if (space.isEmpty()) {
      return Map.of();
    }
    List<FrozenTrial> complete = study.getTrials(EnumSet.of(TrialState.COMPLETE));
    if (complete.size() < nStartupTrials) {
      return Map.of();
    }
    List<String> names = new ArrayList<>(space.keySet());
    int d = names.size();
    Distribution[] dists = new Distribution[d];
    boolean[] cat = new boolean[d];
    for (int j = 0; j < d; j++) {
      dists[j] = space.get(names.get(j));
      cat[j] = dists[j] instanceof CategoricalDistribution;
    }
    boolean max = study.direction() == StudyDirection.MAXIMIZE;
    List<double[]> xs = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    for (FrozenTrial t : complete) {
      double[] x = new double[d];
      boolean ok = true;
      for (int j = 0; j < d; j++) {
        Double v = t.internalParams().get(names.get(j));
        if (v == null || !dists[j].contains(v)) {
          ok = false;
          break;
        }
        x[j] = toUnit(dists[j], v);
      }
      double y = t.values().get(0);
      if (ok && Double.isFinite(y)) {
        xs.add(x);
        ys.add(max ? -y : y);
      }
    }
    if (xs.size() < 2) {
      return Map.of();
    }
    double[][] xa = xs.toArray(new double[0][]);
    double[] ya = ys.stream().mapToDouble(Double::doubleValue).toArray();
    GaussianProcess gp = new GaussianProcess(xa, ya, cat, lastTheta != null && lastTheta.length == d + 2
        ? lastTheta : null, deterministicObjective);
    lastTheta = gp.theta();
    double fBest = gp.bestStandardized();
    double[] best = optimizeAcquisition(gp, fBest, xa, dists, cat);
    Map<String, Double> out = new LinkedHashMap<>();
    for (int j = 0; j < d; j++) {
      out.put(names.get(j), fromUnit(dists[j], best[j]));
    }
    return out;
  }

  private double[] optimizeAcquisition(GaussianProcess gp, double fBest, double[][] xa, Distribution[] dists,
      boolean[] cat) {
    int d = dists.length;
    LowDiscrepancy sobol = LowDiscrepancy.sobol(Math.min(d, LowDiscrepancy.SOBOL_MAX_DIM), true, rng);
    int nCand = nPreliminarySamples + xa.length;
    double[][] cand = new double[nCand][];
    double[] score = new double[nCand];
    for (int i = 0; i < nPreliminarySamples; i++) {
      double[] u = d <= LowDiscrepancy.SOBOL_MAX_DIM ? sobol.point(i) : randomPoint(d);
      double[] p = new double[d];
      for (int j = 0; j < d; j++) {
        double uj = j < u.length ? u[j] : rng.nextDouble();
        p[j] = cat[j] ? Math.floor(uj * ((CategoricalDistribution) dists[j]).choices().size()) : uj;
      }
      cand[i] = p;
    }
    for (int i = 0; i < xa.length; i++) {
      cand[nPreliminarySamples + i] = xa[i].clone();
    }
    for (int i = 0; i < nCand; i++) {
      score[i] = gp.logEi(cand[i], fBest, null);
    }
    int[] order = org.minima4j.tune.internal.IndexSort.sorted(nCand, (a, b) -> Double.compare(score[b], score[a]));
    double[] bestX = cand[order[0]].clone();
    double bestV = score[order[0]];
    int numericCount = 0;
    for (boolean c : cat) {
      if (!c) {
        numericCount++;
      }
    }
    final int nNumeric = numericCount;
    for (int r = 0; r < Math.min(nLocalSearch, nCand); r++) {
      double[] start = cand[order[r]].clone();
      double[] refined = start;
      double v = score[order[r]];
      if (nNumeric > 0) {
        int[] numIdx = new int[nNumeric];
        int c = 0;
        for (int j = 0; j < d; j++) {
          if (!cat[j]) {
            numIdx[c++] = j;
          }
        }
        double[] z0 = new double[nNumeric];
        for (int k = 0; k < nNumeric; k++) {
          z0[k] = start[numIdx[k]];
        }
        final double[] base = start;
        double[] g = new double[d];
        try {
          OptimizeResult res = Minimize.minimize((double[] z, double[] grad) -> {
            double[] p = base.clone();
            for (int k = 0; k < nNumeric; k++) {
              p[numIdx[k]] = z[k];
            }
            double val = gp.logEi(p, fBest, g);
            for (int k = 0; k < nNumeric; k++) {
              grad[k] = -g[numIdx[k]];
            }
            return -val;
          }, z0, Method.L_BFGS_B, MinimizeOptions.DEFAULTS.withBounds(Bounds.uniform(nNumeric, 0, 1))
              .withMaxiter(100));
          if (Double.isFinite(res.fun()) && -res.fun() > v) {
            refined = base.clone();
            double[] z = res.x();
            for (int k = 0; k < nNumeric; k++) {
              refined[numIdx[k]] = z[k];
            }
            v = -res.fun();
          }
        } catch (RuntimeException e) {
          // keep the preliminary point when the local search cannot run
          refined = start;
        }
      }
      // sweep over categorical choices
      for (int j = 0; j < d; j++) {
        if (!cat[j]) {
          continue;
        }
        int k = ((CategoricalDistribution) dists[j]).choices().size();
        for (int ch = 0; ch < k; ch++) {
          double[] p = refined.clone();
          p[j] = ch;
          double pv = gp.logEi(p, fBest, null);
          if (pv > v) {
            v = pv;
            refined = p;
          }
        }
      }
      if (v > bestV) {
        bestV = v;
        bestX = refined;
      }
    }
    return bestX;
  }

  private double[] randomPoint(int d) {
    double[] u = new double[d];
    for (int j = 0; j < d; j++) {
      u[j] = rng.nextDouble();
    }
    return u;
  }

  @Override
  public double sampleIndependent(Study study, FrozenTrial trial, String paramName, Distribution distribution) {
    return independent.sampleIndependent(study, trial, paramName, distribution);
  }
}
