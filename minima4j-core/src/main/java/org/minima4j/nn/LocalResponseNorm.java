package org.minima4j.nn;

import java.util.Arrays;
import org.minima4j.tensor.Tensor;

/**
 * Local response normalization across channels (dimension 1), as torch.nn.LocalResponseNorm
 * (Krizhevsky et al. 2012): {@code b_c = a_c / (k + alpha / size * sum_{c'} a_{c'}^2)^beta}, the
 * sum over the window {@code c - size/2 .. c + (size-1)/2} with zero padding (torch pads and
 * average-pools). Defaults alpha 1e-4, beta 0.75, k 1.
 */
public final class LocalResponseNorm extends Module {
  private final int size;
  private final double alpha;
  private final double beta;
  private final double k;

  public LocalResponseNorm(int size) {
    this(size, 1e-4, 0.75, 1.0);
  }

  public LocalResponseNorm(int size, double alpha, double beta, double k) {
    if (size < 1) {
      throw new IllegalArgumentException("LocalResponseNorm: size must be positive, got " + size);
    }
    this.size = size;
    this.alpha = alpha;
    this.beta = beta;
    this.k = k;
  }

  @Override
  public Tensor forward(Tensor input) {
    int[] s = input.shape();
    if (s.length < 2) {
      throw new IllegalArgumentException("LocalResponseNorm: expected input with at least 2 dimensions (N, C, ...), got "
          + Arrays.toString(s));
    }
    int c = s[1];
    // window matrix: M[c][c'] = 1 when c' lies in c's window
    double[] m = new double[c * c];
    for (int i = 0; i < c; i++) {
      for (int j = Math.max(0, i - size / 2); j <= Math.min(c - 1, i + (size - 1) / 2); j++) {
        m[i * c + j] = 1.0;
      }
    }
    Tensor window = Tensor.wrap(m, c, c);
    Tensor channelsLast = s.length == 2 ? input : input.transpose(1, s.length - 1);
    Tensor sums = channelsLast.square().matmul(window.t());
    Tensor sumsBack = s.length == 2 ? sums : sums.transpose(1, s.length - 1);
    Tensor div = sumsBack.mul(alpha / size).add(k).pow(beta);
    return input.div(div);
  }

  @Override
  protected String extraRepr() {
    return size + ", alpha=" + alpha + ", beta=" + beta + ", k=" + k;
  }
}
