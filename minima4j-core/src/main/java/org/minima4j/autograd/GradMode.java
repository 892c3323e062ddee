package org.minima4j.autograd;

import java.util.function.Supplier;

/**
 * Whether operations record an autograd graph on the current thread, as {@code torch.is_grad_enabled()}.
 *
 * <p>Grad mode is per thread and on by default. {@link #noGrad()} switches it off for a
 * try-with-resources block; {@link #noGrad(Supplier)} for one computation.
 */
public final class GradMode {
  private static final ThreadLocal<boolean[]> ENABLED = ThreadLocal.withInitial(() -> new boolean[] {true});

  private GradMode() {}

  /** True when new operations on tensors that require grad record a graph on this thread. */
  public static boolean isEnabled() {
    return ENABLED.get()[0];
  }

  /** Sets grad mode on this thread and returns the previous setting. */
  public static boolean setEnabled(boolean enabled) {
    boolean[] cell = ENABLED.get();
    boolean previous = cell[0];
    cell[0] = enabled;
    return previous;
  }

  /**
   * Switches grad mode off until the returned scope is closed, as {@code with torch.no_grad():}.
   *
   * <pre>{@code try (NoGrad scope = GradMode.noGrad()) { ... } }</pre>
   */
  public static NoGrad noGrad() {
    return new NoGrad(setEnabled(false));
  }

  /** Runs {@code body} with grad mode off and returns its result. */
  public static <T> T noGrad(Supplier<T> body) {
    boolean previous = setEnabled(false);
    try {
      return body.get();
    } finally {
      setEnabled(previous);
    }
  }

  /** Runs {@code body} with grad mode off. */
  public static void noGrad(Runnable body) {
    boolean previous = setEnabled(false);
    try {
      body.run();
    } finally {
      setEnabled(previous);
    }
  }
}
