package org.minima4j.optimize.global.internal;

/**
 * LAPACK's {@code dsteqr} with {@code COMPZ = 'I'} (Reference LAPACK 3.11), the tridiagonal eigensolver of
 * {@link NumpyEigh}: implicit QL or QR with Wilkinson shifts, {@code dlaev2} for 2 x 2 blocks, LAPACK 3.10's
 * {@code dlartg} rotations applied by {@code dlasr}, and the final selection sort. Arrays are 1-based as in
 * the Fortran; the eigenvectors are stored by column ({@code z[k][i]} = component i of vector k) so that
 * rotations and swaps touch whole arrays. Every operation is in the Fortran's order, with one rearrangement
 * that does not change a bit: each sweep applies its rotations to Z as it makes them instead of storing them
 * in WORK for one {@code dlasr} call after the sweep (the sweep never reads Z, and {@code dlasr} applies
 * them in the order they are made).
 *
 * <p>A sweep and a deflation search are methods of their own because they run some twenty times per
 * decomposition: the JIT compiles them early in a short run, where the once-per-decomposition loops around
 * them stay interpreted.
 */
final class NumpyEighSteqr {
  private static final double EPS = 0x1.0p-53; // dlamch('E')
  private static final double SAFMIN = Double.MIN_NORMAL; // dlamch('S')
  private static final double EPS2 = EPS * EPS;
  private static final double SSFMAX = Math.sqrt(1 / SAFMIN) / 3;
  private static final double SSFMIN = Math.sqrt(SAFMIN) / EPS2;
  private static final double RTMIN = Math.sqrt(SAFMIN); // dlartg's
  private static final double RTMAX = Math.sqrt((1 / SAFMIN) / 2);

  private NumpyEighSteqr() {}

