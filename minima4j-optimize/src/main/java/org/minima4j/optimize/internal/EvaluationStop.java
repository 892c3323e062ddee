package org.minima4j.optimize.internal;

/**
 * Thrown inside a solver to end the run early: the evaluation budget is spent, the objective
 * returned a non-finite value or threw, or the iteration callback asked to stop. The entry point
 * catches it and builds the result from the best point seen.
 */
public final class EvaluationStop extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why the run ended. */
  public enum Reason { MAXFUN, NON_FINITE, USER_EXCEPTION, CALLBACK }

  private final Reason reason;

  public EvaluationStop(Reason reason, String message, Throwable cause) {
    super(message, cause, false, false);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
