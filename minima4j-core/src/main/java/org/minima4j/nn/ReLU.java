package org.minima4j.nn;

import org.minima4j.tensor.Tensor;

/** Element-wise {@code relu()}, as torch.nn.ReLU. */
public final class ReLU extends Module {
  @Override
  public Tensor forward(Tensor input) {
    return input.relu();
  }
}
