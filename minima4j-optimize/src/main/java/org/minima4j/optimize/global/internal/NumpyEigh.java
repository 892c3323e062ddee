package org.minima4j.optimize.global.internal;

/**
 * The symmetric eigen-decomposition as {@code numpy.linalg.eigh(a)} computes it (numpy 1.24, LAPACK
 * {@code dsyevd} with {@code JOBZ='V'}, {@code UPLO='L'}), so that CMA-ES draws its samples
 * {@code B D z} with the very eigenvectors cmaes gets, signs and order included: eigenvalues ascending.
 *
 * <p>For {@code n <= 25} {@code dsyevd} takes the path ported here, step by step from Reference LAPACK
 * 3.11: {@code dsytd2} (Householder tridiagonalization of the lower triangle, {@code dlarfg}, {@code dsymv},
 * {@code dsyr2}), {@code dstedc('I')}, which for {@code n <= SMLSIZ = 25} is {@code dsteqr('I')} (implicit QL
 * or QR with Wilkinson shifts, {@code dlaev2} for 2 x 2 blocks, {@code dlartg} rotations applied by
 * {@code dlasr}, a final selection sort), then {@code dormtr} ({@code dorm2r}, {@code dlarf}) to apply the
 * reflectors. The BLAS calls are the reference loops; an optimized BLAS (OpenBLAS) sums in another
 * order, so values agree to rounding, not bit for bit. {@code dlartg} is LAPACK 3.10's ({@code la_xlartg}:
 * {@code c >= 0}, {@code r} with the sign of {@code f}). Above 25 numpy switches to divide and conquer,
 * which is not ported: this routine still returns a correct decomposition there, with possibly other
 * signs. The matrix scalings {@code dsyevd}/{@code dsteqr} apply outside [1e-146, 1e146] are done with a
 * plain multiplication.
 */
public final class NumpyEigh {
  private static final double EPS = 0x1.0p-53; // dlamch('E')
  private static final double SAFMIN = Double.MIN_NORMAL; // dlamch('S')
  private static final double EPS2 = EPS * EPS;
  private static final double SSFMAX = Math.sqrt(1 / SAFMIN) / 3;
  private static final double SSFMIN = Math.sqrt(SAFMIN) / EPS2;
  private static final double RTMIN = Math.sqrt(SAFMIN); // dlartg's
  private static final double RTMAX = Math.sqrt((1 / SAFMIN) / 2);

  /** Eigenvalues, ascending. */
  public final double[] values;
  /** {@code vectors[i][k]}: component i of the eigenvector of {@code values[k]}. */
  public final double[][] vectors;
  /** False when {@code dsteqr} did not converge in 30 n sweeps (numpy raises LinAlgError). */
  public final boolean converged;

  private NumpyEigh(double[] values, double[][] vectors, boolean converged) {
    this.values = values;
    this.vectors = vectors;
    this.converged = converged;
  }

  /** Decomposes the lower triangle of {@code a} (not modified). */
  public static NumpyEigh of(double[][] a) {
    int n = a.length;
    if (n == 0) {
      return new NumpyEigh(new double[0], new double[0][0], true);
    }
    if (n == 1) {
      return new NumpyEigh(new double[] {a[0][0]}, new double[][] {{1.0}}, Double.isFinite(a[0][0]));
    }
    // 1-based copies stored by column, as the Fortran's column-major A: aa[j][i] = A(i, j), i >= j
    double[][] aa = new double[n + 1][n + 1];
    double anrm = 0;
    for (int j = 1; j <= n; j++) {
      for (int i = j; i <= n; i++) {
        aa[j][i] = a[i - 1][j - 1];
        anrm = Math.max(anrm, Math.abs(aa[j][i]));
      }
    }
    double smlnum = SAFMIN / EPS;
    double rmin = Math.sqrt(smlnum);
    double rmax = Math.sqrt(1 / smlnum);
    double sigma = 1;
    if (anrm > 0 && anrm < rmin) {
      sigma = rmin / anrm;
    } else if (anrm > rmax) {
      sigma = rmax / anrm;
    }
    if (sigma != 1) {
      for (int j = 1; j <= n; j++) {
        for (int i = j; i <= n; i++) {
          aa[j][i] *= sigma;
        }
      }
    }
    double[] d = new double[n + 1];
    double[] e = new double[n + 1];
    double[] tau = new double[n + 1];
    dsytd2Lower(n, aa, d, e, tau);
    double[][] z = new double[n + 1][n + 1];
    boolean ok = dsteqr(n, d, e, z);
    dorm2r(n, aa, tau, z);
    double[] values = new double[n];
    double[][] vectors = new double[n][n];
    for (int i = 0; i < n; i++) {
      values[i] = sigma != 1 ? d[i + 1] * (1 / sigma) : d[i + 1];
      for (int k = 0; k < n; k++) {
        vectors[i][k] = z[k + 1][i + 1];
      }
    }
    return new NumpyEigh(values, vectors, ok);
  }

