package org.minima4j.nn;

import org.minima4j.tensor.Tensor;

/** {@code x > 0 ? x : negativeSlope * x}, as torch.nn.LeakyReLU (default slope 0.01). */
public final class LeakyReLU extends Module {
  private final double negativeSlope;

  public LeakyReLU() {
    this(0.01);
  }

  public LeakyReLU(double negativeSlope) {
    if (!Double.isFinite(negativeSlope)) {
      throw new IllegalArgumentException("LeakyReLU: negative_slope must be finite, got " + negativeSlope);
    }
    this.negativeSlope = negativeSlope;
  }

  @Override
  public Tensor forward(Tensor input) {
    return input.leakyRelu(negativeSlope);
  }

  @Override
  protected String extraRepr() {
    return "negative_slope=" + negativeSlope;
  }
}
