package org.minima4j.tune;

/**
 * An integer range, as Optuna's {@code IntDistribution(low, high, log, step)}. External values are
 * {@code Long}.
 *
 * <p>Deliberate deviation: a {@code step} that does not divide {@code high - low} is an error (Optuna
 * lowers {@code high} with a warning).
 *
 * @param low lower bound, inclusive
 * @param high upper bound, inclusive
 * @param log sample in log space (needs {@code low >= 1} and {@code step == 1})
 * @param step grid step, at least 1
 */
public record IntDistribution(long low, long high, boolean log, long step) implements Distribution {

  public IntDistribution {
    if (log && step != 1) {
      throw new IllegalArgumentException(
          "Samplers and other components in Optuna only accept step is 1 when `log` argument is True.");
    }
    if (low > high) {
      throw new IllegalArgumentException("The `low` value must be smaller than or equal to the `high` value (low="
          + low + ", high=" + high + ").");
    }
    if (log && low < 1) {
      throw new IllegalArgumentException(
          "The `low` value must be equal to or greater than 1 for a log distribution (low=" + low + ", high="
              + high + ").");
    }
    if (step <= 0) {
      throw new IllegalArgumentException("The `step` value must be non-zero positive value, but step=" + step + ".");
    }
    if ((high - low) % step != 0) {
      throw new IllegalArgumentException("The range [" + low + ", " + high + "] is not divisible by `step` " + step
          + " (Optuna would lower `high` to " + (low + (high - low) / step * step) + ").");
    }
  }

  /** A uniform integer range with step 1. */
  public static IntDistribution of(long low, long high) {
    return new IntDistribution(low, high, false, 1);
  }

  @Override
  public double toInternal(Object external) {
    if (!(external instanceof Number n)) {
      throw new IllegalArgumentException("'" + external + "' is not a valid type. float-castable value is expected.");
    }
    double v = n.doubleValue();
    if (Double.isNaN(v)) {
      throw new IllegalArgumentException("`" + external + "` is invalid value.");
    }
    if (log && v <= 0.0) {
      throw new IllegalArgumentException("`" + external + "` is invalid value for the case log=True.");
    }
    return v;
  }

  @Override
  public Object toExternal(double internal) {
    return Math.round(internal);
  }

  @Override
  public boolean single() {
    if (log) {
      return low == high;
    }
    return high - low < step;
  }

  @Override
  public boolean contains(double v) {
    if (!(low <= v && v <= high) || v != Math.rint(v)) {
      return false;
    }
    return ((long) v - low) % step == 0;
  }
}
