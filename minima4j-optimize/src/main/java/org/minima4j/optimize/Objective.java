package org.minima4j.optimize;

/** A scalar objective {@code f(x)}, as the {@code fun} argument of scipy.optimize.minimize. */
@FunctionalInterface
public interface Objective {
  double value(double[] x);
}
