package org.minima4j.optimize.internal;

/**
 * The strong-Wolfe line searches of scipy 1.10.1 {@code scipy/optimize/_linesearch.py} as BFGS and
 * CG use them ({@code _line_search_wolfe12} in {@code _optimize.py}): first MINPACK-2's
 * Moré–Thuente search ({@code line_search_wolfe1}, {@link Dcsrch}); if it fails, or the optional
 * extra condition rejects its step, the bracketing and zoom search of J. Nocedal and S. Wright,
 * "Numerical Optimization", Algorithms 3.5 and 3.6 ({@code line_search_wolfe2}).
 */
public final class WolfeLineSearch {
  /** An extra acceptance test on (alpha, x + alpha p, f, gradient) (CG's descent condition). */
  @FunctionalInterface
  public interface Extra {
    boolean test(double alpha, double[] xp1, double fp1, double[] gfp1);
  }

  /**
   * A successful search: step, new value, previous value (scipy's {@code old_fval},
   * {@code old_old_fval}) and the gradient at the new point.
   */
  public record Step(double alpha, double fval, double oldFval, double[] gnew) {}

  private final Evaluator fn;
  private final double[] xk;
  private final double[] pk;
  private double[] gval;
  private double gvalAlpha = Double.NaN;

  private WolfeLineSearch(Evaluator fn, double[] xk, double[] pk) {
    this.fn = fn;
    this.xk = xk;
    this.pk = pk;
  }

  /** {@code _line_search_wolfe12}; returns null where scipy raises {@code _LineSearchError}. */
  public static Step search(Evaluator fn, double[] xk, double[] pk, double[] gfk, double oldFval,
      double oldOldFval, double c1, double c2, double amin, double amax, Extra extra) {
    return search(fn, xk, pk, gfk, oldFval, oldOldFval, c1, c2, amin, amax, amax, extra);
  }

  /**
   * As above with a separate {@code amax} for the fallback search ({@code _line_search_wolfe12}
   * passes {@code amax} on only when its caller gave one; +inf stands for scipy's None).
   */
  public static Step search(Evaluator fn, double[] xk, double[] pk, double[] gfk, double oldFval,
      double oldOldFval, double c1, double c2, double amin, double amax, double amax2, Extra extra) {
    WolfeLineSearch ls = new WolfeLineSearch(fn, xk, pk);
    Step s = ls.wolfe1(gfk, oldFval, oldOldFval, c1, c2, amin, amax);
    if (s != null && extra != null && !extra.test(s.alpha, ls.point(s.alpha), s.fval, s.gnew)) {
      s = null;
    }
    if (s == null) {
      ls = new WolfeLineSearch(fn, xk, pk);
      s = ls.wolfe2(gfk, oldFval, oldOldFval, c1, c2, amax2, extra);
    }
    return s;
  }

  private double[] point(double alpha) {
    double[] x = new double[xk.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = xk[i] + alpha * pk[i];
    }
    return x;
  }

  private double phi(double alpha) {
    return fn.fun(point(alpha));
  }

  private double derphi(double alpha) {
    gval = fn.grad(point(alpha));
    gvalAlpha = alpha;
    return Blas.ddot(pk.length, gval, 0, pk, 0);
  }

  private static double initialStep(double phi0, double oldPhi0, double derphi0) {
    double alpha1 = 1.0;
    if (!Double.isNaN(oldPhi0) && derphi0 != 0) {
      alpha1 = Math.min(1.0, 1.01 * 2 * (phi0 - oldPhi0) / derphi0);
      if (alpha1 < 0) {
        alpha1 = 1.0;
      }
    }
    return alpha1;
  }

  private Step wolfe1(double[] gfk, double phi0, double oldPhi0, double c1, double c2, double amin, double amax) {
    gval = gfk;
    double derphi0 = Blas.ddot(pk.length, gfk, 0, pk, 0);
    double alpha1 = initialStep(phi0, oldPhi0, derphi0);
    double phi1 = phi0;
    double derphi1 = derphi0;
    Dcsrch ls = new Dcsrch(c1, c2, 1e-14, amin, amax);
    Dcsrch.Task task = null;
    boolean done = false;
    for (int i = 0; i < 100; i++) {
      task = i == 0 ? ls.start(phi1, derphi1, alpha1) : ls.iterate(phi1, derphi1);
      if (task == Dcsrch.Task.FG) {
        alpha1 = ls.stp();
        phi1 = phi(alpha1);
        derphi1 = derphi(alpha1);
      } else {
        done = true;
        break;
      }
    }
    if (!done || task != Dcsrch.Task.CONVERGENCE) {
      return null;
    }
    return new Step(ls.stp(), phi1, phi0, gval);
  }

