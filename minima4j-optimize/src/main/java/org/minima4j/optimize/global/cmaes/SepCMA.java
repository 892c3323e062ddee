package org.minima4j.optimize.global.cmaes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.minima4j.optimize.global.GlobalOptimizer;
import org.minima4j.optimize.global.internal.State;

/**
 * Separable CMA-ES (Ros and Hansen 2008, "A simple modification in CMA-ES achieving linear time and
 * space complexity"): a diagonal covariance, O(n) per sample, for high dimensions. Follows
 * CyberAgentAILab/cmaes 0.9.1 {@code cmaes/_sepcma.py} (class {@code SepCMA}): positive weights only
 * ({@code ln(mu + 1) - ln(i + 1)}, normalised), {@code c_mu = (n + 2) / 3 * c_mu_full},
 * {@code c_sigma = (mu_eff + 2) / (n + mu_eff + 3)}, {@code c_c = 4 / (n + 4)}, and the same
 * should_stop criteria as {@link CMA} (including 0.9.1's noeffectaxis test, which moves every
 * coordinate by {@code 0.1 sigma D[i]}). Bounds, resampling and options as {@link CMA}; the lazy
 * eigen option does not apply.
 */
public final class SepCMA extends GlobalOptimizer {
  private static final double EPS = 1e-8;
  private static final double MEAN_MAX = 1e32;
  private static final double SIGMA_MAX = 1e32;

  private final int lambda;
  private final int mu;
  private final double[] weights;
  private final double muEff;
  private final double c1;
  private final double cmu;
  private final double cSigma;
  private final double dSigma;
  private final double cc;
  private final double chiN;
  private final double[] lb;
  private final double[] ub;
  private final int nMaxResampling;
  private final int funhistTerm;
  private final double sigma0;

  private double[] mean;
  private double sigma;
  private double[] c;
  private double[] d;
  private double[] pSigma;
  private double[] pc;
  private int g;
  private double[] funhist;

  public SepCMA(double[] mean, double sigma, CMA.Options options) {
    this(mean, sigma, options, numpySeeded(options == null ? 0L : options.seed()));
  }

  public SepCMA(double[] mean, double sigma, CMA.Options options, RandomGenerator rng) {
    super(mean == null ? 0 : mean.length, rng);
    CMA.Options o = options == null ? CMA.Options.DEFAULTS : options;
    if (!(sigma > 0) || !Double.isFinite(sigma)) {
      throw new IllegalArgumentException("sigma must be non-zero positive value, got " + sigma);
    }
    for (double v : mean) {
      if (!(Math.abs(v) < MEAN_MAX)) {
        throw new IllegalArgumentException("Abs of all elements of mean vector must be less than " + MEAN_MAX);
      }
    }
    lambda = o.populationSize() == 0 ? CmaParameters.defaultPopulationSize(n) : o.populationSize();
    mu = lambda / 2;
    weights = new double[mu];
    double sw = 0;
    for (int i = 0; i < mu; i++) {
      weights[i] = Math.log(mu + 1) - Math.log(i + 1);
      sw += weights[i];
    }
    double sw2 = 0;
    for (int i = 0; i < mu; i++) {
      weights[i] = weights[i] / sw;
      sw2 += weights[i] * weights[i];
    }
    muEff = 1 / sw2;
    double alphaCov = 2;
    c1 = alphaCov / ((n + 1.3) * (n + 1.3) + muEff);
    double cmuFull = 2 / muEff / ((n + Math.sqrt(2)) * (n + Math.sqrt(2)))
        + (1 - 1 / muEff) * Math.min(1, (2 * muEff - 1) / ((n + 2.0) * (n + 2.0) + muEff));
    cmu = (n + 2) / 3.0 * cmuFull;
    cSigma = (muEff + 2) / (n + muEff + 3);
    dSigma = 1 + 2 * Math.max(0, Math.sqrt((muEff - 1) / (n + 1)) - 1) + cSigma;
    cc = 4.0 / (n + 4);
    chiN = Math.sqrt(n) * (1.0 - (1.0 / (4.0 * n)) + 1.0 / (21.0 * ((double) n * n)));
    if (o.bounds() != null) {
      if (o.bounds().dimension() != n) {
        throw new IllegalArgumentException("bounds have dimension " + o.bounds().dimension() + ", mean has " + n);
      }
      lb = o.bounds().lb();
      ub = o.bounds().ub();
      for (int i = 0; i < n; i++) {
        if (!(lb[i] <= mean[i] && mean[i] <= ub[i])) {
          throw new IllegalArgumentException("invalid bounds: mean[" + i + "] = " + mean[i] + " is outside ["
              + lb[i] + ", " + ub[i] + "]");
        }
      }
    } else {
      lb = null;
      ub = null;
    }
    nMaxResampling = o.nMaxResampling();
    funhistTerm = 10 + (int) Math.ceil(30.0 * n / lambda);
    this.mean = mean.clone();
    this.sigma = sigma;
    this.sigma0 = sigma;
    c = new double[n];
    Arrays.fill(c, 1.0);
    pSigma = new double[n];
    pc = new double[n];
    funhist = new double[2 * funhistTerm];
  }

