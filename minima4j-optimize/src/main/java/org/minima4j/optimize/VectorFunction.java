package org.minima4j.optimize;

/** A vector-valued function of x (constraint values). */
@FunctionalInterface
public interface VectorFunction {
  double[] value(double[] x);
}
