package org.minima4j.tune;

/** Trial states, as Optuna's {@code TrialState} (same order and codes). */
public enum TrialState {
  RUNNING, COMPLETE, PRUNED, FAIL, WAITING;

  /** COMPLETE, PRUNED and FAIL are final. */
  public boolean isFinished() {
    return this == COMPLETE || this == PRUNED || this == FAIL;
  }
}
