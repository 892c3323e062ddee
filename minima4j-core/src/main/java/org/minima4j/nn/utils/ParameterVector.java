package org.minima4j.nn.utils;

import java.util.Arrays;
import java.util.List;
import org.minima4j.tensor.Tensor;

/**
 * Parameters to one flat vector and back, as torch.nn.utils.parameters_to_vector and
 * vector_to_parameters: the layout is the parameters' order, each flattened row-major. The
 * gradient-free and scipy-style optimizers drive models through these.
 */
public final class ParameterVector {
  private ParameterVector() {}

  /** Total number of elements of the parameters. */
  public static int size(List<? extends Tensor> params) {
    long n = 0;
    for (Tensor p : params) {
      n += p.numel();
    }
    if (n > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("parameters hold more than 2^31 values");
    }
    return (int) n;
  }

  /** The parameters' values concatenated into a new array. */
  public static double[] toArray(List<? extends Tensor> params) {
    double[] v = new double[size(params)];
    int at = 0;
    for (Tensor p : params) {
      System.arraycopy(p.data(), 0, v, at, p.numel());
      at += p.numel();
    }
    return v;
  }

  /** {@code parameters_to_vector}: a 1-D tensor of the parameters' values (detached copy). */
  public static Tensor parametersToVector(List<? extends Tensor> params) {
    return Tensor.wrap(toArray(params), size(params));
  }

  /** {@code vector_to_parameters}: copies consecutive slices of {@code vec} into the parameters. */
  public static void vectorToParameters(double[] vec, List<? extends Tensor> params) {
    int n = size(params);
    if (vec.length != n) {
      throw new IllegalArgumentException("vector has " + vec.length + " values but the parameters hold " + n
          + " (shapes " + shapes(params) + ")");
    }
    int at = 0;
    for (Tensor p : params) {
      System.arraycopy(vec, at, p.data(), 0, p.numel());
      p.markModified();
      at += p.numel();
    }
  }

  public static void vectorToParameters(Tensor vec, List<? extends Tensor> params) {
    if (vec.dim() != 1) {
      throw new IllegalArgumentException("expected a 1-D vector, got shape " + Arrays.toString(vec.shape()));
    }
    vectorToParameters(vec.data(), params);
  }

  /** The parameters' gradients concatenated (zeros for a parameter without a gradient). */
  public static double[] gradToArray(List<? extends Tensor> params) {
    double[] g = new double[size(params)];
    int at = 0;
    for (Tensor p : params) {
      if (p.grad() != null) {
        System.arraycopy(p.grad().data(), 0, g, at, p.numel());
      }
      at += p.numel();
    }
    return g;
  }

  private static String shapes(List<? extends Tensor> params) {
    StringBuilder sb = new StringBuilder("[");
    for (Tensor p : params) {
      sb.append(sb.length() > 1 ? ", " : "").append(Arrays.toString(p.shape()));
    }
    return sb.append(']').toString();
  }
}
