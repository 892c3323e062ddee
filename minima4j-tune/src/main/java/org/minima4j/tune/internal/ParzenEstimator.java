package org.minima4j.tune.internal;

import java.util.function.IntFunction;
import org.minima4j.random.NumpyRandomState;
import org.minima4j.tensor.internal.NumpySum;
import org.minima4j.tune.CategoricalDistribution;
import org.minima4j.tune.Distribution;
import org.minima4j.tune.FloatDistribution;
import org.minima4j.tune.IntDistribution;

/**
 * The Parzen estimator of TPE after Optuna 3.1's {@code _ParzenEstimator} ({@code parzen_estimator.py}):
 * a mixture of {@code n + 1} product kernels (one per observation plus the prior), truncated normals for
 * numeric parameters (in log space for log ranges, widened by half a step and discretized for stepped ones)
 * and smoothed one-hot rows for categorical ones.
 *
 * <p>Bandwidths: independent mode uses the larger gap to the neighbouring centres (prior centre included,
 * the bounds as sentinels; with {@code considerEndpoints=false} the outer kernels use only their inner gap);
 * multivariate mode uses {@code 0.2 n^(-1/(d+4)) (high - low)}. Both are clipped to
 * {@code [(high-low)/min(100, 1 + n_kernels), high - low]} with the magic clip. Prior: centre
 * {@code (low+high)/2}, width {@code high - low}, weight {@code priorWeight}.
 *
 * <p>As in Optuna 3.1 ({@code _truncnorm.logpdf}), the density of a continuous kernel omits the
 * {@code 1/sigma} factor of a normalized truncated normal. Including it was tried and gave worse median
 * regrets on Hartmann-6 and Levy-5 in the reference protocol, so Optuna 3.1's form is kept.
 *
 * <p>For replaying Optuna's studies, {@link #sample} consumes a {@link NumpyRandomState} exactly as
 * {@code _ParzenEstimator.sample} consumes numpy's {@code RandomState} and maps the draws with Optuna's own
 * quantile function ({@link OptunaTruncnorm}); the weights are normalized in numpy's summation order
 * ({@link NumpySum}), and a lone categorical parameter is scored in numpy's BLAS order ({@link OpenBlasGemv}).
 * The other log densities agree with Optuna's to round-off (about 1e-15 relative), which changes a choice only
 * between candidates whose scores tie at that level.
 */
public final class ParzenEstimator {
  private static final double EPS = 1e-12;

  private final Distribution[] dists;
  private final int nKernels;
  private final double[] weights;
  private final double[] cumWeights;
  private final double[] logWeights;
  private final double[] low;
  private final double[] high;
  private final double[] q;
  private final double[][] mus;
  private final double[][] sigmas;
  private final double[][] logNorm; // per numeric param and kernel: log mass of [low, high] (+ log sqrt(2 pi))
  private final double[][] invSigmas;
  private final double[][][] catWeights;
  private final double[][][] catLogWeights;

