package org.minima4j.optimize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.minima4j.optimize.internal.BfgsHessian;
import org.minima4j.optimize.internal.EvaluationStop;
import org.minima4j.optimize.internal.Evaluator;
import org.minima4j.optimize.internal.FiniteDifferences;
import org.minima4j.optimize.internal.TrSubproblems;
import org.minima4j.optimize.internal.Vec;

/**
 * The objective and constraints of trust-constr with scipy 1.10.1's memoization and Hessian
 * bookkeeping ({@code ScalarFunction}, {@code VectorFunction}, {@code IdentityVectorFunction} in
 * {@code scipy/optimize/_differentiable_functions.py}, {@code CanonicalConstraint} in
 * {@code _trustregion_constr/canonical_constraint.py}). The order in which points are evaluated
 * decides the quasi-Newton updates and the counts, so it is kept: moving a function to a new point
 * first completes the gradient (Jacobian) at the old point, then evaluates the gradient at the new
 * point and updates the BFGS matrix with the step; a constraint's BFGS matrix approximates the
 * Hessian of {@code v . c(x)} and is updated again when its multipliers {@code v} change.
 *
 * <p>As in scipy 1.10.1, where {@code NonlinearConstraint}'s default {@code hess=BFGS()} is one
 * object shared by every constraint built from a dictionary, all constraints of a run share one BFGS
 * matrix, and each constraint adds it to the Hessian of the Lagrangian (for a linear constraint the
 * matrix is never updated, so each contributes the identity).
 */
final class TrustConstrFunctions {
  private TrustConstrFunctions() {}

  /** The objective with scipy's {@code ScalarFunction} semantics. */
  static final class Objective {
    private final Evaluator ev;
    private final BfgsHessian bfgs;
    private final HessianFunction hessFn;
    private final HessianVectorProduct hesspFn;
    private final int n;
    double[] x;
    double f;
    double[] g;
    private boolean fUpdated;
    private boolean gUpdated;
    private boolean hUpdated;
    private double[][] hMatrix;
    int nhev;

    Objective(Evaluator ev, double[] x0, HessianFunction hess, HessianVectorProduct hessp) {
      this.ev = ev;
      this.n = x0.length;
      this.hessFn = hess;
      this.hesspFn = hess == null ? hessp : null;
      this.bfgs = hess == null && hessp == null ? new BfgsHessian(n) : null;
      this.x = x0.clone();
      f = ev.fun(x);
      fUpdated = true;
      g = ev.grad(x);
      gUpdated = true;
      if (hessFn != null) {
        hMatrix = evalHess(x);
        nhev++;
      } else if (hesspFn != null) {
        nhev++;
      }
      hUpdated = true;
    }

    int nfev() {
      return ev.nfev();
    }

    int ngev() {
      return ev.ngev();
    }

    private void updateX(double[] xn) {
      if (bfgs != null) {
        updateGrad();
        double[] xPrev = x;
        double[] gPrev = g;
        x = xn.clone();
        fUpdated = false;
        gUpdated = false;
        hUpdated = false;
        updateGrad();
        bfgs.update(Vec.sub(x, xPrev), Vec.sub(g, gPrev));
        hUpdated = true;
      } else {
        x = xn.clone();
        fUpdated = false;
        gUpdated = false;
        hUpdated = false;
      }
    }

    private void updateGrad() {
      if (!gUpdated) {
        g = ev.grad(x);
        gUpdated = true;
      }
    }

    double fun(double[] xn) {
      if (!Vec.same(xn, x)) {
        updateX(xn);
      }
      if (!fUpdated) {
        f = ev.fun(x);
        fUpdated = true;
      }
      return f;
    }

    double[] grad(double[] xn) {
      if (!Vec.same(xn, x)) {
        updateX(xn);
      }
      updateGrad();
      return g;
    }

