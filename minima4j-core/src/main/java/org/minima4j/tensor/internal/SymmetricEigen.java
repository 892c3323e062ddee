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

  private static void rotate(double[][] a, int i, int j, int k, int l, double s, double tau) {
    double g = a[i][j];
    double h = a[k][l];
    a[i][j] = g - s * (h + g * tau);
    a[k][l] = h + s * (g - h * tau);
  }
}
