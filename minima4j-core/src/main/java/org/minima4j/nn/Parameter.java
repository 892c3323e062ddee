package org.minima4j.nn;

import org.minima4j.tensor.Tensor;

/**
 * A tensor that a {@link Module} registers as learnable, as {@code torch.nn.Parameter}: a leaf
 * that requires grad by default.
 */
public class Parameter extends Tensor {
  /** A parameter over a copy of {@code values} with the given shape. */
  public Parameter(double[] values, int... shape) {
    super(values.clone(), shape, true);
  }

  /** A parameter holding a copy of {@code data}'s values. */
  public Parameter(Tensor data) {
    super(data.toArray(), data.shape(), true);
  }

  /** A parameter holding a copy of {@code data}'s values, with the given requires-grad flag. */
  public Parameter(Tensor data, boolean requiresGrad) {
    super(data.toArray(), data.shape(), requiresGrad);
  }

  public static Parameter zeros(int... shape) {
    return new Parameter(Tensor.zeros(shape));
  }
}
