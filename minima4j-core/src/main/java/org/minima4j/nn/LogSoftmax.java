package org.minima4j.nn;

import org.minima4j.tensor.Tensor;

/** {@code logSoftmax} along a dimension, as torch.nn.LogSoftmax (the dimension must be given). */
public final class LogSoftmax extends Module {
  private final int dim;

  public LogSoftmax(int dim) {
    this.dim = dim;
  }

  @Override
  public Tensor forward(Tensor input) {
    return input.logSoftmax(dim);
  }

  @Override
  protected String extraRepr() {
    return "dim=" + dim;
  }
}
