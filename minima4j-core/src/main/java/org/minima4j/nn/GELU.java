package org.minima4j.nn;

import org.minima4j.tensor.Tensor;

/**
 * Gaussian error linear unit, as torch.nn.GELU: {@code approximate} is "none" (the exact
 * {@code x * Phi(x)}, the default) or "tanh".
 */
public final class GELU extends Module {
  private final String approximate;

  public GELU() {
    this("none");
  }

  public GELU(String approximate) {
    if (!"none".equals(approximate) && !"tanh".equals(approximate)) {
      throw new IllegalArgumentException("approximate argument must be either none or tanh, got " + approximate);
    }
    this.approximate = approximate;
  }

  @Override
  public Tensor forward(Tensor input) {
    return input.gelu("tanh".equals(approximate));
  }

  @Override
  protected String extraRepr() {
    return "approximate='" + approximate + "'";
  }
}
