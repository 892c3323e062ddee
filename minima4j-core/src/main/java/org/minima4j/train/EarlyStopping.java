package org.minima4j.train;

/**
 * Stops training when the monitored value (the validation loss, or the training loss without a
 * validation set) has not improved by more than {@code minDelta} for {@code patience} epochs, as
 * Keras' EarlyStopping (mode "min").
 */
public final class EarlyStopping {
  private final int patience;
  private final double minDelta;
  private double best = Double.POSITIVE_INFINITY;
  private int bestEpoch = -1;
  private int wait;

  public EarlyStopping(int patience, double minDelta) {
    if (patience < 1) {
      throw new IllegalArgumentException("patience must be at least 1, got " + patience);
    }
    if (!(minDelta >= 0)) {
      throw new IllegalArgumentException("minDelta must be >= 0, got " + minDelta);
    }
    this.patience = patience;
    this.minDelta = minDelta;
  }

  /** Records the epoch's value; true when training should stop. */
  public boolean update(int epoch, double value) {
    if (value < best - minDelta) {
      best = value;
      bestEpoch = epoch;
      wait = 0;
      return false;
    }
    wait++;
    return wait >= patience;
  }

  public double best() {
    return best;
  }

  public int bestEpoch() {
    return bestEpoch;
  }
}
