package org.minima4j.optim;

import java.util.Map;

/**
 * The hyperparameters of one parameter group: an immutable record per optimizer (for example
 * {@link Adam.Options}) with torch's key names in {@link #toMap()}.
 *
 * <p>Schedulers change a group's learning rate (and momentum or {@code betas[0]}) through the
 * {@code with...} copies; {@link Optimizer#loadStateDict} rebuilds options from a saved map with
 * {@link #fromMap}, keeping this instance's value for any key the map lacks (torch's
 * {@code setdefault} back-fill).
 *
 * @param <O> the implementing record type
 */
public interface OptimizerOptions<O extends OptimizerOptions<O>> {
  /** The learning rate ({@code lr}). */
  double lr();

  /** A copy with another learning rate. */
  O withLr(double lr);

  /** The hyperparameters under torch's key names, in torch's order (pairs as {@code double[]}). */
  Map<String, Object> toMap();

  /** Options read from {@code values} (torch key names); keys it lacks keep this instance's values. */
  O fromMap(Map<String, ?> values);

  /** True when the options have a {@code momentum} entry (SGD, RMSprop). */
  default boolean hasMomentum() {
    return false;
  }

  /** The {@code momentum} entry. */
  default double momentum() {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " has no momentum");
  }

  /** A copy with another {@code momentum}. */
  default O withMomentum(double momentum) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " has no momentum");
  }

  /** True when the options have a {@code betas} pair (Adam family, Lion). */
  default boolean hasBetas() {
    return false;
  }

  /** {@code betas[0]}. */
  default double beta1() {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " has no betas");
  }

  /** A copy with another {@code betas[0]} (and the same {@code betas[1]}). */
  default O withBeta1(double beta1) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " has no betas");
  }
}
