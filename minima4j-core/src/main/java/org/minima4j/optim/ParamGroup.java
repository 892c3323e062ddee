package org.minima4j.optim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import org.minima4j.tensor.Tensor;

/**
 * One parameter group: its tensors, its hyperparameters (replaced, never mutated, when a scheduler
 * or the user changes them) and the scheduler bookkeeping torch keeps in the group dict
 * ({@code initial_lr}, ...).
 *
 * @param <O> the optimizer's options record
 */
public final class ParamGroup<O extends OptimizerOptions<O>> {
  private final List<Tensor> params;
  private O options;
  private final Map<String, Double> extras = new LinkedHashMap<>();

  ParamGroup(List<Tensor> params, O options) {
    this.params = Collections.unmodifiableList(params);
    this.options = Objects.requireNonNull(options, "options");
  }

  /** The group's tensors in order. */
  public List<Tensor> params() {
    return params;
  }

  /** The group's hyperparameters, read again by every {@code step()}. */
  public O options() {
    return options;
  }

  /** Replaces the group's hyperparameters. */
  public void setOptions(O options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  public double lr() {
    return options.lr();
  }

  public void setLr(double lr) {
    options = options.withLr(lr);
  }

  public boolean hasMomentum() {
    return options.hasMomentum();
  }

  public double momentum() {
    return options.momentum();
  }

  public void setMomentum(double momentum) {
    options = options.withMomentum(momentum);
  }

  public boolean hasBetas() {
    return options.hasBetas();
  }

  public double beta1() {
    return options.beta1();
  }

  public void setBeta1(double beta1) {
    options = options.withBeta1(beta1);
  }

  /** A numeric entry that schedulers store in the group ({@code initial_lr}, {@code max_lr}, ...). */
  public OptionalDouble extra(String key) {
    Double v = extras.get(key);
    return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
  }

  public void setExtra(String key, double value) {
    if (options.toMap().containsKey(key) || "params".equals(key) || "param_names".equals(key)) {
      throw new IllegalArgumentException("'" + key + "' is a hyperparameter of the group, not an extra entry");
    }
    extras.put(key, value);
  }

  /** The extra entries, in insertion order (a copy). */
  public Map<String, Double> extras() {
    return new LinkedHashMap<>(extras);
  }

  void clearExtras() {
    extras.clear();
  }
}
