package org.minima4j.nn;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.minima4j.nn.init.Init;
import org.minima4j.tensor.Tensor;

/**
 * {@code y = x W^T + b}, as torch.nn.Linear: weight {@code (out, in)}, bias {@code (out)}.
 *
 * <p>Initialization follows torch's {@code reset_parameters}: weight by Kaiming-uniform with
 * {@code a = sqrt(5)} (that is, U(-1/sqrt(in), 1/sqrt(in))), then bias U(-1/sqrt(in), 1/sqrt(in)),
 * drawn from the given generator. The constructors without a generator use a fresh generator
 * seeded with 0, so they are deterministic (every such layer of one shape starts alike); pass a
 * shared {@link RandomGenerator} for independent draws.
 */
public final class Linear extends Module {
  private final int inFeatures;
  private final int outFeatures;
  private final Parameter weight;
  private final Parameter bias;

  public Linear(int inFeatures, int outFeatures) {
    this(inFeatures, outFeatures, true);
  }

  public Linear(int inFeatures, int outFeatures, boolean bias) {
    this(inFeatures, outFeatures, bias, new SplittableRandom(0));
  }

  public Linear(int inFeatures, int outFeatures, boolean bias, RandomGenerator rng) {
    if (inFeatures < 0 || outFeatures < 0) {
      throw new IllegalArgumentException("Linear: in_features and out_features must be non-negative, got in_features="
          + inFeatures + ", out_features=" + outFeatures);
    }
    this.inFeatures = inFeatures;
    this.outFeatures = outFeatures;
    this.weight = registerParameter("weight", Parameter.zeros(outFeatures, inFeatures));
    this.bias = bias ? registerParameter("bias", Parameter.zeros(outFeatures)) : null;
    Init.kaimingUniform(weight, Math.sqrt(5.0), "fan_in", "leaky_relu", rng);
    if (this.bias != null) {
      double bound = inFeatures > 0 ? 1.0 / Math.sqrt(inFeatures) : 0.0;
      Init.uniform(this.bias, -bound, bound, rng);
    }
  }

  public Parameter weight() {
    return weight;
  }

  /** The bias, or null when the layer has none. */
  public Parameter bias() {
    return bias;
  }

  public int inFeatures() {
    return inFeatures;
  }

  public int outFeatures() {
    return outFeatures;
  }

  @Override
  public Tensor forward(Tensor input) {
    return Functional.linear(input, weight, bias);
  }

  @Override
  protected String extraRepr() {
    return "in_features=" + inFeatures + ", out_features=" + outFeatures + ", bias=" + (bias != null);
  }
}
