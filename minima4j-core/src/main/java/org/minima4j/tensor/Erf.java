package org.minima4j.tensor;

/**
 * The error function to near double precision, for the exact GELU.
 *
 * <p>For |x| < 3 it sums the series {@code erf(x) = 2/sqrt(pi) exp(-x^2) sum_n 2^n x^(2n+1) / (2n+1)!!}
 * (all terms positive, no cancellation); beyond that it evaluates {@code erfc} by its continued
 * fraction (modified Lentz), whose convergence is fast there.
 */
final class Erf {
  private static final double TWO_OVER_SQRT_PI = 2.0 / Math.sqrt(Math.PI);
  private static final double INV_SQRT_PI = 1.0 / Math.sqrt(Math.PI);

  private Erf() {}

  static double erf(double x) {
    if (x != x) {
      return x;
    }
    double ax = Math.abs(x);
    if (ax >= 6.0) {
      return Math.copySign(1.0, x);
    }
    if (ax < 3.0) {
      double x2 = ax * ax;
      double term = ax;
      double sum = ax;
      for (int n = 1; n < 200; n++) {
        term *= 2.0 * x2 / (2 * n + 1);
        sum += term;
        if (term < 1e-17 * sum) {
          break;
        }
      }
      return Math.copySign(TWO_OVER_SQRT_PI * Math.exp(-x2) * sum, x);
    }
    return Math.copySign(1.0 - erfcLarge(ax), x);
  }

  /** erfc(x) for x >= 3 by the continued fraction x + (1/2)/(x + 1/(x + (3/2)/(x + ...))). */
  private static double erfcLarge(double x) {
    final double tiny = 1e-300;
    double f = x;
    double c = x;
    double d = 0.0;
    for (int n = 1; n < 300; n++) {
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
    return Math.exp(-x * x) * INV_SQRT_PI / f;
  }
}
