package org.minima4j.tune.internal;

import org.minima4j.optimize.Bounds;
import org.minima4j.optimize.Method;
import org.minima4j.optimize.Minimize;
import org.minima4j.optimize.MinimizeOptions;
import org.minima4j.optimize.OptimizeResult;

/**
 * A Gaussian process regressor with a Matérn 5/2 ARD kernel on [0, 1]-scaled inputs (categorical dimensions
 * contribute a Hamming term {@code [x_j != y_j] / l_j^2} to the squared distance), a signal scale and a
 * Gaussian noise variance, fitted by maximizing the log marginal likelihood plus weak log-normal priors with
 * L-BFGS-B (analytic gradient). Targets are standardized before fitting.
 */
public final class GaussianProcess {
  private static final double SQRT5 = Math.sqrt(5.0);

  private final double[][] x;
  private final boolean[] categorical;
  private final int n;
  private final int d;
  private double[] theta; // log l_1..l_d, log s2, log noise
  private double[][] chol;
  private double[] alpha;
  private double yMean;
  private double yStd;
  private double[] ys;

  /**
   * @param x inputs, n rows of d values ([0,1] for numeric dimensions, the index for categorical ones)
   * @param y targets (minimized later)
   * @param categorical which dimensions are categorical
   * @param theta0 initial log hyperparameters (d + 2) or null
   * @param deterministic fix the noise near zero (1e-6)
   */
  public GaussianProcess(double[][] x, double[] y, boolean[] categorical, double[] theta0, boolean deterministic) {
    this.x = x;
    this.n = x.length;
    this.d = categorical.length;
    this.categorical = categorical;
    double m = 0;
    for (double v : y) {
      m += v;
    }
    m /= n;
    double s = 0;
    for (double v : y) {
      s += (v - m) * (v - m);
    }
    s = Math.sqrt(s / n);
    if (!(s > 1e-12)) {
      s = 1.0;
    }
    yMean = m;
    yStd = s;
    ys = new double[n];
    for (int i = 0; i < n; i++) {
      ys[i] = (y[i] - m) / s;
    }
    double[] t0 = theta0 != null && theta0.length == d + 2 ? theta0.clone() : defaultTheta();
    fit(t0, deterministic);
  }

  private double[] defaultTheta() {
    double[] t = new double[d + 2];
    for (int j = 0; j < d; j++) {
      t[j] = Math.log(0.5);
    }
    t[d] = 0.0;
    t[d + 1] = Math.log(1e-3);
    return t;
  }

  public double[] theta() {
    return theta.clone();
  }

  private double sqDist(double[] a, double[] b, double[] invL2) {
    double r2 = 0;
    for (int j = 0; j < d; j++) {
      if (categorical[j]) {
        r2 += a[j] != b[j] ? invL2[j] : 0;
      } else {
        double u = a[j] - b[j];
        r2 += u * u * invL2[j];
      }
    }
    return r2;
  }

  private void fit(double[] t0, boolean deterministic) {
    double[] lb = new double[d + 2];
    double[] ub = new double[d + 2];
    for (int j = 0; j < d; j++) {
      lb[j] = Math.log(1e-2);
      ub[j] = Math.log(1e2);
    }
    lb[d] = Math.log(1e-2);
    ub[d] = Math.log(1e2);
    lb[d + 1] = deterministic ? Math.log(1e-6) : Math.log(1e-6);
    ub[d + 1] = deterministic ? Math.log(1e-6) + 1e-9 : Math.log(1.0);
    if (deterministic) {
      t0[d + 1] = Math.log(1e-6);
    }
    for (int j = 0; j < d + 2; j++) {
      t0[j] = Math.min(Math.max(t0[j], lb[j]), ub[j]);
    }
    OptimizeResult r;
    try {
      r = Minimize.minimize((double[] th, double[] g) -> negLogPosterior(th, g), t0, Method.L_BFGS_B,
          MinimizeOptions.DEFAULTS.withBounds(Bounds.of(lb, ub)).withMaxiter(50));
      theta = Double.isFinite(r.fun()) ? r.x() : t0;
    } catch (RuntimeException e) {
      theta = t0;
    }
    if (!Double.isFinite(negLogPosterior(theta, null))) {
      theta = defaultTheta();
      negLogPosterior(theta, null);
    }
  }

