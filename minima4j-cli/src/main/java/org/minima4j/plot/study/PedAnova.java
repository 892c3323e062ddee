package org.minima4j.plot.study;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.minima4j.tune.CategoricalDistribution;
import org.minima4j.tune.Distribution;
import org.minima4j.tune.FloatDistribution;
import org.minima4j.tune.FrozenTrial;
import org.minima4j.tune.IntDistribution;
import org.minima4j.tune.StudyDirection;

/**
 * Parameter importance by PED-ANOVA (Watanabe et al., IJCAI 2023; Optuna's {@code PedAnovaImportanceEvaluator}):
 * the importance of a parameter is the Pearson divergence between its density among the top
 * {@code baselineQuantile} of trials and its density among all trials, {@code sum_g p_all(g) (p_top(g) /
 * p_all(g) - 1)^2} over a grid of 50 points (numeric parameters, scaled to [0, 1], log-scaled when the
 * distribution is) or over the choices (categorical). Importances are normalized to sum to 1.
 *
 * <p>Deviation from Optuna: the densities are Gaussian kernel estimates with Scott's bandwidth (at least 1/50 of
 * the range) rather than Optuna's Parzen estimator, and categorical densities use add-one smoothing; the
 * ranking agrees on clear cases, the numbers are not Optuna's.
 */
public final class PedAnova {
  private static final int STEPS = 50;

  private PedAnova() {
  }

  /**
   * Importances of the parameters of COMPLETE trials for objective {@code objective}, largest first.
   *
   * @param trials trials of the study (non-COMPLETE ones are ignored)
   * @param direction the objective's direction
   * @param objective index of the objective value
   * @param baselineQuantile fraction of the best trials forming the "top" set (Optuna: 0.1)
   */
  public static Map<String, Double> importances(List<FrozenTrial> trials, StudyDirection direction, int objective,
      double baselineQuantile) {
    if (!(baselineQuantile > 0 && baselineQuantile <= 1)) {
      throw new IllegalArgumentException("baselineQuantile must be in (0, 1], got " + baselineQuantile);
    }
    List<FrozenTrial> done = new ArrayList<>();
    for (FrozenTrial t : trials) {
      if (t.state() == org.minima4j.tune.TrialState.COMPLETE && t.values() != null
          && Double.isFinite(t.values().get(objective))) {
        done.add(t);
      }
    }
    Comparator<FrozenTrial> byValue = Comparator.comparingDouble(t -> t.values().get(objective));
    done.sort(direction == StudyDirection.MAXIMIZE ? byValue.reversed() : byValue);
    int nTop = Math.max(2, (int) Math.ceil(baselineQuantile * done.size()));
    Set<String> names = new LinkedHashSet<>();
    done.forEach(t -> names.addAll(t.params().keySet()));
    Map<String, Double> raw = new LinkedHashMap<>();
    if (done.size() < 3) {
      return raw;
    }
    double total = 0;
    for (String name : names) {
      List<Double> all = new ArrayList<>();
      List<Double> top = new ArrayList<>();
      Distribution dist = null;
      for (int i = 0; i < done.size(); i++) {
        FrozenTrial t = done.get(i);
        Double v = t.internalParams().get(name);
        if (v == null) {
          continue;
        }
        dist = t.distributions().get(name);
        all.add(v);
        if (i < nTop) {
          top.add(v);
        }
      }
      if (dist == null || top.size() < 2 || dist.single()) {
        raw.put(name, 0.0);
        continue;
      }
      double[] pAll;
      double[] pTop;
      if (dist instanceof CategoricalDistribution c) {
        pAll = histogram(all, c.choices().size());
        pTop = histogram(top, c.choices().size());
      } else {
        pAll = kde(scale(all, dist));
        pTop = kde(scale(top, dist));
      }
      double d = 0;
      for (int g = 0; g < pAll.length; g++) {
        double r = pTop[g] / pAll[g] - 1;
        d += pAll[g] * r * r;
      }
      raw.put(name, d);
      total += d;
    }
    Map<String, Double> out = new LinkedHashMap<>();
    double sum = total;
    raw.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .forEach(e -> out.put(e.getKey(), sum > 0 ? e.getValue() / sum : 0.0));
    return out;
  }

  private static double[] histogram(List<Double> idx, int k) {
    double[] p = new double[k];
    for (double v : idx) {
      p[(int) v] += 1;
    }
    for (int i = 0; i < k; i++) {
      p[i] = (p[i] + 1) / (idx.size() + k);
    }
    return p;
  }

  static double[] scale(List<Double> vs, Distribution d) {
    double lo;
    double hi;
    boolean log;
    if (d instanceof FloatDistribution f) {
      lo = f.low();
      hi = f.high();
      log = f.log();
    } else {
      IntDistribution i = (IntDistribution) d;
      lo = i.low();
      hi = i.high();
      log = i.log();
    }
    double[] out = new double[vs.size()];
    for (int i = 0; i < out.length; i++) {
      double v = vs.get(i);
      out[i] = log ? (Math.log(v) - Math.log(lo)) / (Math.log(hi) - Math.log(lo)) : (v - lo) / (hi - lo);
    }
    return out;
  }

  private static double[] kde(double[] x) {
    double mean = 0;
    for (double v : x) {
      mean += v;
    }
    mean /= x.length;
    double var = 0;
    for (double v : x) {
      var += (v - mean) * (v - mean);
    }
    double sd = Math.sqrt(var / Math.max(1, x.length - 1));
    double h = Math.max(1.0 / STEPS, 1.06 * sd * Math.pow(x.length, -0.2));
    double[] p = new double[STEPS];
    double z = 0;
    for (int g = 0; g < STEPS; g++) {
      double c = (g + 0.5) / STEPS;
      double s = 0;
      for (double v : x) {
        double u = (c - v) / h;
        s += Math.exp(-0.5 * u * u);
      }
      p[g] = s + 1e-12;
      z += p[g];
    }
    for (int g = 0; g < STEPS; g++) {
      p[g] /= z;
    }
    return p;
  }
}
