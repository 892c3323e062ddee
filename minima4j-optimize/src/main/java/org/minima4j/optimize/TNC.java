package org.minima4j.optimize;

import org.minima4j.optimize.internal.Tnc;
import org.minima4j.optimize.internal.TncLineSearch;

/**
 * TNC: truncated Newton with bounds (S. G. Nash, "A survey of truncated-Newton methods", J. Comput.
 * Appl. Math. 124, 2000; J.-S. Roux's C implementation), following scipy 1.10.1
 * {@code scipy/optimize/tnc/tnc.c} ({@code tnc}, {@code tnc_minimize}, active-set handling) and
 * {@code scipy/optimize/_tnc.py} (defaults: maxfun = max(100, 10 n), eta 0.25, stepmx 10,
 * accuracy sqrt(eps), ftol = accuracy, xtol = sqrt(eps), pgtol = 1e-2 sqrt(accuracy), rescale
 * 1.3, maxCGit = clamp(n/2, 1, 50); the {@code gtol}, {@code ftol}, {@code xtol} options apply).
 * Variables are scaled to [-1, 1] by finite bounds (else by 1 + |x0|).
 */
final class TNC {
  static final String[] MESSAGES = {
    "Local minimum reached (|pg| ~= 0)",
    "Converged (|f_n-f_(n-1)| ~= 0)",
    "Converged (|x_n-x_(n-1)| ~= 0)",
    "Max. number of function evaluations reached",
    "Linear search failed",
    "All lower bounds are equal to the upper bounds",
    "Unable to progress",
    "User requested end of minimization"};
  static final int LOCALMINIMUM = 0;
  static final int FCONVERGED = 1;
  static final int XCONVERGED = 2;
  static final int MAXFUN = 3;
  static final int LSFAIL = 4;
  static final int CONSTANT = 5;
  static final int NOPROGRESS = 6;

  private static final double EPS = Math.ulp(1.0);

  private TNC() {}

  /** The scaled problem: evaluation through the counted objective, scaling and clipping. */
  private static final class Scaled implements Tnc.Gradient, TncLineSearch.Problem {
    final Problem pb;
    final int n;
    final double[] xscale;
    final double[] xoffset;
    final double[] low;
    final double[] up;
    double fscale = 1.0;
    int nfeval;

    Scaled(Problem pb, double[] xscale, double[] xoffset) {
      this.pb = pb;
      this.n = pb.n;
      this.xscale = xscale;
      this.xoffset = xoffset;
      this.low = pb.lb;
      this.up = pb.ub;
    }

