package org.minima4j.optimize;

import java.util.function.DoubleUnaryOperator;
import org.minima4j.optimize.internal.EvaluationStop;
import org.minima4j.optimize.internal.ScalarMin;

/**
 * Powell's conjugate-direction method (M. J. D. Powell, Computer Journal 7(2):155-162, 1964) with
 * the direction-replacement test of W. H. Press et al., "Numerical Recipes", sec. 10.5, following
 * scipy 1.10.1 {@code _minimize_powell} in {@code scipy/optimize/_optimize.py}: Brent line
 * minimizations without bounds, bounded (fminbound) line minimizations restricted to the box with
 * bounds, stop when {@code 2 (f_old - f) <= ftol (|f_old| + |f|) + 1e-20} ({@code ftol} = 1e-4,
 * line tolerance {@code 100 xtol}, {@code xtol} = 1e-4), {@code maxiter} = {@code maxfev} = 1000 n.
 */
final class Powell {
  private Powell() {}

  /** Result of one line minimization: value, point, step vector. */
  private record Line(double fval, double[] x, double[] xi) {}

  static OptimizeResult minimize(Problem pb) {
    MinimizeOptions o = pb.options;
    int n = pb.n;
    double xtol = o.xtol() != null ? o.xtol() : 1e-4;
    double ftol = o.ftolOr(1e-4);
    long maxiter = o.maxiter() != null ? o.maxiter() : (o.maxfun() == null ? 1000L * n : Long.MAX_VALUE);
    double[][] direc = o.direc();
    if (direc == null) {
      direc = BFGS.identity(n);
    } else if (direc.length != n) {
      throw new IllegalArgumentException("direc must have " + n + " rows (the length of x0), got " + direc.length);
    } else {
      for (double[] row : direc) {
        if (row.length != n) {
          throw new IllegalArgumentException("direc rows must have length " + n + ", got " + row.length);
        }
      }
    }
    double[] x = pb.x0.clone();
    double fval = Double.NaN;
    int iter = 0;
    boolean maxfunHit = false;
    try {
      fval = pb.fn.evaluate(x);
      double[] x1 = x.clone();
      while (true) {
        double fx = fval;
        int bigind = 0;
        double delta = 0.0;
        for (int i = 0; i < n; i++) {
          double fx2 = fval;
          Line l = linesearch(pb, x, direc[i], xtol * 100, fval);
          fval = l.fval;
          x = l.x;
          if ((fx2 - fval) > delta) {
            delta = fx2 - fval;
            bigind = i;
          }
        }
        iter++;
        pb.callback(x, fval, iter);
        double bnd = ftol * (Math.abs(fx) + Math.abs(fval)) + 1e-20;
        if (2.0 * (fx - fval) <= bnd || iter >= maxiter || (Double.isNaN(fx) && Double.isNaN(fval))) {
          break;
        }
        double[] direc1 = new double[n];
        for (int i = 0; i < n; i++) {
          direc1[i] = x[i] - x1[i];
        }
        x1 = x.clone();
        double lmax = pb.hasBounds ? lineForSearch(x, direc1, pb.lb, pb.ub)[1] : 1;
        double step = Math.min(lmax, 1);
        double[] x2 = new double[n];
        for (int i = 0; i < n; i++) {
          x2[i] = x[i] + step * direc1[i];
        }
        double fx2 = pb.fn.evaluate(x2);
        if (fx > fx2) {
          double t = 2.0 * (fx + fx2 - 2.0 * fval);
          double temp = fx - fval - delta;
          t *= temp * temp;
          temp = fx - fx2;
          t -= delta * temp * temp;
          if (t < 0.0) {
            Line l = linesearch(pb, x, direc1, xtol * 100, fval);
            fval = l.fval;
            x = l.x;
            direc1 = l.xi;
            if (anyNonZero(direc1)) {
              direc[bigind] = direc[n - 1];
              direc[n - 1] = direc1;
            }
          }
        }
      }
    } catch (EvaluationStop stop) {
      if (stop.reason() != EvaluationStop.Reason.MAXFUN) {
        throw stop;
      }
      maxfunHit = true;
    }
    pb.nit = iter;
    int warnflag;
    String msg;
    if (maxfunHit || pb.fn.nfev() >= pb.fn.maxfun()) {
      warnflag = 1;
      msg = "Maximum number of function evaluations has been exceeded.";
      if (pb.fn.bestF() < fval || Double.isNaN(fval)) {
        x = pb.fn.bestX();
        fval = pb.fn.bestF();
      }
    } else if (iter >= maxiter) {
      warnflag = 2;
      msg = BFGS.MSG_MAXITER;
    } else if (Double.isNaN(fval)) {
      warnflag = 3;
      msg = BFGS.MSG_NAN;
    } else {
      warnflag = 0;
      msg = BFGS.MSG_SUCCESS;
    }
    return new OptimizeResult(x, fval, null, iter, pb.fn.nfev(), 0, 0, warnflag, warnflag == 0, msg, 0.0);
  }

