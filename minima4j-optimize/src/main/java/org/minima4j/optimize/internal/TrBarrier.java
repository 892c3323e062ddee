package org.minima4j.optimize.internal;

import org.minima4j.tensor.internal.NumpySum;

/**
 * The trust-region interior-point (barrier) method of trust-constr for
 * {@code min f(x)} subject to {@code c_eq(x) = 0} and {@code c_ineq(x) <= 0}, following scipy
 * 1.10.1 {@code scipy/optimize/_trustregion_constr/tr_interior_point.py} (R. Byrd, M. Hribar and
 * J. Nocedal, "An interior point algorithm for large-scale nonlinear programming", SIAM J. Optim.
 * 9(4), 1999): slacks {@code s > 0} turn the inequalities into {@code c_ineq(x) + s = 0}; a
 * sequence of barrier problems {@code min f(x) - mu sum(log s)} is solved by {@link TrSqp} in the
 * scaled variables {@code (x, s^-1 ds)}, the slack step kept above {@code -0.995}; after each,
 * {@code mu} and the subproblem tolerance shrink by 0.2 and the trust radius restarts at
 * {@code max(initial, 5 * last)}.
 */
public final class TrBarrier {
  private static final double BOUNDARY_PARAMETER = 0.995;
  private static final double BARRIER_DECAY_RATIO = 0.2;
  private static final double TRUST_ENLARGEMENT = 5;

  private TrBarrier() {}

  /** The canonical problem as the barrier method sees it. */
  public interface Functions {
    double fun(double[] x);

    double[] grad(double[] x);

    /** {@code {c_eq(x), c_ineq(x)}}. */
    double[][] constr(double[] x);

    /** {@code {J_eq(x), J_ineq(x)}} (rows). */
    double[][][] jac(double[] x);

    /** The Hessian of the Lagrangian with the multipliers of the equalities and inequalities. */
    TrSubproblems.Operator lagrHess(double[] x, double[] vEq, double[] vIneq);

    /** The global stop test (scipy's {@code stop_criteria} of tr_interior_point). */
    boolean stop(double[] x, boolean lastIterationFailed, double trustRadius, double penalty,
        TrSubproblems.CgInfo cgInfo, double barrierParameter, double barrierTolerance);
  }

  /** The tuning of the method (scipy's options). */
  public record Settings(double xtol, double initialBarrierParameter, double initialTolerance,
      double initialPenalty, double initialTrustRadius, TrProjections.Kind kind) {}

  /** Runs the method; returns the final x. */
  public static double[] solve(Functions fn, int nVars, int nEq, int nIneq, double[] x0, double fun0,
      double[] grad0, double[] cIneq0, double[][] jIneq0, double[] cEq0, double[][] jEq0, Settings st) {
    double[] s0 = new double[nIneq];
    for (int i = 0; i < nIneq; i++) {
      s0[i] = Math.max(-1.5 * cIneq0[i], 1.0);
    }
    Subproblem sub = new Subproblem(fn, nVars, nEq, nIneq, st.initialBarrierParameter(), st.initialTolerance(),
        st.xtol());
    double[] z = new double[nVars + nIneq];
    System.arraycopy(x0, 0, z, 0, nVars);
    System.arraycopy(s0, 0, z, nVars, nIneq);
    double f0 = sub.barrierFunction(fun0, s0);
    double[] b0 = sub.barrierConstr(cIneq0, cEq0, s0);
    double[] g0 = sub.barrierGradient(grad0);
    double[][] a0 = sub.barrierJacobian(jEq0, jIneq0, s0);
    double[] trustLb = new double[nVars + nIneq];
    double[] trustUb = new double[nVars + nIneq];
    for (int i = 0; i < nVars + nIneq; i++) {
      trustLb[i] = i < nVars ? Double.NEGATIVE_INFINITY : -BOUNDARY_PARAMETER;
      trustUb[i] = Double.POSITIVE_INFINITY;
    }
    double barrierParameter = st.initialBarrierParameter();
    double tolerance = st.initialTolerance();
    double trustRadius = st.initialTrustRadius();
    while (true) {
      z = TrSqp.solve(sub, z, f0, g0, b0, a0, st.initialPenalty(), trustRadius, st.kind(), trustLb, trustUb);
      if (sub.terminate) {
        break;
      }
      trustRadius = Math.max(st.initialTrustRadius(), TRUST_ENLARGEMENT * sub.lastTrustRadius);
      barrierParameter *= BARRIER_DECAY_RATIO;
      tolerance *= BARRIER_DECAY_RATIO;
      sub.barrierParameter = barrierParameter;
      sub.tolerance = tolerance;
      TrSqp.FunConstr fc = sub.funAndConstr(z);
      f0 = fc.f();
      b0 = fc.b();
      TrSqp.GradJac gj = sub.gradAndJac(z);
      g0 = gj.g();
      a0 = gj.a();
    }
    return java.util.Arrays.copyOf(z, nVars);
  }