  @Override
  public String algorithm() {
    return "SepCMA";
  }

  public int populationSize() {
    return lambda;
  }

  public double sigma() {
    return sigma;
  }

  public double[] mean() {
    return mean.clone();
  }

  /** The diagonal of C. */
  public double[] covarianceDiagonal() {
    return c.clone();
  }

  private double[] eigen() {
    if (d == null) {
      d = new double[n];
      for (int i = 0; i < n; i++) {
        d[i] = Math.sqrt(c[i] < 0 ? EPS : c[i]);
      }
    }
    return d;
  }

  @Override
  protected List<double[]> doAsk() {
    List<double[]> out = new ArrayList<>(lambda);
    for (int k = 0; k < lambda; k++) {
      double[] x = null;
      for (int t = 0; t < nMaxResampling && x == null; t++) {
        double[] s = sample();
        if (feasible(s)) {
          x = s;
        }
      }
      if (x == null) {
        x = sample();
        if (lb != null) {
          for (int i = 0; i < n; i++) {
            x[i] = Math.min(Math.max(x[i], lb[i]), ub[i]);
          }
        }
      }
      out.add(x);
    }
    return out;
  }

  private double[] sample() {
    double[] dd = eigen();
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      double z = rng.nextGaussian();
      x[i] = mean[i] + sigma * (dd[i] * z);
    }
    return x;
  }

  private boolean feasible(double[] x) {
    if (lb == null) {
      return true;
    }
    for (int i = 0; i < n; i++) {
      if (!(x[i] >= lb[i] && x[i] <= ub[i])) {
        return false;
      }
    }
    return true;
  }

  @Override
  protected void checkTold(List<double[]> asked, List<double[]> told) {
    for (double[] x : told) {
      for (double v : x) {
        if (!(Math.abs(v) < MEAN_MAX)) {
          throw new IllegalArgumentException("Abs of all param values must be less than " + MEAN_MAX
              + " to avoid overflow errors");
        }
      }
    }
  }

  @Override
  protected void doTell(List<double[]> xs, double[] values) {
    g++;
    int[] order = CMA.rankOrder(values);
    int fi = 2 * (g % funhistTerm);
    funhist[fi] = values[order[0]];
    funhist[fi + 1] = values[order[order.length - 1]];
    double[] dd = eigen();
    d = null;
    double[][] y = new double[lambda][n];
    for (int k = 0; k < lambda; k++) {
      double[] x = xs.get(order[k]);
      for (int i = 0; i < n; i++) {
        y[k][i] = (x[i] - mean[i]) / sigma;
      }
    }
    double[] yw = new double[n];
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int k = 0; k < mu; k++) {
        s += y[k][i] * weights[k];
      }
      yw[i] = s;
      mean[i] += sigma * yw[i];
    }
    double coef = Math.sqrt(cSigma * (2 - cSigma) * muEff);
    double norm2 = 0;
    for (int i = 0; i < n; i++) {
      pSigma[i] = (1 - cSigma) * pSigma[i] + coef * (yw[i] / dd[i]);
      norm2 += pSigma[i] * pSigma[i];
    }
    double normPs = Math.sqrt(norm2);
    sigma *= Math.exp((cSigma / dSigma) * (normPs / chiN - 1));
    sigma = Math.min(sigma, SIGMA_MAX);
    double left = normPs / Math.sqrt(1 - Math.pow(1 - cSigma, 2 * (g + 1)));
    double right = (1.4 + 2.0 / (n + 1)) * chiN;
    double hSigma = left < right ? 1.0 : 0.0;
    double ccoef = hSigma * Math.sqrt(cc * (2 - cc) * muEff);
    for (int i = 0; i < n; i++) {
      pc[i] = (1 - cc) * pc[i] + ccoef * yw[i];
    }
    double deltaHSigma = (1 - hSigma) * cc * (2 - cc);
    double wsum = 0;
    for (double w : weights) {
      wsum += w;
    }
    double decay = 1 + c1 * deltaHSigma - c1 - cmu * wsum;
    for (int i = 0; i < n; i++) {
      double rankMu = 0;
      for (int k = 0; k < mu; k++) {
        rankMu += weights[k] * (y[k][i] * y[k][i]);
      }
      c[i] = decay * c[i] + c1 * (pc[i] * pc[i]) + cmu * rankMu;
    }
    endIteration();
  }

  @Override
  public boolean shouldStop() {
    return stopMessage() != null;
  }

  @Override
  public String stopMessage() {
    double[] dd = eigen();
    if (g > funhistTerm) {
      double max = Double.NEGATIVE_INFINITY;
      double min = Double.POSITIVE_INFINITY;
      for (double v : funhist) {
        max = Math.max(max, v);
        min = Math.min(min, v);
      }
      if (max - min < 1e-12) {
        return "tolfun: range of best and worst values over the last " + funhistTerm + " generations < 1e-12";
      }
    }
    double tolx = 1e-12 * sigma0;
    boolean allSmall = true;
    for (int i = 0; i < n && allSmall; i++) {
      allSmall = sigma * c[i] < tolx && sigma * pc[i] < tolx;
    }
    if (allSmall) {
      return "tolx: sigma * diag(C) and sigma * pc below 1e-12 * sigma0";
    }
    double maxD = Double.NEGATIVE_INFINITY;
    double minD = Double.POSITIVE_INFINITY;
    for (double v : dd) {
      maxD = Math.max(maxD, v);
      minD = Math.min(minD, v);
    }
    if (sigma * maxD > 1e4) {
      return "tolxup: sigma * max(D) > 1e4";
    }
    for (int i = 0; i < n; i++) {
      if (mean[i] == mean[i] + 0.2 * sigma * Math.sqrt(c[i])) {
        return "noeffectcoord: adding 0.2 standard deviations to coordinate " + i + " does not change the mean";
      }
    }
    int ax = g % n;
    boolean noEffect = true;
    for (int i = 0; i < n && noEffect; i++) {
      noEffect = mean[i] == mean[i] + 0.1 * sigma * dd[ax];
    }
    if (noEffect) {
      return "noeffectaxis: adding 0.1 sigma D[" + ax + "] to every coordinate does not change the mean";
    }
    if (maxD / minD > 1e14) {
      return "tolconditioncov: condition number of C > 1e14";
    }
    return null;
  }

  @Override
  protected void saveState(Map<String, Object> m) {
    m.put("popsize", lambda);
    m.put("sigma0", sigma0);
    m.put("mean", State.list(mean));
    m.put("sigma", sigma);
    m.put("C", State.list(c));
    m.put("D", State.list(d));
    m.put("p_sigma", State.list(pSigma));
    m.put("pc", State.list(pc));
    m.put("g", g);
    m.put("funhist_values", State.list(funhist));
  }

  @Override
  protected void loadState(Map<String, Object> m) {
    if (State.getInt(m, "popsize") != lambda || State.getDouble(m, "sigma0") != sigma0) {
      throw new IllegalArgumentException("state has another popsize or sigma0 than this optimizer");
    }
    mean = State.getDoubleArray(m, "mean");
    sigma = State.getDouble(m, "sigma");
    c = State.getDoubleArray(m, "C");
    d = State.getDoubleArray(m, "D");
    pSigma = State.getDoubleArray(m, "p_sigma");
    pc = State.getDoubleArray(m, "pc");
    g = State.getInt(m, "g");
    funhist = State.getDoubleArray(m, "funhist_values");
  }
}
