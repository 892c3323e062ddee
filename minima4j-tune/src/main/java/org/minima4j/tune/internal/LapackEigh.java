package org.minima4j.tune.internal;

/**
 * {@code numpy.linalg.eigh(a)} (LAPACK {@code dsyevd} with {@code jobz='V', uplo='L'}) for the small symmetric
 * matrices of CMA-ES, written after Reference LAPACK 3.10's {@code dsyevd}, {@code dsytd2}, {@code dlarfg},
 * {@code dstedc} (which hands matrices up to 25 to {@code dsteqr}), {@code dsteqr}, {@code dlaev2},
 * {@code dlartg} (the 3.10 Fortran 90 version), {@code dlapy2}, {@code dlasr} and {@code dormtr}/{@code dorm2r}:
 * Householder tridiagonalization from the lower triangle, implicit QL/QR iterations with Wilkinson shifts on
 * the tridiagonal matrix, back-transformation, eigenvalues ascending by selection sort. What matters for
 * replaying cmaes' draws is the eigenvectors' signs and order, which follow from this sequence of operations;
 * the BLAS steps (OpenBLAS kernels in numpy) are plain loops here and round differently in the last ulps.
 * The rescaling of matrices with entries near the overflow or underflow thresholds is left out (CMA-ES
 * covariances stay far from them); such matrices are rejected.
 */
public final class LapackEigh {
  private static final double EPS = 0x1p-53; // dlamch('E')
  private static final double SAFMIN = Double.MIN_NORMAL; // dlamch('S')
  private static final int MAXIT = 30;

  private LapackEigh() {
  }

  /**
   * Eigenvalues ascending into {@code w}; returns B with the eigenvectors as columns ({@code b[i][k]}).
   *
   * @throws IllegalArgumentException if the matrix has non-finite entries or entries beyond LAPACK's
   *     scaling thresholds, or the QL/QR iteration does not converge
   */
  public static double[][] eigh(double[][] matrix, double[] w) {
    int n = matrix.length;
    // 1-based copies of the lower triangle, as in the Fortran
    double[][] a = new double[n + 1][n + 1];
    double anrm = 0;
    for (int i = 1; i <= n; i++) {
      for (int j = 1; j <= i; j++) {
        double v = matrix[i - 1][j - 1];
        if (!Double.isFinite(v)) {
          throw new IllegalArgumentException("matrix has a non-finite entry at (" + (i - 1) + ", " + (j - 1) + ")");
        }
        a[i][j] = v;
        anrm = Math.max(anrm, Math.abs(v));
      }
    }
    double rmin = Math.sqrt(SAFMIN / EPS);
    double rmax = Math.sqrt((1 / SAFMIN) * EPS);
    if (anrm > 0 && (anrm < rmin || anrm > rmax)) {
      throw new IllegalArgumentException("matrix entries out of LAPACK's unscaled range: max |a| = " + anrm);
    }
    double[] d = new double[n + 1];
    double[] e = new double[n + 1];
    double[] tau = new double[n + 1];
    dsytd2Lower(n, a, d, e, tau);
    double[][] z = new double[n + 1][n + 1];
    for (int i = 1; i <= n; i++) {
      z[i][i] = 1;
    }
    dsteqr(n, d, e, z);
    dormtrLower(n, a, tau, z);
    double[][] b = new double[n][n];
    for (int i = 0; i < n; i++) {
      w[i] = d[i + 1];
      for (int k = 0; k < n; k++) {
        b[i][k] = z[i + 1][k + 1];
      }
    }
    return b;
  }

  /** {@code dsytd2('L')}: A = Q T Q^T; reflectors left in A below the subdiagonal. */
  private static void dsytd2Lower(int n, double[][] a, double[] d, double[] e, double[] tau) {
    for (int i = 1; i <= n - 1; i++) {
      int m = n - i; // length of v
      double taui = dlarfg(m, a, i + 1, i);
      e[i] = a[i + 1][i];
      if (taui != 0) {
        a[i + 1][i] = 1;
        double[] v = new double[m + 1];
        for (int r = 1; r <= m; r++) {
          v[r] = a[i + r][i];
        }
        // x := taui * A(i+1:n, i+1:n) * v (lower triangle, dsymv)
        double[] y = new double[m + 1];
        for (int r = 1; r <= m; r++) {
          double s = 0;
          for (int c = 1; c <= m; c++) {
            double arc = r >= c ? a[i + r][i + c] : a[i + c][i + r];
            s += arc * v[c];
          }
          y[r] = taui * s;
        }
        double dot = 0;
        for (int r = 1; r <= m; r++) {
          dot += y[r] * v[r];
        }
        double alpha = -0.5 * taui * dot;
        for (int r = 1; r <= m; r++) {
          y[r] += alpha * v[r];
        }
        // A := A - v y^T - y v^T (dsyr2, lower)
        for (int c = 1; c <= m; c++) {
          if (v[c] != 0 || y[c] != 0) {
            double t1 = -y[c];
            double t2 = -v[c];
            for (int r = c; r <= m; r++) {
              a[i + r][i + c] = a[i + r][i + c] + v[r] * t1 + y[r] * t2;
            }
          }
        }
        a[i + 1][i] = e[i];
      }
      d[i] = a[i][i];
      tau[i] = taui;
    }
    d[n] = a[n][n];
  }

