package org.minima4j.optimize;

import org.minima4j.optimize.internal.Blas;
import org.minima4j.optimize.internal.WolfeLineSearch;

/**
 * BFGS quasi-Newton method with a dense inverse-Hessian approximation (J. Nocedal and S. Wright,
 * "Numerical Optimization", 2nd ed., Algorithm 6.1, eq. 6.17), following scipy 1.10.1
 * {@code _minimize_bfgs} in {@code scipy/optimize/_optimize.py}: strong-Wolfe line search
 * ({@code _line_search_wolfe12}, c1 = 1e-4, c2 = 0.9), stop when the gradient norm
 * ({@code norm}, default max-abs) is at most {@code gtol} (1e-5), {@code maxiter} = 200 n.
 */
final class BFGS {
  static final String MSG_SUCCESS = "Optimization terminated successfully.";
  static final String MSG_MAXITER = "Maximum number of iterations has been exceeded.";
  static final String MSG_PR_LOSS = "Desired error not necessarily achieved due to precision loss.";
  static final String MSG_NAN = "NaN result encountered.";

  private BFGS() {}

  static double vecnorm(double[] x, double ord) {
    if (ord == Double.POSITIVE_INFINITY) {
      double m = 0;
      for (double v : x) {
        m = Math.max(m, Math.abs(v));
      }
      return m;
    }
    double s = 0;
    for (double v : x) {
      s += Math.pow(Math.abs(v), ord);
    }
    return Math.pow(s, 1.0 / ord);
  }

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
    double[][] hk = identity(n);
    double oldOldFval = oldFval + Math.sqrt(Blas.ddot(n, gfk, 0, gfk, 0)) / 2;
    int warnflag = 0;
    double gnorm = vecnorm(gfk, norm);
    while (gnorm > gtol && k < maxiter) {
      double[] pk = new double[n];
      for (int i = 0; i < n; i++) {
        pk[i] = -Blas.ddot(n, hk[i], 0, gfk, 0);
      }
      WolfeLineSearch.Step st = WolfeLineSearch.search(pb.fn, xk, pk, gfk, oldFval, oldOldFval, 1e-4, 0.9,
          1e-100, 1e100, null);
      if (st == null) {
        warnflag = 2;
        break;
      }
      double alphaK = st.alpha();
      oldFval = st.fval();
      oldOldFval = st.oldFval();
      double[] sk = new double[n];
      double[] xkp1 = new double[n];
      for (int i = 0; i < n; i++) {
        sk[i] = alphaK * pk[i];
        xkp1[i] = xk[i] + sk[i];
      }
      xk = xkp1;
      double[] gfkp1 = st.gnew() != null ? st.gnew() : pb.fn.grad(xkp1);
      double[] yk = new double[n];
      for (int i = 0; i < n; i++) {
        yk[i] = gfkp1[i] - gfk[i];
      }
      gfk = gfkp1;
      k++;
      pb.callback(xk, oldFval, k);
      gnorm = vecnorm(gfk, norm);
      if (gnorm <= gtol) {
        break;
      }
      if (alphaK * Math.sqrt(Blas.ddot(n, pk, 0, pk, 0)) <= 0) {
        break;
      }
      if (!Double.isFinite(oldFval)) {
        warnflag = 2;
        break;
      }
      double rhokInv = Blas.ddot(n, yk, 0, sk, 0);
      double rhok = rhokInv == 0.0 ? 1000.0 : 1.0 / rhokInv;
      hk = update(hk, sk, yk, rhok);
    }
    pb.nit = k;
    String msg;
    if (warnflag == 2) {
      msg = MSG_PR_LOSS;
    } else if (k >= maxiter) {
      warnflag = 1;
      msg = MSG_MAXITER;
    } else if (Double.isNaN(gnorm) || Double.isNaN(oldFval)) {
      warnflag = 3;
      msg = MSG_NAN;
    } else {
      msg = MSG_SUCCESS;
    }
    return new OptimizeResult(xk, oldFval, gfk, k, pb.fn.nfev(), pb.fn.ngev(), 0, warnflag, warnflag == 0, msg,
        0.0, InverseHessian.dense(hk), null);
  }

  static double[][] identity(int n) {
    double[][] h = new double[n][n];
    for (int i = 0; i < n; i++) {
      h[i][i] = 1.0;
    }
    return h;
  }

  /** H+ = (I - rho s y') H (I - rho y s') + rho s s' (scipy's A1, A2 formulation). */
  static double[][] update(double[][] hk, double[] sk, double[] yk, double rhok) {
    int n = sk.length;
    double[][] a1 = new double[n][n];
    double[][] a2 = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        a1[i][j] = (i == j ? 1.0 : 0.0) - sk[i] * yk[j] * rhok;
        a2[i][j] = (i == j ? 1.0 : 0.0) - yk[i] * sk[j] * rhok;
      }
    }
    double[][] t = mul(hk, a2);
    double[][] h = mul(a1, t);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        h[i][j] += rhok * sk[i] * sk[j];
      }
    }
    return h;
  }

  private static double[][] mul(double[][] a, double[][] b) {
    int n = a.length;
    double[][] c = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < n; k++) {
        double aik = a[i][k];
        for (int j = 0; j < n; j++) {
          c[i][j] += aik * b[k][j];
        }
      }
    }
    return c;
  }
}