  /**
   * Fits the estimator.
   *
   * @param dists the distributions of the parameters
   * @param obs internal values, {@code obs[p][i]} for parameter p and observation i
   * @param n number of observations
   * @param priorWeight weight of the prior kernel
   * @param magicClip whether to use the magic clip
   * @param endpoints whether outer kernels also consider the gap to the bound
   * @param multivariate multivariate (Scott-like) bandwidth instead of the neighbour rule
   * @param weightsFunc the observation weights as a function of n (Optuna's {@code default_weights})
   * @param predetermined weights to use instead of {@code weightsFunc} or null
   */
  public ParzenEstimator(Distribution[] dists, double[][] obs, int n, double priorWeight, boolean magicClip,
      boolean endpoints, boolean multivariate, IntFunction<double[]> weightsFunc, double[] predetermined) {
    int np = dists.length;
    this.dists = dists;
    this.nKernels = n + 1;
    double[] w = new double[nKernels];
    double[] wf = predetermined != null ? predetermined : weightsFunc.apply(n);
    for (int i = 0; i < n; i++) {
      if (!(wf[i] >= 0) || Double.isInfinite(wf[i])) {
        throw new IllegalArgumentException("The `weights` function must return finite non-negative values, got "
            + wf[i] + " for n = " + n + ".");
      }
      w[i] = wf[i];
    }
    w[n] = priorWeight;
    double sum = NumpySum.sum(w); // weights /= weights.sum(), NumPy's rounding
    this.weights = w;
    this.cumWeights = new double[nKernels];
    this.logWeights = new double[nKernels];
    double c = 0;
    for (int i = 0; i < nKernels; i++) {
      w[i] /= sum;
      c += w[i];
      cumWeights[i] = c;
      logWeights[i] = Math.log(w[i]);
    }
    // rng.choice(..., p=weights): cdf = cumsum(p); cdf /= cdf[-1]
    double last = cumWeights[nKernels - 1];
    for (int i = 0; i < nKernels; i++) {
      cumWeights[i] /= last;
    }
    low = new double[np];
    high = new double[np];
    q = new double[np];
    mus = new double[np][];
    sigmas = new double[np][];
    logNorm = new double[np][];
    invSigmas = new double[np][];
    catWeights = new double[np][][];
    catLogWeights = new double[np][][];
    double sigma0 = multivariate ? 0.2 * Math.pow(Math.max(n, 1), -1.0 / (np + 4)) : 0;
    for (int p = 0; p < np; p++) {
      Distribution d = dists[p];
      if (d instanceof CategoricalDistribution cd) {
        int k = cd.choices().size();
        double[][] cw = new double[nKernels][k];
        double[][] clw = new double[nKernels][k];
        double v = priorWeight / nKernels;
        for (int i = 0; i < nKernels; i++) {
          double rs = 0;
          for (int j = 0; j < k; j++) {
            cw[i][j] = v;
          }
          if (i < n) {
            cw[i][(int) obs[p][i]] += 1;
          }
          rs = NumpySum.sum(cw[i]);
          for (int j = 0; j < k; j++) {
            cw[i][j] /= rs;
            clw[i][j] = Math.log(cw[i][j]);
          }
        }
        catWeights[p] = cw;
        catLogWeights[p] = clw;
        continue;
      }
      parzenBounds(p, d);
      double lo = low[p];
      double hi = high[p];
      double[] mu = new double[nKernels];
      for (int i = 0; i < n; i++) {
        mu[i] = SearchSpaces.transform(d, obs[p][i]);
      }
      mu[n] = 0.5 * (lo + hi);
      double[] sg = new double[nKernels];
      if (multivariate) {
        java.util.Arrays.fill(sg, sigma0 * (hi - lo));
      } else {
        int[] order = IndexSort.numpyArgsort(mu); // numpy's tie order: see IndexSort
        double[] s = new double[nKernels + 2];
        s[0] = lo;
        for (int i = 0; i < nKernels; i++) {
          s[i + 1] = mu[order[i]];
        }
        s[nKernels + 1] = hi;
        double[] ss = new double[nKernels];
        for (int i = 0; i < nKernels; i++) {
          ss[i] = Math.max(s[i + 1] - s[i], s[i + 2] - s[i + 1]);
        }
        if (!endpoints && s.length >= 4) {
          ss[0] = s[2] - s[1];
          ss[nKernels - 1] = s[nKernels] - s[nKernels - 1];
        }
        for (int i = 0; i < nKernels; i++) {
          sg[order[i]] = ss[i];
        }
      }
      double maxSigma = hi - lo;
      double minSigma = magicClip ? (hi - lo) / Math.min(100.0, 1.0 + nKernels) : EPS;
      for (int i = 0; i < nKernels; i++) {
        sg[i] = Math.min(Math.max(sg[i], minSigma), maxSigma);
      }
      sg[n] = hi - lo;
      mus[p] = mu;
      sigmas[p] = sg;
      double[] ln = new double[nKernels];
      double[] inv = new double[nKernels];
      for (int i = 0; i < nKernels; i++) {
        ln[i] = NormalMath.logGaussMass((lo - mu[i]) / sg[i], (hi - mu[i]) / sg[i]);
        inv[i] = 1.0 / sg[i];
        if (q[p] == 0) {
          ln[i] += 0.9189385332046727; // log sqrt(2 pi); no log sigma, as Optuna 3.1 (see the class comment)
        }
      }
      logNorm[p] = ln;
      invSigmas[p] = inv;
    }
  }

