package org.minima4j.optimize;

import java.util.ArrayList;
import java.util.List;
import org.minima4j.optimize.TrustConstrFunctions.Canonical;
import org.minima4j.optimize.TrustConstrFunctions.Identity;
import org.minima4j.optimize.TrustConstrFunctions.UserConstraint;
import org.minima4j.optimize.internal.BfgsHessian;
import org.minima4j.optimize.internal.EvaluationStop;
import org.minima4j.optimize.internal.TrBarrier;
import org.minima4j.optimize.internal.TrProjections;
import org.minima4j.optimize.internal.TrSqp;
import org.minima4j.optimize.internal.TrSubproblems;
import org.minima4j.optimize.internal.Vec;

/**
 * trust-constr: the trust-region method for constrained problems of scipy 1.10.1
 * ({@code scipy/optimize/_trustregion_constr/minimize_trustregion_constr.py}). Without inequality
 * constraints or bounds it runs the Byrd-Omojokun equality-constrained SQP ({@link TrSqp});
 * otherwise the barrier (interior point) method ({@link TrBarrier}). The Hessian of the objective
 * is scipy's BFGS approximation unless {@code hess}/{@code hessp} is given, each constraint's is the
 * BFGS approximation (see {@link TrustConstrFunctions}); gradients without {@code jac} are scipy's
 * '2-point' relative-step differences. Bounds become inequality constraints (appended after the user
 * constraints); x0 is not clipped into them.
 *
 * <p>Stops (scipy's status and message): 1 when the max-abs Lagrangian gradient and the constraint
 * violation are both below {@code gtol}, 2 when the trust radius falls below {@code xtol} (and, with
 * inequalities, the barrier parameter below {@code barrierTol}), 0 at {@code maxiter}, 3 when the
 * callback asks to stop. The hard {@code maxfun} limit also gives status 0, with the last accepted
 * iterate.
 */
final class TrustConstr {
  static final String[] MESSAGES = {
    "The maximum number of function evaluations is exceeded.",
    "`gtol` termination condition is satisfied.",
    "`xtol` termination condition is satisfied.",
    "`callback` function requested termination."};
  static final double DEFAULT_GTOL = 1e-8;
  static final double DEFAULT_XTOL = 1e-8;
  static final double DEFAULT_BARRIER_TOL = 1e-8;
  static final int DEFAULT_MAXITER = 1000;

  private TrustConstr() {}

  /** scipy's {@code state}: the fields the result and the stop test read. */
  private static final class State {
    int nit;
    double[] x;
    double fun;
    double[] grad;
    double optimality;
    double constrViolation;
    double trRadius;
    int status = -2;
  }

  private static final class Run {
    final Problem pb;
    final TrustConstrFunctions.Objective obj;
    final List<Canonical> prepared = new ArrayList<>();
    final List<Canonical> canonical = new ArrayList<>();
    final int nEq;
    final int nIneq;
    final State state = new State();
    final double gtol;
    final double xtol;
    final double barrierTol;
    final int maxiter;

    Run(Problem pb) {
      this.pb = pb;
      MinimizeOptions o = pb.options;
      int n = pb.n;
      obj = new TrustConstrFunctions.Objective(pb.fn, pb.x0, o.hess(), o.hessp());
      BfgsHessian shared = new BfgsHessian(n);
      int k = 0;
      for (Constraint c : o.constraints()) {
        // scipy's old_constraint_to_new builds NonlinearConstraint(fun, lb, ub, jac): default relative step
        UserConstraint uc = new UserConstraint(c, k++, pb.x0, shared, null);
        double[] lb = new double[uc.m];
        double[] ub = new double[uc.m];
        java.util.Arrays.fill(ub, c.type() == Constraint.Type.EQ ? 0.0 : Double.POSITIVE_INFINITY);
        prepared.add(new Canonical(uc, lb, ub));
      }
      if (pb.hasBounds) {
        prepared.add(new Canonical(new Identity(pb.x0), pb.lb.clone(), pb.ub.clone()));
      }
      int e = 0;
      int q = 0;
      for (Canonical c : prepared) {
        if (!c.isEmpty()) {
          canonical.add(c);
          e += c.nEq;
          q += c.nIneq;
        }
      }
      nEq = e;
      nIneq = q;
      gtol = o.gtol() != null ? o.gtol() : DEFAULT_GTOL;
      xtol = o.xtol() != null ? o.xtol() : DEFAULT_XTOL;
      barrierTol = o.barrierTol() != null ? o.barrierTol() : DEFAULT_BARRIER_TOL;
      maxiter = o.maxiter() != null ? o.maxiter() : DEFAULT_MAXITER;
    }

