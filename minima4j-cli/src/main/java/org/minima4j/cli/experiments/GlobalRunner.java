package org.minima4j.cli.experiments;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.minima4j.optimize.global.GlobalOptimizer;
import org.minima4j.optimize.global.GlobalResult;
import org.minima4j.optimize.global.Termination;

/**
 * A gradient-free global method run through its ask/tell loop for {@code maxiter} iterations
 * (swarm iterations, generations, annealing iterations); the loss per iteration is the best value
 * so far after it. Populations are evaluated on {@code threads} threads; results do not depend on
 * the thread count.
 */
final class GlobalRunner implements MethodRunner {
  /** Builds the optimizer for a problem, iteration count and seed. */
  interface Factory {
    GlobalOptimizer create(Problem problem, int maxiter, long seed);
  }

  private final String name;
  private final String description;
  private final Factory factory;
  private final String config;
  private final int workRank;

  /** A population method ({@link #workRank()} 2). */
  GlobalRunner(String name, String description, String config, Factory factory) {
    this(name, description, config, 2, factory);
  }

  /** A method with its own rank: 3 for those that also run a local search at every iteration. */
  GlobalRunner(String name, String description, String config, int workRank, Factory factory) {
    this.name = name;
    this.description = description;
    this.config = config;
    this.workRank = workRank;
    this.factory = factory;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public int workRank() {
    return workRank;
  }

  @Override
  public Trace run(Problem problem, int maxiter, long seed, int threads) {
    ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads) : null;
    try {
      long t0 = System.nanoTime();
      GlobalOptimizer opt = factory.create(problem, maxiter, seed);
      GlobalResult r = opt.optimize(problem::loss, Termination.DEFAULTS.withMaxIterations(maxiter), pool, null);
      double seconds = (System.nanoTime() - t0) * 1e-9;
      double[] h = r.history();
      return new Trace(name, config.replace("{maxiter}", Integer.toString(maxiter)).replace("{seed}", Long.toString(seed)),
          h, h.clone(), r.fun(), r.nfev(), 0, seconds, r.x(), r.message());
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
  }
}