  // ------------------------------------------------------------------ dsytd2 (UPLO = 'L')

  private static void dsytd2Lower(int n, double[][] a, double[] d, double[] e, double[] tau) {
    for (int i = 1; i <= n - 1; i++) {
      int m = n - i;
      // dlarfg(n - i, A(i+1, i), A(min(i+2, n):n, i))
      double alpha = a[i][i + 1];
      double xnorm = 0;
      double scale = 0;
      for (int r = i + 2; r <= n; r++) {
        scale = Math.max(scale, Math.abs(a[i][r]));
      }
      if (scale > 0) {
        double ss = 0;
        for (int r = i + 2; r <= n; r++) {
          double t = a[i][r] / scale;
          ss += t * t;
        }
        xnorm = scale * Math.sqrt(ss);
      }
      double taui;
      if (m <= 1 || xnorm == 0) {
        taui = 0;
      } else {
        double beta = -Math.copySign(dlapy2(alpha, xnorm), alpha);
        taui = (beta - alpha) / beta;
        double inv = 1 / (alpha - beta);
        for (int r = i + 2; r <= n; r++) {
          a[i][r] *= inv;
        }
        alpha = beta;
      }
      a[i][i + 1] = alpha;
      e[i] = a[i][i + 1];
      if (taui != 0) {
        a[i][i + 1] = 1;
        // x := taui * A(i+1:n, i+1:n) v, into tau(i:n-1) (reference dsymv, lower, beta = 0)
        double[] y = new double[m + 1];
        for (int jj = 1; jj <= m; jj++) {
          int j = i + jj;
          double temp1 = taui * a[i][j];
          double temp2 = 0;
          y[jj] += temp1 * a[j][j];
          for (int ii = jj + 1; ii <= m; ii++) {
            int r = i + ii;
            y[ii] += temp1 * a[j][r];
            temp2 += a[j][r] * a[i][r];
          }
          y[jj] += taui * temp2;
        }
        // w := x - 1/2 tau (x^T v) v
        double dot = 0;
        for (int jj = 1; jj <= m; jj++) {
          dot += y[jj] * a[i][i + jj];
        }
        double alpha2 = -0.5 * taui * dot;
        for (int jj = 1; jj <= m; jj++) {
          y[jj] += alpha2 * a[i][i + jj];
        }
        // A := A - v w^T - w v^T (reference dsyr2, lower, alpha = -1)
        for (int jj = 1; jj <= m; jj++) {
          double xj = a[i][i + jj];
          double yj = y[jj];
          if (xj != 0 || yj != 0) {
            double temp1 = -1 * yj;
            double temp2 = -1 * xj;
            int j = i + jj;
            for (int ii = jj; ii <= m; ii++) {
              int r = i + ii;
              a[j][r] = a[j][r] + a[i][r] * temp1 + y[ii] * temp2;
            }
          }
        }
        a[i][i + 1] = e[i];
      }
      d[i] = a[i][i];
      tau[i] = taui;
    }
    d[n] = a[n][n];
  }

  private static double dlapy2(double x, double y) {
    double xa = Math.abs(x);
    double ya = Math.abs(y);
    double w = Math.max(xa, ya);
    double zz = Math.min(xa, ya);
    if (zz == 0 || w > Double.MAX_VALUE) {
      return w;
    }
    double q = zz / w;
    return w * Math.sqrt(1 + q * q);
  }

  // ------------------------------------------------------------------ dsteqr (COMPZ = 'I')

