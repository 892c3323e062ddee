package org.minima4j.tune;

/** Optimization direction of one objective, as Optuna's {@code StudyDirection}. */
public enum StudyDirection {
  MINIMIZE, MAXIMIZE
}
