package org.minima4j.tune.internal;

import org.minima4j.optimize.global.internal.NumpyEigh;
import org.minima4j.random.NumpyRandomState;

/**
 * One {@code ask()} of cmaes 0.9.1's {@code CMA} ({@code cmaes/_cma.py}) as Optuna 3.1's {@code CmaEsSampler}
 * calls it, for the replaying CMA-ES sampler: the eigen-decomposition of C as {@code numpy.linalg.eigh}
 * returns it (eigenvalues ascending; eigenvectors with LAPACK's signs), then up to {@code nMaxResampling}
 * draws {@code x = mean + sigma B diag(D) z}, {@code z = randn(n)}, the first inside the bounds winning, else
 * one more draw clipped to them.
 *
 * <p>The eigenvectors' signs and order decide the draws; {@link NumpyEigh} (minima4j-optimize, shared with
 * its CMA-ES) computes them as LAPACK's {@code dsyevd} does.
 */
public final class CmaesAsk {
  private static final double EPS = 1e-8; // cmaes' _EPS

  private final double[][] bd; // B diag(D), row-major

  /** Decomposes the covariance {@code c} (symmetrized first, as cmaes does). */
  public CmaesAsk(double[][] c) {
    int n = c.length;
    double[][] a = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        a[i][j] = (c[i][j] + c[j][i]) / 2;
      }
    }
    for (double[] row : a) {
      for (double v : row) {
        if (!Double.isFinite(v)) {
          throw new IllegalArgumentException("covariance has a non-finite entry: " + v);
        }
      }
    }
    NumpyEigh e = NumpyEigh.of(a);
    if (!e.converged) {
      throw new IllegalStateException("eigendecomposition of the covariance did not converge (numpy's LinAlgError)");
    }
    double[] w = e.values;
    double[][] b = e.vectors;
    bd = new double[n][n];
    for (int k = 0; k < n; k++) {
      double dk = Math.sqrt(w[k] < 0 ? EPS : w[k]);
      for (int i = 0; i < n; i++) {
        bd[i][k] = b[i][k] * dk;
      }
    }
  }

  /**
   * cmaes' {@code ask()} with {@code rng} (Optuna re-seeds it for every trial): returns the point in the
   * transformed space.
   */
  public double[] ask(NumpyRandomState rng, double[] mean, double sigma, double[] lb, double[] ub,
      int nMaxResampling) {
    for (int t = 0; t < nMaxResampling; t++) {
      double[] x = sample(rng, mean, sigma);
      if (feasible(x, lb, ub)) {
        return x;
      }
    }
    double[] x = sample(rng, mean, sigma);
    for (int i = 0; i < x.length; i++) {
      x[i] = x[i] < lb[i] ? lb[i] : x[i];
      x[i] = x[i] > ub[i] ? ub[i] : x[i];
    }
    return x;
  }

  private double[] sample(NumpyRandomState rng, double[] mean, double sigma) {
    int n = mean.length;
    double[] z = new double[n];
    for (int i = 0; i < n; i++) {
      z[i] = rng.nextGaussian();
    }
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      double y = 0.0;
      for (int k = 0; k < n; k++) {
        y += bd[i][k] * z[k];
      }
      x[i] = mean[i] + sigma * y;
    }
    return x;
  }

  private static boolean feasible(double[] x, double[] lb, double[] ub) {
    for (int i = 0; i < x.length; i++) {
      if (!(x[i] >= lb[i] && x[i] <= ub[i])) {
        return false;
      }
    }
    return true;
  }
}