    /** The Hessian (approximation) at {@code xn} as an operator. */
    TrSubproblems.Operator hess(double[] xn) {
      if (!Vec.same(xn, x)) {
        updateX(xn);
      }
      if (bfgs != null) {
        return bfgs::dot;
      }
      if (!hUpdated) {
        if (hessFn != null) {
          hMatrix = evalHess(x);
        }
        nhev++;
        hUpdated = true;
      }
      if (hessFn != null) {
        double[][] h = hMatrix;
        return p -> {
          double[] r = new double[n];
          for (int i = 0; i < n; i++) {
            r[i] = Vec.dot(h[i], p);
          }
          return r;
        };
      }
      double[] at = x.clone();
      return p -> evalHessp(at, p);
    }

    /** The BFGS matrix, or null when the Hessian is given. */
    BfgsHessian bfgs() {
      return bfgs;
    }

    private double[][] evalHess(double[] at) {
      double[][] h;
      try {
        h = hessFn.hessian(at.clone());
      } catch (RuntimeException e) {
        throw new EvaluationStop(EvaluationStop.Reason.USER_EXCEPTION, "hess threw " + e, e);
      }
      if (h == null || h.length != n) {
        throw new IllegalArgumentException("hess must return " + n + " rows, got "
            + (h == null ? "null" : String.valueOf(h.length)));
      }
      double[][] c = new double[n][];
      for (int i = 0; i < n; i++) {
        if (h[i] == null || h[i].length != n) {
          throw new IllegalArgumentException("hess rows must have length " + n);
        }
        c[i] = h[i].clone();
      }
      return c;
    }

    private double[] evalHessp(double[] at, double[] p) {
      double[] r;
      try {
        r = hesspFn.hessp(at.clone(), p.clone());
      } catch (RuntimeException e) {
        throw new EvaluationStop(EvaluationStop.Reason.USER_EXCEPTION, "hessp threw " + e, e);
      }
      if (r == null || r.length != n) {
        throw new IllegalArgumentException("hessp must return a vector of length " + n + ", got "
            + (r == null ? "null" : String.valueOf(r.length)));
      }
      return r.clone();
    }
  }

  /** A constraint function: a user {@link Constraint} or the identity of the bounds. */
  abstract static class Source {
    final int n;
    int m;
    double[] f;
    double[][] jac;
    double[] v;

    Source(int n) {
      this.n = n;
    }

    abstract double[] fun(double[] x);

    abstract double[][] jac(double[] x);

    /** Sets the multipliers and moves to {@code x}; returns the Hessian of {@code v . c} or null for zero. */
    abstract TrSubproblems.Operator hess(double[] x, double[] v);
  }

  /** A user constraint with scipy's {@code VectorFunction} semantics and a (shared) BFGS Hessian. */
  static final class UserConstraint extends Source {
    private final Constraint c;
    private final int index;
    private final BfgsHessian bfgs;
    private final Double relStep;
    private double[] x;
    private boolean fUpdated;
    private boolean jUpdated;
    private boolean hUpdated;
    private double[] xPrev;
    private double[][] jPrev;

    UserConstraint(Constraint c, int index, double[] x0, BfgsHessian shared, Double relStep) {
      super(x0.length);
      this.c = c;
      this.index = index;
      this.bfgs = shared;
      this.relStep = relStep;
      this.x = x0.clone();
      f = call(x);
      m = f.length;
      fUpdated = true;
      jac = computeJac();
      jUpdated = true;
      v = new double[m];
      bfgs.initialize();
      hUpdated = true;
    }

    private double[] call(double[] at) {
      double[] r;
      try {
        r = c.fun().value(at.clone());
      } catch (RuntimeException e) {
        throw new EvaluationStop(EvaluationStop.Reason.USER_EXCEPTION, "constraint " + index + " threw " + e, e);
      }
      if (r == null) {
        throw new IllegalArgumentException("constraint " + index + " returned null");
      }
      if (m != 0 && r.length != m) {
        throw new IllegalArgumentException("constraint " + index + " returned " + r.length + " values, earlier "
            + m);
      }
      for (double d : r) {
        if (!Double.isFinite(d)) {
          throw new EvaluationStop(EvaluationStop.Reason.NON_FINITE, "constraint " + index + " returned " + d
              + " at x = " + Arrays.toString(at), null);
        }
      }
      return r.clone();
    }

