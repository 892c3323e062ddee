package org.minima4j.optimize;

/** The Hessian of the objective (scipy's {@code hess=callable}): n rows of length n. */
@FunctionalInterface
public interface HessianFunction {
  double[][] hessian(double[] x);
}
