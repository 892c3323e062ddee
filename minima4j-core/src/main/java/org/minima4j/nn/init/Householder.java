package org.minima4j.nn.init;

/**
 * Householder QR of a tall matrix, returning the reduced Q with each column multiplied by the sign
 * of the corresponding diagonal entry of R, which makes the factorization unique (the Q that
 * torch.nn.init.orthogonal_ produces from any LAPACK QR).
 */
final class Householder {
  private Householder() {}

  /** {@code a} is m x n row-major with m >= n; returns Q (m x n) row-major, with sign(diag R) applied. */
  static double[] orthonormalColumns(double[] a, int m, int n) {
    double[] r = a.clone();
    double[][] vs = new double[n][];
    double[] rdiag = new double[n];
    for (int k = 0; k < n; k++) {
      double norm = 0.0;
      for (int i = k; i < m; i++) {
        norm = Math.hypot(norm, r[i * n + k]);
      }
      double alpha = r[k * n + k] > 0 ? -norm : norm;
      double[] v = new double[m];
      for (int i = k; i < m; i++) {
        v[i] = r[i * n + k];
      }
      v[k] -= alpha;
      double vnorm2 = 0.0;
      for (int i = k; i < m; i++) {
        vnorm2 += v[i] * v[i];
      }
      if (vnorm2 > 0) {
        for (int j = k; j < n; j++) {
          double dot = 0.0;
          for (int i = k; i < m; i++) {
            dot += v[i] * r[i * n + j];
          }
          double f = 2.0 * dot / vnorm2;
          for (int i = k; i < m; i++) {
            r[i * n + j] -= f * v[i];
          }
        }
      }
      vs[k] = vnorm2 > 0 ? v : null;
      rdiag[k] = r[k * n + k];
    }
    // Q = H_0 H_1 ... H_{n-1} applied to the first n columns of the identity.
    double[] q = new double[m * n];
    for (int j = 0; j < n; j++) {
      q[j * n + j] = 1.0;
    }
    for (int k = n - 1; k >= 0; k--) {
      double[] v = vs[k];
      if (v == null) {
        continue;
      }
      double vnorm2 = 0.0;
      for (int i = k; i < m; i++) {
        vnorm2 += v[i] * v[i];
      }
      for (int j = 0; j < n; j++) {
        double dot = 0.0;
        for (int i = k; i < m; i++) {
          dot += v[i] * q[i * n + j];
        }
        double f = 2.0 * dot / vnorm2;
        for (int i = k; i < m; i++) {
          q[i * n + j] -= f * v[i];
        }
      }
    }
    for (int j = 0; j < n; j++) {
      double sign = rdiag[j] < 0 ? -1.0 : (rdiag[j] > 0 ? 1.0 : 0.0);
      for (int i = 0; i < m; i++) {
        q[i * n + j] *= sign;
      }
    }
    return q;
  }
}