    private double[][] computeJac() {
      if (c.jac() == null) {
        updateFun();
        return FiniteDifferences.jacobian(this::call, x, f, FiniteDifferences.Scheme.TWO_POINT, null,
            relStep == null ? Double.NaN : relStep, null, null);
      }
      double[][] j;
      try {
        j = c.jac().jacobian(x.clone());
      } catch (RuntimeException e) {
        throw new EvaluationStop(EvaluationStop.Reason.USER_EXCEPTION, "constraint jacobian " + index + " threw "
            + e, e);
      }
      if (j == null || j.length != m) {
        throw new IllegalArgumentException("constraint jacobian " + index + " must have " + m + " rows, got "
            + (j == null ? "null" : String.valueOf(j.length)));
      }
      double[][] copy = new double[m][];
      for (int r = 0; r < m; r++) {
        if (j[r] == null || j[r].length != n) {
          throw new IllegalArgumentException("constraint jacobian " + index + " row " + r + " must have length "
              + n);
        }
        copy[r] = j[r].clone();
      }
      return copy;
    }

    private void updateFun() {
      if (!fUpdated) {
        f = call(x);
        fUpdated = true;
      }
    }

    private void updateJac() {
      if (!jUpdated) {
        jac = computeJac();
        jUpdated = true;
      }
    }

    private void updateHess() {
      if (!hUpdated) {
        updateJac();
        if (xPrev != null && jPrev != null) {
          double[] dx = Vec.sub(x, xPrev);
          double[] dg = Vec.sub(Vec.mulT(jac, v, n), Vec.mulT(jPrev, v, n));
          bfgs.update(dx, dg);
        }
        hUpdated = true;
      }
    }

    private void updateX(double[] xn) {
      if (!Vec.same(xn, x)) {
        updateJac();
        xPrev = x;
        jPrev = jac;
        x = xn.clone();
        fUpdated = false;
        jUpdated = false;
        hUpdated = false;
        updateHess();
      }
    }

    @Override
    double[] fun(double[] xn) {
      updateX(xn);
      updateFun();
      return f;
    }

    @Override
    double[][] jac(double[] xn) {
      updateX(xn);
      updateJac();
      return jac;
    }

    @Override
    TrSubproblems.Operator hess(double[] xn, double[] vn) {
      if (!Vec.same(vn, v)) {
        v = vn.clone();
        hUpdated = false;
      }
      updateX(xn);
      updateHess();
      return bfgs::dot;
    }
  }

  /** The bounds as scipy's {@code IdentityVectorFunction}: value x, Jacobian I, Hessian 0. */
  static final class Identity extends Source {
    Identity(double[] x0) {
      super(x0.length);
      m = n;
      f = x0.clone();
      jac = new double[n][n];
      for (int i = 0; i < n; i++) {
        jac[i][i] = 1.0;
      }
      v = new double[n];
    }

    @Override
    double[] fun(double[] x) {
      f = x.clone();
      return f;
    }

    @Override
    double[][] jac(double[] x) {
      return jac;
    }

    @Override
    TrSubproblems.Operator hess(double[] x, double[] vn) {
      v = vn.clone();
      return null;
    }
  }

  /**
   * A constraint {@code lb <= fun(x) <= ub} in scipy's canonical form: equalities
   * {@code fun - lb = 0} where {@code lb == ub}, then inequalities {@code <= 0}: {@code fun - ub}
   * (upper only), {@code lb - fun} (lower only), and for two-sided components {@code fun - ub}
   * followed by {@code lb - fun}.
   */
  static final class Canonical {
    final Source src;
    final double[] lb;
    final double[] ub;
    final int[] equal;
    final int[] less;
    final int[] greater;
    final int[] interval;
    final int nEq;
    final int nIneq;