  /**
   * Returns whether it converged; d gets the eigenvalues ascending, z (zero on entry) the eigenvectors of the
   * tridiagonal (d, e). {@code rot} has length at least 4.
   */
  static boolean dsteqr(int n, double[] d, double[] e, double[][] z, double[] rot) {
    for (int i = 1; i <= n; i++) {
      z[i][i] = 1;
    }
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
      // Math.max(anorm, |x|) without the call: both are >= +0 or NaN, and NaN sticks
      double anorm = 0;
      for (int i = l; i <= lend; i++) {
        double v = Math.abs(d[i]);
        if (v > anorm || v != v) {
          anorm = v;
        }
        if (i < lend) {
          v = Math.abs(e[i]);
          if (v > anorm || v != v) {
            anorm = v;
          }
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
        jtot = ql(n, d, e, z, rot, l, lend, jtot, nmaxit);
      } else {
        jtot = qr(n, d, e, z, rot, l, lend, jtot, nmaxit);
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
    for (int i = 1; i < n; i++) {
      int k = argMin(d, i, n);
      if (k != i) {
        double p = d[k];
        d[k] = d[i];
        d[i] = p;
        double[] t = z[i];
        z[i] = z[k];
        z[k] = t;
      }
    }
    return true;
  }

  /** The first index of the smallest of d(i..n) as the selection sort finds it (strict {@code <} from d(i)). */
  private static int argMin(double[] d, int i, int n) {
    int k = i;
    double p = d[i];
    for (int j = i + 1; j <= n; j++) {
      if (d[j] < p) {
        k = j;
        p = d[j];
      }
    }
    return k;
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
  private static int ql(int n, double[] d, double[] e, double[][] z, double[] rot, int l0, int lend, int jtot0,
      int nmaxit) {
    int l = l0;
    int jtot = jtot0;
    while (true) {
      int m = l != lend ? qlSplit(d, e, l, lend) : lend;
      if (m < lend) {
        e[m] = 0;
      }
      if (m == l) {
        l++;
        if (l <= lend) {
          continue;
        }
        return jtot;
      }
      if (m == l + 1) {
        dlaev2(d[l], e[l], d[l + 1], rot);
        // dlasr('R', 'V', 'B', n, 2, ...)
        rotateColumns(n, rot[2], rot[3], z, l);
        d[l] = rot[0];
        d[l + 1] = rot[1];
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
      qlSweep(n, d, e, z, rot, l, m);
    }
  }

  /** The first m in [l, lend) whose e(m) is negligible (label 40's search), else lend. */
  private static int qlSplit(double[] d, double[] e, int l, int lend) {
    for (int mm = l; mm <= lend - 1; mm++) {
      double tst = Math.abs(e[mm]) * Math.abs(e[mm]);
      if (tst <= (EPS2 * Math.abs(d[mm])) * Math.abs(d[mm + 1]) + SAFMIN) {
        return mm;
      }
    }
    return lend;
  }

  /**
   * One implicit QL sweep over rows l..m with Wilkinson's shift (labels 70 to 80): the rotations go to Z as
   * made, which is {@code dlasr('R', 'V', 'B', n, m - l + 1, c, -s, Z(1, l))}'s order (last pair first).
   */
  private static void qlSweep(int n, double[] d, double[] e, double[][] z, double[] rot, int l, int m) {
    double p = d[l];
    double g = (d[l + 1] - p) / (2 * e[l]);
    double r = dlapy2(g, 1);
    g = d[m] - p + (e[l] / (g + Math.copySign(r, g)));
    double s = 1;
    double c = 1;
    p = 0;
    for (int i = m - 1; i >= l; i--) {
      double f = s * e[i];
      double b = c * e[i];
      // dlartg(g, f): its general branch inline (f1, g1 in range implies f, g non-zero and not NaN, so the
      // copySign is a sign test), the others by the call
      double f1 = Math.abs(g);
      double g1 = Math.abs(f);
      if (f1 > RTMIN && f1 < RTMAX && g1 > RTMIN && g1 < RTMAX) {
        double dd = Math.sqrt(g * g + f * f);
        r = g < 0 ? -dd : dd;
        c = f1 / dd;
        s = f / r;
      } else {
        dlartg(g, f, rot);
        c = rot[0];
        s = rot[1];
        r = rot[2];
      }
      if (i != m - 1) {
        e[i + 1] = r;
      }
      g = d[i + 1] - p;
      r = (d[i] - g) * s + 2 * c * b;
      p = s * r;
      d[i + 1] = g + p;
      g = c * r - b;
      if (c != 1 || -s != 0) {
        rotate(c, -s, z[i], z[i + 1], 1, n + 1);
      }
    }
    d[l] = d[l] - p;
    e[l] = g;
  }

  /** dsteqr's QR branch (labels 90 to 130). */
  private static int qr(int n, double[] d, double[] e, double[][] z, double[] rot, int l0, int lend, int jtot0,
      int nmaxit) {
    int l = l0;
    int jtot = jtot0;
    while (true) {
      int m = l != lend ? qrSplit(d, e, l, lend) : lend;
      if (m > lend) {
        e[m - 1] = 0;
      }
      if (m == l) {
        l--;
        if (l >= lend) {
          continue;
        }
        return jtot;
      }
      if (m == l - 1) {
        dlaev2(d[l - 1], e[l - 1], d[l], rot);
        // dlasr('R', 'V', 'F', n, 2, ...)
        rotateColumns(n, rot[2], rot[3], z, l - 1);
        d[l - 1] = rot[0];
        d[l] = rot[1];
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
      qrSweep(n, d, e, z, rot, l, m);
    }
  }

  /** The first m in (lend, l] from l down whose e(m - 1) is negligible (label 90's search), else lend. */
  private static int qrSplit(double[] d, double[] e, int l, int lend) {
    for (int mm = l; mm >= lend + 1; mm--) {
      double tst = Math.abs(e[mm - 1]) * Math.abs(e[mm - 1]);
      if (tst <= (EPS2 * Math.abs(d[mm])) * Math.abs(d[mm - 1]) + SAFMIN) {
        return mm;
      }
    }
    return lend;
  }

  /**
   * One implicit QR sweep over rows m..l (labels 120 to 130): the rotations go to Z as made, which is
   * {@code dlasr('R', 'V', 'F', n, l - m + 1, c, s, Z(1, m))}'s order (first pair first).
   */
  private static void qrSweep(int n, double[] d, double[] e, double[][] z, double[] rot, int l, int m) {
    double p = d[l];
    double g = (d[l - 1] - p) / (2 * e[l - 1]);
    double r = dlapy2(g, 1);
    g = d[m] - p + (e[l - 1] / (g + Math.copySign(r, g)));
    double s = 1;
    double c = 1;
    p = 0;
    for (int i = m; i <= l - 1; i++) {
      double f = s * e[i];
      double b = c * e[i];
      // dlartg(g, f): its general branch inline (f1, g1 in range implies f, g non-zero and not NaN, so the
      // copySign is a sign test), the others by the call
      double f1 = Math.abs(g);
      double g1 = Math.abs(f);
      if (f1 > RTMIN && f1 < RTMAX && g1 > RTMIN && g1 < RTMAX) {
        double dd = Math.sqrt(g * g + f * f);
        r = g < 0 ? -dd : dd;
        c = f1 / dd;
        s = f / r;
      } else {
        dlartg(g, f, rot);
        c = rot[0];
        s = rot[1];
        r = rot[2];
      }
      if (i != m) {
        e[i - 1] = r;
      }
      g = d[i] - p;
      r = (d[i + 1] - g) * s + 2 * c * b;
      p = s * r;
      d[i] = g + p;
      g = c * r - b;
      if (c != 1 || s != 0) {
        rotate(c, s, z[i], z[i + 1], 1, n + 1);
      }
    }
    d[l] = d[l] - p;
    e[l - 1] = g;
  }

  /** dlasr's rotation of columns {@code col} and {@code col + 1} of Z, skipped when it is the identity. */
  private static void rotateColumns(int n, double ctemp, double stemp, double[][] z, int col) {
    if (ctemp != 1 || stemp != 0) {
      rotate(ctemp, stemp, z[col], z[col + 1], 1, n + 1);
    }
  }

  /**
   * A plane rotation of two columns ({@code dlasr}'s inner loop): {@code b[k] = c b[k] - s a[k]},
   * {@code a[k] = s b[k] + c a[k]} (with the old {@code b[k]}), for k = from, ..., to - 1.
   */
  private static void rotate(double c, double s, double[] a, double[] b, int from, int to) {
    for (int k = from; k < to; k++) {
      double temp = b[k];
      double ak = a[k];
      b[k] = c * temp - s * ak;
      a[k] = s * temp + c * ak;
    }
  }

  static double dlapy2(double x, double y) {
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

  /** dlaev2: {@code out = {rt1, rt2, cs1, sn1}} of [[a, b], [b, c]]. */
  private static void dlaev2(double a, double b, double c, double[] out) {
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
    out[0] = rt1;
    out[1] = rt2;
    out[2] = cs1;
    out[3] = sn1;
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
}