  /**
   * {@code dlarfg} on column {@code col}: alpha = a[row][col], x = a[row+1..][col] (m - 1 entries); returns tau,
   * leaves beta in alpha's place and v (without its leading 1) in x's.
   */
  private static double dlarfg(int m, double[][] a, int row, int col) {
    if (m <= 1) {
      return 0;
    }
    double ss = 0;
    for (int r = row + 1; r < row + m; r++) {
      ss += a[r][col] * a[r][col];
    }
    double xnorm = Math.sqrt(ss);
    if (xnorm == 0) {
      return 0;
    }
    double alpha = a[row][col];
    double beta = -Math.copySign(LapackAux.dlapy2(alpha, xnorm), alpha);
    double t = (beta - alpha) / beta;
    double scale = 1 / (alpha - beta);
    for (int r = row + 1; r < row + m; r++) {
      a[r][col] *= scale;
    }
    a[row][col] = beta;
    return t;
  }


  /** {@code dormtr('L', 'L', 'N')}: Z := Q Z with Q = H(1) ... H(n-1) acting on rows 2..n ({@code dorm2r}). */
  private static void dormtrLower(int n, double[][] a, double[] tau, double[][] z) {
    for (int i = n - 1; i >= 1; i--) {
      double t = tau[i];
      if (t == 0) {
        continue;
      }
      int m = n - i; // rows i+1..n of Z, v = (1, a[i+2][i], ..., a[n][i])
      double[] v = new double[m + 1];
      v[1] = 1;
      for (int r = 2; r <= m; r++) {
        v[r] = a[i + r][i];
      }
      for (int j = 1; j <= n; j++) {
        double wj = 0;
        for (int r = 1; r <= m; r++) {
          wj += z[i + r][j] * v[r];
        }
        double tw = -t * wj;
        if (wj != 0) {
          for (int r = 1; r <= m; r++) {
            z[i + r][j] = z[i + r][j] + v[r] * tw;
          }
        }
      }
    }
  }

