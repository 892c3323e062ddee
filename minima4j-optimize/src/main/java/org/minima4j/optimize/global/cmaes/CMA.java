package org.minima4j.optimize.global.cmaes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.minima4j.optimize.Bounds;
import org.minima4j.optimize.global.GlobalOptimizer;
import org.minima4j.optimize.global.internal.NumpyEigh;
import org.minima4j.optimize.global.internal.State;
import org.minima4j.tensor.internal.SymmetricEigen;

/**
 * CMA-ES with ask/tell, after Hansen's tutorial (arXiv:1604.00772) with the numerics of
 * CyberAgentAILab/cmaes 0.9.1 ({@code cmaes/_cma.py}, class {@code CMA}): active negative weights,
 * the same update order in {@code tell}, the same bounds handling (resample up to
 * {@code nMaxResampling} times, then clip one more sample) and the same {@code should_stop}
 * criteria (tolfun 1e-12 over {@code 10 + ceil(30 n / lambda)} generations, tolx {@code 1e-12 sigma0},
 * tolxup 1e4, no-effect coordinate and axis, condition number 1e14).
 *
 * <p>Deliberate deviations: the eigen-decomposition is lazy (recomputed every
 * {@link CmaParameters#eigenGap()} generations, which is every generation below a few hundred
 * dimensions, so the benchmark dimensions follow cmaes exactly); one {@link #ask()} returns the
 * whole population (cmaes returns one point per call); n = 1 is accepted (cmaes 0.9.1 requires
 * n > 1). Built from a seed s, the generator is NumPy's {@code RandomState(s)}, as cmaes'
 * {@code CMA(seed=s)}, and the Gaussians are drawn in cmaes' order ({@code randn(n)} per sample,
 * resamples included), and the eigenvectors are those of numpy's {@code eigh} (LAPACK {@code dsyevd},
 * ported in {@link NumpyEigh}: same order and signs), so {@code seed = s} replays cmaes' {@code seed = s}
 * up to rounding (OpenBLAS sums in another order). Constants: {@link CmaParameters}.
 */
public final class CMA extends GlobalOptimizer {
  private static final double EPS = 1e-8;
  private static final double MEAN_MAX = 1e32;
  private static final double SIGMA_MAX = 1e32;

  /**
   * Options of {@link CMA}; {@link #DEFAULTS} are cmaes 0.9.1's.
   *
   * @param populationSize lambda; 0 means the default 4 + floor(3 ln n)
   * @param bounds box bounds or null; infeasible samples are redrawn up to {@code nMaxResampling} times, then clipped
   * @param nMaxResampling cmaes' {@code n_max_resampling}
   * @param seed seed of the random generator
   * @param lazyEigen whether to decompose C only every {@link CmaParameters#eigenGap()} generations
   */
  public record Options(int populationSize, Bounds bounds, int nMaxResampling, long seed, boolean lazyEigen) {
    public static final Options DEFAULTS = new Options(0, null, 100, 0L, true);

    public Options {
      if (populationSize != 0 && populationSize < 2) {
        throw new IllegalArgumentException("popsize must be >= 2 (or 0 for the default), got " + populationSize);
      }
      if (nMaxResampling < 0) {
        throw new IllegalArgumentException("n_max_resampling must be >= 0, got " + nMaxResampling);
      }
    }

    public Options withPopulationSize(int v) {
      return new Options(v, bounds, nMaxResampling, seed, lazyEigen);
    }

    public Options withBounds(Bounds v) {
      return new Options(populationSize, v, nMaxResampling, seed, lazyEigen);
    }

    public Options withNMaxResampling(int v) {
      return new Options(populationSize, bounds, v, seed, lazyEigen);
    }

    public Options withSeed(long v) {
      return new Options(populationSize, bounds, nMaxResampling, v, lazyEigen);
    }

    public Options withLazyEigen(boolean v) {
      return new Options(populationSize, bounds, nMaxResampling, seed, v);
    }
  }

  private final CmaParameters p;
  private final double[] lb;
  private final double[] ub;
  private final int nMaxResampling;
  private final int eigenGap;
  private final int funhistTerm;

