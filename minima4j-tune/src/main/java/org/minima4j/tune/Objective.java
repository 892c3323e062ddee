package org.minima4j.tune;

/** A single-objective function of a trial, as the {@code func} of Optuna's {@code Study.optimize}. */
@FunctionalInterface
public interface Objective {
  /** The objective value; may throw {@link TrialPruned} to end the trial as pruned. */
  double apply(Trial trial) throws Exception;
}
