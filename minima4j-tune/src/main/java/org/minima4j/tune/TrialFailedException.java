package org.minima4j.tune;

/** Wraps a checked exception thrown by an objective that stopped a study (it was not in {@code catch}). */
public class TrialFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int trialNumber;

  public TrialFailedException(int trialNumber, Throwable cause) {
    super("Trial " + trialNumber + " failed: " + cause, cause);
    this.trialNumber = trialNumber;
  }

  /** Number of the failed trial. */
  public int trialNumber() {
    return trialNumber;
  }
}
