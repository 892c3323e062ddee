package org.minima4j.optimize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.minima4j.optimize.internal.EvaluationStop;
import org.minima4j.optimize.internal.FiniteDifferences;
import org.minima4j.optimize.internal.Slsqp;

/**
 * SLSQP: Kraft's sequential least-squares quadratic programming (D. Kraft, "A software package for
 * sequential quadratic programming", DFVLR-FB 88-28, 1988; ACM TOMS 20(3), 1994) with equality and
 * inequality constraints and bounds. The Python side of scipy 1.10.1
 * {@code scipy/optimize/_slsqp_py.py} (x0 clipped into the bounds, objective evaluated at the point
 * clipped into the bounds, constraint Jacobians by forward differences with absolute step
 * {@code eps} when none is given, exit modes and messages) is reproduced here; the SQP iteration
 * itself is {@link Slsqp}, a port of {@code slsqp_optmz.f}.
 */
final class SLSQP {
  static final double DEFAULT_FTOL = 1e-6;
  static final int DEFAULT_MAXITER = 100;
  static final String[] EXIT_MODES = {
    "Optimization terminated successfully",
    "Function evaluation required (f & c)",
    "More equality constraints than independent variables",
    "More than 3*n iterations in LSQ subproblem",
    "Inequality constraints incompatible",
    "Singular matrix E in LSQ subproblem",
    "Singular matrix C in LSQ subproblem",
    "Rank-deficient equality constraint subproblem HFTI",
    "Positive directional derivative for linesearch",
    "Iteration limit reached"};

  private SLSQP() {}

  static OptimizeResult minimize(Problem pb) {
    MinimizeOptions o = pb.options;
    int n = pb.n;
    // plain loops: a stream with two lambdas costs about a millisecond to link in a fresh JVM
    List<Constraint> eqs = new ArrayList<>();
    List<Constraint> ineqs = new ArrayList<>();
    for (Constraint c : pb.options.constraints()) {
      if (c.type() == Constraint.Type.EQ) {
        eqs.add(c);
      } else if (c.type() == Constraint.Type.INEQ) {
        ineqs.add(c);
      }
    }
    double[] x = pb.x0.clone();
    Constraints cons = new Constraints(eqs, ineqs, n, pb, o);
    double[] c0 = cons.values(x);
    int m = cons.meq + cons.mineq;
    double[] xl = new double[n];
    double[] xu = new double[n];
    for (int i = 0; i < n; i++) {
      xl[i] = Double.isInfinite(pb.lb[i]) ? Double.NaN : pb.lb[i];
      xu[i] = Double.isInfinite(pb.ub[i]) ? Double.NaN : pb.ub[i];
    }
    Slsqp.Callbacks cb = new Slsqp.Callbacks() {
      @Override
      public double fun(double[] xs) {
        return pb.fn.fun(clip(pb, xs));
      }

      @Override
      public double[] grad(double[] xs) {
        return pb.fn.grad(clip(pb, xs));
      }

      @Override
      public double[] constraints(double[] xs) {
        return cons.values(xs);
      }

      @Override
      public double[][] jacobian(double[] xs) {
        return cons.jacobian(xs);
      }

      @Override
      public void iteration(double[] xs, double f, int iter) {
        pb.callback(xs, f, iter);
      }
    };
    double fx = cb.fun(x);
    double[] g = cb.grad(x);
    Slsqp solver = new Slsqp(m, cons.meq, n, xl, xu, o.ftolOr(DEFAULT_FTOL), o.maxiterOr(DEFAULT_MAXITER) - 1, cb);
    Slsqp.Outcome out;
    String message;
    int mode;
    try {
      out = solver.run(x, fx, g, c0, cons.jacobian(x));
      mode = out.mode();
      message = EXIT_MODES[mode];
    } catch (EvaluationStop stop) {
      if (stop.reason() != EvaluationStop.Reason.MAXFUN) {
        throw stop;
      }
      // the budget ran out: report the last accepted iterate, not the lowest (possibly infeasible) f
      out = solver.accepted(1);
      mode = 1;
      message = "Maximum number of function evaluations has been exceeded.";
    }
    pb.nit = out.iterations();
    double maxcv = 0;
    double[] c = out.c();
    for (int j = 0; j < m; j++) {
      maxcv = Math.max(maxcv, j < cons.meq ? Math.abs(c[j]) : -c[j]);
    }
    for (int i = 0; i < n; i++) {
      maxcv = Math.max(maxcv, Math.max(pb.lb[i] - out.x()[i], out.x()[i] - pb.ub[i]));
    }
    return new OptimizeResult(out.x(), out.f(), out.g(), out.iterations(), pb.fn.nfev(), pb.fn.ngev(), 0, mode,
        mode == 0, message, maxcv, null, solver.multipliers());
  }

  /** scipy's {@code _clip_x_for_func}: evaluations happen at x clipped into the bounds. */
  static double[] clip(Problem pb, double[] x) {
    if (!pb.hasBounds) {
      return x;
    }
    double[] y = x.clone();
    for (int i = 0; i < y.length; i++) {
      y[i] = Math.min(Math.max(y[i], pb.lb[i]), pb.ub[i]);
    }
    return y;
  }

