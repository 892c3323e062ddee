package org.minima4j.tune.internal;

/**
 * Standard normal functions to near double precision for the Parzen estimators' densities: the CDF, its log
 * (with no underflow in the left tail), its inverse (Acklam's rational approximation plus one Halley step), and
 * the log of the Gaussian mass of an interval, after the case split of Optuna 3.1's {@code _truncnorm.py}.
 * Candidate sampling uses Optuna's own numerics instead ({@link OptunaTruncnorm}).
 */
public final class NormalMath {
  private static final double SQRT2 = Math.sqrt(2.0);
  private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
  private static final double SQRT_2PI = Math.sqrt(2 * Math.PI);
  private static final double TWO_OVER_SQRT_PI = 2.0 / Math.sqrt(Math.PI);
  private static final double LOG_SQRT_PI = 0.5 * Math.log(Math.PI);
  private static final double LN2 = Math.log(2.0);

  private NormalMath() {
  }

  /** erf(x) for |x| < 2 by its series (all terms positive). */
  private static double erfSeries(double x) {
    double x2 = x * x;
    double term = x;
    double sum = x;
    for (int n = 1; n < 200; n++) {
      term *= 2.0 * x2 / (2 * n + 1);
      sum += term;
      if (Math.abs(term) < 1e-17 * Math.abs(sum)) {
        break;
      }
    }
    return TWO_OVER_SQRT_PI * Math.exp(-x2) * sum;
  }

  /** The continued fraction f with erfc(x) = exp(-x^2) / (sqrt(pi) f), for x >= 2 (modified Lentz). */
  private static double erfcFraction(double x) {
    final double tiny = 1e-300;
    double f = x;
    double c = x;
    double d = 0.0;
    for (int n = 1; n < 500; n++) {
      double an = n * 0.5;
      d = x + an * d;
      d = d == 0 ? tiny : d;
      c = x + an / c;
      c = c == 0 ? tiny : c;
      d = 1.0 / d;
      double delta = c * d;
      f *= delta;
      if (Math.abs(delta - 1.0) < 1e-16) {
        break;
      }
    }
    return f;
  }

  // erfcx(x) = exp(x^2) erfc(x) tabulated on [0, TABLE_MAX] with its first two derivatives, evaluated by
  // quintic Hermite interpolation (relative error about 1e-13); beyond, its asymptotic series.
  private static final double STEP = 1.0 / 64;
  private static final double TABLE_MAX = 32.0;
  private static final int N_TABLE = (int) (TABLE_MAX / STEP) + 2;
  private static final double[] ERFCX = new double[N_TABLE];
  private static final double[] ERFCX1 = new double[N_TABLE];
  private static final double[] ERFCX2 = new double[N_TABLE];

  static {
    for (int i = 0; i < N_TABLE; i++) {
      double x = i * STEP;
      double f;
      if (x < 2.0) {
        f = Math.exp(x * x) * (1.0 - erfSeries(x));
      } else {
        f = 1.0 / (Math.sqrt(Math.PI) * erfcFraction(x));
      }
      double f1 = 2 * x * f - TWO_OVER_SQRT_PI;
      double f2 = 2 * f + 2 * x * f1;
      ERFCX[i] = f;
      ERFCX1[i] = f1;
      ERFCX2[i] = f2;
    }
  }

  /** The scaled complementary error function exp(x^2) erfc(x) for x >= 0. */
  public static double erfcx(double x) {
    if (x >= TABLE_MAX) {
      double r = 1.0 / (x * x);
      return 1.0 / (x * Math.sqrt(Math.PI)) * (1 - 0.5 * r * (1 - 1.5 * r * (1 - 2.5 * r)));
    }
    int i = (int) (x / STEP);
    double t = (x - i * STEP) / STEP;
    double h = STEP;
    double p0 = ERFCX[i];
    double p1 = ERFCX[i + 1];
    double d0 = ERFCX1[i] * h;
    double d1 = ERFCX1[i + 1] * h;
    double s0 = ERFCX2[i] * h * h;
    double s1 = ERFCX2[i + 1] * h * h;
    double t2 = t * t;
    double t3 = t2 * t;
    double t4 = t3 * t;
    double t5 = t4 * t;
    double h0 = 1 - 10 * t3 + 15 * t4 - 6 * t5;
    double h1 = t - 6 * t3 + 8 * t4 - 3 * t5;
    double h2 = 0.5 * t2 - 1.5 * t3 + 1.5 * t4 - 0.5 * t5;
    double h3 = 0.5 * t3 - t4 + 0.5 * t5;
    double h4 = -4 * t3 + 7 * t4 - 3 * t5;
    double h5 = 10 * t3 - 15 * t4 + 6 * t5;
    return h0 * p0 + h1 * d0 + h2 * s0 + h3 * s1 + h4 * d1 + h5 * p1;
  }

