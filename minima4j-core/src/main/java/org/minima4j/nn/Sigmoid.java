package org.minima4j.nn;

import org.minima4j.tensor.Tensor;

/** Element-wise {@code sigmoid()}, as torch.nn.Sigmoid. */
public final class Sigmoid extends Module {
  @Override
  public Tensor forward(Tensor input) {
    return input.sigmoid();
  }
}
