package org.minima4j.optimize;

import org.minima4j.optimize.internal.Blas;
import org.minima4j.optimize.internal.Dcsrch;
import org.minima4j.optimize.internal.LbfgsbFormk;
import org.minima4j.optimize.internal.LbfgsbMemory;
import org.minima4j.optimize.internal.LbfgsbSubspace;

/**
 * L-BFGS-B: limited-memory BFGS for bound-constrained problems (R. H. Byrd, P. Lu, J. Nocedal and
 * C. Zhu, "A limited memory algorithm for bound constrained optimization", SIAM J. Sci. Comput.
 * 16(5):1190-1208, 1995; version 3.0 with the subspace projection of J. L. Morales and J. Nocedal,
 * ACM TOMS 38(1), 2011). The driver follows {@code mainlb} and {@code lnsrlb} of scipy 1.10.1
 * {@code scipy/optimize/lbfgsb_src/lbfgsb.f} and the Python loop of
 * {@code scipy/optimize/_lbfgsb_py.py} step by step, so iteration and evaluation counts match
 * scipy's. Deviation: {@code maxfun} is a hard limit (scipy checks it only between iterations).
 */
final class LBFGSB {
  static final double DEFAULT_FTOL = 2.220446049250313e-09;
  static final double DEFAULT_GTOL = 1e-5;
  static final double DEFAULT_EPS = 1e-8;
  static final int DEFAULT_MAXITER = 15000;
  static final int DEFAULT_MAXFUN = 15000;
  static final String MSG_PGTOL = "CONVERGENCE: NORM_OF_PROJECTED_GRADIENT_<=_PGTOL";
  static final String MSG_FACTR = "CONVERGENCE: REL_REDUCTION_OF_F_<=_FACTR*EPSMCH";
  static final String MSG_ABNORMAL = "ABNORMAL_TERMINATION_IN_LNSRCH";
  static final String MSG_MAXITER = "STOP: TOTAL NO. of ITERATIONS REACHED LIMIT";
  static final String MSG_MAXFUN = "STOP: TOTAL NO. of f AND g EVALUATIONS EXCEEDS LIMIT";

  private static final double BIG = 1.0e10;

  private LBFGSB() {}

