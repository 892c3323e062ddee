package org.minima4j.optimize;

/** The Jacobian of a vector function: {@code m} rows (one per component) of length {@code n}. */
@FunctionalInterface
public interface JacobianFunction {
  double[][] jacobian(double[] x);
}
