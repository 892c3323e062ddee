package org.minima4j.cli.experiments;

/** One optimization method as the compare command runs it. */
public interface MethodRunner {
  /** The command-line name. */
  String name();

  /** One line for the help text. */
  String description();

  /**
   * Runs the method on {@code problem} for {@code maxiter} iterations (the method's own notion:
   * steps, SQP iterations, swarm iterations, generations) with the given seed and thread count.
   */
  Trace run(Problem problem, int maxiter, long seed, int threads);

  /**
   * A rough rank of how long the method runs for the same {@code maxiter} (higher: longer), used
   * only to start the longest methods first when several run side by side, which shortens the
   * pass. Dual annealing (a local search at every iteration) 3, the other population methods 2,
   * scipy's local methods 1, gradient steps (one evaluation per iteration) 0.
   */
  default int workRank() {
    return 0;
  }
}
