package org.minima4j.nn;

import java.util.Arrays;
import org.minima4j.tensor.Tensor;
import org.minima4j.tensor.internal.Gemm;

/** Fused differentiable functions used by the layers (torch.nn.functional). */
public final class Functional {
  private Functional() {}

  /**
   * {@code input W^T + b} over the last dimension of {@code input} (any leading dimensions), as
   * torch.nn.functional.linear, in one graph node. {@code bias} may be null.
   */
  public static Tensor linear(Tensor input, Tensor weight, Tensor bias) {
    int[] xs = input.shape();
    int[] ws = weight.shape();
    if (ws.length != 2) {
      throw new IllegalArgumentException("linear: weight must be 2-D, got shape " + Arrays.toString(ws));
    }
    int out = ws[0];
    int in = ws[1];
    if (xs.length == 0 || xs[xs.length - 1] != in) {
      throw new IllegalArgumentException("mat1 and mat2 shapes cannot be multiplied (input shape " + Arrays.toString(xs)
          + ", weight shape " + Arrays.toString(ws) + ": expected last input dimension " + in + ")");
    }
    if (bias != null && (bias.dim() != 1 || bias.numel() != out)) {
      throw new IllegalArgumentException("linear: bias has shape " + Arrays.toString(bias.shape()) + " but weight has "
          + out + " output features");
    }
    int rows = input.numel() / Math.max(in, 1);
    if (in == 0) {
      rows = 1;
      for (int d = 0; d < xs.length - 1; d++) {
        rows *= xs[d];
      }
    }
    double[] x = input.data();
    double[] w = weight.data();
    double[] y = new double[rows * out];
    if (bias != null) {
      double[] b = bias.data();
      for (int r = 0; r < rows; r++) {
        System.arraycopy(b, 0, y, r * out, out);
      }
    }
    Gemm.nt(rows, out, in, x, 0, w, 0, y, 0);
    int[] ys = xs.clone();
    ys[ys.length - 1] = out;
    final int n = rows;
    Tensor[] inputs = bias == null ? new Tensor[] {input, weight} : new Tensor[] {input, weight, bias};
    return Tensor.fromFunction(y, ys, "LinearBackward", (g, gin) -> {
      if (gin[0] != null) {
        Gemm.nn(n, in, out, g, 0, w, 0, gin[0], 0);
      }
      if (gin[1] != null) {
        Gemm.tn(out, in, n, g, 0, x, 0, gin[1], 0);
      }
      if (gin.length > 2 && gin[2] != null) {
        double[] gb = gin[2];
        for (int r = 0; r < n; r++) {
          for (int j = 0; j < out; j++) {
            gb[j] += g[r * out + j];
          }
        }
      }
    }, inputs);
  }
}
