package org.minima4j.tune;

/** A multi-objective function of a trial: one value per study direction. */
@FunctionalInterface
public interface MultiObjective {
  /** The objective values; may throw {@link TrialPruned}. */
  double[] apply(Trial trial) throws Exception;
}
