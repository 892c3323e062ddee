package org.minima4j.optimize.internal;

import java.util.function.DoubleUnaryOperator;

/**
 * One-dimensional minimizers used by Powell's method, following scipy 1.10.1
 * {@code scipy/optimize/_optimize.py}: {@code bracket} (golden-ratio expansion with parabolic
 * extrapolation), Brent's method {@code Brent.optimize} (R. P. Brent, "Algorithms for Minimization
 * without Derivatives", 1973, ch. 5) and the bounded variant {@code _minimize_scalar_bounded}
 * (Forsythe, Malcolm and Moler's fminbound).
 */
public final class ScalarMin {
  private ScalarMin() {}

  /** A minimizer and its value. */
  public record Point(double x, double f) {}

  /** {@code brent(func, tol=tol, maxiter=500)} from the default bracket (0, 1). */
  public static Point brent(DoubleUnaryOperator func, double tol) {
    final double mintol = 1.0e-11;
    final double cg = 0.3819660;
    double[] br = bracket(func);
    double xa = br[0];
    double xb = br[1];
    double xc = br[2];
    double fb = br[4];
    double x = xb;
    double w = xb;
    double v = xb;
    double fw = fb;
    double fv = fb;
    double fx = fb;
    double a = xa < xc ? xa : xc;
    double b = xa < xc ? xc : xa;
    double deltax = 0.0;
    double rat = 0.0;
    for (int iter = 0; iter < 500; iter++) {
      double tol1 = tol * Math.abs(x) + mintol;
      double tol2 = 2.0 * tol1;
      double xmid = 0.5 * (a + b);
      if (Math.abs(x - xmid) < (tol2 - 0.5 * (b - a))) {
        break;
      }
      if (Math.abs(deltax) <= tol1) {
        deltax = x >= xmid ? a - x : b - x;
        rat = cg * deltax;
      } else {
        double tmp1 = (x - w) * (fx - fv);
        double tmp2 = (x - v) * (fx - fw);
        double p = (x - v) * tmp2 - (x - w) * tmp1;
        tmp2 = 2.0 * (tmp2 - tmp1);
        if (tmp2 > 0.0) {
          p = -p;
        }
        tmp2 = Math.abs(tmp2);
        double dxTemp = deltax;
        deltax = rat;
        if (p > tmp2 * (a - x) && p < tmp2 * (b - x) && Math.abs(p) < Math.abs(0.5 * tmp2 * dxTemp)) {
          rat = p * 1.0 / tmp2;
          double u = x + rat;
          if ((u - a) < tol2 || (b - u) < tol2) {
            rat = xmid - x >= 0 ? tol1 : -tol1;
          }
        } else {
          deltax = x >= xmid ? a - x : b - x;
          rat = cg * deltax;
        }
      }
      double u;
      if (Math.abs(rat) < tol1) {
        u = rat >= 0 ? x + tol1 : x - tol1;
      } else {
        u = x + rat;
      }
      double fu = func.applyAsDouble(u);
      if (fu > fx) {
        if (u < x) {
          a = u;
        } else {
          b = u;
        }
        if (fu <= fw || w == x) {
          v = w;
          w = u;
          fv = fw;
          fw = fu;
        } else if (fu <= fv || v == x || v == w) {
          v = u;
          fv = fu;
        }
      } else {
        if (u >= x) {
          a = x;
        } else {
          b = x;
        }
        v = w;
        w = x;
        x = u;
        fv = fw;
        fw = fx;
        fx = fu;
      }
    }
    return new Point(x, fx);
  }

