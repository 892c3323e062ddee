package org.minima4j.tune;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A choice among values, as Optuna's {@code CategoricalDistribution(choices)}. Choices are null,
 * Boolean, Number or String (Optuna's None/bool/int/float/str). The internal representation is the
 * index of the choice.
 *
 * @param choices the choices, in order; at least one
 */
public record CategoricalDistribution(List<Object> choices) implements Distribution {

  public CategoricalDistribution {
    if (choices == null || choices.isEmpty()) {
      throw new IllegalArgumentException("The `choices` must contain one or more elements.");
    }
    for (Object c : choices) {
      if (c != null && !(c instanceof Boolean || c instanceof Number || c instanceof String)) {
        throw new IllegalArgumentException("Choices for a categorical distribution should be a tuple of None, bool,"
            + " int, float and str for persistent storage but contains " + c + " which is of type "
            + c.getClass().getSimpleName() + ".");
      }
    }
    choices = Collections.unmodifiableList(new ArrayList<>(choices));
  }

  /** A categorical distribution over the given choices. */
  public static CategoricalDistribution of(Object... choices) {
    return new CategoricalDistribution(java.util.Arrays.asList(choices));
  }

  /** Index of {@code choice}; throws if absent. */
  public int indexOf(Object choice) {
    for (int i = 0; i < choices.size(); i++) {
      Object c = choices.get(i);
      if (Objects.equals(c, choice) || (c instanceof Number a && choice instanceof Number b
          && !(c instanceof Double || c instanceof Float) == !(choice instanceof Double || choice instanceof Float)
          && a.doubleValue() == b.doubleValue())) {
        return i;
      }
    }
    throw new IllegalArgumentException("'" + choice + "' not in " + choices + ".");
  }

  @Override
  public double toInternal(Object external) {
    return indexOf(external);
  }

  @Override
  public Object toExternal(double internal) {
    return choices.get((int) internal);
  }

  @Override
  public boolean single() {
    return choices.size() == 1;
  }

  @Override
  public boolean contains(double v) {
    int i = (int) v;
    return i == v && 0 <= i && i < choices.size();
  }
}
