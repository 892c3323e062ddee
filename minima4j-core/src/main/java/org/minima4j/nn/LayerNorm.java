package org.minima4j.nn;

import java.util.Arrays;
import org.minima4j.tensor.Tensor;

/**
 * Layer normalization over the trailing {@code normalizedShape} dimensions, as torch.nn.LayerNorm
 * (Ba et al. 2016): mean and biased variance per sample, the same in training and evaluation;
 * element-wise affine weight (ones) and bias (zeros) by default; eps 1e-5.
 */
public final class LayerNorm extends Module {
  private final int[] normalizedShape;
  private final int size;
  private final double eps;
  private final Parameter weight;
  private final Parameter bias;

  public LayerNorm(int... normalizedShape) {
    this(normalizedShape, 1e-5, true);
  }

  public LayerNorm(int[] normalizedShape, double eps, boolean elementwiseAffine) {
    if (normalizedShape.length == 0) {
      throw new IllegalArgumentException("LayerNorm: normalized_shape must have at least one dimension");
    }
    int n = 1;
    for (int d : normalizedShape) {
      if (d < 1) {
        throw new IllegalArgumentException("LayerNorm: invalid normalized_shape " + Arrays.toString(normalizedShape));
      }
      n *= d;
    }
    if (!(eps > 0)) {
      throw new IllegalArgumentException("LayerNorm: eps must be positive, got " + eps);
    }
    this.normalizedShape = normalizedShape.clone();
    this.size = n;
    this.eps = eps;
    this.weight = elementwiseAffine ? registerParameter("weight", new Parameter(Tensor.ones(normalizedShape))) : null;
    this.bias = elementwiseAffine ? registerParameter("bias", Parameter.zeros(normalizedShape)) : null;
  }

  @Override
  public Tensor forward(Tensor input) {
    int[] s = input.shape();
    int k = normalizedShape.length;
    boolean ok = s.length >= k && Arrays.equals(Arrays.copyOfRange(s, s.length - k, s.length), normalizedShape);
    if (!ok) {
      throw new IllegalArgumentException("Given normalized_shape=" + Arrays.toString(normalizedShape)
          + ", expected input with shape [*, " + Arrays.toString(normalizedShape).replaceAll("[\\[\\]]", "")
          + "], but got input of size" + Arrays.toString(s));
    }
    Tensor x = input.reshape(-1, size);
    Tensor mean = x.mean(1, true);
    Tensor var = x.var(1, 0, true);
    Tensor out = x.sub(mean).div(var.add(eps).sqrt()).reshape(s);
    if (weight != null) {
      out = out.mul(weight).add(bias);
    }
    return out;
  }

  @Override
  protected String extraRepr() {
    return "normalized_shape=" + Arrays.toString(normalizedShape) + ", eps=" + eps + ", elementwise_affine=" + (weight != null);
  }
}