  private static boolean anyNonZero(double[] v) {
    for (double d : v) {
      if (d != 0) {
        return true;
      }
    }
    return false;
  }

  /** {@code _linesearch_powell}: minimizes f(p + alpha xi) over alpha (within the box if bounded). */
  private static Line linesearch(Problem pb, double[] p, double[] xi, double tol, double fval) {
    if (!anyNonZero(xi)) {
      return new Line(fval, p, xi);
    }
    DoubleUnaryOperator myfunc = alpha -> pb.fn.evaluate(axpy(p, alpha, xi));
    if (pb.hasBounds) {
      double[] bound = lineForSearch(p, xi, pb.lb, pb.ub);
      boolean loInf = bound[0] == Double.NEGATIVE_INFINITY;
      boolean hiInf = bound[1] == Double.POSITIVE_INFINITY;
      if (!(loInf && hiInf)) {
        ScalarMin.Point res;
        double scale;
        if (!loInf && !hiInf) {
          res = ScalarMin.bounded(myfunc, bound[0], bound[1], tol / 100);
          scale = res.x();
        } else {
          res = ScalarMin.bounded(t -> myfunc.applyAsDouble(Math.tan(t)), Math.atan(bound[0]), Math.atan(bound[1]),
              tol / 100);
          scale = Math.tan(res.x());
        }
        double[] step = scaled(scale, xi);
        return new Line(res.f(), add(p, step), step);
      }
    }
    ScalarMin.Point res = ScalarMin.brent(myfunc, tol);
    double[] step = scaled(res.x(), xi);
    return new Line(res.f(), add(p, step), step);
  }

  /** {@code _line_for_search}: the alpha interval keeping x0 + alpha d inside the box. */
  static double[] lineForSearch(double[] x0, double[] d, double[] lb, double[] ub) {
    double lmin = Double.NEGATIVE_INFINITY;
    double lmax = Double.POSITIVE_INFINITY;
    boolean any = false;
    for (int i = 0; i < d.length; i++) {
      if (d[i] == 0) {
        continue;
      }
      any = true;
      double low = (lb[i] - x0[i]) / d[i];
      double high = (ub[i] - x0[i]) / d[i];
      boolean pos = d[i] > 0;
      lmin = Math.max(lmin, pos ? low + 0 : 0 + high);
      lmax = Math.min(lmax, pos ? high + 0 : 0 + low);
    }
    if (!any) {
      return new double[] {0, 0};
    }
    return lmax >= lmin ? new double[] {lmin, lmax} : new double[] {0, 0};
  }

  private static double[] axpy(double[] p, double alpha, double[] xi) {
    double[] r = new double[p.length];
    for (int i = 0; i < r.length; i++) {
      r[i] = p[i] + alpha * xi[i];
    }
    return r;
  }

  private static double[] scaled(double a, double[] xi) {
    double[] r = new double[xi.length];
    for (int i = 0; i < r.length; i++) {
      r[i] = a * xi[i];
    }
    return r;
  }

  private static double[] add(double[] p, double[] s) {
    double[] r = new double[p.length];
    for (int i = 0; i < r.length; i++) {
      r[i] = p[i] + s[i];
    }
    return r;
  }
}
