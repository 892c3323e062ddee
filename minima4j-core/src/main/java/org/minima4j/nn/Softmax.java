package org.minima4j.nn;

import org.minima4j.tensor.Tensor;

/** {@code softmax} along a dimension, as torch.nn.Softmax (the dimension must be given). */
public final class Softmax extends Module {
  private final int dim;

  public Softmax(int dim) {
    this.dim = dim;
  }

  @Override
  public Tensor forward(Tensor input) {
    return input.softmax(dim);
  }

  @Override
  protected String extraRepr() {
    return "dim=" + dim;
  }
}