  /** {@code dsteqr('I')} after the identity was set in z (1-based d[1..n], e[1..n-1], z[1..n][1..n]). */
  static void dsteqr(int n, double[] d, double[] e, double[][] z) {
    if (n <= 1) {
      return;
    }
    final double eps2 = EPS * EPS;
    double[] work = new double[2 * n + 1];
    int nmaxit = n * MAXIT;
    int jtot = 0;
    int l1 = 1;
    int nm1 = n - 1;
    while (l1 <= n) {
      if (l1 > 1) {
        e[l1 - 1] = 0;
      }
      int m = n;
      for (int mm = l1; mm <= nm1; mm++) {
        double tst = Math.abs(e[mm]);
        if (tst == 0) {
          m = mm;
          break;
        }
        if (tst <= (Math.sqrt(Math.abs(d[mm])) * Math.sqrt(Math.abs(d[mm + 1]))) * EPS) {
          e[mm] = 0;
          m = mm;
          break;
        }
      }
      int l = l1;
      int lsv = l;
      int lend = m;
      int lendsv = lend;
      l1 = m + 1;
      if (lend == l) {
        continue;
      }
      double anorm = 0;
      for (int i = l; i <= lend; i++) {
        anorm = Math.max(anorm, Math.abs(d[i]));
      }
      for (int i = l; i < lend; i++) {
        anorm = Math.max(anorm, Math.abs(e[i]));
      }
      if (anorm == 0) {
        continue;
      }
      if (anorm > Math.sqrt(1 / SAFMIN) / 3 || anorm < Math.sqrt(SAFMIN) / eps2) {
        throw new IllegalArgumentException("tridiagonal block out of dsteqr's unscaled range: " + anorm);
      }
      if (Math.abs(d[lend]) < Math.abs(d[l])) {
        lend = lsv;
        l = lendsv;
      }
      if (lend > l) {
        // QL iteration
        while (true) {
          m = lend;
          if (l != lend) {
            for (int mm = l; mm <= lend - 1; mm++) {
              double tst = e[mm] * e[mm];
              if (tst <= (eps2 * Math.abs(d[mm])) * Math.abs(d[mm + 1]) + SAFMIN) {
                m = mm;
                break;
              }
            }
          }
          if (m < lend) {
            e[m] = 0;
          }
          double p = d[l];
          if (m == l) {
            d[l] = p;
            l = l + 1;
            if (l <= lend) {
              continue;
            }
            break;
          }
          if (m == l + 1) {
            double[] r = LapackAux.dlaev2(d[l], e[l], d[l + 1]);
            work[l] = r[2];
            work[n - 1 + l] = r[3];
            dlasr(false, n, 2, work, l, work, n - 1 + l, z, l);
            d[l] = r[0];
            d[l + 1] = r[1];
            e[l] = 0;
            l = l + 2;
            if (l <= lend) {
              continue;
            }
            break;
          }
          if (jtot == nmaxit) {
            break;
          }
          jtot++;
          double g = (d[l + 1] - p) / (2 * e[l]);
          double r = LapackAux.dlapy2(g, 1);
          g = d[m] - p + (e[l] / (g + Math.copySign(r, g)));
          double s = 1;
          double c = 1;
          p = 0;
          for (int i = m - 1; i >= l; i--) {
            double f = s * e[i];
            double b = c * e[i];
            double[] rot = LapackAux.dlartg(g, f);
            c = rot[0];
            s = rot[1];
            r = rot[2];
            if (i != m - 1) {
              e[i + 1] = r;
            }
            g = d[i + 1] - p;
            r = (d[i] - g) * s + 2 * c * b;
            p = s * r;
            d[i + 1] = g + p;
            g = c * r - b;
            work[i] = c;
            work[n - 1 + i] = -s;
          }
          dlasr(false, n, m - l + 1, work, l, work, n - 1 + l, z, l);
          d[l] = d[l] - p;
          e[l] = g;
        }
      } else {
        // QR iteration
        while (true) {
          m = lend;
          if (l != lend) {
            for (int mm = l; mm >= lend + 1; mm--) {
              double tst = e[mm - 1] * e[mm - 1];
              if (tst <= (eps2 * Math.abs(d[mm])) * Math.abs(d[mm - 1]) + SAFMIN) {
                m = mm;
                break;
              }
            }
          }
          if (m > lend) {
            e[m - 1] = 0;
          }
          double p = d[l];
          if (m == l) {
            d[l] = p;
            l = l - 1;
            if (l >= lend) {
              continue;
            }
            break;
          }
          if (m == l - 1) {
            double[] r = LapackAux.dlaev2(d[l - 1], e[l - 1], d[l]);
            work[m] = r[2];
            work[n - 1 + m] = r[3];
            dlasr(true, n, 2, work, m, work, n - 1 + m, z, l - 1);
            d[l - 1] = r[0];
            d[l] = r[1];
            e[l - 1] = 0;
            l = l - 2;
            if (l >= lend) {
              continue;
            }
            break;
          }
          if (jtot == nmaxit) {
            break;
          }
          jtot++;
          double g = (d[l - 1] - p) / (2 * e[l - 1]);
          double r = LapackAux.dlapy2(g, 1);
          g = d[m] - p + (e[l - 1] / (g + Math.copySign(r, g)));
          double s = 1;
          double c = 1;
          p = 0;
          for (int i = m; i <= l - 1; i++) {
            double f = s * e[i];
            double b = c * e[i];
            double[] rot = LapackAux.dlartg(g, f);
            c = rot[0];
            s = rot[1];
            r = rot[2];
            if (i != m) {
              e[i - 1] = r;
            }
            g = d[i] - p;
            r = (d[i + 1] - g) * s + 2 * c * b;
            p = s * r;
            d[i] = g + p;
            g = c * r - b;
            work[i] = c;
            work[n - 1 + i] = s;
          }
          dlasr(true, n, l - m + 1, work, m, work, n - 1 + m, z, m);
          d[l] = d[l] - p;
          e[l - 1] = g;
        }
      }
      if (jtot >= nmaxit) {
        throw new IllegalArgumentException("dsteqr did not converge in " + nmaxit + " iterations");
      }
    }
    // selection sort, ascending, swapping eigenvector columns
    for (int ii = 2; ii <= n; ii++) {
      int i = ii - 1;
      int k = i;
      double p = d[i];
      for (int j = ii; j <= n; j++) {
        if (d[j] < p) {
          k = j;
          p = d[j];
        }
      }
      if (k != i) {
        d[k] = d[i];
        d[i] = p;
        for (int r = 1; r <= n; r++) {
          double t = z[r][i];
          z[r][i] = z[r][k];
          z[r][k] = t;
        }
      }
    }
  }

  /**
   * {@code dlasr('R', 'V', forward ? 'F' : 'B', n, cols, c, s, Z(1, col0))}: plane rotations of adjacent
   * columns {@code col0 .. col0 + cols - 1} of z.
   */
  private static void dlasr(boolean forward, int n, int cols, double[] c, int c0, double[] s, int s0,
      double[][] z, int col0) {
    for (int t = 0; t < cols - 1; t++) {
      int j = forward ? t + 1 : cols - 1 - t;
      double ct = c[c0 + j - 1];
      double st = s[s0 + j - 1];
      if (ct != 1 || st != 0) {
        int cj = col0 + j - 1;
        for (int i = 1; i <= n; i++) {
          double temp = z[i][cj + 1];
          z[i][cj + 1] = ct * temp - st * z[i][cj];
          z[i][cj] = st * temp + ct * z[i][cj];
        }
      }
    }
  }
}
