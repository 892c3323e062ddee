package org.minima4j.tune.internal;

import org.minima4j.random.NumpyRandomState;

/**
 * One {@code ask()} of cmaes 0.9.1's {@code CMA} ({@code cmaes/_cma.py}) as Optuna 3.1's {@code CmaEsSampler}
 * calls it, for the replaying CMA-ES sampler: the eigen-decomposition of C as {@code numpy.linalg.eigh}
 * returns it (eigenvalues ascending; eigenvectors with LAPACK's signs), then up to {@code nMaxResampling}
 * draws {@code x = mean + sigma B diag(D) z}, {@code z = randn(n)}, the first inside the bounds winning, else
 * one more draw clipped to them.
 *
 * <p>LAPACK's eigenvector signs are reproduced for two dimensions ({@code dsyevd} on a 2x2 matrix: no
 * Householder step, then {@code dsteqr}'s single rotation from {@code dlaev2} and its ascending selection
 * sort). For more dimensions a Jacobi decomposition with ascending eigenvalues is used and each eigenvector's
 * sign is fixed by its largest component being positive, which is not LAPACK's rule: draws then differ from
 * Optuna's by the signs of some of {@code B}'s columns.
 */
public final class CmaesAsk {
  private static final double EPS = 1e-8; // cmaes' _EPS
  private static final double LAPACK_EPS = 0x1p-53; // dlamch('E')
  private static final double SAFMIN = Double.MIN_NORMAL; // dlamch('S')

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
    double[] w = new double[n];
    double[][] b = n == 2 ? eigh2(a, w) : jacobi(a, w);
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

  /**
   * LAPACK's {@code dsyevd('V', 'L')} on a symmetric 2x2 matrix: {@code dsteqr} splits if the off-diagonal is
   * negligible, else rotates by {@code dlaev2}'s eigenvector; eigenvalues are then sorted ascending with their
   * columns. Returns B (columns are eigenvectors) and fills {@code w}.
   */
  static double[][] eigh2(double[][] m, double[] w) {
    double a = m[0][0];
    double b = m[1][0];
    double c = m[1][1];
    double[][] z = {{1, 0}, {0, 1}};
    double tst = b * b;
    if (tst <= (LAPACK_EPS * LAPACK_EPS * Math.abs(a)) * Math.abs(c) + SAFMIN) {
      w[0] = a;
      w[1] = c;
    } else {
      double[] r = dlaev2(a, b, c);
      double cs = r[2];
      double sn = r[3];
      // dlasr('R', 'V', ...) of the identity with one rotation (c, s)
      z = new double[][] {{cs, -sn}, {sn, cs}};
      w[0] = r[0];
      w[1] = r[1];
    }
    if (w[1] < w[0]) {
      double t = w[0];
      w[0] = w[1];
      w[1] = t;
      for (double[] row : z) {
        double u = row[0];
        row[0] = row[1];
        row[1] = u;
      }
    }
    return z;
  }

  /** LAPACK's {@code dlaev2}: {rt1 (larger |.|), rt2, cs1, sn1}, (cs1, sn1) the unit eigenvector of rt1. */
  static double[] dlaev2(double a, double b, double c) {
    double sm = a + c;
    double df = a - c;
    double adf = Math.abs(df);
    double tb = b + b;
    double ab = Math.abs(tb);
    double acmx;
    double acmn;
    if (Math.abs(a) > Math.abs(c)) {
      acmx = a;
      acmn = c;
    } else {
      acmx = c;
      acmn = a;
    }
    double rt;
    if (adf > ab) {
      double q = ab / adf;
      rt = adf * Math.sqrt(1 + q * q);
    } else if (adf < ab) {
      double q = adf / ab;
      rt = ab * Math.sqrt(1 + q * q);
    } else {
      rt = ab * Math.sqrt(2.0);
    }
    double rt1;
    double rt2;
    int sgn1;
    if (sm < 0) {
      rt1 = 0.5 * (sm - rt);
      sgn1 = -1;
      rt2 = (acmx / rt1) * acmn - (b / rt1) * b;
    } else if (sm > 0) {
      rt1 = 0.5 * (sm + rt);
      sgn1 = 1;
      rt2 = (acmx / rt1) * acmn - (b / rt1) * b;
    } else {
      rt1 = 0.5 * rt;
      rt2 = -0.5 * rt;
      sgn1 = 1;
    }
    double cs;
    int sgn2;
    if (df >= 0) {
      cs = df + rt;
      sgn2 = 1;
    } else {
      cs = df - rt;
      sgn2 = -1;
    }
    double cs1;
    double sn1;
    if (Math.abs(cs) > ab) {
      double ct = -tb / cs;
      sn1 = 1 / Math.sqrt(1 + ct * ct);
      cs1 = ct * sn1;
    } else if (ab == 0) {
      cs1 = 1;
      sn1 = 0;
    } else {
      double tn = -cs / tb;
      cs1 = 1 / Math.sqrt(1 + tn * tn);
      sn1 = tn * cs1;
    }
    if (sgn1 == sgn2) {
      double tn = cs1;
      cs1 = -sn1;
      sn1 = tn;
    }
    return new double[] {rt1, rt2, cs1, sn1};
  }

  /** Cyclic Jacobi rotations to convergence; eigenvalues ascending, largest component of each vector positive. */
  static double[][] jacobi(double[][] m, double[] w) {
    int n = m.length;
    double[][] a = new double[n][];
    for (int i = 0; i < n; i++) {
      a[i] = m[i].clone();
    }
    double[][] v = new double[n][n];
    for (int i = 0; i < n; i++) {
      v[i][i] = 1;
    }
    for (int sweep = 0; sweep < 100; sweep++) {
      double off = 0;
      double diag = 0;
      for (int p = 0; p < n; p++) {
        diag += a[p][p] * a[p][p];
        for (int q = p + 1; q < n; q++) {
          off += a[p][q] * a[p][q];
        }
      }
      if (!(off > 1e-34 * diag)) {
        break;
      }
      for (int p = 0; p < n; p++) {
        for (int q = p + 1; q < n; q++) {
          if (a[p][q] == 0) {
            continue;
          }
          double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
          double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
          if (theta == 0) {
            t = 1;
          }
          double cs = 1 / Math.sqrt(t * t + 1);
          double sn = t * cs;
          for (int k = 0; k < n; k++) {
            double akp = a[k][p];
            double akq = a[k][q];
            a[k][p] = cs * akp - sn * akq;
            a[k][q] = sn * akp + cs * akq;
          }
          for (int k = 0; k < n; k++) {
            double apk = a[p][k];
            double aqk = a[q][k];
            a[p][k] = cs * apk - sn * aqk;
            a[q][k] = sn * apk + cs * aqk;
          }
          for (int k = 0; k < n; k++) {
            double vkp = v[k][p];
            double vkq = v[k][q];
            v[k][p] = cs * vkp - sn * vkq;
            v[k][q] = sn * vkp + cs * vkq;
          }
        }
      }
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (x, y) -> Double.compare(a[x][x], a[y][y]));
    double[][] b = new double[n][n];
    for (int k = 0; k < n; k++) {
      int src = order[k];
      w[k] = a[src][src];
      int big = 0;
      for (int i = 1; i < n; i++) {
        if (Math.abs(v[i][src]) > Math.abs(v[big][src])) {
          big = i;
        }
      }
      double sign = v[big][src] < 0 ? -1 : 1;
      for (int i = 0; i < n; i++) {
        b[i][k] = sign * v[i][src];
      }
    }
    return b;
  }
}
