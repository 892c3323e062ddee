package org.minima4j.train;

import org.minima4j.tensor.Tensor;

/** A loss of predictions against targets, e.g. {@code Losses::crossEntropy} or {@code Losses::mse}. */
@FunctionalInterface
public interface LossFunction {
  Tensor apply(Tensor prediction, Tensor target);
}
