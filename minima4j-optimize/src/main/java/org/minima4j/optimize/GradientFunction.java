package org.minima4j.optimize;

/** A gradient {@code df/dx} as a separate function (scipy's {@code jac=callable}); same length as x. */
@FunctionalInterface
public interface GradientFunction {
  double[] gradient(double[] x);
}
