package org.minima4j.optimize;

/**
 * How a gradient is approximated when none is given (scipy's {@code jac} argument as a string).
 * {@link #DEFAULT} is scipy 1.10.1's {@code jac=None}: forward differences with the method's absolute
 * step {@code eps} (1e-8 for L-BFGS-B, sqrt(machine eps) for BFGS, CG and SLSQP).
 */
public enum FiniteDiff {
  /** scipy's {@code jac=None}: forward differences with absolute step {@code eps}. */
  DEFAULT,
  /** scipy's {@code jac='2-point'}: forward differences with relative steps. */
  TWO_POINT,
  /** scipy's {@code jac='3-point'}: central differences with relative steps. */
  THREE_POINT
}
