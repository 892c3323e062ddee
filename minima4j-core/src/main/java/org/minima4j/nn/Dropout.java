package org.minima4j.nn;

import java.util.random.RandomGenerator;
import org.minima4j.tensor.Tensor;

/**
 * Inverted dropout, as torch.nn.Dropout: in training mode each element is zeroed with probability
 * {@code p} and the survivors are scaled by {@code 1/(1-p)}; in evaluation mode it is the identity.
 * The mask is drawn from the generator given at construction, in row-major order.
 */
public final class Dropout extends Module {
  private final double p;
  private final RandomGenerator rng;

  public Dropout(double p, RandomGenerator rng) {
    if (!(p >= 0.0 && p <= 1.0)) {
      throw new IllegalArgumentException("dropout probability has to be between 0 and 1, but got " + p);
    }
    if (rng == null) {
      throw new IllegalArgumentException("Dropout needs a RandomGenerator (rng was null)");
    }
    this.p = p;
    this.rng = rng;
  }

  @Override
  public Tensor forward(Tensor input) {
    if (!isTraining() || p == 0.0) {
      return input;
    }
    double[] mask = new double[input.numel()];
    if (p < 1.0) {
      double scale = 1.0 / (1.0 - p);
      for (int i = 0; i < mask.length; i++) {
        mask[i] = rng.nextDouble() < p ? 0.0 : scale;
      }
    }
    return input.mul(Tensor.wrap(mask, input.shape()));
  }

  @Override
  protected String extraRepr() {
    return "p=" + p;
  }
}
