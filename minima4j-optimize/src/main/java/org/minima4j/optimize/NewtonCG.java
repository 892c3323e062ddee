package org.minima4j.optimize;

import org.minima4j.optimize.internal.Blas;
import org.minima4j.optimize.internal.EvaluationStop;
import org.minima4j.optimize.internal.WolfeLineSearch;
import org.minima4j.tensor.internal.NumpySum;

/**
 * Line-search Newton-CG (J. Nocedal and S. Wright, "Numerical Optimization", 2nd ed.,
 * Algorithm 7.1), following scipy 1.10.1 {@code _minimize_newtoncg} in
 * {@code scipy/optimize/_optimize.py}: the Newton system is solved inexactly by conjugate
 * gradients (at most 20 n steps, forcing term min(0.5, sqrt(|g|_1)) |g|_1) with the Hessian from
 * {@code hess}, {@code hessp} or forward differences of the gradient (step {@code eps}); Wolfe line
 * search; stop when the L1 norm of the step is at most {@code n * xtol} (xtol = 1e-5).
 */
final class NewtonCG {
  private NewtonCG() {}

  static OptimizeResult minimize(Problem pb) {
    MinimizeOptions o = pb.options;
    int n = pb.n;
    HessianFunction hess = o.hess();
    HessianVectorProduct hessp = o.hessp();
    double epsilon = o.epsOr(Math.sqrt(Math.ulp(1.0)));
    int maxiter = o.maxiterOr(200 * n);
    int cgMaxiter = 20 * n;
    double xtol = n * (o.xtol() != null ? o.xtol() : 1e-5);
    double[] xk = pb.x0.clone();
    int k = 0;
    int hcalls = 0;
    double[] gfk = null;
    double oldFval = pb.fn.fun(xk);
    double oldOldFval = Double.NaN;
    final double float64eps = Math.ulp(1.0);
    double[] update = new double[n];
    java.util.Arrays.fill(update, 2 * xtol);
    while (l1(update) > xtol) {
      if (k >= maxiter) {
        return terminate(pb, xk, oldFval, gfk, k, hcalls, 1, "Warning: " + BFGS.MSG_MAXITER);
      }
      double[] b = pb.fn.grad(xk);
      for (int i = 0; i < n; i++) {
        b[i] = -b[i];
      }
      double maggrad = l1(b);
      double eta = Math.min(0.5, Math.sqrt(maggrad));
      double termcond = eta * maggrad;
      double[] xsupi = new double[n];
      double[] ri = new double[n];
      double[] psupi = new double[n];
      for (int i = 0; i < n; i++) {
        ri[i] = -b[i];
        psupi[i] = -ri[i];
      }
      int it = 0;
      double dri0 = Blas.ddot(n, ri, 0, ri, 0);
      double[][] a = null;
      if (hess != null) {
        a = hessian(hess, xk, n);
        hcalls++;
      }
      boolean converged = false;
      for (int k2 = 0; k2 < cgMaxiter; k2++) {
        if (l1(ri) <= termcond) {
          converged = true;
          break;
        }
        double[] ap;
        if (a == null) {
          if (hessp == null) {
            ap = approxFhessP(pb, xk, psupi, epsilon);
          } else {
            ap = hessp(hessp, xk, psupi, n);
            hcalls++;
          }
        } else {
          ap = new double[n];
          for (int i = 0; i < n; i++) {
            ap[i] = Blas.ddot(n, a[i], 0, psupi, 0);
          }
        }
        double curv = Blas.ddot(n, psupi, 0, ap, 0);
        if (0 <= curv && curv <= 3 * float64eps) {
          converged = true;
          break;
        } else if (curv < 0) {
          if (it == 0) {
            for (int i = 0; i < n; i++) {
              xsupi[i] = dri0 / (-curv) * b[i];
            }
          }
          converged = true;
          break;
        }
        double alphai = dri0 / curv;
        for (int i = 0; i < n; i++) {
          xsupi[i] = xsupi[i] + alphai * psupi[i];
          ri[i] = ri[i] + alphai * ap[i];
        }
        double dri1 = Blas.ddot(n, ri, 0, ri, 0);
        double betai = dri1 / dri0;
        for (int i = 0; i < n; i++) {
          psupi[i] = -ri[i] + betai * psupi[i];
        }
        it++;
        dri0 = dri1;
      }
      if (!converged) {
        return terminate(pb, xk, oldFval, gfk, k, hcalls, 3,
            "Warning: CG iterations didn't converge. The Hessian is not positive definite.");
      }
      double[] pk = xsupi;
      gfk = new double[n];
      for (int i = 0; i < n; i++) {
        gfk[i] = -b[i];
      }
      WolfeLineSearch.Step st = WolfeLineSearch.search(pb.fn, xk, pk, gfk, oldFval, oldOldFval, 1e-4, 0.9, 1e-8, 50,
          Double.POSITIVE_INFINITY, null);
      if (st == null) {
        return terminate(pb, xk, oldFval, gfk, k, hcalls, 2, "Warning: " + BFGS.MSG_PR_LOSS);
      }
      oldFval = st.fval();
      oldOldFval = st.oldFval();
      double[] next = new double[n];
      for (int i = 0; i < n; i++) {
        update[i] = st.alpha() * pk[i];
        next[i] = xk[i] + update[i];
      }
      xk = next;
      k++;
      pb.callback(xk, oldFval, k);
    }
    if (Double.isNaN(oldFval) || hasNaN(update)) {
      return terminate(pb, xk, oldFval, gfk, k, hcalls, 3, BFGS.MSG_NAN);
    }
    return terminate(pb, xk, oldFval, gfk, k, hcalls, 0, BFGS.MSG_SUCCESS);
  }