  /** Negative log marginal likelihood plus priors; fills chol and alpha; gradient into g when not null. */
  private double negLogPosterior(double[] th, double[] g) {
    double[] invL2 = new double[d];
    for (int j = 0; j < d; j++) {
      invL2[j] = Math.exp(-2 * th[j]);
    }
    double s2 = Math.exp(th[d]);
    double noise = Math.exp(th[d + 1]);
    double[][] k = new double[n][n];
    double[][] r2m = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double r2 = sqDist(x[i], x[j], invL2);
        double r = Math.sqrt(r2);
        double v = s2 * (1 + SQRT5 * r + 5.0 / 3.0 * r2) * Math.exp(-SQRT5 * r);
        k[i][j] = v;
        k[j][i] = v;
        r2m[i][j] = r2;
        r2m[j][i] = r2;
      }
      k[i][i] += noise + 1e-9;
    }
    double[][] l = Linalg.cholesky(k);
    if (l == null) {
      if (g != null) {
        java.util.Arrays.fill(g, 0);
      }
      return Double.POSITIVE_INFINITY;
    }
    double[] a = Linalg.cholSolve(l, ys);
    double nll = 0.5 * Linalg.dot(ys, a) + 0.5 * n * Math.log(2 * Math.PI);
    for (int i = 0; i < n; i++) {
      nll += Math.log(l[i][i]);
    }
    // priors: log l ~ N(log 0.5, 1.5^2), log s2 ~ N(0, 2^2), log noise ~ N(log 1e-3, 3^2)
    double pr = 0;
    for (int j = 0; j < d; j++) {
      double z = (th[j] - Math.log(0.5)) / 1.5;
      pr += 0.5 * z * z;
    }
    double zs = th[d] / 2.0;
    pr += 0.5 * zs * zs;
    double zn = (th[d + 1] - Math.log(1e-3)) / 3.0;
    pr += 0.5 * zn * zn;
    chol = l;
    alpha = a;
    if (g != null) {
      double[][] kinv = Linalg.cholInverse(l);
      // W = alpha alpha^T - K^-1 ; dNLL/dth = -0.5 tr(W dK/dth)
      for (int p = 0; p < d + 2; p++) {
        g[p] = 0;
      }
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          double w = a[i] * a[j] - kinv[i][j];
          double r2 = r2m[i][j];
          double r = Math.sqrt(r2);
          double e = Math.exp(-SQRT5 * r);
          double kk = s2 * (1 + SQRT5 * r + 5.0 / 3.0 * r2) * e;
          // d k / d (log s2) = k
          g[d] += -0.5 * w * kk;
          if (i == j) {
            g[d + 1] += -0.5 * w * noise;
          }
          // d k / d log l_p = (5/3) s2 (1 + sqrt5 r) e * (u_p^2 / l_p^2)
          double c = 5.0 / 3.0 * s2 * (1 + SQRT5 * r) * e;
          if (c != 0 && i != j) {
            for (int p = 0; p < d; p++) {
              double u2 = categorical[p] ? (x[i][p] != x[j][p] ? 1 : 0) : (x[i][p] - x[j][p]) * (x[i][p] - x[j][p]);
              g[p] += -0.5 * w * c * u2 * invL2[p];
            }
          }
        }
      }
      for (int j = 0; j < d; j++) {
        g[j] += (th[j] - Math.log(0.5)) / (1.5 * 1.5);
      }
      g[d] += th[d] / 4.0;
      g[d + 1] += (th[d + 1] - Math.log(1e-3)) / 9.0;
    }
    return nll + pr;
  }

  /** The best (lowest) standardized target. */
  public double bestStandardized() {
    double b = Double.POSITIVE_INFINITY;
    for (double v : ys) {
      b = Math.min(b, v);
    }
    return b;
  }

  /**
   * log expected improvement below {@code fBest} (standardized) at {@code p}; the gradient with respect to the
   * numeric coordinates is written into {@code grad} when not null (categorical entries are left 0).
   */
  public double logEi(double[] p, double fBest, double[] grad) {
    double[] invL2 = new double[d];
    for (int j = 0; j < d; j++) {
      invL2[j] = Math.exp(-2 * theta[j]);
    }
    double s2 = Math.exp(theta[d]);
    double[] ks = new double[n];
    double[] c = new double[n];
    for (int i = 0; i < n; i++) {
      double r2 = sqDist(p, x[i], invL2);
      double r = Math.sqrt(r2);
      double e = Math.exp(-SQRT5 * r);
      ks[i] = s2 * (1 + SQRT5 * r + 5.0 / 3.0 * r2) * e;
      c[i] = -5.0 / 3.0 * s2 * (1 + SQRT5 * r) * e; // dk/dx_j = c * (p_j - x_ij) * invL2_j
    }
    double mu = Linalg.dot(ks, alpha);
    double[] w = Linalg.cholSolve(chol, ks);
    double var = Math.max(s2 - Linalg.dot(ks, w), 1e-12);
    double sd = Math.sqrt(var);
    double z = (fBest - mu) / sd;
    double logH = logH(z);
    double val = Math.log(sd) + logH;
    if (grad != null) {
      double ratio = Math.exp(NormalMath.logNdtr(z) - logH); // d log h / dz = Phi(z) / h(z)
      for (int j = 0; j < d; j++) {
        grad[j] = 0;
        if (categorical[j]) {
          continue;
        }
        double dmu = 0;
        double dvar = 0;
        for (int i = 0; i < n; i++) {
          double dk = c[i] * (p[j] - x[i][j]) * invL2[j];
          dmu += alpha[i] * dk;
          dvar += -2 * w[i] * dk;
        }
        double dsd = 0.5 * dvar / sd;
        double dz = (-dmu * sd - (fBest - mu) * dsd) / var;
        grad[j] = dsd / sd + ratio * dz;
      }
    }
    return val;
  }

  /** log(z Phi(z) + phi(z)), stable for very negative z. */
  static double logH(double z) {
    if (z > -5) {
      double h = z * NormalMath.ndtr(z) + Math.exp(NormalMath.normLogPdf(z));
      return Math.log(Math.max(h, 1e-300));
    }
    double z2 = z * z;
    return NormalMath.normLogPdf(z) - Math.log(z2) + Math.log1p(-3 / z2 + 15 / (z2 * z2));
  }

  /** Posterior mean and standard deviation in the original units. */
  public double[] predict(double[] p) {
    double[] invL2 = new double[d];
    for (int j = 0; j < d; j++) {
      invL2[j] = Math.exp(-2 * theta[j]);
    }
    double s2 = Math.exp(theta[d]);
    double[] ks = new double[n];
    for (int i = 0; i < n; i++) {
      double r2 = sqDist(p, x[i], invL2);
      double r = Math.sqrt(r2);
      ks[i] = s2 * (1 + SQRT5 * r + 5.0 / 3.0 * r2) * Math.exp(-SQRT5 * r);
    }
    double mu = Linalg.dot(ks, alpha);
    double[] w = Linalg.cholSolve(chol, ks);
    double var = Math.max(s2 - Linalg.dot(ks, w), 0);
    return new double[] {mu * yStd + yMean, Math.sqrt(var) * yStd};
  }
}