    double[][] constr(double[] x) {
      double[] ce = new double[nEq];
      double[] ci = new double[nIneq];
      int pe = 0;
      int pi = 0;
      for (Canonical c : canonical) {
        c.fun(x, ce, pe, ci, pi);
        pe += c.nEq;
        pi += c.nIneq;
      }
      return new double[][] {ce, ci};
    }

    double[][][] jac(double[] x) {
      double[][] je = new double[nEq][];
      double[][] ji = new double[nIneq][];
      int pe = 0;
      int pi = 0;
      for (Canonical c : canonical) {
        c.jac(x, je, pe, ji, pi);
        pe += c.nEq;
        pi += c.nIneq;
      }
      return new double[][][] {je, ji};
    }

    TrSubproblems.Operator lagrHess(double[] x, double[] vEq, double[] vIneq) {
      TrSubproblems.Operator ho = obj.hess(x);
      List<TrSubproblems.Operator> hc = new ArrayList<>();
      int pe = 0;
      int pi = 0;
      for (Canonical c : canonical) {
        TrSubproblems.Operator h = c.hess(x, vEq, pe, vIneq, pi);
        if (h != null) {
          hc.add(h);
        }
        pe += c.nEq;
        pi += c.nIneq;
      }
      return p -> {
        double[] r = ho.dot(p);
        if (hc.isEmpty()) {
          return r;
        }
        double[] s = new double[p.length];
        for (TrSubproblems.Operator h : hc) {
          double[] hp = h.dot(p);
          for (int i = 0; i < s.length; i++) {
            s[i] += hp[i];
          }
        }
        for (int i = 0; i < s.length; i++) {
          r[i] += s[i];
        }
        return r;
      };
    }

    /** scipy's {@code update_state_sqp} and the stop test; true ends the run. */
    boolean stop(double[] x, boolean lastIterationFailed, double trRadius, double barrierParameter,
        boolean barrier) {
      State st = state;
      st.nit++;
      if (!lastIterationFailed) {
        st.x = x.clone();
        st.fun = obj.f;
        st.grad = obj.g.clone();
        double[] lg = obj.g.clone();
        double cv = 0;
        for (Canonical c : prepared) {
          double[] jv = Vec.mulT(c.src.jac, c.src.v, pb.n);
          for (int i = 0; i < lg.length; i++) {
            lg[i] += jv[i];
          }
          cv = c.violation(cv);
        }
        st.optimality = Vec.normInf(lg);
        st.constrViolation = cv;
      }
      st.trRadius = trRadius;
      st.status = -2;
      IterationCallback cb = pb.options.callback();
      boolean cbStop;
      if (cb == null) {
        cbStop = false;
      } else {
        try {
          cbStop = cb.stop(st.x.clone(), st.fun, st.nit);
        } catch (RuntimeException e) {
          throw new EvaluationStop(EvaluationStop.Reason.USER_EXCEPTION, "callback threw " + e, e);
        }
      }
      if (cbStop) {
        st.status = 3;
      } else if (st.optimality < gtol && st.constrViolation < gtol) {
        st.status = 1;
      } else if (st.trRadius < xtol && (!barrier || barrierParameter < barrierTol)) {
        st.status = 2;
      } else if (st.nit >= maxiter) {
        st.status = 0;
      }
      return st.status >= 0;
    }
  }

