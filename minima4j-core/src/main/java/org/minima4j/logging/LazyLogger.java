package org.minima4j.logging;

import java.util.Objects;
import java.util.ResourceBundle;

/**
 * A {@link System.Logger} that looks up the platform logger only when something is first logged
 * or asked about. The first {@link System#getLogger} call of a JVM starts the logging back end
 * (java.util.logging's LogManager and its configuration), which takes tens of milliseconds; a
 * library class that keeps its logger in a static field would pay that when the class is first
 * used, even though most runs never log. This wrapper defers it to the first message.
 *
 * <p>Thread-safe: concurrent first uses may both look the logger up, and {@code System.getLogger}
 * returns an equivalent logger each time.
 */
public final class LazyLogger implements System.Logger {
  private final String name;
  private volatile System.Logger delegate;

  private LazyLogger(String name) {
    this.name = Objects.requireNonNull(name, "name");
  }

  /** A lazy logger named after {@code owner}'s fully qualified class name. */
  public static System.Logger of(Class<?> owner) {
    return new LazyLogger(owner.getName());
  }

  private System.Logger logger() {
    System.Logger l = delegate;
    if (l == null) {
      l = System.getLogger(name);
      delegate = l;
    }
    return l;
  }

  /** Whether the platform logger has been looked up yet (for tests). */
  boolean started() {
    return delegate != null;
  }

  @Override
  public String getName() {
    return name;
  }

  @Override
  public boolean isLoggable(Level level) {
    return logger().isLoggable(level);
  }

  @Override
  public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
    logger().log(level, bundle, msg, thrown);
  }

  @Override
  public void log(Level level, ResourceBundle bundle, String format, Object... params) {
    logger().log(level, bundle, format, params);
  }
}