  /** {@code bracket(func, xa=0, xb=1, grow_limit=110, maxiter=1000)}: {xa, xb, xc, fa, fb, fc}. */
  static double[] bracket(DoubleUnaryOperator func) {
    final double gold = 1.618034;
    final double verysmall = 1e-21;
    final double growLimit = 110.0;
    double xa = 0.0;
    double xb = 1.0;
    double fa = func.applyAsDouble(xa);
    double fb = func.applyAsDouble(xb);
    if (fa < fb) {
      double t = xa;
      xa = xb;
      xb = t;
      t = fa;
      fa = fb;
      fb = t;
    }
    double xc = xb + gold * (xb - xa);
    double fc = func.applyAsDouble(xc);
    int iter = 0;
    while (fc < fb) {
      double tmp1 = (xb - xa) * (fb - fc);
      double tmp2 = (xb - xc) * (fb - fa);
      double val = tmp2 - tmp1;
      double denom = Math.abs(val) < verysmall ? 2.0 * verysmall : 2.0 * val;
      double w = xb - ((xb - xc) * tmp2 - (xb - xa) * tmp1) / denom;
      double wlim = xb + growLimit * (xc - xb);
      if (iter > 1000) {
        throw new IllegalStateException("Too many iterations in bracket.");
      }
      iter++;
      double fw;
      if ((w - xc) * (xb - w) > 0.0) {
        fw = func.applyAsDouble(w);
        if (fw < fc) {
          return new double[] {xb, w, xc, fb, fw, fc};
        } else if (fw > fb) {
          return new double[] {xa, xb, w, fa, fb, fw};
        }
        w = xc + gold * (xc - xb);
        fw = func.applyAsDouble(w);
      } else if ((w - wlim) * (wlim - xc) >= 0.0) {
        w = wlim;
        fw = func.applyAsDouble(w);
      } else if ((w - wlim) * (xc - w) > 0.0) {
        fw = func.applyAsDouble(w);
        if (fw < fc) {
          xb = xc;
          xc = w;
          w = xc + gold * (xc - xb);
          fb = fc;
          fc = fw;
          fw = func.applyAsDouble(w);
        }
      } else {
        w = xc + gold * (xc - xb);
        fw = func.applyAsDouble(w);
      }
      xa = xb;
      xb = xc;
      xc = w;
      fa = fb;
      fb = fc;
      fc = fw;
    }
    return new double[] {xa, xb, xc, fa, fb, fc};
  }

  /** {@code _minimize_scalar_bounded(func, (x1, x2), xatol=xatol, maxiter=500)}. */
  public static Point bounded(DoubleUnaryOperator func, double x1, double x2, double xatol) {
    final int maxfun = 500;
    final double sqrtEps = Math.sqrt(2.2e-16);
    final double goldenMean = 0.5 * (3.0 - Math.sqrt(5.0));
    double a = x1;
    double b = x2;
    double fulc = a + goldenMean * (b - a);
    double nfc = fulc;
    double xf = fulc;
    double rat = 0.0;
    double e = 0.0;
    double x = xf;
    double fx = func.applyAsDouble(x);
    int num = 1;
    double ffulc = fx;
    double fnfc = fx;
    double xm = 0.5 * (a + b);
    double tol1 = sqrtEps * Math.abs(xf) + xatol / 3.0;
    double tol2 = 2.0 * tol1;
    while (Math.abs(xf - xm) > (tol2 - 0.5 * (b - a))) {
      boolean golden = true;
      if (Math.abs(e) > tol1) {
        golden = false;
        double r = (xf - nfc) * (fx - ffulc);
        double q = (xf - fulc) * (fx - fnfc);
        double p = (xf - fulc) * q - (xf - nfc) * r;
        q = 2.0 * (q - r);
        if (q > 0.0) {
          p = -p;
        }
        q = Math.abs(q);
        r = e;
        e = rat;
        if (Math.abs(p) < Math.abs(0.5 * q * r) && p > q * (a - xf) && p < q * (b - xf)) {
          rat = (p + 0.0) / q;
          x = xf + rat;
          if ((x - a) < tol2 || (b - x) < tol2) {
            double si = Math.signum(xm - xf) + ((xm - xf) == 0 ? 1 : 0);
            rat = tol1 * si;
          }
        } else {
          golden = true;
        }
      }
      if (golden) {
        e = xf >= xm ? a - xf : b - xf;
        rat = goldenMean * e;
      }
      double si = Math.signum(rat) + (rat == 0 ? 1 : 0);
      x = xf + si * Math.max(Math.abs(rat), tol1);
      double fu = func.applyAsDouble(x);
      num++;
      if (fu <= fx) {
        if (x >= xf) {
          a = xf;
        } else {
          b = xf;
        }
        fulc = nfc;
        ffulc = fnfc;
        nfc = xf;
        fnfc = fx;
        xf = x;
        fx = fu;
      } else {
        if (x < xf) {
          a = x;
        } else {
          b = x;
        }
        if (fu <= fnfc || nfc == xf) {
          fulc = nfc;
          ffulc = fnfc;
          nfc = x;
          fnfc = fu;
        } else if (fu <= ffulc || fulc == xf || fulc == nfc) {
          fulc = x;
          ffulc = fu;
        }
      }
      xm = 0.5 * (a + b);
      tol1 = sqrtEps * Math.abs(xf) + xatol / 3.0;
      tol2 = 2.0 * tol1;
      if (num >= maxfun) {
        break;
      }
    }
    return new Point(xf, fx);
  }
}
