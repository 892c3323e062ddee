package org.minima4j.optimize;

import java.util.Arrays;

/**
 * The outcome of a minimization, with scipy.optimize.OptimizeResult's fields. Counts a method
 * does not report are 0; {@code maxcv} (maximum constraint violation) is 0 for unconstrained
 * methods; {@code jac} may be null where the method keeps no gradient. {@code status} and
 * {@code message} are the method's scipy exit codes and texts, plus minima4j's: -1 when the
 * objective (or gradient, constraint, Hessian, callback) returned NaN or threw, 99 when the
 * callback asked to stop, and the method's "maximum number of function evaluations" status when
 * the hard {@code maxfun} limit was reached.
 *
 * <p>Extensions, null where a method does not provide them: {@code hessInv} (scipy's
 * {@code hess_inv}) for BFGS (dense) and L-BFGS-B (the stored correction pairs, as scipy's
 * {@code LbfgsInvHessProduct}); {@code multipliers}, SLSQP's Lagrange multipliers of the last
 * quadratic subproblem (Kraft's {@code r}: equality constraints first, then inequalities, in the
 * order given; the Lagrangian is {@code f - r . c}, so active inequalities have {@code r >= 0}).
 * scipy 1.10.1 has no {@code multipliers}.
 */
public record OptimizeResult(
    double[] x, double fun, double[] jac, int nit, int nfev, int njev, int nhev,
    int status, boolean success, String message, double maxcv, InverseHessian hessInv, double[] multipliers) {

  /** A result without the optional extensions ({@code hessInv} and {@code multipliers} null). */
  public OptimizeResult(double[] x, double fun, double[] jac, int nit, int nfev, int njev, int nhev, int status,
      boolean success, String message, double maxcv) {
    this(x, fun, jac, nit, nfev, njev, nhev, status, success, message, maxcv, null, null);
  }

  @Override
  public double[] multipliers() {
    return multipliers == null ? null : multipliers.clone();
  }

  @Override
  public double[] x() {
    return x.clone();
  }

  @Override
  public double[] jac() {
    return jac == null ? null : jac.clone();
  }

  @Override
  public String toString() {
    return "OptimizeResult[success=" + success + ", status=" + status + ", message=" + message + ", fun=" + fun
        + ", x=" + Arrays.toString(x) + ", nit=" + nit + ", nfev=" + nfev + ", njev=" + njev + ", nhev=" + nhev
        + ", maxcv=" + maxcv + (multipliers == null ? "" : ", multipliers=" + Arrays.toString(multipliers))
        + (hessInv == null ? "" : ", hessInv=" + hessInv.dimension() + "x" + hessInv.dimension()) + "]";
  }
}