  /** The complementary error function. */
  public static double erfc(double x) {
    if (Double.isNaN(x)) {
      return x;
    }
    if (x < 0) {
      return 2.0 - erfc(-x);
    }
    if (x > 27.3) {
      return 0.0;
    }
    return Math.exp(-x * x) * erfcx(x);
  }

  /** log(erfc(x)) for x >= 0 without underflow. */
  private static double logErfcLarge(double x) {
    return -x * x + Math.log(erfcx(x));
  }

  /** The standard normal CDF. */
  public static double ndtr(double a) {
    if (Double.isNaN(a)) {
      return a;
    }
    double z = a / SQRT2;
    if (z < -1.0 / SQRT2) {
      return 0.5 * erfc(-z);
    }
    if (z < 1.0 / SQRT2) {
      return 0.5 + 0.5 * (z >= 0 ? 1.0 - erfc(z) : erfc(-z) - 1.0);
    }
    return 1.0 - 0.5 * erfc(z);
  }

  /** log of the standard normal CDF, accurate far into the left tail. */
  public static double logNdtr(double a) {
    if (a > 6) {
      return Math.log1p(-ndtr(-a));
    }
    if (a > -2.0 * SQRT2) {
      return Math.log(ndtr(a));
    }
    return logErfcLarge(-a / SQRT2) - LN2;
  }

  /** log of the standard normal density. */
  public static double normLogPdf(double x) {
    return -0.5 * x * x - LOG_SQRT_2PI;
  }

  private static double logDiff(double logP, double logQ) {
    return logP + Math.log1p(-Math.exp(logQ - logP));
  }

  /** log of the standard normal mass of [a, b] (a <= b). */
  public static double logGaussMass(double a, double b) {
    double w = b - a;
    if (w < 1e-3 && w > 0) {
      // midpoint rule with its second-order correction: no cancellation for narrow intervals
      double m = 0.5 * (a + b);
      return Math.log(w) + normLogPdf(m) + Math.log1p((m * m - 1) * w * w / 24);
    }
    if (b <= 0) {
      return logDiff(logNdtr(b), logNdtr(a));
    }
    if (a > 0) {
      return logDiff(logNdtr(-a), logNdtr(-b));
    }
    return Math.log1p(-ndtr(a) - ndtr(-b));
  }

  /**
   * As {@link #logGaussMass} but by one difference of CDFs on the left (reflected) side, which is exact to
   * a few ulps unless the interval is narrow (handled by the midpoint rule) or the mass underflows (handled
   * by the log-space form).
   */
  public static double logGaussMassFast(double a, double b) {
    if (a > 0) {
      double t = a;
      a = -b;
      b = -t;
    }
    double w = b - a;
    if (w < 1e-3) {
      return logGaussMass(a, b);
    }
    double m = ndtr(b) - ndtr(a);
    if (m > 1e-300) {
      return Math.log(m);
    }
    return logGaussMass(a, b);
  }

  /** The inverse of the standard normal CDF for p in (0, 1). */
  public static double ndtri(double p) {
    if (p <= 0) {
      return Double.NEGATIVE_INFINITY;
    }
    if (p >= 1) {
      return Double.POSITIVE_INFINITY;
    }
    double x;
    double plow = 0.02425;
    if (p < plow) {
      double q = Math.sqrt(-2 * Math.log(p));
      x = (((((-7.784894002430293e-03 * q - 3.223964580411365e-01) * q - 2.400758277161838e+00) * q
          - 2.549732539343734e+00) * q + 4.374664141464968e+00) * q + 2.938163982698783e+00)
          / ((((7.784695709041462e-03 * q + 3.224671290700398e-01) * q + 2.445134137142996e+00) * q
          + 3.754408661907416e+00) * q + 1);
    } else if (p <= 1 - plow) {
      double q = p - 0.5;
      double r = q * q;
      x = (((((-3.969683028665376e+01 * r + 2.209460984245205e+02) * r - 2.759285104469687e+02) * r
          + 1.383577518672690e+02) * r - 3.066479806614716e+01) * r + 2.506628277459239e+00) * q
          / (((((-5.447609879822406e+01 * r + 1.615858368580409e+02) * r - 1.556989798598866e+02) * r
          + 6.680131188771972e+01) * r - 1.328068155288572e+01) * r + 1);
    } else {
      double q = Math.sqrt(-2 * Math.log1p(-p));
      x = -(((((-7.784894002430293e-03 * q - 3.223964580411365e-01) * q - 2.400758277161838e+00) * q
          - 2.549732539343734e+00) * q + 4.374664141464968e+00) * q + 2.938163982698783e+00)
          / ((((7.784695709041462e-03 * q + 3.224671290700398e-01) * q + 2.445134137142996e+00) * q
          + 3.754408661907416e+00) * q + 1);
    }
    // one Halley step on the accurate CDF (upper tail through the lower one for precision)
    double e = x > 0 ? (1.0 - p) - ndtr(-x) : ndtr(x) - p;
    double u = e * SQRT_2PI * Math.exp(0.5 * x * x);
    return x - u / (1 + 0.5 * x * u);
  }
}