  private void parzenBounds(int p, Distribution d) {
    if (d instanceof FloatDistribution f) {
      if (f.log()) {
        low[p] = Math.log(f.low());
        high[p] = Math.log(f.high());
      } else if (f.step() != null) {
        q[p] = f.step();
        low[p] = f.low() - 0.5 * q[p];
        high[p] = f.high() + 0.5 * q[p];
      } else {
        low[p] = f.low();
        high[p] = f.high();
      }
    } else {
      IntDistribution i = (IntDistribution) d;
      if (i.log()) {
        low[p] = Math.log(i.low() - 0.5);
        high[p] = Math.log(i.high() + 0.5);
      } else {
        q[p] = i.step();
        low[p] = i.low() - 0.5 * q[p];
        high[p] = i.high() + 0.5 * q[p];
      }
    }
  }

  /**
   * {@code size} draws, {@code out[p][s]} internal values, consuming {@code rng} as Optuna 3.1's
   * {@code _ParzenEstimator.sample} does: {@code rng.choice(n_kernels, size, p=weights)} ({@code size} uniforms
   * searched in the normalized cumulative weights), then per parameter in order {@code size} uniforms, which
   * become categorical indices ({@code sum(cumsum(row) < u)}) or truncated-normal quantiles
   * ({@code _truncnorm.rvs}, {@link OptunaTruncnorm#quantile}) mapped back to the parameter's grid.
   */
  public double[][] sample(NumpyRandomState rng, int size) {
    int np = dists.length;
    int[] active = new int[size];
    for (int s = 0; s < size; s++) {
      double u = rng.nextDouble();
      int lo = 0;
      int hi = nKernels;
      while (lo < hi) { // searchsorted(cdf, u, side='right')
        int mid = (lo + hi) >>> 1;
        if (cumWeights[mid] <= u) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      active[s] = Math.min(lo, nKernels - 1);
    }
    double[][] out = new double[np][size];
    double[] u = new double[size];
    for (int p = 0; p < np; p++) {
      Distribution d = dists[p];
      for (int s = 0; s < size; s++) {
        u[s] = rng.nextDouble();
      }
      if (d instanceof CategoricalDistribution) {
        double[][] cw = catWeights[p];
        for (int s = 0; s < size; s++) {
          double[] row = cw[active[s]];
          double cum = 0;
          int count = 0;
          for (int j = 0; j < row.length; j++) {
            cum += row[j];
            if (cum < u[s]) {
              count++;
            }
          }
          out[p][s] = Math.min(count, row.length - 1);
        }
      } else {
        // per kernel: a, b and the q-independent terms of the quantile, computed once
        double[] tail = new double[nKernels];
        double[] mass = new double[nKernels];
        boolean[] done = new boolean[nKernels];
        for (int s = 0; s < size; s++) {
          int k = active[s];
          double mu = mus[p][k];
          double sg = sigmas[p][k];
          double a = (low[p] - mu) / sg;
          double b = (high[p] - mu) / sg;
          if (!done[k]) {
            tail[k] = OptunaTruncnorm.logTail(a, b);
            mass[k] = OptunaTruncnorm.logGaussMass(a, b);
            done[k] = true;
          }
          double x = OptunaTruncnorm.ppf(u[s], a, b, tail[k], mass[k]) * sg + mu;
          out[p][s] = fromUniform(p, d, x);
        }
      }
    }
    return out;
  }

  private double fromUniform(int p, Distribution d, double x) {
    if (d instanceof FloatDistribution f) {
      if (f.log()) {
        return Math.min(Math.max(Math.exp(x), f.low()), f.high());
      }
      if (f.step() != null) {
        double r = Math.rint((x - f.low()) / q[p]) * q[p] + f.low();
        return Math.min(Math.max(r, f.low()), f.high());
      }
      return Math.min(Math.max(x, f.low()), f.high());
    }
    IntDistribution i = (IntDistribution) d;
    double r = i.log() ? Math.rint(Math.exp(x)) : Math.rint((x - i.low()) / q[p]) * q[p] + i.low();
    return Math.min(Math.max(r, i.low()), i.high());
  }

  /**
   * Log density (mass for discrete parameters) of each sample, {@code samples[p][s]} internal values. Per sample,
   * the kernels' log terms are summed over the parameters in order, the log weights added, and the mixture
   * taken by log-sum-exp; one row of kernel terms is reused from sample to sample.
   */
  public double[] logPdf(double[][] samples) {
    int np = dists.length;
    int size = samples[0].length;
    if (np == 1 && dists[0] instanceof CategoricalDistribution) {
      return singleCategoricalLogPdf(samples[0]);
    }
    // stepped parameters: candidates repeat grid values, so each distinct value's kernel masses are computed once
    double[][] cachedX = new double[np][];
    double[][][] cachedRows = new double[np][][];
    int[] nCached = new int[np];
    double[] row = new double[nKernels];
    double[] out = new double[size];
    for (int s = 0; s < size; s++) {
      java.util.Arrays.fill(row, 0.0);
      for (int p = 0; p < np; p++) {
        Distribution d = dists[p];
        if (d instanceof CategoricalDistribution) {
          double[][] clw = catLogWeights[p];
          int x = (int) samples[p][s];
          for (int k = 0; k < nKernels; k++) {
            row[k] += clw[k][x];
          }
          continue;
        }
        double x = SearchSpaces.transform(d, samples[p][s]);
        double[] mu = mus[p];
        double[] ln = logNorm[p];
        if (q[p] == 0) {
          double[] inv = invSigmas[p];
          for (int k = 0; k < nKernels; k++) {
            double z = (x - mu[k]) * inv[k];
            row[k] += -0.5 * z * z - ln[k];
          }
          continue;
        }
        if (cachedX[p] == null) {
          cachedX[p] = new double[size];
          cachedRows[p] = new double[size][];
        }
        int hit = -1;
        for (int c = 0; c < nCached[p]; c++) {
          if (cachedX[p][c] == x) {
            hit = c;
            break;
          }
        }
        if (hit < 0) {
          double[] sg = sigmas[p];
          double qq = q[p];
          double ub = Math.min(x + qq / 2, high[p]);
          double lb = Math.max(x - qq / 2, low[p]);
          double[] masses = new double[nKernels];
          for (int k = 0; k < nKernels; k++) {
            masses[k] = NormalMath.logGaussMassFast((lb - mu[k]) / sg[k], (ub - mu[k]) / sg[k]) - ln[k];
          }
          hit = nCached[p]++;
          cachedX[p][hit] = x;
          cachedRows[p][hit] = masses;
        }
        double[] masses = cachedRows[p][hit];
        for (int k = 0; k < nKernels; k++) {
          row[k] += masses[k];
        }
      }
      double max = Double.NEGATIVE_INFINITY;
      for (int k = 0; k < nKernels; k++) {
        row[k] += logWeights[k];
        max = Math.max(max, row[k]);
      }
      if (max == Double.NEGATIVE_INFINITY) {
        out[s] = max;
        continue;
      }
      double acc = 0;
      for (int k = 0; k < nKernels; k++) {
        double dk = row[k] - max;
        if (dk > -40) { // smaller terms are below double precision relative to the largest (1)
          acc += Math.exp(dk);
        }
      }
      out[s] = Math.log(acc) + max;
    }
    return out;
  }

  /**
   * Optuna's shortcut for one categorical parameter, {@code log(inner(categorical_weights.T, weights))[x]}.
   * Its rounding matters: when l(x) and g(x) agree (equal shares of each choice above and below), the scores
   * are rounding noise and decide the choice, so the inner product is summed in the order numpy's BLAS
   * ({@link OpenBlasGemv}) uses.
   */
  private double[] singleCategoricalLogPdf(double[] x) {
    double[] mix = OpenBlasGemv.innerTransposed(catWeights[0], weights);
    double[] out = new double[x.length];
    for (int s = 0; s < x.length; s++) {
      out[s] = Math.log(mix[(int) x[s]]);
    }
    return out;
  }

  /** Normalized kernel weights (observations then prior). */
  public double[] weights() {
    return weights.clone();
  }

  /** Kernel widths of parameter {@code p} in transformed space (null for categorical). */
  public double[] sigmas(int p) {
    return sigmas[p] == null ? null : sigmas[p].clone();
  }

  /** Kernel centres of parameter {@code p} in transformed space (null for categorical). */
  public double[] mus(int p) {
    return mus[p] == null ? null : mus[p].clone();
  }
}
