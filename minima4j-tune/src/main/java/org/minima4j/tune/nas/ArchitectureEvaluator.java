package org.minima4j.tune.nas;

/** Trains and scores an architecture (higher is better, e.g. validation accuracy). */
@FunctionalInterface
public interface ArchitectureEvaluator {
  /** @param seed the seed for initializing and training this candidate */
  double score(Architecture architecture, long seed);
}