  static OptimizeResult minimize(Problem pb) {
    MinimizeOptions o = pb.options;
    int n = pb.n;
    int m = o.maxcor();
    int maxls = o.maxls();
    double pgtol = o.gtolOr(DEFAULT_GTOL);
    double epsmch = Math.ulp(1.0);
    double factr = o.ftolOr(DEFAULT_FTOL) / Math.ulp(1.0);
    double tol = factr * epsmch;
    int maxiter = o.maxiterOr(DEFAULT_MAXITER);

    double[] l = new double[n + 1];
    double[] u = new double[n + 1];
    int[] nbd = new int[n + 1];
    double[] x = new double[n + 1];
    boolean cnstnd = false;
    boolean boxed = true;
    for (int i = 1; i <= n; i++) {
      boolean hasL = pb.lb[i - 1] != Double.NEGATIVE_INFINITY;
      boolean hasU = pb.ub[i - 1] != Double.POSITIVE_INFINITY;
      l[i] = hasL ? pb.lb[i - 1] : 0.0;
      u[i] = hasU ? pb.ub[i - 1] : 0.0;
      nbd[i] = hasL ? (hasU ? 2 : 1) : (hasU ? 3 : 0);
      x[i] = pb.x0[i - 1];
    }
    LbfgsbMemory mem = new LbfgsbMemory(n, m, l, u, nbd, epsmch);
    // active: project x0 and initialize iwhere
    for (int i = 1; i <= n; i++) {
      if (nbd[i] > 0) {
        if (nbd[i] <= 2 && x[i] <= l[i]) {
          x[i] = l[i];
        } else if (nbd[i] >= 2 && x[i] >= u[i]) {
          x[i] = u[i];
        }
      }
    }
    for (int i = 1; i <= n; i++) {
      if (nbd[i] != 2) {
        boxed = false;
      }
      if (nbd[i] == 0) {
        mem.iwhere[i] = -1;
      } else {
        cnstnd = true;
        mem.iwhere[i] = nbd[i] == 2 && u[i] - l[i] <= 0 ? 3 : 0;
      }
    }
    double[] g = new double[n + 1];
    double[] z = new double[n + 1];
    double[] r = new double[n + 1];
    double[] d = new double[n + 1];
    double[] t = new double[n + 1];
    double[] xp = new double[n + 1];
    double[] wt = new double[n + 1];
    int[] iorder = new int[n + 1];

    double[] xs = new double[n];
    double f = evaluate(pb, x, g, xs);
    int nit = 0;
    int iter = 0;
    double sbgnrm = mem.projgr(x, g);
    if (sbgnrm <= pgtol) {
      return result(pb, mem, m, x, f, g, nit, 0, MSG_PGTOL);
    }
    while (true) {
      // label 222: one iteration
      mem.iword = -1;
      boolean wrk;
      if (!cnstnd && mem.col > 0) {
        System.arraycopy(x, 1, z, 1, n);
        wrk = mem.updatd;
        mem.nseg = 0;
      } else {
        int info = mem.cauchy(x, g, iorder, wt, d, z, sbgnrm);
        if (info != 0) {
          mem.reset();
          continue;
        }
        wrk = mem.freev(iter, cnstnd);
      }
      if (mem.nfree != 0 && mem.col != 0) {
        int info = 0;
        if (wrk) {
          info = LbfgsbFormk.formk(mem);
        }
        if (info == 0) {
          info = LbfgsbSubspace.cmprlb(mem, x, g, z, r, cnstnd);
          if (info == 0) {
            info = LbfgsbSubspace.subsm(mem, z, r, xp, x, g);
          }
        }
        if (info != 0) {
          mem.reset();
          continue;
        }
      }
      for (int i = 1; i <= n; i++) {
        d[i] = z[i] - x[i];
      }
      // lnsrlb
      double dtd = Blas.ddot(n, d, 1, d, 1);
      double dnorm = Math.sqrt(dtd);
      double stpmx = BIG;
      if (cnstnd) {
        if (iter == 0) {
          stpmx = 1.0;
        } else {
          for (int i = 1; i <= n; i++) {
            double a1 = d[i];
            if (nbd[i] != 0) {
              if (a1 < 0 && nbd[i] <= 2) {
                double a2 = l[i] - x[i];
                if (a2 >= 0) {
                  stpmx = 0;
                } else if (a1 * stpmx < a2) {
                  stpmx = a2 / a1;
                }
              } else if (a1 > 0 && nbd[i] >= 2) {
                double a2 = u[i] - x[i];
                if (a2 <= 0) {
                  stpmx = 0;
                } else if (a1 * stpmx > a2) {
                  stpmx = a2 / a1;
                }
              }
            }
          }
        }
      }
      double stp = iter == 0 && !boxed ? Math.min(1.0 / dnorm, stpmx) : 1.0;
      System.arraycopy(x, 1, t, 1, n);
      System.arraycopy(g, 1, r, 1, n);
      double fold = f;
      int ifun = 0;
      Dcsrch ls = new Dcsrch(1.0e-3, 0.9, 0.1, 0.0, stpmx);
      double gd = 0;
      double gdold = 0;
      boolean abnormal = false;
      while (true) {
        gd = Blas.ddot(n, g, 1, d, 1);
        Dcsrch.Task task;
        if (ifun == 0) {
          gdold = gd;
          if (gd >= 0) {
            abnormal = true;
            break;
          }
          task = ls.start(f, gd, stp);
        } else {
          task = ls.iterate(f, gd);
        }
        if (task == Dcsrch.Task.ERROR) {
          abnormal = true;
          break;
        }
        stp = ls.stp();
        if (task != Dcsrch.Task.FG) {
          break;
        }
        ifun++;
        int iback = ifun - 1;
        if (stp == 1.0) {
          System.arraycopy(z, 1, x, 1, n);
        } else {
          for (int i = 1; i <= n; i++) {
            x[i] = stp * d[i] + t[i];
            if (nbd[i] == 1 || nbd[i] == 2) {
              x[i] = Math.max(x[i], l[i]);
            }
            if (nbd[i] == 2 || nbd[i] == 3) {
              x[i] = Math.min(x[i], u[i]);
            }
          }
        }
        if (iback >= maxls) {
          abnormal = true;
          break;
        }
        f = evaluate(pb, x, g, xs);
      }
      if (abnormal) {
        System.arraycopy(t, 1, x, 1, n);
        System.arraycopy(r, 1, g, 1, n);
        f = fold;
        if (mem.col == 0) {
          return result(pb, mem, m, x, f, g, nit, 2, MSG_ABNORMAL);
        }
        mem.reset();
        continue;
      }
      // NEW_X
      iter++;
      sbgnrm = mem.projgr(x, g);
      nit++;
      pb.callback(slice(x), f, nit);
      if (nit >= maxiter) {
        return result(pb, mem, m, x, f, g, nit, 1, MSG_MAXITER);
      }
      if (sbgnrm <= pgtol) {
        return result(pb, mem, m, x, f, g, nit, 0, MSG_PGTOL);
      }
      double ddum = Math.max(Math.abs(fold), Math.max(Math.abs(f), 1.0));
      if (fold - f <= tol * ddum) {
        return result(pb, mem, m, x, f, g, nit, 0, MSG_FACTR);
      }
      for (int i = 1; i <= n; i++) {
        r[i] = g[i] - r[i];
      }
      double rr = Blas.ddot(n, r, 1, r, 1);
      double dr;
      if (stp == 1.0) {
        dr = gd - gdold;
        ddum = -gdold;
      } else {
        dr = (gd - gdold) * stp;
        for (int i = 1; i <= n; i++) {
          d[i] = stp * d[i];
        }
        ddum = -gdold * stp;
      }
      if (dr <= epsmch * ddum) {
        mem.updatd = false;
        continue;
      }
      mem.updatd = true;
      mem.iupdat++;
      LbfgsbSubspace.matupd(mem, d, r, rr, dr, stp, dtd);
      if (LbfgsbSubspace.formt(mem) != 0) {
        mem.reset();
      }
    }
  }