  private static OptimizeResult terminate(Problem pb, double[] xk, double fval, double[] gfk, int k, int hcalls,
      int warnflag, String msg) {
    pb.nit = k;
    return new OptimizeResult(xk, fval, gfk, k, pb.fn.nfev(), pb.fn.ngev(), hcalls, warnflag, warnflag == 0, msg,
        0.0);
  }

  /** scipy's {@code approx_fhess_p}: (g(x + eps p) - g(x)) / eps. */
  private static double[] approxFhessP(Problem pb, double[] x0, double[] p, double epsilon) {
    int n = x0.length;
    double[] xp = new double[n];
    for (int i = 0; i < n; i++) {
      xp[i] = x0[i] + epsilon * p[i];
    }
    double[] f2 = pb.fn.grad(xp);
    double[] f1 = pb.fn.grad(x0);
    double[] r = new double[n];
    for (int i = 0; i < n; i++) {
      r[i] = (f2[i] - f1[i]) / epsilon;
    }
    return r;
  }

  private static double[][] hessian(HessianFunction hess, double[] x, int n) {
    double[][] h;
    try {
      h = hess.hessian(x.clone());
    } catch (RuntimeException e) {
      throw new EvaluationStop(EvaluationStop.Reason.USER_EXCEPTION, "hess threw " + e, e);
    }
    if (h == null || h.length != n) {
      throw new IllegalArgumentException("hess must return " + n + " rows, got "
          + (h == null ? "null" : String.valueOf(h.length)));
    }
    for (double[] row : h) {
      if (row == null || row.length != n) {
        throw new IllegalArgumentException("hess rows must have length " + n);
      }
    }
    return h;
  }

  private static double[] hessp(HessianVectorProduct hp, double[] x, double[] p, int n) {
    double[] r;
    try {
      r = hp.hessp(x.clone(), p.clone());
    } catch (RuntimeException e) {
      throw new EvaluationStop(EvaluationStop.Reason.USER_EXCEPTION, "hessp threw " + e, e);
    }
    if (r == null || r.length != n) {
      throw new IllegalArgumentException("hessp must return a vector of length " + n + ", got "
          + (r == null ? "null" : String.valueOf(r.length)));
    }
    return r;
  }

  /** numpy's {@code np.add.reduce(np.abs(v))} (pairwise summation). */
  private static double l1(double[] v) {
    double[] a = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      a[i] = Math.abs(v[i]);
    }
    return NumpySum.pairwise(a, 0, a.length);
  }

  private static boolean hasNaN(double[] v) {
    for (double d : v) {
      if (Double.isNaN(d)) {
        return true;
      }
    }
    return false;
  }
}
