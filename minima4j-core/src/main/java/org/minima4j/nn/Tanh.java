package org.minima4j.nn;

import org.minima4j.tensor.Tensor;

/** Element-wise {@code tanh()}, as torch.nn.Tanh. */
public final class Tanh extends Module {
  @Override
  public Tensor forward(Tensor input) {
    return input.tanh();
  }
}