    Canonical(Source src, double[] lb, double[] ub) {
      this.src = src;
      this.lb = lb;
      this.ub = ub;
      List<Integer> eq = new ArrayList<>();
      List<Integer> le = new ArrayList<>();
      List<Integer> ge = new ArrayList<>();
      List<Integer> in = new ArrayList<>();
      for (int i = 0; i < lb.length; i++) {
        boolean lbInf = lb[i] == Double.NEGATIVE_INFINITY;
        boolean ubInf = ub[i] == Double.POSITIVE_INFINITY;
        if (lb[i] == ub[i]) {
          eq.add(i);
        } else if (lbInf && !ubInf) {
          le.add(i);
        } else if (ubInf && !lbInf) {
          ge.add(i);
        } else if (!lbInf && !ubInf) {
          in.add(i);
        }
      }
      equal = eq.stream().mapToInt(Integer::intValue).toArray();
      less = le.stream().mapToInt(Integer::intValue).toArray();
      greater = ge.stream().mapToInt(Integer::intValue).toArray();
      interval = in.stream().mapToInt(Integer::intValue).toArray();
      nEq = equal.length;
      nIneq = less.length + greater.length + 2 * interval.length;
    }

    boolean isEmpty() {
      return nEq == 0 && nIneq == 0;
    }

    /** Writes the equality values at {@code eqOff} and the inequality values at {@code inOff}. */
    void fun(double[] x, double[] eqOut, int eqOff, double[] inOut, int inOff) {
      double[] f = src.fun(x);
      for (int k = 0; k < equal.length; k++) {
        eqOut[eqOff + k] = f[equal[k]] - lb[equal[k]];
      }
      int p = inOff;
      for (int i : less) {
        inOut[p++] = f[i] - ub[i];
      }
      for (int i : greater) {
        inOut[p++] = lb[i] - f[i];
      }
      for (int i : interval) {
        inOut[p++] = f[i] - ub[i];
      }
      for (int i : interval) {
        inOut[p++] = lb[i] - f[i];
      }
    }

    void jac(double[] x, double[][] eqOut, int eqOff, double[][] inOut, int inOff) {
      double[][] j = src.jac(x);
      for (int k = 0; k < equal.length; k++) {
        eqOut[eqOff + k] = j[equal[k]].clone();
      }
      int p = inOff;
      for (int i : less) {
        inOut[p++] = j[i].clone();
      }
      for (int i : greater) {
        inOut[p++] = Vec.scale(-1, j[i]);
      }
      for (int i : interval) {
        inOut[p++] = j[i].clone();
      }
      for (int i : interval) {
        inOut[p++] = Vec.scale(-1, j[i]);
      }
    }

    TrSubproblems.Operator hess(double[] x, double[] vEq, int eqOff, double[] vIneq, int inOff) {
      double[] v = new double[src.m];
      for (int k = 0; k < equal.length; k++) {
        v[equal[k]] = vEq[eqOff + k];
      }
      int p = inOff;
      for (int i : less) {
        v[i] = vIneq[p++];
      }
      for (int i : greater) {
        v[i] = -vIneq[p++];
      }
      int il = p;
      int ig = p + interval.length;
      for (int k = 0; k < interval.length; k++) {
        v[interval[k]] = vIneq[il + k] - vIneq[ig + k];
      }
      return src.hess(x, v);
    }

    /** The largest violation of {@code lb <= f <= ub} at the source's current value (at least 0). */
    double violation(double base) {
      double r = base;
      double[] f = src.f;
      for (int i = 0; i < f.length; i++) {
        r = Math.max(r, Math.max(lb[i] - f[i], f[i] - ub[i]));
      }
      return r;
    }
  }
}
