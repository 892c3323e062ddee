package org.minima4j.cli.experiments;

/**
 * Wraps a problem's loss and counts evaluations, recording the best value seen and, for plots,
 * the best-so-far value at each iteration boundary the runner marks.
 */
final class CountingObjective {
  private final Problem problem;
  private long count;
  private double best = Double.POSITIVE_INFINITY;
  private double[] bestX;

  CountingObjective(Problem problem) {
    this.problem = problem;
  }

  double value(double[] x) {
    double v = problem.loss(x);
    synchronized (this) {
      count++;
      if (v < best) {
        best = v;
        bestX = x.clone();
      }
    }
    return v;
  }

  synchronized long count() {
    return count;
  }

  synchronized double best() {
    return best;
  }

  synchronized double[] bestX() {
    return bestX == null ? null : bestX.clone();
  }
}
