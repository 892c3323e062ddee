package org.minima4j.optimize;

/**
 * Called after each iteration with the current point and value (scipy's
 * {@code callback(intermediate_result)}); returning {@code true} stops the run, which then
 * reports {@code success = false} and says so in its message (scipy's {@code StopIteration}).
 */
@FunctionalInterface
public interface IterationCallback {
  boolean stop(double[] x, double fun, int iteration);
}
