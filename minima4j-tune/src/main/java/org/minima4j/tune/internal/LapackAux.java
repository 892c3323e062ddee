package org.minima4j.tune.internal;

/**
 * LAPACK 3.10 auxiliaries of {@link LapackEigh}, after Reference LAPACK's {@code dlapy2.f}, {@code dlaev2.f} and
 * {@code dlartg.f90}.
 */
final class LapackAux {
  private static final double SAFMIN = Double.MIN_NORMAL; // dlamch('S')

  private LapackAux() {
  }

  /** {@code dlapy2}: sqrt(x^2 + y^2) without needless overflow. */
  static double dlapy2(double x, double y) {
    double xa = Math.abs(x);
    double ya = Math.abs(y);
    double w = Math.max(xa, ya);
    double z = Math.min(xa, ya);
    if (z == 0 || w > Double.MAX_VALUE) {
      return w;
    }
    double q = z / w;
    return w * Math.sqrt(1 + q * q);
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

  /** LAPACK 3.10's {@code dlartg}: {c, s, r} with {@code [c s; -s c] [f; g] = [r; 0]}, c >= 0. */
  static double[] dlartg(double f, double g) {
    final double safmax = 1 / SAFMIN;
    final double rtmin = Math.sqrt(SAFMIN);
    final double rtmax = Math.sqrt(safmax / 2);
    double f1 = Math.abs(f);
    double g1 = Math.abs(g);
    if (g == 0) {
      return new double[] {1, 0, f};
    }
    if (f == 0) {
      return new double[] {0, Math.copySign(1, g), g1};
    }
    if (f1 > rtmin && f1 < rtmax && g1 > rtmin && g1 < rtmax) {
      double dd = Math.sqrt(f * f + g * g);
      double r = Math.copySign(dd, f);
      return new double[] {f1 / dd, g / r, r};
    }
    double u = Math.min(safmax, Math.max(SAFMIN, Math.max(f1, g1)));
    double fs = f / u;
    double gs = g / u;
    double dd = Math.sqrt(fs * fs + gs * gs);
    double r = Math.copySign(dd, f);
    return new double[] {Math.abs(fs) / dd, gs / r, r * u};
  }
}
