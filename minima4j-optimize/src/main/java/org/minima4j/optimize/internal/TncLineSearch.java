package org.minima4j.optimize.internal;

/**
 * The safeguarded step-length search of TNC ({@code linearSearch}, {@code getptcInit},
 * {@code getptcIter} of scipy 1.10.1 {@code scipy/optimize/tnc/tnc.c}; S. G. Nash's TN package,
 * after Gill and Murray's GETPTC): cubic/quadratic interpolation with bracketing on the scaled
 * problem.
 */
public final class TncLineSearch {
  /** Outcome: {@code LS_OK}, {@code LS_MAXFUN}, {@code LS_FAIL}. */
  public enum Rc { OK, MAXFUN, FAIL }

  private enum Getptc { OK, EVAL, EINVAL, FAIL }

  private static final double EPS = Math.ulp(1.0);

  // getptc state (all the in/out pointers of the C code)
  private double reltol;
  private double abstol;
  private double tnytol;
  private double u;
  private double fu;
  private double gu;
  private double xmin;
  private double fmin;
  private double gmin;
  private double xw;
  private double fw;
  private double gw;
  private double a;
  private double b;
  private double oldf;
  private double b1;
  private double scxbnd;
  private double e;
  private double step;
  private double factor;
  private boolean braktd;
  private double gtest1;
  private double gtest2;
  private double tol;

  /** The TNC problem as the search needs it. */
  public interface Problem {
    /** f and the full (unscaled) gradient at the unscaled, clipped point of scaled x. */
    double evaluate(double[] scaledX, double[] gfullOut);

    int nfeval();

    void countEvaluation();

    double[] gscaled(double[] gfull);
  }

  /** Result of a search: rc, the step alpha, the new scaled f. */
  public record Result(Rc rc, double alpha, double f) {}

  /**
   * Searches along {@code p} from scaled {@code x} (value {@code f}); on success {@code x} and
   * {@code gfull} are updated in place.
   */
  public static Result search(Problem pr, int n, int[] pivot, double eta, double ftol, double xbnd, double[] p,
      double[] x, double f, double alpha0, double[] gfull, int maxnfeval) {
    TncLineSearch s = new TncLineSearch();
    double[] temp = pr.gscaled(gfull);
    s.gu = Tnc.ddot1(n, temp, p);
    temp = x.clone();
    Tnc.project(n, temp, pivot);
    double xnorm = Tnc.dnrm21(n, temp);
    double rteps = Math.sqrt(EPS);
    double pe = Tnc.dnrm21(n, p) + EPS;
    s.reltol = rteps * (xnorm + 1.0) / pe;
    s.abstol = -EPS * (1.0 + Math.abs(f)) / (s.gu - EPS);
    s.tnytol = EPS * (xnorm + 1.0) / pe;
    double rtsmll = EPS;
    double big = 1.0 / (EPS * EPS);
    int itcnt = 0;
    double fpresn = ftol;
    s.u = alpha0;
    s.fu = f;
    s.fmin = f;
    double rmu = 1e-4;
    double[] newgfull = new double[n];
    double[] tempgfull = new double[n];
    Getptc itest = s.init(eta, rmu, xbnd);
    while (itest == Getptc.EVAL) {
      if (++itcnt > 64 || pr.nfeval() >= maxnfeval) {
        break;
      }
      double ualpha = s.xmin + s.u;
      double[] t = new double[n];
      for (int i = 0; i < n; i++) {
        t[i] = x[i] + ualpha * p[i];
      }
      double fuRaw = pr.evaluate(t, tempgfull);
      pr.countEvaluation();
      s.fu = fuRaw;
      double[] ts = pr.gscaled(tempgfull);
      s.gu = Tnc.ddot1(n, ts, p);
      itest = s.iter(big, rtsmll, fpresn, xbnd);
      if (s.xmin == ualpha) {
        System.arraycopy(tempgfull, 0, newgfull, 0, n);
      }
    }
    if (itest == Getptc.OK) {
      Tnc.daxpy1(n, s.xmin, p, x);
      System.arraycopy(newgfull, 0, gfull, 0, n);
      return new Result(Rc.OK, s.xmin, s.fmin);
    } else if (itcnt > 64 || itest != Getptc.EVAL) {
      return new Result(Rc.FAIL, s.xmin, f);
    }
    return new Result(Rc.MAXFUN, s.xmin, f);
  }

  private Getptc init(double eta, double rmu, double xbnd) {
    if (u <= 0.0 || xbnd <= tnytol || gu > 0.0) {
      return Getptc.EINVAL;
    }
    if (xbnd < abstol) {
      abstol = xbnd;
    }
    tol = abstol;
    a = 0.0;
    xw = 0.0;
    xmin = 0.0;
    oldf = fu;
    fmin = fu;
    fw = fu;
    gw = gu;
    gmin = gu;
    step = u;
    factor = 5.0;
    braktd = false;
    scxbnd = xbnd;
    b = scxbnd + reltol * Math.abs(scxbnd) + abstol;
    e = b + b;
    b1 = b;
    gtest1 = -rmu * gu;
    gtest2 = -eta * gu;
    if (step >= scxbnd) {
      step = scxbnd;
      scxbnd -= (reltol * Math.abs(xbnd) + abstol) / (1.0 + reltol);
    }
    u = step;
    if (Math.abs(step) < tol && step < 0.0) {
      u = -tol;
    }
    if (Math.abs(step) < tol && step >= 0.0) {
      u = tol;
    }
    return Getptc.EVAL;
  }

