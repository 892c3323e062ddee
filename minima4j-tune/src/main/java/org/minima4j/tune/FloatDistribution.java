package org.minima4j.tune;

/**
 * A float range, as Optuna's {@code FloatDistribution(low, high, log, step)}.
 *
 * <p>Deliberate deviation: Optuna lowers {@code high} with a warning when {@code step} does not divide
 * {@code high - low}; here that is an error, so a search space is never silently changed.
 *
 * @param low lower bound, inclusive
 * @param high upper bound, inclusive
 * @param log sample in log space (needs {@code low > 0}, no step)
 * @param step grid step or null for a continuous range
 */
public record FloatDistribution(double low, double high, boolean log, Double step) implements Distribution {

  public FloatDistribution {
    if (Double.isNaN(low) || Double.isNaN(high) || Double.isInfinite(low) || Double.isInfinite(high)) {
      throw new IllegalArgumentException("The `low` and `high` values must be finite (low=" + low + ", high="
          + high + ").");
    }
    if (log && step != null) {
      throw new IllegalArgumentException("The parameter `step` is not supported when `log` is true.");
    }
    if (low > high) {
      throw new IllegalArgumentException("The `low` value must be smaller than or equal to the `high` value (low="
          + low + ", high=" + high + ").");
    }
    if (log && low <= 0.0) {
      throw new IllegalArgumentException("The `low` value must be larger than 0 for a log distribution (low="
          + low + ", high=" + high + ").");
    }
    if (step != null) {
      if (!(step > 0) || Double.isInfinite(step)) {
        throw new IllegalArgumentException("The `step` value must be non-zero positive value, but step=" + step
            + ".");
      }
      double k = (high - low) / step;
      double r = Math.rint(k);
      if (Math.abs(k - r) > 1e-8 * Math.max(1.0, Math.abs(k))) {
        throw new IllegalArgumentException("The range [" + low + ", " + high + "] is not divisible by `step` "
            + step + " (Optuna would lower `high` to " + (low + Math.floor(k) * step) + ").");
      }
    }
  }

  /** A continuous uniform range. */
  public static FloatDistribution of(double low, double high) {
    return new FloatDistribution(low, high, false, null);
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
    return internal;
  }

  @Override
  public boolean single() {
    if (step == null) {
      return low == high;
    }
    return high - low < step;
  }

  @Override
  public boolean contains(double v) {
    if (!(low <= v && v <= high)) {
      return false;
    }
    if (step == null) {
      return true;
    }
    double k = (v - low) / step;
    return Math.abs(k - Math.rint(k)) < 1e-8 * Math.max(1.0, Math.abs(k));
  }
}
