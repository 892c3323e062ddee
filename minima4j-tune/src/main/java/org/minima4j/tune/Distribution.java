package org.minima4j.tune;

/**
 * The range a parameter is drawn from, as Optuna's {@code BaseDistribution}. Values have an
 * external representation (what {@code suggest*} returns: Double, Long/Integer, or a categorical
 * choice) and an internal one (a double: the number itself, or the index of a choice), which is
 * what storages keep and samplers work on.
 */
public sealed interface Distribution permits FloatDistribution, IntDistribution, CategoricalDistribution {

  /** The internal (double) representation of an external value; throws if the value is not valid. */
  double toInternal(Object external);

  /** The external representation of an internal value. */
  Object toExternal(double internal);

  /** Whether the range holds a single value. */
  boolean single();

  /** Whether an internal value lies in the range (and on the step grid). */
  boolean contains(double internal);
}
