package org.minima4j.tune;

/** Thrown by an objective to end its trial as PRUNED, as Optuna's {@code TrialPruned}. */
public class TrialPruned extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TrialPruned() {
    super("Trial was pruned.");
  }

  public TrialPruned(String message) {
    super(message);
  }
}