  /** scipy's {@code BarrierSubproblem} (no {@code keep_feasible} constraints). */
  static final class Subproblem implements TrSqp.Functions {
    private final Functions fn;
    private final int nVars;
    private final int nEq;
    private final int nIneq;
    private final double xtol;
    double barrierParameter;
    double tolerance;
    boolean terminate;
    double lastTrustRadius;

    Subproblem(Functions fn, int nVars, int nEq, int nIneq, double barrierParameter, double tolerance,
        double xtol) {
      this.fn = fn;
      this.nVars = nVars;
      this.nEq = nEq;
      this.nIneq = nIneq;
      this.barrierParameter = barrierParameter;
      this.tolerance = tolerance;
      this.xtol = xtol;
    }

    private double[] vars(double[] z) {
      return java.util.Arrays.copyOf(z, nVars);
    }

    private double[] slack(double[] z) {
      return java.util.Arrays.copyOfRange(z, nVars, nVars + nIneq);
    }

    double barrierFunction(double f, double[] s) {
      double[] logS = new double[s.length];
      for (int i = 0; i < s.length; i++) {
        logS[i] = s[i] > 0 ? Math.log(s[i]) : Double.NEGATIVE_INFINITY;
      }
      return f - barrierParameter * NumpySum.pairwise(logS, 0, logS.length);
    }

    double[] barrierConstr(double[] cIneq, double[] cEq, double[] s) {
      double[] r = new double[nEq + nIneq];
      System.arraycopy(cEq, 0, r, 0, nEq);
      for (int i = 0; i < nIneq; i++) {
        r[nEq + i] = cIneq[i] + s[i];
      }
      return r;
    }

    double[] barrierGradient(double[] g) {
      double[] r = new double[nVars + nIneq];
      System.arraycopy(g, 0, r, 0, nVars);
      for (int i = 0; i < nIneq; i++) {
        r[nVars + i] = -barrierParameter * 1.0;
      }
      return r;
    }

    double[][] barrierJacobian(double[][] jEq, double[][] jIneq, double[] s) {
      double[][] a = new double[nEq + nIneq][nVars + nIneq];
      for (int i = 0; i < nEq; i++) {
        System.arraycopy(jEq[i], 0, a[i], 0, nVars);
      }
      for (int i = 0; i < nIneq; i++) {
        System.arraycopy(jIneq[i], 0, a[nEq + i], 0, nVars);
        a[nEq + i][nVars + i] = s[i];
      }
      return a;
    }

    @Override
    public TrSqp.FunConstr funAndConstr(double[] z) {
      double[] x = vars(z);
      double[] s = slack(z);
      double f = fn.fun(x);
      double[][] c = fn.constr(x);
      return new TrSqp.FunConstr(barrierFunction(f, s), barrierConstr(c[1], c[0], s));
    }

    @Override
    public TrSqp.GradJac gradAndJac(double[] z) {
      double[] x = vars(z);
      double[] s = slack(z);
      double[] g = fn.grad(x);
      double[][][] j = fn.jac(x);
      return new TrSqp.GradJac(barrierGradient(g), barrierJacobian(j[0], j[1], s));
    }

    @Override
    public TrSubproblems.Operator lagrHess(double[] z, double[] v) {
      double[] x = vars(z);
      double[] vEq = java.util.Arrays.copyOf(v, nEq);
      double[] vIneq = java.util.Arrays.copyOfRange(v, nEq, nEq + nIneq);
      TrSubproblems.Operator hx = fn.lagrHess(x, vEq, vIneq);
      double[] shs = new double[nIneq];
      if (nIneq > 0) {
        double[] s = slack(z);
        double mu = barrierParameter;
        for (int i = 0; i < nIneq; i++) {
          double vi = v[v.length - nIneq + i];
          shs[i] = vi > 0 ? vi * s[i] : mu;
        }
      }
      return p -> {
        double[] px = java.util.Arrays.copyOf(p, nVars);
        double[] hpx = hx.dot(px);
        if (nIneq == 0) {
          return hpx;
        }
        double[] r = new double[nVars + nIneq];
        System.arraycopy(hpx, 0, r, 0, nVars);
        for (int i = 0; i < nIneq; i++) {
          r[nVars + i] = shs[i] * p[nVars + i];
        }
        return r;
      };
    }

    @Override
    public double[] scaling(double[] z) {
      double[] d = new double[nVars + nIneq];
      java.util.Arrays.fill(d, 0, nVars, 1.0);
      System.arraycopy(z, nVars, d, nVars, nIneq);
      return d;
    }

    @Override
    public boolean stop(double[] z, boolean lastIterationFailed, double optimality, double constrViolation,
        double trustRadius, double penalty, TrSubproblems.CgInfo cgInfo) {
      lastTrustRadius = trustRadius;
      double[] x = vars(z);
      if (fn.stop(x, lastIterationFailed, trustRadius, penalty, cgInfo, barrierParameter, tolerance)) {
        terminate = true;
        return true;
      }
      boolean gCond = optimality < tolerance && constrViolation < tolerance;
      boolean xCond = trustRadius < xtol;
      return gCond || xCond;
    }
  }
}
