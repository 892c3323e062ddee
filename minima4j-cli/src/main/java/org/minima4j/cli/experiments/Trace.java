package org.minima4j.cli.experiments;

import java.util.Arrays;

/**
 * What one method did on a problem: the loss it reported at each iteration, the best loss so far
 * after each iteration, objective and gradient evaluation counts, in-process time, and the best
 * point found.
 *
 * @param method the method's command-line name
 * @param config the method's settings in words
 * @param loss loss per iteration as the method reports it (gradient methods: before the step)
 * @param bestSoFar the running minimum of every loss evaluated up to the end of each iteration
 * @param finalLoss the best loss found
 * @param nfev objective evaluations (gradient evaluations included where they also give the loss)
 * @param ngev gradient evaluations
 * @param seconds in-process wall time of the run
 * @param bestX the best point found
 * @param message the method's stopping message
 */
public record Trace(String method, String config, double[] loss, double[] bestSoFar, double finalLoss, long nfev,
    long ngev, double seconds, double[] bestX, String message) {

  /** The running minimum of {@code values}, NaN-safe (NaN never becomes the best). */
  public static double[] runningMin(double[] values) {
    double[] out = new double[values.length];
    double best = Double.POSITIVE_INFINITY;
    for (int i = 0; i < values.length; i++) {
      if (values[i] < best) {
        best = values[i];
      }
      out[i] = best;
    }
    return out;
  }

  /** The loss reported at the last iteration (for gradient methods: before the last step, as the reference). */
  public double lastLoss() {
    return loss.length == 0 ? Double.NaN : loss[loss.length - 1];
  }

  public int iterations() {
    return loss.length;
  }

  @Override
  public String toString() {
    return method + ": final " + finalLoss + ", nfev " + nfev + ", ngev " + ngev + ", " + seconds + " s, x "
        + Arrays.toString(bestX);
  }
}