  private Getptc iter(double big, double rtsmll, double fpresn, double xbnd) {
    boolean toConvergence = false;
    if (fu <= fmin) {
      double chordu = oldf - (xmin + u) * gtest1;
      if (fu > chordu) {
        double chordm = oldf - xmin * gtest1;
        gu = -gmin;
        double denom = chordm - fmin;
        if (Math.abs(denom) < 1e-15) {
          denom = 1e-15;
          if (chordm - fmin < 0.0) {
            denom = -denom;
          }
        }
        if (xmin != 0.0) {
          gu = gmin * (chordu - fu) / denom;
        }
        fu = 0.5 * u * (gmin + gu) + fmin;
        if (fu < fmin) {
          fu = fmin;
        }
      } else {
        fw = fmin;
        fmin = fu;
        gw = gmin;
        gmin = gu;
        xmin += u;
        a -= u;
        b -= u;
        xw = -u;
        scxbnd -= u;
        if (gu <= 0.0) {
          a = 0.0;
        } else {
          b = 0.0;
          braktd = true;
        }
        tol = Math.abs(xmin) * reltol + abstol;
        toConvergence = true;
      }
    }
    if (!toConvergence) {
      if (u < 0.0) {
        a = u;
      } else {
        b = u;
        braktd = true;
      }
      xw = u;
      fw = fu;
      gw = gu;
    }
    double twotol = tol + tol;
    double xmidpt = 0.5 * (a + b);
    boolean convrg = Math.abs(xmidpt) <= twotol - 0.5 * (b - a)
        || (Math.abs(gmin) <= gtest2 && fmin < oldf && (Math.abs(xmin - xbnd) > tol || !braktd));
    if (convrg) {
      if (xmin != 0.0) {
        return Getptc.OK;
      }
      if (Math.abs(oldf - fw) <= fpresn) {
        return Getptc.FAIL;
      }
      tol = 0.1 * tol;
      if (tol < tnytol) {
        return Getptc.FAIL;
      }
      reltol = 0.1 * reltol;
      abstol = 0.1 * abstol;
      twotol = 0.1 * twotol;
    }
    double r = 0.0;
    double q = 0.0;
    double s = 0.0;
    boolean minimumFound = false;
    if (Math.abs(e) > tol) {
      r = 3.0 * (fmin - fw) / xw + gmin + gw;
      double absr = Math.abs(r);
      q = absr;
      if (gw != 0.0 && gmin != 0.0) {
        double abgw = Math.abs(gw);
        double abgmin = Math.abs(gmin);
        s = Math.sqrt(abgmin) * Math.sqrt(abgw);
        if (gw / abgw * gmin > 0.0) {
          if (r >= s || r <= -s) {
            q = Math.sqrt(Math.abs(r + s)) * Math.sqrt(Math.abs(r - s));
          } else {
            r = 0.0;
            q = 0.0;
            minimumFound = true;
          }
        } else {
          double sumsq = 1.0;
          double p = 0.0;
          double scale;
          if (absr >= s) {
            if (absr > rtsmll) {
              p = absr * rtsmll;
            }
            if (s >= p) {
              double value = s / absr;
              sumsq = 1.0 + value * value;
            }
            scale = absr;
          } else {
            if (s > rtsmll) {
              p = s * rtsmll;
            }
            if (absr >= p) {
              double value = absr / s;
              sumsq = 1.0 + value * value;
            }
            scale = s;
          }
          sumsq = Math.sqrt(sumsq);
          q = big;
          if (scale < big / sumsq) {
            q = scale * sumsq;
          }
        }
      }
      if (!minimumFound) {
        if (xw < 0.0) {
          q = -q;
        }
        s = xw * (gmin - r - q);
        q = gw - gmin + q + q;
        if (q > 0.0) {
          s = -s;
        }
        if (q <= 0.0) {
          q = -q;
        }
        r = e;
        if (b1 != step || braktd) {
          e = step;
        }
      }
    }
    double a1 = a;
    b1 = b;
    step = xmidpt;
    if (!braktd || ((a == 0.0 && xw < 0.0) || (b == 0.0 && xw > 0.0))) {
      if (braktd) {
        double d1 = xw;
        double d2 = a;
        if (a == 0.0) {
          d2 = b;
        }
        u = -d1 / d2;
        step = 5.0 * d2 * (0.1 + 1.0 / u) / 11.0;
        if (u < 1.0) {
          step = 0.5 * d2 * Math.sqrt(u);
        }
      } else {
        step = -factor * xw;
        if (step > scxbnd) {
          step = scxbnd;
        }
        if (step != scxbnd) {
          factor = 5.0 * factor;
        }
      }
      if (step <= 0.0) {
        a1 = step;
      }
      if (step > 0.0) {
        b1 = step;
      }
    }
    if (Math.abs(s) <= Math.abs(0.5 * q * r) || s <= q * a1 || s >= q * b1) {
      e = b - a;
    } else {
      step = s / q;
      if (step - a < twotol || b - step < twotol) {
        step = xmidpt <= 0.0 ? -tol : tol;
      }
    }
    if (step >= scxbnd) {
      step = scxbnd;
      scxbnd -= (reltol * Math.abs(xbnd) + abstol) / (1.0 + reltol);
    }
    u = step;
    if (Math.abs(step) < tol && step < 0.0) {
      u = -tol;
    }
    if (Math.abs(step) < tol && step >= 0.0) {
      u = tol;
    }
    return Getptc.EVAL;
  }
}