  private double[] mean;
  private double sigma;
  private final double sigma0;
  private double[][] c;
  private double[] pSigma;
  private double[] pc;
  private int g;
  // eigen-decomposition of c: c = b diag(d^2) b^T; null when it must be recomputed
  private double[][] b;
  private double[] d;
  private int eigenGeneration;
  private double[] funhist;

  /** CMA-ES from {@code mean} with step size {@code sigma}, randomness from {@code options.seed()}. */
  public CMA(double[] mean, double sigma, Options options) {
    this(mean, sigma, options, numpySeeded(options == null ? 0L : options.seed()));
  }

  /** As {@link #CMA(double[], double, Options)} with an explicit generator (state saving needs a SeededRandom). */
  public CMA(double[] mean, double sigma, Options options, RandomGenerator rng) {
    super(mean == null ? 0 : mean.length, rng);
    Options o = options == null ? Options.DEFAULTS : options;
    if (!(sigma > 0) || !Double.isFinite(sigma)) {
      throw new IllegalArgumentException("sigma must be non-zero positive value, got " + sigma);
    }
    for (double v : mean) {
      if (!(Math.abs(v) < MEAN_MAX)) {
        throw new IllegalArgumentException("Abs of all elements of mean vector must be less than " + MEAN_MAX);
      }
    }
    int lambda = o.populationSize() == 0 ? CmaParameters.defaultPopulationSize(n) : o.populationSize();
    this.p = CmaParameters.of(n, lambda);
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
    this.nMaxResampling = o.nMaxResampling();
    this.eigenGap = o.lazyEigen() ? p.eigenGap() : 1;
    this.funhistTerm = 10 + (int) Math.ceil(30.0 * n / lambda);
    this.mean = mean.clone();
    this.sigma = sigma;
    this.sigma0 = sigma;
    this.c = new double[n][n];
    for (int i = 0; i < n; i++) {
      c[i][i] = 1.0;
    }
    this.pSigma = new double[n];
    this.pc = new double[n];
    this.funhist = new double[2 * funhistTerm];
  }

  @Override
  public String algorithm() {
    return "CMA";
  }

  /** The strategy constants in use. */
  public CmaParameters parameters() {
    return p;
  }

  public int populationSize() {
    return p.lambda;
  }

  /** Generations told so far (cmaes' {@code generation}). */
  public int generation() {
    return g;
  }

  public double sigma() {
    return sigma;
  }

  public double[] mean() {
    return mean.clone();
  }

  // ------------------------------------------------------------------ eigen

