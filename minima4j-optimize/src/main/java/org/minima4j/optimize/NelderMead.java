package org.minima4j.optimize;

import org.minima4j.optimize.internal.EvaluationStop;

/**
 * Nelder–Mead downhill simplex (J. A. Nelder and R. Mead, Computer Journal 7(4):308-313, 1965),
 * with the dimension-adaptive coefficients of F. Gao and L. Han (Comput. Optim. Appl. 51:259-277,
 * 2012) when {@code adaptive} is set, following scipy 1.10.1 {@code _minimize_neldermead} in
 * {@code scipy/optimize/_optimize.py}: initial simplex with 5% (0.00025 for zeros) perturbations,
 * stop when the simplex spans at most {@code xatol} (1e-4) in x and {@code fatol} (1e-4) in f,
 * {@code maxiter} = {@code maxfev} = 200 n, points clipped into the bounds. The simplex is sorted
 * with a stable sort (numpy's argsort is stable for the small simplices it sorts by insertion).
 */
final class NelderMead {
  private NelderMead() {}

  static OptimizeResult minimize(Problem pb) {
    MinimizeOptions o = pb.options;
    int n = pb.n;
    double rho;
    double chi;
    double psi;
    double sigma;
    if (o.adaptive()) {
      double dim = n;
      rho = 1;
      chi = 1 + 2 / dim;
      psi = 0.75 - 1 / (2 * dim);
      sigma = 1 - 1 / dim;
    } else {
      rho = 1;
      chi = 2;
      psi = 0.5;
      sigma = 0.5;
    }
    double xatol = o.xatol() != null ? o.xatol() : 1e-4;
    double fatol = o.fatol() != null ? o.fatol() : 1e-4;
    double[][] sim;
    double[][] init = o.initialSimplex();
    if (init == null) {
      sim = new double[n + 1][];
      sim[0] = pb.x0.clone();
      for (int k = 0; k < n; k++) {
        double[] y = pb.x0.clone();
        y[k] = y[k] != 0 ? (1 + 0.05) * y[k] : 0.00025;
        sim[k + 1] = y;
      }
    } else {
      if (init.length != n + 1) {
        throw new IllegalArgumentException("initialSimplex should have shape (" + (n + 1) + ", " + n + "), got "
            + init.length + " rows");
      }
      for (double[] row : init) {
        if (row.length != n) {
          throw new IllegalArgumentException("initialSimplex rows must have length " + n + " (the length of x0), got "
              + row.length);
        }
      }
      sim = init;
    }
    long maxiter = o.maxiter() != null ? o.maxiter() : (o.maxfun() == null ? 200L * n : Long.MAX_VALUE);
    if (pb.hasBounds) {
      for (double[] s : sim) {
        clip(pb, s);
      }
    }
    double[] fsim = new double[n + 1];
    java.util.Arrays.fill(fsim, Double.POSITIVE_INFINITY);
    boolean maxfunHit = false;
    int iterations = 1;
    try {
      for (int k = 0; k <= n; k++) {
        fsim[k] = pb.fn.evaluate(sim[k]);
      }
    } catch (EvaluationStop stop) {
      if (stop.reason() != EvaluationStop.Reason.MAXFUN) {
        throw stop;
      }
      maxfunHit = true;
    }
    sort(sim, fsim);
    while (!maxfunHit && iterations < maxiter) {
      try {
        double dx = 0;
        double df = 0;
        for (int j = 1; j <= n; j++) {
          for (int i = 0; i < n; i++) {
            dx = Math.max(dx, Math.abs(sim[j][i] - sim[0][i]));
          }
          df = Math.max(df, Math.abs(fsim[0] - fsim[j]));
        }
        if (dx <= xatol && df <= fatol) {
          break;
        }
        double[] xbar = new double[n];
        for (int j = 0; j < n; j++) {
          for (int i = 0; i < n; i++) {
            xbar[i] += sim[j][i];
          }
        }
        for (int i = 0; i < n; i++) {
          xbar[i] /= n;
        }
        double[] last = sim[n];
        double[] xr = combine(1 + rho, xbar, -rho, last, pb);
        double fxr = pb.fn.evaluate(xr);
        boolean doshrink = false;
        if (fxr < fsim[0]) {
          double[] xe = combine(1 + rho * chi, xbar, -rho * chi, last, pb);
          double fxe = pb.fn.evaluate(xe);
          if (fxe < fxr) {
            sim[n] = xe;
            fsim[n] = fxe;
          } else {
            sim[n] = xr;
            fsim[n] = fxr;
          }
        } else if (fxr < fsim[n - 1]) {
          sim[n] = xr;
          fsim[n] = fxr;
        } else if (fxr < fsim[n]) {
          double[] xc = combine(1 + psi * rho, xbar, -psi * rho, last, pb);
          double fxc = pb.fn.evaluate(xc);
          if (fxc <= fxr) {
            sim[n] = xc;
            fsim[n] = fxc;
          } else {
            doshrink = true;
          }
        } else {
          double[] xcc = new double[n];
          for (int i = 0; i < n; i++) {
            xcc[i] = (1 - psi) * xbar[i] + psi * last[i];
          }
          clip(pb, xcc);
          double fxcc = pb.fn.evaluate(xcc);
          if (fxcc < fsim[n]) {
            sim[n] = xcc;
            fsim[n] = fxcc;
          } else {
            doshrink = true;
          }
        }
        if (doshrink) {
          for (int j = 1; j <= n; j++) {
            double[] s = new double[n];
            for (int i = 0; i < n; i++) {
              s[i] = sim[0][i] + sigma * (sim[j][i] - sim[0][i]);
            }
            clip(pb, s);
            sim[j] = s;
            fsim[j] = pb.fn.evaluate(s);
          }
        }
        iterations++;
      } catch (EvaluationStop stop) {
        if (stop.reason() != EvaluationStop.Reason.MAXFUN) {
          throw stop;
        }
        maxfunHit = true;
      }
      sort(sim, fsim);
      pb.callback(sim[0], fsim[0], iterations);
    }
    pb.nit = iterations;
    double[] x = sim[0];
    double fval = fsim[0];
    int warnflag;
    String msg;
    if (maxfunHit) {
      warnflag = 1;
      msg = "Maximum number of function evaluations has been exceeded.";
      if (pb.fn.bestF() < fval) {
        x = pb.fn.bestX();
        fval = pb.fn.bestF();
      }
    } else if (iterations >= maxiter) {
      warnflag = 2;
      msg = BFGS.MSG_MAXITER;
    } else {
      warnflag = 0;
      msg = BFGS.MSG_SUCCESS;
    }
    return new OptimizeResult(x.clone(), fval, null, iterations, pb.fn.nfev(), 0, 0, warnflag, warnflag == 0, msg,
        0.0);
  }

  private static double[] combine(double a, double[] xbar, double b, double[] last, Problem pb) {
    double[] r = new double[xbar.length];
    for (int i = 0; i < r.length; i++) {
      r[i] = a * xbar[i] - (-b) * last[i];
    }
    clip(pb, r);
    return r;
  }

  static void clip(Problem pb, double[] x) {
    if (!pb.hasBounds) {
      return;
    }
    for (int i = 0; i < x.length; i++) {
      x[i] = Math.min(Math.max(x[i], pb.lb[i]), pb.ub[i]);
    }
  }

  /** Stable sort of the simplex by value (insertion sort, as numpy's argsort on small arrays). */
  private static void sort(double[][] sim, double[] fsim) {
    for (int i = 1; i < fsim.length; i++) {
      double f = fsim[i];
      double[] s = sim[i];
      int j = i - 1;
      while (j >= 0 && less(f, fsim[j])) {
        fsim[j + 1] = fsim[j];
        sim[j + 1] = sim[j];
        j--;
      }
      fsim[j + 1] = f;
      sim[j + 1] = s;
    }
  }

  /** numpy's sort order: NaN sorts last. */
  private static boolean less(double a, double b) {
    return a < b || (b != b && a == a);
  }
}
