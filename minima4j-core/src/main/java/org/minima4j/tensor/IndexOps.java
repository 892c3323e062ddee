package org.minima4j.tensor;

import java.util.Arrays;
import org.minima4j.tensor.internal.Shapes;

/** Gathering by integer indices: index_select and gather, with scatter-add backward rules. */
final class IndexOps {
  private IndexOps() {}

  /** The integral values of an index tensor, with a clear error for fractional values. */
  static int[] toIndices(Tensor index, String what) {
    int[] idx = new int[index.numel];
    for (int i = 0; i < idx.length; i++) {
      double v = index.data[i];
      if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(what + " must hold integer values, found " + v + " at position " + i);
      }
      idx[i] = (int) v;
    }
    return idx;
  }

  static Tensor indexSelect(Tensor a, int dim, int[] index) {
    int d = Shapes.dim(dim, a.shape.length);
    int n = a.shape.length == 0 ? 1 : a.shape[d];
    int outer = Shapes.prod(a.shape, 0, d);
    int inner = a.shape.length == 0 ? 1 : Shapes.prod(a.shape, d + 1, a.shape.length);
    int[] idx = index.clone();
    for (int j = 0; j < idx.length; j++) {
      if (idx[j] < -n || idx[j] >= n) {
        throw new IndexOutOfBoundsException("index_select(): index " + idx[j] + " is out of bounds for dimension " + d
            + " with size " + n);
      }
      if (idx[j] < 0) {
        idx[j] += n;
      }
    }
    int m = idx.length;
    int[] outShape = a.shape.length == 0 ? new int[] {m} : a.shape.clone();
    if (a.shape.length > 0) {
      outShape[d] = m;
    }
    double[] x = a.data;
    double[] out = new double[outer * m * inner];
    for (int o = 0; o < outer; o++) {
      for (int j = 0; j < m; j++) {
        System.arraycopy(x, (o * n + idx[j]) * inner, out, (o * m + j) * inner, inner);
      }
    }
    return Tensor.fromFunction(out, outShape, "IndexSelectBackward", (g, gin) -> {
      double[] ga = gin[0];
      for (int o = 0; o < outer; o++) {
        for (int j = 0; j < m; j++) {
          int src = (o * m + j) * inner;
          int dst = (o * n + idx[j]) * inner;
          for (int i = 0; i < inner; i++) {
            ga[dst + i] += g[src + i];
          }
        }
      }
    }, a);
  }

  static Tensor gather(Tensor a, int dim, Tensor index) {
    int r = a.shape.length;
    if (index.shape.length != r) {
      throw new IllegalArgumentException("gather(): Index tensor must have the same number of dimensions as input tensor"
          + " (index shape " + Shapes.str(index.shape) + ", input shape " + Shapes.str(a.shape) + ")");
    }
    int d = Shapes.dim(dim, r);
    for (int k = 0; k < r; k++) {
      if (k != d && index.shape[k] > a.shape[k]) {
        throw new IllegalArgumentException("gather(): Size does not match at dimension " + k + " expected index "
            + Shapes.str(index.shape) + " to be smaller than self " + Shapes.str(a.shape) + " apart from dimension " + d);
      }
    }
    int[] idx = toIndices(index, "gather index");
    int[] inStrides = Shapes.strides(a.shape);
    int[] pos = new int[idx.length];
    int[] coord = new int[r];
    for (int i = 0; i < idx.length; i++) {
      int off = 0;
      for (int k = 0; k < r; k++) {
        int c = k == d ? idx[i] : coord[k];
        if (k == d && (c < 0 || c >= a.shape[d])) {
          throw new IndexOutOfBoundsException("gather(): index " + c + " is out of bounds for dimension " + d
              + " with size " + a.shape[d]);
        }
        off += c * inStrides[k];
      }
      pos[i] = off;
      for (int k = r - 1; k >= 0; k--) {
        if (++coord[k] < index.shape[k]) {
          break;
        }
        coord[k] = 0;
      }
    }
    double[] x = a.data;
    double[] out = new double[pos.length];
    for (int i = 0; i < pos.length; i++) {
      out[i] = x[pos[i]];
    }
    return Tensor.fromFunction(out, Arrays.copyOf(index.shape, r), "GatherBackward", (g, gin) -> {
      double[] ga = gin[0];
      for (int i = 0; i < pos.length; i++) {
        ga[pos[i]] += g[i];
      }
    }, a);
  }
}
