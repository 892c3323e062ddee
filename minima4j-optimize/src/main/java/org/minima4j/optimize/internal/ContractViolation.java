package org.minima4j.optimize.internal;

/**
 * Bad input detected by library code running inside a user callback (for example a gradient map
 * with the wrong keys in dict-minimize). Unlike other exceptions from the callback, it is not
 * turned into a failed result but propagates to the caller as an {@link IllegalArgumentException}.
 */
public final class ContractViolation extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public ContractViolation(String message) {
    super(message);
  }
}
