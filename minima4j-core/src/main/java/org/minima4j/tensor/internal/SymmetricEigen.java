package org.minima4j.tensor.internal;

/**
 * Eigen-decomposition of a real symmetric matrix by the cyclic Jacobi method with threshold
 * (Rutishauser's variant, as in Golub and Van Loan, Matrix Computations, section 8.5). Returns the
 * eigenvalues in ascending order and the matching orthonormal eigenvectors as columns, the
 * convention of numpy.linalg.eigh.
 */
public final class SymmetricEigen {
  /** Eigenvalues, ascending. */
  public final double[] values;
  /** Eigenvectors as columns: {@code vectors[i][k]} is component i of eigenvector k. */
  public final double[][] vectors;

  private SymmetricEigen(double[] values, double[][] vectors) {
    this.values = values;
    this.vectors = vectors;
  }

  /** Decomposes {@code a} (only read; assumed symmetric). */
  public static SymmetricEigen of(double[][] a) {
    int n = a.length;
    double[][] m = new double[n][];
    for (int i = 0; i < n; i++) {
      m[i] = a[i].clone();
    }
    double[][] v = new double[n][n];
    for (int i = 0; i < n; i++) {
      v[i][i] = 1.0;
    }
    double[] d = new double[n];
    double[] b = new double[n];
    double[] z = new double[n];
    for (int i = 0; i < n; i++) {
      d[i] = m[i][i];
      b[i] = d[i];
    }
    for (int sweep = 0; sweep < 100; sweep++) {
      double off = 0.0;
      for (int p = 0; p < n - 1; p++) {
        for (int q = p + 1; q < n; q++) {
          off += Math.abs(m[p][q]);
        }
      }
      if (off == 0.0) {
        break;
      }
      double thresh = sweep < 3 ? 0.2 * off / ((double) n * n) : 0.0;
      for (int p = 0; p < n - 1; p++) {
        for (int q = p + 1; q < n; q++) {
          double g = 100.0 * Math.abs(m[p][q]);
          if (sweep > 3 && Math.abs(d[p]) + g == Math.abs(d[p]) && Math.abs(d[q]) + g == Math.abs(d[q])) {
            m[p][q] = 0.0;
          } else if (Math.abs(m[p][q]) > thresh) {
            double h = d[q] - d[p];
            double t;
            if (Math.abs(h) + g == Math.abs(h)) {
              t = m[p][q] / h;
            } else {
              double theta = 0.5 * h / m[p][q];
              t = 1.0 / (Math.abs(theta) + Math.sqrt(1.0 + theta * theta));
              if (theta < 0.0) {
                t = -t;
              }
            }
            double c = 1.0 / Math.sqrt(1 + t * t);
            double s = t * c;
            double tau = s / (1.0 + c);
            h = t * m[p][q];
            z[p] -= h;
            z[q] += h;
            d[p] -= h;
            d[q] += h;
            m[p][q] = 0.0;
            for (int j = 0; j < p; j++) {
              rotate(m, j, p, j, q, s, tau);
            }
            for (int j = p + 1; j < q; j++) {
              rotate(m, p, j, j, q, s, tau);
            }
            for (int j = q + 1; j < n; j++) {
              rotate(m, p, j, q, j, s, tau);
            }
            for (int j = 0; j < n; j++) {
              rotate(v, j, p, j, q, s, tau);
            }
          }
        }
      }
      for (int p = 0; p < n; p++) {
        b[p] += z[p];
        d[p] = b[p];
        z[p] = 0.0;
      }
    }
    // sort ascending, as numpy.linalg.eigh returns them
    Integer[] idx = new Integer[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    java.util.Arrays.sort(idx, (x, y) -> Double.compare(d[x], d[y]));
    double[] values = new double[n];
    double[][] vectors = new double[n][n];
    for (int k = 0; k < n; k++) {
      values[k] = d[idx[k]];
      for (int i = 0; i < n; i++) {
        vectors[i][k] = v[i][idx[k]];
      }
    }
    return new SymmetricEigen(values, vectors);
  }

  /**
   * The same decomposition by Householder reduction to tridiagonal form followed by the implicit QL
   * method with Wilkinson-type shifts (EISPACK {@code tred2} / {@code tql2}; Golub and Van Loan,
   * sections 8.3.1 and 8.3.5): O(n^3) with a small constant, several times faster than the Jacobi
   * sweeps of {@link #of} for the small dense matrices of CMA-ES. Eigenvalues ascending, orthonormal
   * eigenvectors as columns (signs are arbitrary, as with any symmetric eigensolver); agrees with
   * {@link #of} to rounding for well-separated eigenvalues.
   */
  public static SymmetricEigen ofTridiagonalQl(double[][] a) {
    int n = a.length;
    if (n == 0) {
      return new SymmetricEigen(new double[0], new double[0][0]);
    }
    double[][] v = new double[n][];
    for (int i = 0; i < n; i++) {
      v[i] = a[i].clone();
      for (double x : v[i]) {
        if (!Double.isFinite(x)) {
          return of(a); // non-finite input: whatever the Jacobi solver gives, as before
        }
      }
    }
    double[] d = new double[n];
    double[] e = new double[n];
    tridiagonalize(v, d, e);
    if (!ql(v, d, e)) {
      return of(a); // no convergence in 60 QL iterations for some eigenvalue (not seen in practice)
    }
    return new SymmetricEigen(d, v);
  }

  /** Householder reduction of the symmetric matrix in {@code v} (overwritten by the accumulated transforms). */
  private static void tridiagonalize(double[][] v, double[] d, double[] e) {
    int n = d.length;
    for (int j = 0; j < n; j++) {
      d[j] = v[n - 1][j];
    }
    for (int i = n - 1; i > 0; i--) {
      double scale = 0.0;
      double h = 0.0;
      for (int k = 0; k < i; k++) {
        scale += Math.abs(d[k]);
      }
      if (scale == 0.0) {
        e[i] = d[i - 1];
        for (int j = 0; j < i; j++) {
          d[j] = v[i - 1][j];
          v[i][j] = 0.0;
          v[j][i] = 0.0;
        }
      } else {
        for (int k = 0; k < i; k++) {
          d[k] /= scale;
          h += d[k] * d[k];
        }
        double f = d[i - 1];
        double g = Math.sqrt(h);
        if (f > 0) {
          g = -g;
        }
        e[i] = scale * g;
        h -= f * g;
        d[i - 1] = f - g;
        for (int j = 0; j < i; j++) {
          e[j] = 0.0;
        }
        for (int j = 0; j < i; j++) {
          f = d[j];
          v[j][i] = f;
          g = e[j] + v[j][j] * f;
          for (int k = j + 1; k <= i - 1; k++) {
            g += v[k][j] * d[k];
            e[k] += v[k][j] * f;
          }
          e[j] = g;
        }
        f = 0.0;
        for (int j = 0; j < i; j++) {
          e[j] /= h;
          f += e[j] * d[j];
        }
        double hh = f / (h + h);
        for (int j = 0; j < i; j++) {
          e[j] -= hh * d[j];
        }
        for (int j = 0; j < i; j++) {
          f = d[j];
          g = e[j];
          for (int k = j; k <= i - 1; k++) {
            v[k][j] -= f * e[k] + g * d[k];
          }
          d[j] = v[i - 1][j];
          v[i][j] = 0.0;
        }
      }
      d[i] = h;
    }
    // accumulate the transformations
    for (int i = 0; i < n - 1; i++) {
      v[n - 1][i] = v[i][i];
      v[i][i] = 1.0;
      double h = d[i + 1];
      if (h != 0.0) {
        for (int k = 0; k <= i; k++) {
          d[k] = v[k][i + 1] / h;
        }
        for (int j = 0; j <= i; j++) {
          double g = 0.0;
          for (int k = 0; k <= i; k++) {
            g += v[k][i + 1] * v[k][j];
          }
          for (int k = 0; k <= i; k++) {
            v[k][j] -= g * d[k];
          }
        }
      }
      for (int k = 0; k <= i; k++) {
        v[k][i + 1] = 0.0;
      }
    }
    for (int j = 0; j < n; j++) {
      d[j] = v[n - 1][j];
      v[n - 1][j] = 0.0;
    }
    v[n - 1][n - 1] = 1.0;
    e[0] = 0.0;
  }

  /** Implicit QL iterations on the tridiagonal (d, e), accumulating into v; sorts ascending. False if it did not converge. */
  private static boolean ql(double[][] v, double[] d, double[] e) {
    int n = d.length;
    for (int i = 1; i < n; i++) {
      e[i - 1] = e[i];
    }
    e[n - 1] = 0.0;
    double f = 0.0;
    double tst1 = 0.0;
    double eps = Math.ulp(1.0);
    for (int l = 0; l < n; l++) {
      tst1 = Math.max(tst1, Math.abs(d[l]) + Math.abs(e[l]));
      int m = l;
      while (m < n) {
        if (Math.abs(e[m]) <= eps * tst1) {
          break;
        }
        m++;
      }
      if (m > l) {
        int iter = 0;
        do {
          if (++iter > 60) {
            return false;
          }
          double g = d[l];
          double p = (d[l + 1] - g) / (2.0 * e[l]);
          double r = hypot(p, 1.0);
          if (p < 0) {
            r = -r;
          }
          d[l] = e[l] / (p + r);
          d[l + 1] = e[l] * (p + r);
          double dl1 = d[l + 1];
          double h = g - d[l];
          for (int i = l + 2; i < n; i++) {
            d[i] -= h;
          }
          f += h;
          p = d[m];
          double c = 1.0;
          double c2 = c;
          double c3 = c;
          double el1 = e[l + 1];
          double s = 0.0;
          double s2 = 0.0;
          for (int i = m - 1; i >= l; i--) {
            c3 = c2;
            c2 = c;
            s2 = s;
            g = c * e[i];
            h = c * p;
            r = hypot(p, e[i]);
            e[i + 1] = s * r;
            s = e[i] / r;
            c = p / r;
            p = c * d[i] - s * g;
            d[i + 1] = h + s * (c * g + s * d[i]);
            for (int k = 0; k < n; k++) {
              double[] vk = v[k];
              h = vk[i + 1];
              vk[i + 1] = s * vk[i] + c * h;
              vk[i] = c * vk[i] - s * h;
            }
          }
          p = -s * s2 * c3 * el1 * e[l] / dl1;
          e[l] = s * p;
          d[l] = c * p;
        } while (Math.abs(e[l]) > eps * tst1);
      }
      d[l] = d[l] + f;
      e[l] = 0.0;
    }
    for (int i = 0; i < n - 1; i++) {
      int k = i;
      double p = d[i];
      for (int j = i + 1; j < n; j++) {
        if (d[j] < p) {
          k = j;
          p = d[j];
        }
      }
      if (k != i) {
        d[k] = d[i];
        d[i] = p;
        for (int j = 0; j < n; j++) {
          double t = v[j][i];
          v[j][i] = v[j][k];
          v[j][k] = t;
        }
      }
    }
    return true;
  }

  /** sqrt(a^2 + b^2) without Math.hypot's cost; rescaled only when the squares could over- or underflow. */
  private static double hypot(double a, double b) {
    double x = Math.abs(a);
    double y = Math.abs(b);
    double big = Math.max(x, y);
    if (big > 1e150 || (big < 1e-150 && big > 0)) {
      double small = Math.min(x, y) / big;
      return big * Math.sqrt(1 + small * small);
    }
    return Math.sqrt(x * x + y * y);
  }

  private static void rotate(double[][] a, int i, int j, int k, int l, double s, double tau) {
    double g = a[i][j];
    double h = a[k][l];
    a[i][j] = g - s * (h + g * tau);
    a[k][l] = h + s * (g - h * tau);
  }
}
