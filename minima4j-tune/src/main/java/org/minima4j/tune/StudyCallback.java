package org.minima4j.tune;

/** Called after each trial of {@link Study#optimize}, as Optuna's callbacks {@code (study, frozen_trial)}. */
@FunctionalInterface
public interface StudyCallback {
  void accept(Study study, FrozenTrial trial);
}
