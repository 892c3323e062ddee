package org.minima4j.tensor;

import java.util.Arrays;
import org.minima4j.tensor.internal.Gemm;
import org.minima4j.tensor.internal.Shapes;

/** torch.matmul: dot, matrix-vector, matrix-matrix and batched products with broadcast batch dimensions. */
final class LinAlg {
  private LinAlg() {}

  static Tensor matmul(Tensor a, Tensor b) {
    int ra = a.shape.length;
    int rb = b.shape.length;
    if (ra == 0 || rb == 0) {
      throw new IllegalArgumentException("both arguments to matmul need to be at least 1D, but they are " + ra + "D and " + rb + "D");
    }
    if (ra == 1 && rb == 1) {
      if (a.shape[0] != b.shape[0]) {
        throw new IllegalArgumentException("inconsistent tensor size, expected tensor [" + a.shape[0]
            + "] and src [" + b.shape[0] + "] to have the same number of elements, but got " + a.shape[0] + " and "
            + b.shape[0] + " elements respectively");
      }
      return a.mul(b).sum();
    }
    // Promote 1-D operands to matrices, multiply, then drop the added dimension.
    Tensor a2 = ra == 1 ? a.unsqueeze(0) : a;
    Tensor b2 = rb == 1 ? b.unsqueeze(1) : b;
    Tensor out = batched(a2, b2);
    if (ra == 1) {
      out = out.squeeze(-2);
    }
    if (rb == 1) {
      out = out.squeeze(-1);
    }
    return out;
  }

  private static Tensor batched(Tensor a, Tensor b) {
    int ra = a.shape.length;
    int rb = b.shape.length;
    int m = a.shape[ra - 2];
    int k = a.shape[ra - 1];
    int k2 = b.shape[rb - 2];
    int n = b.shape[rb - 1];
    if (k != k2) {
      throw new IllegalArgumentException("mat1 and mat2 shapes cannot be multiplied (" + Shapes.str(a.shape) + " and "
          + Shapes.str(b.shape) + ": " + k + " != " + k2 + ")");
    }
    int[] batchA = Arrays.copyOf(a.shape, ra - 2);
    int[] batchB = Arrays.copyOf(b.shape, rb - 2);
    int[] batch = Shapes.broadcast(batchA, batchB);
    int nb = Shapes.numel(batch);
    int[] mapA = Shapes.broadcastIndex(batchA, batch);
    int[] mapB = Shapes.broadcastIndex(batchB, batch);
    int[] outShape = Arrays.copyOf(batch, batch.length + 2);
    outShape[batch.length] = m;
    outShape[batch.length + 1] = n;
    double[] x = a.data;
    double[] y = b.data;
    double[] out = new double[nb * m * n];
    for (int t = 0; t < nb; t++) {
      int ia = mapA == null ? t : mapA[t];
      int ib = mapB == null ? t : mapB[t];
      Gemm.nn(m, n, k, x, ia * m * k, y, ib * k * n, out, t * m * n);
    }
    return Tensor.fromFunction(out, outShape, "MmBackward", (g, gin) -> {
      for (int t = 0; t < nb; t++) {
        int ia = mapA == null ? t : mapA[t];
        int ib = mapB == null ? t : mapB[t];
        if (gin[0] != null) {
          // dA = G B^T
          Gemm.nt(m, k, n, g, t * m * n, y, ib * k * n, gin[0], ia * m * k);
        }
        if (gin[1] != null) {
          // dB = A^T G
          Gemm.tn(k, n, m, x, ia * m * k, g, t * m * n, gin[1], ib * k * n);
        }
      }
    }, a, b);
  }
}
