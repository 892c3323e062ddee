package org.minima4j.nn;

import org.minima4j.tensor.Tensor;

/** {@code x > 0 ? x : alpha * (exp(x) - 1)}, as torch.nn.ELU (default alpha 1). */
public final class ELU extends Module {
  private final double alpha;

  public ELU() {
    this(1.0);
  }

  public ELU(double alpha) {
    if (!Double.isFinite(alpha)) {
      throw new IllegalArgumentException("ELU: alpha must be finite, got " + alpha);
    }
    this.alpha = alpha;
  }

  @Override
  public Tensor forward(Tensor input) {
    return input.elu(alpha);
  }

  @Override
  protected String extraRepr() {
    return "alpha=" + alpha;
  }
}
