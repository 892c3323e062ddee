package org.minima4j.nn;

import java.util.random.RandomGenerator;
import org.minima4j.tensor.Tensor;

/**
 * A linear layer with weight normalization, as {@code torch.nn.utils.weight_norm(Linear, dim=0)}
 * (Salimans and Kingma 2016): the weight is {@code g * v / ||v||} with one norm per output row;
 * parameters {@code weight_g} (out, 1), {@code weight_v} (out, in) and {@code bias}, initialized
 * from a torch-initialized Linear so that the initial weight is the same.
 */
public final class WeightNorm extends Module {
  private final Parameter weightG;
  private final Parameter weightV;
  private final Parameter bias;

  public WeightNorm(int inFeatures, int outFeatures, boolean bias, RandomGenerator rng) {
    this(new Linear(inFeatures, outFeatures, bias, rng));
  }

  /** Re-parameterizes a copy of {@code linear}'s weight (the given layer is not changed). */
  public WeightNorm(Linear linear) {
    Tensor w = linear.weight().detach();
    Tensor g = w.square().sum(1, true).sqrt();
    this.weightG = registerParameter("weight_g", new Parameter(g));
    this.weightV = registerParameter("weight_v", new Parameter(w));
    this.bias = linear.bias() == null ? null : registerParameter("bias", new Parameter(linear.bias().detach()));
  }

  /** The effective weight {@code g * v / ||v||}. */
  public Tensor weight() {
    return weightV.mul(weightG.div(weightV.square().sum(1, true).sqrt()));
  }

  @Override
  public Tensor forward(Tensor input) {
    return Functional.linear(input, weight(), bias);
  }

  @Override
  protected String extraRepr() {
    int[] s = weightV.shape();
    return "in_features=" + s[1] + ", out_features=" + s[0] + ", bias=" + (bias != null) + ", weight_norm dim=0";
  }
}