  private Step wolfe2(double[] gfk, double phi0, double oldPhi0, double c1, double c2, double amax, Extra extra) {
    double derphi0 = Blas.ddot(pk.length, gfk, 0, pk, 0);
    double alpha0 = 0;
    double alpha1 = 1.0;
    if (!Double.isNaN(oldPhi0) && derphi0 != 0) {
      alpha1 = Math.min(1.0, 1.01 * 2 * (phi0 - oldPhi0) / derphi0);
    }
    if (alpha1 < 0) {
      alpha1 = 1.0;
    }
    alpha1 = Math.min(alpha1, amax);
    double phiA1 = phi(alpha1);
    double phiA0 = phi0;
    double derphiA0 = derphi0;
    for (int i = 0; i < 10; i++) {
      if (alpha1 == 0 || alpha0 == amax) {
        return null;
      }
      if (phiA1 > phi0 + c1 * alpha1 * derphi0 || (phiA1 >= phiA0 && i > 0)) {
        return zoom(alpha0, alpha1, phiA0, phiA1, derphiA0, phi0, derphi0, c1, c2, extra);
      }
      double derphiA1 = derphi(alpha1);
      if (Math.abs(derphiA1) <= -c2 * derphi0 && extra(extra, alpha1, phiA1)) {
        return new Step(alpha1, phiA1, phi0, gval);
      }
      if (derphiA1 >= 0) {
        return zoom(alpha1, alpha0, phiA1, phiA0, derphiA1, phi0, derphi0, c1, c2, extra);
      }
      double alpha2 = Math.min(2 * alpha1, amax);
      alpha0 = alpha1;
      alpha1 = alpha2;
      phiA0 = phiA1;
      phiA1 = phi(alpha1);
      derphiA0 = derphiA1;
    }
    // scipy returns alpha1 without a gradient here, which _line_search_wolfe12 accepts
    return new Step(alpha1, phiA1, phi0, null);
  }

  private boolean extra(Extra extra, double alpha, double phi) {
    if (extra == null) {
      return true;
    }
    if (gvalAlpha != alpha) {
      derphi(alpha);
    }
    return extra.test(alpha, point(alpha), phi, gval);
  }

  private Step zoom(double aLo, double aHi, double phiLo, double phiHi, double derphiLo, double phi0,
      double derphi0, double c1, double c2, Extra extra) {
    double phiRec = phi0;
    double aRec = 0;
    double aj = Double.NaN;
    double cchk = 0;
    for (int i = 0; ; i++) {
      double dalpha = aHi - aLo;
      double a = dalpha < 0 ? aHi : aLo;
      double b = dalpha < 0 ? aLo : aHi;
      boolean cubicOk = false;
      if (i > 0) {
        cchk = 0.2 * dalpha;
        aj = cubicmin(aLo, phiLo, derphiLo, aHi, phiHi, aRec, phiRec);
        cubicOk = !Double.isNaN(aj) && !(aj > b - cchk) && !(aj < a + cchk);
      }
      if (!cubicOk) {
        double qchk = 0.1 * dalpha;
        aj = quadmin(aLo, phiLo, derphiLo, aHi, phiHi);
        if (Double.isNaN(aj) || aj > b - qchk || aj < a + qchk) {
          aj = aLo + 0.5 * dalpha;
        }
      }
      double phiAj = phi(aj);
      if (phiAj > phi0 + c1 * aj * derphi0 || phiAj >= phiLo) {
        phiRec = phiHi;
        aRec = aHi;
        aHi = aj;
        phiHi = phiAj;
      } else {
        double derphiAj = derphi(aj);
        if (Math.abs(derphiAj) <= -c2 * derphi0 && extra(extra, aj, phiAj)) {
          return new Step(aj, phiAj, phi0, gval);
        }
        if (derphiAj * (aHi - aLo) >= 0) {
          phiRec = phiHi;
          aRec = aHi;
          aHi = aLo;
          phiHi = phiLo;
        } else {
          phiRec = phiLo;
          aRec = aLo;
        }
        aLo = aj;
        phiLo = phiAj;
        derphiLo = derphiAj;
      }
      if (i + 1 > 10) {
        return null;
      }
    }
  }

  /** Minimizer of the cubic through (a, fa, fpa), (b, fb), (c, fc); NaN where scipy gives None. */
  static double cubicmin(double a, double fa, double fpa, double b, double fb, double c, double fc) {
    double cc = fpa;
    double db = b - a;
    double dc = c - a;
    double p = db * dc;
    double denom = (p * p) * (db - dc);
    double d00 = dc * dc;
    double d01 = -(db * db);
    double d10 = -Math.pow(dc, 3);
    double d11 = Math.pow(db, 3);
    double v0 = fb - fa - cc * db;
    double v1 = fc - fa - cc * dc;
    // np.dot of the 2x2 matrix with the vector runs through OpenBLAS dgemv_t's two-row tail,
    // which GCC compiles to fma(a0, x0, a1 * x1)
    double aa = Math.fma(d00, v0, d01 * v1);
    double bb = Math.fma(d10, v0, d11 * v1);
    if (denom == 0 || !Double.isFinite(denom) || !Double.isFinite(aa) || !Double.isFinite(bb)) {
      return Double.NaN;
    }
    aa /= denom;
    bb /= denom;
    double radical = bb * bb - 3 * aa * cc;
    if (radical < 0 || aa == 0 || !Double.isFinite(radical)) {
      return Double.NaN;
    }
    double xmin = a + (-bb + Math.sqrt(radical)) / (3 * aa);
    return Double.isFinite(xmin) ? xmin : Double.NaN;
  }

  /** Minimizer of the quadratic through (a, fa, fpa), (b, fb); NaN where scipy gives None. */
  static double quadmin(double a, double fa, double fpa, double b, double fb) {
    double db = b - a * 1.0;
    double dd = db * db;
    if (dd == 0) {
      return Double.NaN;
    }
    double bq = (fb - fa - fpa * db) / dd;
    if (bq == 0 || !Double.isFinite(bq)) {
      return Double.NaN;
    }
    double xmin = a - fpa / (2.0 * bq);
    return Double.isFinite(xmin) ? xmin : Double.NaN;
  }
}