  private void eigen() {
    if (b != null) {
      return;
    }
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double s = (c[i][j] + c[j][i]) / 2;
        c[i][j] = s;
        c[j][i] = s;
      }
    }
    // numpy.linalg.eigh's decomposition (LAPACK dsyevd), so that the samples B D z are cmaes' own; Jacobi only
    // where LAPACK would fail (non-finite C or no convergence: numpy raises LinAlgError there)
    double[] values;
    double[][] bb;
    NumpyEigh ne = NumpyEigh.of(c);
    if (ne.converged && allFinite(ne.values)) {
      values = ne.values;
      bb = ne.vectors;
    } else {
      SymmetricEigen e = SymmetricEigen.of(c);
      values = e.values;
      bb = e.vectors;
    }
    double[] dd = new double[n];
    for (int i = 0; i < n; i++) {
      dd[i] = Math.sqrt(values[i] < 0 ? EPS : values[i]);
    }
    double[] dsq = new double[n];
    for (int k = 0; k < n; k++) {
      dsq[k] = dd[k] * dd[k];
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double s = 0;
        for (int k = 0; k < n; k++) {
          s += bb[i][k] * dsq[k] * bb[j][k];
        }
        c[i][j] = s;
      }
    }
    b = bb;
    d = dd;
    eigenGeneration = g;
  }

  private static boolean allFinite(double[] v) {
    for (double x : v) {
      if (!Double.isFinite(x)) {
        return false;
      }
    }
    return true;
  }

  // ------------------------------------------------------------------ ask

  @Override
  protected List<double[]> doAsk() {
    List<double[]> out = new ArrayList<>(p.lambda);
    for (int k = 0; k < p.lambda; k++) {
      out.add(askOne());
    }
    return out;
  }

  private double[] askOne() {
    for (int i = 0; i < nMaxResampling; i++) {
      double[] x = sample();
      if (feasible(x)) {
        return x;
      }
    }
    double[] x = sample();
    if (lb != null) {
      for (int i = 0; i < n; i++) {
        if (x[i] < lb[i]) {
          x[i] = lb[i];
        }
        if (x[i] > ub[i]) {
          x[i] = ub[i];
        }
      }
    }
    return x;
  }

  private double[] sample() {
    eigen();
    double[] z = new double[n];
    for (int i = 0; i < n; i++) {
      z[i] = rng.nextGaussian();
    }
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      double y = 0;
      for (int k = 0; k < n; k++) {
        y += b[i][k] * d[k] * z[k];
      }
      x[i] = mean[i] + sigma * y;
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

  // ------------------------------------------------------------------ tell

  /** CMA-ES accepts told points that differ from the asked ones (repaired points), as cmaes does. */
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
    int[] order = rankOrder(values);
    int fi = 2 * (g % funhistTerm);
    funhist[fi] = values[order[0]];
    funhist[fi + 1] = values[order[order.length - 1]];

    eigen();
    double[][] bb = b;
    double[] dd = d;
    int lambda = p.lambda;
    double[][] y = new double[lambda][n];
    for (int k = 0; k < lambda; k++) {
      double[] x = xs.get(order[k]);
      for (int i = 0; i < n; i++) {
        y[k][i] = (x[i] - mean[i]) / sigma;
      }
    }
    // selection and recombination (eq. 41)
    double[] yw = new double[n];
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int k = 0; k < p.mu; k++) {
        s += y[k][i] * p.weight(k);
      }
      yw[i] = s;
    }
    for (int i = 0; i < n; i++) {
      mean[i] += p.cm * sigma * yw[i];
    }
    // step-size control: C^(-1/2) = B D^-1 B^T
    double[] dinv = new double[n];
    for (int k = 0; k < n; k++) {
      dinv[k] = 1 / dd[k];
    }
    double[][] c2 = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double s = 0;
        for (int k = 0; k < n; k++) {
          s += bb[i][k] * dinv[k] * bb[j][k];
        }
        c2[i][j] = s;
      }
    }
    double[] c2yw = matVec(c2, yw);
    double coef = Math.sqrt(p.cSigma * (2 - p.cSigma) * p.muEff);
    double norm2 = 0;
    for (int i = 0; i < n; i++) {
      pSigma[i] = (1 - p.cSigma) * pSigma[i] + coef * c2yw[i];
      norm2 += pSigma[i] * pSigma[i];
    }
    double normPs = Math.sqrt(norm2);
    sigma *= Math.exp((p.cSigma / p.dSigma) * (normPs / p.chiN - 1));
    sigma = Math.min(sigma, SIGMA_MAX);

    // covariance matrix adaptation
    double left = normPs / Math.sqrt(1 - Math.pow(1 - p.cSigma, 2 * (g + 1)));
    double right = (1.4 + 2.0 / (n + 1)) * p.chiN;
    double hSigma = left < right ? 1.0 : 0.0;
    double ccoef = hSigma * Math.sqrt(p.cc * (2 - p.cc) * p.muEff);
    for (int i = 0; i < n; i++) {
      pc[i] = (1 - p.cc) * pc[i] + ccoef * yw[i];
    }
    // eq. 46
    double[] wio = new double[lambda];
    for (int k = 0; k < lambda; k++) {
      double w = p.weight(k);
      if (w >= 0) {
        wio[k] = w;
      } else {
        double[] cy = matVec(c2, y[k]);
        double nn = 0;
        for (double v : cy) {
          nn += v * v;
        }
        wio[k] = w * (n / (nn + EPS));
      }
    }
    double deltaHSigma = (1 - hSigma) * p.cc * (2 - p.cc);
    // eq. 47
    double decay = 1 + p.c1 * deltaHSigma - p.c1 - p.cmu * p.weightSum();
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double rankMu = 0;
        for (int k = 0; k < lambda; k++) {
          rankMu += wio[k] * y[k][i] * y[k][j];
        }
        c[i][j] = decay * c[i][j] + p.c1 * pc[i] * pc[j] + p.cmu * rankMu;
      }
    }
    if (g - eigenGeneration >= eigenGap) {
      b = null;
      d = null;
    }
    endIteration();
  }

  /**
   * Indices sorted by value, ascending, ties in index order (a stable sort with {@link Double#compare},
   * as {@code Arrays.sort(Integer[], comparingDouble)} did, without boxing).
   */
  static int[] rankOrder(double[] values) {
    int m = values.length;
    int[] order = new int[m];
    for (int i = 0; i < m; i++) {
      int k = i;
      double v = values[i];
      while (k > 0 && Double.compare(values[order[k - 1]], v) > 0) {
        order[k] = order[k - 1];
        k--;
      }
      order[k] = i;
    }
    return order;
  }

  private double[] matVec(double[][] m, double[] v) {
    double[] r = new double[n];
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int j = 0; j < n; j++) {
        s += m[i][j] * v[j];
      }
      r[i] = s;
    }
    return r;
  }

  // ------------------------------------------------------------------ termination

  @Override
  public boolean shouldStop() {
    return stopMessage() != null;
  }

  @Override
  public String stopMessage() {
    eigen();
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
      allSmall = sigma * c[i][i] < tolx && sigma * pc[i] < tolx;
    }
    if (allSmall) {
      return "tolx: sigma * diag(C) and sigma * pc below 1e-12 * sigma0";
    }
    double maxD = Double.NEGATIVE_INFINITY;
    double minD = Double.POSITIVE_INFINITY;
    for (double v : d) {
      maxD = Math.max(maxD, v);
      minD = Math.min(minD, v);
    }
    if (sigma * maxD > 1e4) {
      return "tolxup: sigma * max(D) > 1e4";
    }
    for (int i = 0; i < n; i++) {
      if (mean[i] == mean[i] + 0.2 * sigma * Math.sqrt(c[i][i])) {
        return "noeffectcoord: adding 0.2 standard deviations to coordinate " + i + " does not change the mean";
      }
    }
    int ax = g % n;
    boolean noEffect = true;
    for (int i = 0; i < n && noEffect; i++) {
      noEffect = mean[i] == mean[i] + 0.1 * sigma * d[ax] * b[i][ax];
    }
    if (noEffect) {
      return "noeffectaxis: adding 0.1 standard deviations along principal axis " + ax + " does not change the mean";
    }
    if (maxD / minD > 1e14) {
      return "tolconditioncov: condition number of C > 1e14";
    }
    return null;
  }

  // ------------------------------------------------------------------ state

  @Override
  protected void saveState(Map<String, Object> m) {
    m.put("popsize", p.lambda);
    m.put("mean", State.list(mean));
    m.put("sigma", sigma);
    m.put("sigma0", sigma0);
    m.put("C", State.list(c));
    m.put("p_sigma", State.list(pSigma));
    m.put("pc", State.list(pc));
    m.put("g", g);
    m.put("B", State.list(b));
    m.put("D", State.list(d));
    m.put("eigen_generation", eigenGeneration);
    m.put("funhist_values", State.list(funhist));
  }

  @Override
  protected void loadState(Map<String, Object> m) {
    if (State.getInt(m, "popsize") != p.lambda) {
      throw new IllegalArgumentException("state has popsize " + State.getInt(m, "popsize") + ", optimizer has "
          + p.lambda);
    }
    if (State.getDouble(m, "sigma0") != sigma0) {
      throw new IllegalArgumentException("state has sigma0 " + State.getDouble(m, "sigma0") + ", optimizer has "
          + sigma0);
    }
    mean = State.getDoubleArray(m, "mean");
    sigma = State.getDouble(m, "sigma");
    c = State.getMatrix(m, "C");
    pSigma = State.getDoubleArray(m, "p_sigma");
    pc = State.getDoubleArray(m, "pc");
    g = State.getInt(m, "g");
    b = State.getMatrix(m, "B");
    d = State.getDoubleArray(m, "D");
    eigenGeneration = State.getInt(m, "eigen_generation");
    funhist = State.getDoubleArray(m, "funhist_values");
  }
}