  /**
   * The constraints stacked as scipy does: all equalities first, then all inequalities. Without
   * constraints the values and Jacobian are shared empty arrays (the callers only copy from them).
   */
  static final class Constraints {
    private static final double[] NONE = new double[0];
    private static final double[][] NO_ROWS = new double[0][];
    final List<Constraint> eqs;
    final List<Constraint> ineqs;
    final int n;
    final Problem pb;
    final MinimizeOptions o;
    final int[] sizes;
    final int meq;
    final int mineq;

    Constraints(List<Constraint> eqs, List<Constraint> ineqs, int n, Problem pb, MinimizeOptions o) {
      this.eqs = eqs;
      this.ineqs = ineqs;
      this.n = n;
      this.pb = pb;
      this.o = o;
      sizes = new int[eqs.size() + ineqs.size()];
      int k = 0;
      int e = 0;
      int q = 0;
      for (Constraint c : eqs) {
        sizes[k] = call(c, pb.x0, k).length;
        e += sizes[k++];
      }
      for (Constraint c : ineqs) {
        sizes[k] = call(c, pb.x0, k).length;
        q += sizes[k++];
      }
      meq = e;
      mineq = q;
    }

    private double[] call(Constraint c, double[] x, int k) {
      double[] v;
      try {
        v = c.fun().value(x.clone());
      } catch (RuntimeException ex) {
        throw new EvaluationStop(EvaluationStop.Reason.USER_EXCEPTION, "constraint " + k + " threw " + ex, ex);
      }
      if (v == null) {
        throw new IllegalArgumentException("constraint " + k + " returned null");
      }
      if (sizes[k] != 0 && v.length != sizes[k]) {
        throw new IllegalArgumentException("constraint " + k + " returned " + v.length + " values, earlier "
            + sizes[k]);
      }
      for (double d : v) {
        if (!Double.isFinite(d)) {
          throw new EvaluationStop(EvaluationStop.Reason.NON_FINITE, "constraint " + k + " returned " + d
              + " at x = " + Arrays.toString(x), null);
        }
      }
      return v;
    }

    double[] values(double[] x) {
      if (sizes.length == 0) {
        return NONE;
      }
      double[] out = new double[meq + mineq];
      int k = 0;
      int pos = 0;
      for (Constraint c : eqs) {
        double[] v = call(c, x, k++);
        System.arraycopy(v, 0, out, pos, v.length);
        pos += v.length;
      }
      for (Constraint c : ineqs) {
        double[] v = call(c, x, k++);
        System.arraycopy(v, 0, out, pos, v.length);
        pos += v.length;
      }
      return out;
    }

    double[][] jacobian(double[] x) {
      if (sizes.length == 0) {
        return NO_ROWS;
      }
      double[][] out = new double[meq + mineq][];
      int k = 0;
      int row = 0;
      for (List<Constraint> group : List.of(eqs, ineqs)) {
        for (Constraint c : group) {
          double[][] j = jac(c, x, k);
          for (double[] r : j) {
            out[row++] = r;
          }
          k++;
        }
      }
      return out;
    }

    private double[][] jac(Constraint c, double[] x, int k) {
      int mk = sizes[k];
      double[][] j;
      if (c.jac() != null) {
        try {
          j = c.jac().jacobian(x.clone());
        } catch (RuntimeException ex) {
          throw new EvaluationStop(EvaluationStop.Reason.USER_EXCEPTION, "constraint jacobian " + k + " threw "
              + ex, ex);
        }
        if (j == null || j.length != mk) {
          throw new IllegalArgumentException("constraint jacobian " + k + " must have " + mk + " rows, got "
              + (j == null ? "null" : String.valueOf(j.length)));
        }
        double[][] copy = new double[mk][];
        for (int r = 0; r < mk; r++) {
          if (j[r] == null || j[r].length != n) {
            throw new IllegalArgumentException("constraint jacobian " + k + " row " + r + " must have length " + n);
          }
          copy[r] = j[r].clone();
        }
        return copy;
      }
      double[] xc = clip(pb, x);
      double[] lb = pb.hasBounds ? pb.lb : null;
      double[] ub = pb.hasBounds ? pb.ub : null;
      final int kk = k;
      java.util.function.Function<double[], double[]> f = z -> call(c, z, kk);
      if (o.finiteDiff() == FiniteDiff.DEFAULT) {
        double eps = o.epsOr(Math.sqrt(Math.ulp(1.0)));
        return FiniteDifferences.jacobian(f, xc, f.apply(xc), FiniteDifferences.Scheme.TWO_POINT, eps, Double.NaN,
            lb, ub);
      }
      FiniteDifferences.Scheme s = o.finiteDiff() == FiniteDiff.TWO_POINT ? FiniteDifferences.Scheme.TWO_POINT
          : FiniteDifferences.Scheme.THREE_POINT;
      Double rel = o.finiteDiffRelStep();
      return FiniteDifferences.jacobian(f, xc, f.apply(xc), s, null, rel == null ? Double.NaN : rel, lb, ub);
    }
  }
}