    /** {@code unscalex} only (the point scipy passes to the callback). */
    double[] unscaledClippedNoClip(double[] xs) {
      double[] x = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] = xs[i] * xscale[i] + xoffset[i];
      }
      return x;
    }

    double[] unscaledClipped(double[] xs) {
      double[] x = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] = xs[i] * xscale[i] + xoffset[i];
        if (x[i] < low[i]) {
          x[i] = low[i];
        } else if (x[i] > up[i]) {
          x[i] = up[i];
        }
      }
      return x;
    }

    /** {@code function(x, &f, g)}: scipy's {@code sf.fun_and_grad} on the unscaled point. */
    double raw(double[] x, double[] gOut) {
      double f = pb.fn.fun(x);
      double[] g = pb.fn.grad(x);
      System.arraycopy(g, 0, gOut, 0, n);
      return f;
    }

    @Override
    public double evaluate(double[] scaledX, double[] gfullOut) {
      return raw(unscaledClipped(scaledX), gfullOut) * fscale;
    }

    @Override
    public double[] gscaled(double[] gfull) {
      double[] g = gfull.clone();
      for (int i = 0; i < n; i++) {
        g[i] *= xscale[i] * fscale;
      }
      return g;
    }

    @Override
    public double[] scaledGradientAt(double[] xv) {
      double[] g = new double[n];
      raw(unscaledClipped(xv), g);
      return gscaled(g);
    }

    @Override
    public void countEvaluation() {
      nfeval++;
    }

    @Override
    public int nfeval() {
      return nfeval;
    }

    @Override
    public void projectConstants(double[] v) {
      for (int i = 0; i < n; i++) {
        if (xscale[i] == 0.0) {
          v[i] = 0.0;
        }
      }
    }
  }

  static OptimizeResult minimize(Problem pb) {
    MinimizeOptions o = pb.options;
    int n = pb.n;
    int maxnfeval = o.maxfun() != null ? o.maxfun() : Math.max(100, 10 * n);
    double[] low = pb.lb;
    double[] up = pb.ub;
    double[] x = pb.x0.clone();
    double rteps = Math.sqrt(EPS);
    double accuracy = rteps;
    double ftol = o.ftol() != null ? o.ftol() : accuracy;
    double xtol = o.xtol() != null ? o.xtol() : rteps;
    double pgtol = o.gtol() != null ? o.gtol() : 1e-2 * Math.sqrt(accuracy);
    double eta = 0.25;
    double stepmx = 1.0e1;
    double rescale = 1.3;
    double fminUser = 0.0;
    int maxCGit = Math.max(1, Math.min(50, n / 2));
    if (maxCGit > n) {
      maxCGit = n;
    }
    double[] gfull = new double[n];
    double[] xscale = new double[n];
    double[] xoffset = new double[n];
    Scaled sc = new Scaled(pb, xscale, xoffset);
    double f = sc.raw(x, gfull);
    sc.nfeval++;
    int nc = 0;
    for (int i = 0; i < n; i++) {
      if (low[i] == up[i]) {
        nc++;
      }
    }
    if (nc == n) {
      return finish(pb, sc, x, 0, CONSTANT);
    }
    for (int i = 0; i < n; i++) {
      if (low[i] != Double.NEGATIVE_INFINITY && up[i] != Double.POSITIVE_INFINITY) {
        xscale[i] = up[i] - low[i];
        xoffset[i] = (up[i] + low[i]) * 0.5;
      } else {
        xscale[i] = 1.0 + Math.abs(x[i]);
        xoffset[i] = x[i];
      }
    }
    int[] niter = {0};
    int rc = minimizeScaled(pb, sc, n, x, f, gfull, maxCGit, maxnfeval, niter, eta, stepmx, accuracy, fminUser, ftol,
        xtol, pgtol, rescale);
    return finish(pb, sc, x, niter[0], rc);
  }

  /** scipy's wrapper re-evaluates {@code func_and_grad(x)} at the returned point (cached if seen). */
  private static OptimizeResult finish(Problem pb, Scaled sc, double[] x, int nit, int rc) {
    pb.nit = nit;
    double fun = pb.fn.fun(x);
    double[] jac = pb.fn.grad(x);
    return new OptimizeResult(x, fun, jac, nit, pb.fn.nfev(), pb.fn.ngev(), 0, rc, rc >= 0 && rc < 3,
        MESSAGES[rc], 0.0);
  }

  /** {@code tnc_minimize} on the scaled variables; {@code x} is overwritten with the unscaled result. */
  private static int minimizeScaled(Problem pb, Scaled sc, int n, double[] x, double f0, double[] gfull,
      int maxCGit, int maxnfeval, int[] niter, double eta, double stepmx, double accuracy, double fminUser,
      double ftol, double xtol, double pgtol, double rescale) {
    double[] xscale = sc.xscale;
    double[] xoffset = sc.xoffset;
    double[] low = sc.low;
    double[] up = sc.up;
    Tnc.Memory mem = new Tnc.Memory(n);
    double difnew = 0.0;
    double epsred = 0.05;
    int icycle = n - 1;
    boolean newcon = true;
    double alpha = 0.0;
    double f = f0;
    for (int i = 0; i < n; i++) {
      if (xscale[i] > 0.0) {
        x[i] = (x[i] - xoffset[i]) / xscale[i];
      }
    }
    f *= sc.fscale;
    int[] pivot = new int[n];
    for (int i = 0; i < n; i++) {
      if (xscale[i] == 0.0) {
        pivot[i] = 2;
      } else if (low[i] != Double.NEGATIVE_INFINITY
          && x[i] * xscale[i] + xoffset[i] - low[i] <= EPS * 10.0 * (Math.abs(low[i]) + 1.0)) {
        pivot[i] = -1;
      } else if (up[i] != Double.POSITIVE_INFINITY
          && x[i] * xscale[i] + xoffset[i] - up[i] >= EPS * 10.0 * (Math.abs(up[i]) + 1.0)) {
        pivot[i] = 1;
      } else {
        pivot[i] = 0;
      }
    }
    double[] g = sc.gscaled(gfull);
    for (int i = 0; i < n; i++) {
      if (-pivot[i] * g[i] < 0.0) {
        pivot[i] = 0;
      }
    }
    Tnc.project(n, g, pivot);
    double gnorm = Tnc.dnrm21(n, g);
    double fLastConstraint = f;
    double fLastReset = f;
    double[] oldg = new double[n];
    double[] pk = new double[n];
    int rc;
    while (true) {
      if (Tnc.dnrm21(n, g) <= pgtol * sc.fscale) {
        rc = LOCALMINIMUM;
        break;
      }
      if (sc.nfeval >= maxnfeval) {
        rc = MAXFUN;
        break;
      }
      double newscale = Tnc.dnrm21(n, g);
      if (newscale > EPS && Math.abs(Math.log10(newscale)) > rescale) {
        newscale = 1.0 / newscale;
        f *= newscale;
        sc.fscale *= newscale;
        gnorm *= newscale;
        fLastConstraint *= newscale;
        fLastReset *= newscale;
        difnew *= newscale;
        for (int i = 0; i < n; i++) {
          g[i] *= newscale;
        }
        java.util.Arrays.fill(mem.diagb, 1.0);
        mem.upd1 = true;
        icycle = n - 1;
        newcon = true;
      }
      double[] temp = x.clone();
      Tnc.project(n, temp, pivot);
      double xnorm = Tnc.dnrm21(n, temp);
      int oldnfeval = sc.nfeval;
      Tnc.direction(pk, mem, x, g, n, maxCGit, maxnfeval, sc, pivot, accuracy, gnorm, xnorm);
      if (!newcon) {
        if (!mem.lreset) {
          for (int i = 0; i < n; i++) {
            mem.sr[i] += mem.sk[i];
            mem.yr[i] += mem.yk[i];
          }
          icycle++;
        } else {
          System.arraycopy(mem.sk, 0, mem.sr, 0, n);
          System.arraycopy(mem.yk, 0, mem.yr, 0, n);
          fLastReset = f;
          icycle = 1;
        }
      }
      System.arraycopy(g, 0, oldg, 0, n);
      double oldf = f;
      double oldgtp = Tnc.ddot1(n, pk, g);
      double ustpmax = stepmx / (Tnc.dnrm21(n, pk) + EPS);
      double spe = stepMax(ustpmax, n, x, pk, pivot, low, up, xscale, xoffset);
      if (spe > 0.0) {
        alpha = initialStep(f, fminUser / sc.fscale, oldgtp, spe);
        TncLineSearch.Result ls = TncLineSearch.search(sc, n, pivot, eta, ftol, spe, pk, x, f, alpha, gfull,
            maxnfeval);
        alpha = ls.alpha();
        f = ls.f();
        if (ls.rc() == TncLineSearch.Rc.FAIL) {
          rc = LSFAIL;
          break;
        }
        if (alpha >= 0.9 * ustpmax) {
          stepmx *= 1e2;
        }
        if (alpha - spe >= -EPS * 10.0) {
          newcon = true;
        } else {
          if (ls.rc() != TncLineSearch.Rc.OK) {
            rc = ls.rc() == TncLineSearch.Rc.MAXFUN ? MAXFUN : LSFAIL;
            break;
          }
          newcon = false;
        }
      } else {
        newcon = true;
      }
      if (newcon) {
        if (!addConstraint(n, x, pk, pivot, low, up, xscale, xoffset)) {
          if (sc.nfeval == oldnfeval) {
            rc = NOPROGRESS;
            break;
          }
        }
        fLastConstraint = f;
      }
      niter[0]++;
      pb.callback(sc.unscaledClippedNoClip(x), f / sc.fscale, niter[0]);
      double difold = difnew;
      difnew = oldf - f;
      if (icycle == 1) {
        if (difnew > difold * 2.0) {
          epsred += epsred;
        }
        if (difnew < difold * 0.5) {
          epsred *= 0.5;
        }
      }
      g = sc.gscaled(gfull);
      temp = g.clone();
      Tnc.project(n, temp, pivot);
      gnorm = Tnc.dnrm21(n, temp);
      boolean remcon = removeConstraint(oldgtp, gnorm, pgtol * sc.fscale, f, fLastConstraint, g, pivot, n);
      if (remcon) {
        temp = g.clone();
        Tnc.project(n, temp, pivot);
        gnorm = Tnc.dnrm21(n, temp);
        fLastConstraint = f;
      }
      if (!remcon && !newcon) {
        if (Math.abs(difnew) <= ftol * sc.fscale) {
          rc = FCONVERGED;
          break;
        }
        if (alpha * Tnc.dnrm21(n, pk) <= xtol) {
          rc = XCONVERGED;
          break;
        }
      }
      Tnc.project(n, g, pivot);
      if (!newcon) {
        for (int i = 0; i < n; i++) {
          mem.yk[i] = g[i] - oldg[i];
          mem.sk[i] = alpha * pk[i];
        }
        mem.yksk = Tnc.ddot1(n, mem.yk, mem.sk);
        if (icycle == n - 1 || difnew < epsred * (fLastReset - f)) {
          mem.lreset = true;
        } else {
          mem.yrsr = Tnc.ddot1(n, mem.yr, mem.sr);
          mem.lreset = mem.yrsr <= 0.0;
        }
        mem.upd1 = false;
      }
    }
    double[] xs = x.clone();
    for (int i = 0; i < n; i++) {
      double v = xs[i] * xscale[i] + xoffset[i];
      if (v < low[i]) {
        v = low[i];
      } else if (v > up[i]) {
        v = up[i];
      }
      x[i] = v;
    }
    return rc;
  }

  private static double initialStep(double fnew, double fmin, double gtp, double smax) {
    double d = Math.abs(fnew - fmin);
    double alpha = 1.0;
    if (d * 2.0 <= -gtp && d >= EPS) {
      alpha = d * -2.0 / gtp;
    }
    if (alpha >= smax) {
      alpha = smax;
    }
    return alpha;
  }

  private static double stepMax(double step, int n, double[] x, double[] dir, int[] pivot, double[] low,
      double[] up, double[] xscale, double[] xoffset) {
    for (int i = 0; i < n; i++) {
      if (pivot[i] == 0 && dir[i] != 0.0) {
        if (dir[i] < 0.0) {
          double t = (low[i] - xoffset[i]) / xscale[i] - x[i];
          if (t > step * dir[i]) {
            step = t / dir[i];
          }
        } else {
          double t = (up[i] - xoffset[i]) / xscale[i] - x[i];
          if (t < step * dir[i]) {
            step = t / dir[i];
          }
        }
      }
    }
    return step;
  }

  private static boolean addConstraint(int n, double[] x, double[] p, int[] pivot, double[] low, double[] up,
      double[] xscale, double[] xoffset) {
    boolean newcon = false;
    for (int i = 0; i < n; i++) {
      if (pivot[i] == 0 && p[i] != 0.0) {
        if (p[i] < 0.0 && low[i] != Double.NEGATIVE_INFINITY) {
          double tol = EPS * 10.0 * (Math.abs(low[i]) + 1.0);
          if (x[i] * xscale[i] + xoffset[i] - low[i] <= tol) {
            pivot[i] = -1;
            x[i] = (low[i] - xoffset[i]) / xscale[i];
            newcon = true;
          }
        } else if (up[i] != Double.POSITIVE_INFINITY) {
          double tol = EPS * 10.0 * (Math.abs(up[i]) + 1.0);
          if (up[i] - (x[i] * xscale[i] + xoffset[i]) <= tol) {
            pivot[i] = 1;
            x[i] = (up[i] - xoffset[i]) / xscale[i];
            newcon = true;
          }
        }
      }
    }
    return newcon;
  }

  private static boolean removeConstraint(double gtpnew, double gnorm, double pgtolfs, double f,
      double fLastConstraint, double[] g, int[] pivot, int n) {
    if ((fLastConstraint - f) <= (gtpnew * -0.5) && gnorm > pgtolfs) {
      return false;
    }
    int imax = -1;
    double cmax = 0.0;
    for (int i = 0; i < n; i++) {
      if (pivot[i] == 2) {
        continue;
      }
      double t = -pivot[i] * g[i];
      if (t < cmax) {
        cmax = t;
        imax = i;
      }
    }
    if (imax != -1) {
      pivot[imax] = 0;
      return true;
    }
    return false;
  }
}
