package org.minima4j.optimize;

import java.util.Map;
import org.minima4j.tensor.Tensor;

/**
 * An objective over named tensors, as dict_minimize's {@code fun(x_dict) -> (value, grad_dict)}:
 * returns the value and the gradient with the same keys and shapes as {@code x}.
 */
@FunctionalInterface
public interface DictObjective {
  /** The value and gradient at {@code x} (tensors given to the objective are fresh copies). */
  ValueAndGrad evaluate(Map<String, Tensor> x);

  /** A value with its gradient per key. */
  record ValueAndGrad(double value, Map<String, Tensor> gradient) {}
}
