package org.minima4j.optimize;

import org.minima4j.optimize.internal.Blas;
import org.minima4j.optimize.internal.WolfeLineSearch;

/**
 * Nonlinear conjugate gradient, Polak–Ribière with Powell's non-negative beta ("PR+"; J. Nocedal and
 * S. Wright, "Numerical Optimization", 2nd ed., eq. 5.45), following scipy 1.10.1
 * {@code _minimize_cg} in {@code scipy/optimize/_optimize.py}: strong-Wolfe line search with
 * c2 = 0.4 and the extra descent condition {@code p'g <= -0.01 g'g}, stop when the gradient norm is
 * at most {@code gtol} (1e-5), {@code maxiter} = 200 n.
 */
final class CG {
  private CG() {}

  /** The outcome of one PR+ step: alpha, x, p, g, gnorm (scipy's {@code cached_step}). */
  private record PrStep(double alpha, double[] x, double[] p, double[] g, double gnorm) {}

  static OptimizeResult minimize(Problem pb) {
    MinimizeOptions o = pb.options;
    int n = pb.n;
    int maxiter = o.maxiterOr(200 * n);
    double gtol = o.gtolOr(1e-5);
    double norm = o.norm();
    double[] xk = pb.x0.clone();
    double oldFval = pb.fn.fun(xk);
    double[] gfk = pb.fn.grad(xk);
    int k = 0;
    double oldOldFval = oldFval + Math.sqrt(Blas.ddot(n, gfk, 0, gfk, 0)) / 2;
    int warnflag = 0;
    double[] pk = new double[n];
    for (int i = 0; i < n; i++) {
      pk[i] = -gfk[i];
    }
    double gnorm = BFGS.vecnorm(gfk, norm);
    final double sigma3 = 0.01;
    while (gnorm > gtol && k < maxiter) {
      final double deltak = Blas.ddot(n, gfk, 0, gfk, 0);
      final double[] xk0 = xk;
      final double[] pk0 = pk;
      final double[] gfk0 = gfk;
      final PrStep[] cached = new PrStep[1];
      java.util.function.BiFunction<Double, double[], PrStep> prStep = (alpha, gfkp1) -> {
        double[] xkp1 = new double[n];
        for (int i = 0; i < n; i++) {
          xkp1[i] = xk0[i] + alpha * pk0[i];
        }
        double[] g1 = gfkp1 != null ? gfkp1 : pb.fn.grad(xkp1);
        double[] yk = new double[n];
        for (int i = 0; i < n; i++) {
          yk[i] = g1[i] - gfk0[i];
        }
        double betaK = Math.max(0, Blas.ddot(n, yk, 0, g1, 0) / deltak);
        double[] pkp1 = new double[n];
        for (int i = 0; i < n; i++) {
          pkp1[i] = -g1[i] + betaK * pk0[i];
        }
        return new PrStep(alpha, xkp1, pkp1, g1, BFGS.vecnorm(g1, norm));
      };
      WolfeLineSearch.Extra descent = (alpha, xkp1, fp1, gfkp1) -> {
        cached[0] = prStep.apply(alpha, gfkp1);
        PrStep c = cached[0];
        if (c.gnorm() <= gtol) {
          return true;
        }
        return Blas.ddot(n, c.p(), 0, c.g(), 0) <= -sigma3 * Blas.ddot(n, c.g(), 0, c.g(), 0);
      };
      WolfeLineSearch.Step st = WolfeLineSearch.search(pb.fn, xk, pk, gfk, oldFval, oldOldFval, 1e-4, 0.4,
          1e-100, 1e100, descent);
      if (st == null) {
        warnflag = 2;
        break;
      }
      oldFval = st.fval();
      oldOldFval = st.oldFval();
      PrStep s = cached[0] != null && cached[0].alpha() == st.alpha() ? cached[0] : prStep.apply(st.alpha(), st.gnew());
      xk = s.x();
      pk = s.p();
      gfk = s.g();
      gnorm = s.gnorm();
      k++;
      pb.callback(xk, oldFval, k);
    }
    pb.nit = k;
    String msg;
    if (warnflag == 2) {
      msg = BFGS.MSG_PR_LOSS;
    } else if (k >= maxiter) {
      warnflag = 1;
      msg = BFGS.MSG_MAXITER;
    } else if (Double.isNaN(gnorm) || Double.isNaN(oldFval)) {
      warnflag = 3;
      msg = BFGS.MSG_NAN;
    } else {
      msg = BFGS.MSG_SUCCESS;
    }
    return new OptimizeResult(xk, oldFval, gfk, k, pb.fn.nfev(), pb.fn.ngev(), 0, warnflag, warnflag == 0, msg,
        0.0);
  }
}
