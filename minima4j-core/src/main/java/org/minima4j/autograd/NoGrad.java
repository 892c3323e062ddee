package org.minima4j.autograd;

/** A scope with grad mode off; closing it restores the previous mode. See {@link GradMode#noGrad()}. */
public final class NoGrad implements AutoCloseable {
  private final boolean previous;
  private boolean closed;

  NoGrad(boolean previous) {
    this.previous = previous;
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      GradMode.setEnabled(previous);
    }
  }
}
