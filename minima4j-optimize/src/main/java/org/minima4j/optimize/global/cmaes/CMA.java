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
  // eigen-decomposition of c: c = b diag(d^2) b^T, with what is derived from it
  private final CmaEigen eig;
  private int eigenGeneration;
  private double[] funhist;
  // work arrays, reused every generation
  private final double[] z;
  private final double[][] yRows; // y of the ranked points, one row per point
  private final double[][] yCols; // the same by coordinate: yCols[i][k] = yRows[k][i]
  private final double[][] wyCols; // wio[k] * yCols[i][k]
  private final double[] yw;
  private final double[] wio;

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
    this.eig = new CmaEigen(n);
    this.z = new double[n];
    this.yRows = new double[lambda][n];
    this.yCols = new double[n][lambda];
    this.wyCols = new double[n][lambda];
    this.yw = new double[n];
    this.wio = new double[lambda];
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

  /**
   * Decomposes C unless its decomposition is current (cmaes caches B and D until {@code tell} changes C), so
   * that a generation decomposes once however often {@code should_stop} and {@code ask} look at it.
   */
  private void eigen() {
    if (eig.b == null) {
      eig.decompose(c);
      eigenGeneration = g;
    } else if (!eig.derived) {
      eig.derive();
    }
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
    double[] zz = z;
    for (int i = 0; i < n; i++) {
      zz[i] = rng.nextGaussian();
    }
    double[] m = mean;
    double sg = sigma;
    double[][] bdm = eig.bd;
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = m[i] + sg * CmaEigen.dot(bdm[i], zz, 0, n);
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
    for (int k = 0; k < told.size(); k++) {
      if (!allAbsBelowMeanMax(told.get(k))) {
        throw new IllegalArgumentException("Abs of all param values must be less than " + MEAN_MAX
            + " to avoid overflow errors");
      }
    }
  }

  private static boolean allAbsBelowMeanMax(double[] x) {
    for (double v : x) {
      if (!(Math.abs(v) < MEAN_MAX)) {
        return false;
      }
    }
    return true;
  }

  @Override
  protected void doTell(List<double[]> xs, double[] values) {
    g++;
    int[] order = rankOrder(values);
    int fi = 2 * (g % funhistTerm);
    funhist[fi] = values[order[0]];
    funhist[fi + 1] = values[order[order.length - 1]];

    eigen();
    int lambda = p.lambda;
    double[] w = p.weightArray();
    double[] m = mean;
    double sg = sigma;
    double[][] yr = yRows;
    double[][] yc = yCols;
    for (int k = 0; k < lambda; k++) {
      center(xs.get(order[k]), m, sg, yr[k], yc, k);
    }
    // selection and recombination (eq. 41)
    double[] ywv = yw;
    double step = p.cm * sg;
    for (int i = 0; i < n; i++) {
      ywv[i] = CmaEigen.dot(yc[i], w, 0, p.mu);
      m[i] += step * ywv[i];
    }
    // step-size control: C^(-1/2) = B D^-1 B^T
    double[][] c2 = eig.invSqrtC;
    double cs = p.cSigma;
    double coef = Math.sqrt(cs * (2 - cs) * p.muEff);
    double[] ps = pSigma;
    double norm2 = 0;
    for (int i = 0; i < n; i++) {
      ps[i] = (1 - cs) * ps[i] + coef * CmaEigen.dot(c2[i], ywv, 0, n);
      norm2 += ps[i] * ps[i];
    }
    double normPs = Math.sqrt(norm2);
    sigma = Math.min(sg * Math.exp((cs / p.dSigma) * (normPs / p.chiN - 1)), SIGMA_MAX);

    // covariance matrix adaptation
    double left = normPs / Math.sqrt(1 - Math.pow(1 - cs, 2 * (g + 1)));
    double right = (1.4 + 2.0 / (n + 1)) * p.chiN;
    double hSigma = left < right ? 1.0 : 0.0;
    double cc = p.cc;
    double ccoef = hSigma * Math.sqrt(cc * (2 - cc) * p.muEff);
    double[] pcv = pc;
    for (int i = 0; i < n; i++) {
      pcv[i] = (1 - cc) * pcv[i] + ccoef * ywv[i];
    }
    // eq. 46
    double[] wo = wio;
    for (int k = 0; k < lambda; k++) {
      double wk = w[k];
      if (wk >= 0) {
        wo[k] = wk;
      } else {
        wo[k] = wk * (n / (whitenedNorm2(c2, yr[k]) + EPS));
      }
    }
    double deltaHSigma = (1 - hSigma) * cc * (2 - cc);
    // eq. 47; rank-mu term sum_k (wio[k] y[k][i]) y[k][j], by coordinate rows
    double c1 = p.c1;
    double cmu = p.cmu;
    double decay = 1 + c1 * deltaHSigma - c1 - cmu * p.weightSum();
    double[][] wyc = wyCols;
    double[][] cm = c;
    for (int i = 0; i < n; i++) {
      CmaEigen.mul(wo, yc[i], wyc[i], 0, lambda);
    }
    for (int i = 0; i < n; i++) {
      updateRow(cm[i], decay, c1 * pcv[i], pcv, cmu, wyc[i], yc);
    }
    if (g - eigenGeneration >= eigenGap) {
      eig.invalidate();
    }
    endIteration();
  }

  /** {@code y = (x - m) / sigma} into row {@code yk} and column k of {@code yc}. */
  private static void center(double[] x, double[] m, double sigma, double[] yk, double[][] yc, int k) {
    for (int i = 0; i < yk.length; i++) {
      double v = (x[i] - m[i]) / sigma;
      yk[i] = v;
      yc[i][k] = v;
    }
  }

  /** {@code ||C^(-1/2) y||^2}, summed in order. */
  private static double whitenedNorm2(double[][] invSqrtC, double[] y) {
    double s = 0;
    for (double[] row : invSqrtC) {
      double v = CmaEigen.dot(row, y, 0, y.length);
      s += v * v;
    }
    return s;
  }

  /**
   * Row i of eq. 47: {@code c[i][j] = decay c[i][j] + (c1 pc[i]) pc[j] + cmu sum_k (wio[k] y[k][i]) y[k][j]},
   * with {@code c1pci = c1 pc[i]} and {@code wyi[k] = wio[k] y[k][i]}.
   */
  private static void updateRow(double[] ci, double decay, double c1pci, double[] pc, double cmu, double[] wyi,
      double[][] yc) {
    for (int j = 0; j < ci.length; j++) {
      ci[j] = decay * ci[j] + c1pci * pc[j] + cmu * CmaEigen.dot(wyi, yc[j], 0, wyi.length);
    }
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
      while (k > 0) {
        // Double.compare(a, v) > 0, called only for equal values and NaN (signed zeros, NaN order)
        double a = values[order[k - 1]];
        if (!(a > v || (!(a < v) && Double.compare(a, v) > 0))) {
          break;
        }
        order[k] = order[k - 1];
        k--;
      }
      order[k] = i;
    }
    return order;
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
      // max - min < 1e-12 as with Math.max/min: a NaN makes it false, the sign of a zero cannot change it, and
      // as max - min only grows (an infinity makes it infinite or NaN for good), the first failure decides
      double max = Double.NEGATIVE_INFINITY;
      double min = Double.POSITIVE_INFINITY;
      boolean flat = true;
      for (double v : funhist) {
        if (v > max) {
          max = v;
        }
        if (v < min) {
          min = v;
        }
        if (v != v || !(max - min < 1e-12)) {
          flat = false;
          break;
        }
      }
      if (flat) {
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
    double[] d = eig.d;
    double[][] b = eig.b;
    // Math.max/min over D without the calls: NaN sticks, +0 counts as above -0
    double maxD = Double.NEGATIVE_INFINITY;
    double minD = Double.POSITIVE_INFINITY;
    for (double v : d) {
      if (v > maxD || v != v || (v == 0 && maxD == 0 && 1 / maxD < 0)) {
        maxD = v;
      }
      if (v < minD || v != v || (v == 0 && minD == 0 && 1 / minD > 0)) {
        minD = v;
      }
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
    m.put("B", State.list(eig.b));
    m.put("D", State.list(eig.d));
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
    eig.set(State.getMatrix(m, "B"), State.getDoubleArray(m, "D"));
    eigenGeneration = State.getInt(m, "eigen_generation");
    funhist = State.getDoubleArray(m, "funhist_values");
  }
}
