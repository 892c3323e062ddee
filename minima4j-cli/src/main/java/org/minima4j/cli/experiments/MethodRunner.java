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
}