  /**
   * Returns whether it converged; d gets the eigenvalues ascending, z the eigenvectors of the tridiagonal, stored
   * by column ({@code z[k][i]} = component i of vector k) so that rotations and swaps touch whole arrays.
   */
  private static boolean dsteqr(int n, double[] d, double[] e, double[][] z) {
    for (int i = 1; i <= n; i++) {
      z[i][i] = 1;
    }
    double[] work = new double[2 * n];
    int nmaxit = n * 30;
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
        if (i < lend) {
          anorm = Math.max(anorm, Math.abs(e[i]));
        }
      }
      if (Double.isNaN(anorm)) {
        return false;
      }
      if (anorm == 0) {
        continue;
      }
      int iscale = 0;
      if (anorm > SSFMAX) {
        iscale = 1;
        scale(d, e, l, lend, SSFMAX / anorm);
      } else if (anorm < SSFMIN) {
        iscale = 2;
        scale(d, e, l, lend, SSFMIN / anorm);
      }
      if (Math.abs(d[lend]) < Math.abs(d[l])) {
        lend = lsv;
        l = lendsv;
      }
      if (lend > l) {
        jtot = ql(n, d, e, z, work, l, lend, jtot, nmaxit);
      } else {
        jtot = qr(n, d, e, z, work, l, lend, jtot, nmaxit);
      }
      if (iscale == 1) {
        scale(d, e, lsv, lendsv, anorm / SSFMAX);
      } else if (iscale == 2) {
        scale(d, e, lsv, lendsv, anorm / SSFMIN);
      }
      if (jtot >= nmaxit) {
        return false;
      }
    }
    // selection sort, ascending, swapping eigenvectors
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
        double[] t = z[i];
        z[i] = z[k];
        z[k] = t;
      }
    }
    return true;
  }

  private static void scale(double[] d, double[] e, int from, int to, double f) {
    for (int i = from; i <= to; i++) {
      d[i] *= f;
      if (i < to) {
        e[i] *= f;
      }
    }
  }

  /** dsteqr's QL branch (labels 40 to 80); returns the updated iteration count. */
  private static int ql(int n, double[] d, double[] e, double[][] z, double[] work, int l0, int lend, int jtot0,
      int nmaxit) {
    int l = l0;
    int jtot = jtot0;
    double[] rot = new double[3];
    while (true) {
      int m = lend;
      if (l != lend) {
        for (int mm = l; mm <= lend - 1; mm++) {
          double tst = Math.abs(e[mm]) * Math.abs(e[mm]);
          if (tst <= (EPS2 * Math.abs(d[mm])) * Math.abs(d[mm + 1]) + SAFMIN) {
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
        l++;
        if (l <= lend) {
          continue;
        }
        return jtot;
      }
      if (m == l + 1) {
        double[] ev = dlaev2(d[l], e[l], d[l + 1]);
        work[l] = ev[2];
        work[n - 1 + l] = ev[3];
        dlasrBackward(n, 2, work, l, n - 1 + l, z, l);
        d[l] = ev[0];
        d[l + 1] = ev[1];
        e[l] = 0;
        l += 2;
        if (l <= lend) {
          continue;
        }
        return jtot;
      }
      if (jtot == nmaxit) {
        return jtot;
      }
      jtot++;
      double g = (d[l + 1] - p) / (2 * e[l]);
      double r = dlapy2(g, 1);
      g = d[m] - p + (e[l] / (g + Math.copySign(r, g)));
      double s = 1;
      double c = 1;
      p = 0;
      for (int i = m - 1; i >= l; i--) {
        double f = s * e[i];
        double b = c * e[i];
        dlartg(g, f, rot);
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
      dlasrBackward(n, m - l + 1, work, l, n - 1 + l, z, l);
      d[l] = d[l] - p;
      e[l] = g;
    }
  }

  /** dsteqr's QR branch (labels 90 to 130). */
  private static int qr(int n, double[] d, double[] e, double[][] z, double[] work, int l0, int lend, int jtot0,
      int nmaxit) {
    int l = l0;
    int jtot = jtot0;
    double[] rot = new double[3];
    while (true) {
      int m = lend;
      if (l != lend) {
        for (int mm = l; mm >= lend + 1; mm--) {
          double tst = Math.abs(e[mm - 1]) * Math.abs(e[mm - 1]);
          if (tst <= (EPS2 * Math.abs(d[mm])) * Math.abs(d[mm - 1]) + SAFMIN) {
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
        l--;
        if (l >= lend) {
          continue;
        }
        return jtot;
      }
      if (m == l - 1) {
        double[] ev = dlaev2(d[l - 1], e[l - 1], d[l]);
        work[m] = ev[2];
        work[n - 1 + m] = ev[3];
        dlasrForward(n, 2, work, m, n - 1 + m, z, l - 1);
        d[l - 1] = ev[0];
        d[l] = ev[1];
        e[l - 1] = 0;
        l -= 2;
        if (l >= lend) {
          continue;
        }
        return jtot;
      }
      if (jtot == nmaxit) {
        return jtot;
      }
      jtot++;
      double g = (d[l - 1] - p) / (2 * e[l - 1]);
      double r = dlapy2(g, 1);
      g = d[m] - p + (e[l - 1] / (g + Math.copySign(r, g)));
      double s = 1;
      double c = 1;
      p = 0;
      for (int i = m; i <= l - 1; i++) {
        double f = s * e[i];
        double b = c * e[i];
        dlartg(g, f, rot);
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
      dlasrForward(n, l - m + 1, work, m, n - 1 + m, z, m);
      d[l] = d[l] - p;
      e[l - 1] = g;
    }
  }

  /** dlaev2: {rt1, rt2, cs1, sn1} of [[a, b], [b, c]]. */
  private static double[] dlaev2(double a, double b, double c) {
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

  /** LAPACK 3.10's dlartg ({@code la_xlartg}): {c, s, r} with c >= 0 and r carrying the sign of f. */
  static void dlartg(double f, double g, double[] out) {
    double f1 = Math.abs(f);
    double g1 = Math.abs(g);
    if (g == 0) {
      out[0] = 1;
      out[1] = 0;
      out[2] = f;
    } else if (f == 0) {
      out[0] = 0;
      out[1] = Math.copySign(1, g);
      out[2] = g1;
    } else if (f1 > RTMIN && f1 < RTMAX && g1 > RTMIN && g1 < RTMAX) {
      double dd = Math.sqrt(f * f + g * g);
      double r = Math.copySign(dd, f);
      out[0] = f1 / dd;
      out[1] = g / r;
      out[2] = r;
    } else {
      double u = Math.min(1 / SAFMIN, Math.max(SAFMIN, Math.max(f1, g1)));
      double fs = f / u;
      double gs = g / u;
      double dd = Math.sqrt(fs * fs + gs * gs);
      double r = Math.copySign(dd, f);
      out[0] = Math.abs(fs) / dd;
      out[1] = gs / r;
      out[2] = r * u;
    }
  }

  /** dlasr('R', 'V', 'B', n, cols, c, s, Z(1, col0)): plane rotations of column pairs, last pair first. */
  private static void dlasrBackward(int n, int cols, double[] w, int ci, int si, double[][] z, int col0) {
    for (int j = cols - 1; j >= 1; j--) {
      rotate(n, w[ci + j - 1], w[si + j - 1], z, col0 + j - 1);
    }
  }

  /** dlasr('R', 'V', 'F', ...): first pair first. */
  private static void dlasrForward(int n, int cols, double[] w, int ci, int si, double[][] z, int col0) {
    for (int j = 1; j <= cols - 1; j++) {
      rotate(n, w[ci + j - 1], w[si + j - 1], z, col0 + j - 1);
    }
  }

  private static void rotate(int n, double ctemp, double stemp, double[][] z, int col) {
    if (ctemp != 1 || stemp != 0) {
      double[] a = z[col];
      double[] b = z[col + 1];
      for (int i = 1; i <= n; i++) {
        double temp = b[i];
        b[i] = ctemp * temp - stemp * a[i];
        a[i] = stemp * temp + ctemp * a[i];
      }
    }
  }

  // ------------------------------------------------------------------ dormtr('L', 'L', 'N') = dorm2r on rows 2..n

  private static void dorm2r(int n, double[][] a, double[] tau, double[][] z) {
    double[] w = new double[n + 1];
    for (int i = n - 1; i >= 1; i--) {
      double t = tau[i];
      if (t == 0) {
        continue;
      }
      // H(i) = I - tau v v^T, v = (1, A(i+2:n, i)), applied to Z(i+1:n, 1:n) (dlarf: dgemv 'T' then dger)
      for (int j = 1; j <= n; j++) {
        double temp = z[j][i + 1];
        for (int r = i + 2; r <= n; r++) {
          temp += z[j][r] * a[i][r];
        }
        w[j] = temp;
      }
      for (int j = 1; j <= n; j++) {
        if (w[j] != 0) {
          double temp = -t * w[j];
          z[j][i + 1] += temp;
          for (int r = i + 2; r <= n; r++) {
            z[j][r] += a[i][r] * temp;
          }
        }
      }
    }
  }
}