  static OptimizeResult minimize(Problem pb) {
    MinimizeOptions o = pb.options;
    Run run = new Run(pb);
    int n = pb.n;
    double penalty0 = o.initialConstrPenalty() != null ? o.initialConstrPenalty() : 1.0;
    double radius0 = o.initialTrRadius() != null ? o.initialTrRadius() : 1.0;
    boolean sparse = o.constraints().isEmpty();
    TrProjections.Kind kind = kind(o.factorizationMethod(), sparse);
    double[][] c0 = run.constr(pb.x0);
    double[][][] j0 = run.jac(pb.x0);
    try {
      if (run.nIneq == 0) {
        TrSqp.Functions fns = new TrSqp.Functions() {
          @Override
          public TrSqp.FunConstr funAndConstr(double[] x) {
            double f = run.obj.fun(x);
            return new TrSqp.FunConstr(f, run.constr(x)[0]);
          }

          @Override
          public TrSqp.GradJac gradAndJac(double[] x) {
            double[] g = run.obj.grad(x);
            return new TrSqp.GradJac(g, run.jac(x)[0]);
          }

          @Override
          public TrSubproblems.Operator lagrHess(double[] x, double[] v) {
            return run.lagrHess(x, v, new double[0]);
          }

          @Override
          public double[] scaling(double[] x) {
            return null;
          }

          @Override
          public boolean stop(double[] x, boolean lastIterationFailed, double optimality, double constrViolation,
              double trustRadius, double penalty, TrSubproblems.CgInfo cgInfo) {
            return run.stop(x, lastIterationFailed, trustRadius, 0, false);
          }
        };
        TrSqp.solve(fns, pb.x0, run.obj.f, run.obj.g, c0[0], j0[0], penalty0, radius0, kind, null, null);
      } else {
        TrBarrier.Functions fns = new TrBarrier.Functions() {
          @Override
          public double fun(double[] x) {
            return run.obj.fun(x);
          }

          @Override
          public double[] grad(double[] x) {
            return run.obj.grad(x);
          }

          @Override
          public double[][] constr(double[] x) {
            return run.constr(x);
          }

          @Override
          public double[][][] jac(double[] x) {
            return run.jac(x);
          }

          @Override
          public TrSubproblems.Operator lagrHess(double[] x, double[] vEq, double[] vIneq) {
            return run.lagrHess(x, vEq, vIneq);
          }

          @Override
          public boolean stop(double[] x, boolean lastIterationFailed, double trustRadius, double penalty,
              TrSubproblems.CgInfo cgInfo, double barrierParameter, double barrierTolerance) {
            return run.stop(x, lastIterationFailed, trustRadius, barrierParameter, true);
          }
        };
        TrBarrier.Settings st = new TrBarrier.Settings(run.xtol,
            o.initialBarrierParameter() != null ? o.initialBarrierParameter() : 0.1,
            o.initialBarrierTolerance() != null ? o.initialBarrierTolerance() : 0.1, penalty0, radius0, kind);
        TrBarrier.solve(fns, n, run.nEq, run.nIneq, pb.x0, run.obj.f, run.obj.g, c0[1], j0[1], c0[0], j0[0], st);
      }
    } catch (EvaluationStop stop) {
      if (stop.reason() != EvaluationStop.Reason.MAXFUN || run.state.x == null) {
        throw stop;
      }
      run.state.status = 0;
    }
    State st = run.state;
    pb.nit = st.nit;
    return new OptimizeResult(st.x, st.fun, st.grad, st.nit, run.obj.nfev(), run.obj.ngev(), run.obj.nhev,
        st.status, st.status == 1 || st.status == 2, MESSAGES[st.status], st.constrViolation);
  }

  /** scipy's choice: AugmentedSystem for its sparse Jacobians (no constraints), QR for dense ones. */
  static TrProjections.Kind kind(FactorizationMethod m, boolean sparse) {
    if (m == null) {
      return sparse ? TrProjections.Kind.AUGMENTED_SYSTEM : TrProjections.Kind.QR;
    }
    return switch (m) {
      case AUGMENTED_SYSTEM -> TrProjections.Kind.AUGMENTED_SYSTEM;
      case QR_FACTORIZATION -> TrProjections.Kind.QR;
      case SVD_FACTORIZATION -> TrProjections.Kind.SVD;
    };
  }
}