  /** f and g at x (1-based arrays); {@code xs} is a work array of length n (the evaluator copies it). */
  private static double evaluate(Problem pb, double[] x1, double[] g1, double[] xs) {
    System.arraycopy(x1, 1, xs, 0, xs.length);
    double f = pb.fn.fun(xs);
    pb.fn.grad(xs, g1, 1);
    return f;
  }

  private static double[] slice(double[] a1) {
    double[] a = new double[a1.length - 1];
    System.arraycopy(a1, 1, a, 0, a.length);
    return a;
  }

  private static OptimizeResult result(Problem pb, LbfgsbMemory mem, int m, double[] x, double f, double[] g,
      int nit, int status, String message) {
    pb.nit = nit;
    return new OptimizeResult(slice(x), f, slice(g), nit, pb.fn.nfev(), pb.fn.ngev(), 0, status, status == 0,
        message, 0.0, hessInv(mem, pb.n, m), null);
  }

  /**
   * scipy's {@code hess_inv}: {@code LbfgsInvHessProduct} of the first {@code min(iupdat, m)}
   * stored pairs in storage order (as {@code _lbfgsb_py.py} slices the workspace).
   */
  static InverseHessian hessInv(LbfgsbMemory mem, int n, int m) {
    int k = Math.min(mem.iupdat, m);
    double[][] s = new double[k][];
    double[][] y = new double[k][];
    for (int j = 0; j < k; j++) {
      s[j] = slice(mem.ws[j + 1]);
      y[j] = slice(mem.wy[j + 1]);
    }
    return InverseHessian.lbfgs(s, y, n);
  }
}
