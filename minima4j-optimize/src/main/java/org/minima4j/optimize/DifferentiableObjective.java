package org.minima4j.optimize;

/**
 * An objective that also returns its gradient, as scipy's {@code jac=True}: writes
 * {@code df/dx} into {@code gradient} (same length as {@code x}) and returns {@code f(x)}.
 */
@FunctionalInterface
public interface DifferentiableObjective {
  double valueAndGradient(double[] x, double[] gradient);
}
