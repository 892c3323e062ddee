package org.minima4j.tensor;

import java.util.Arrays;
import java.util.List;
import org.minima4j.tensor.internal.Shapes;

/** Operations that move or regroup elements (reshape, transpose, permute, cat, slice, ...). */
final class ShapeOps {
  private ShapeOps() {}

  static Tensor reshape(Tensor a, int[] requested) {
    int[] shape = Shapes.inferShape(requested, a.numel);
    return Tensor.fromFunction(a.data, shape, "ViewBackward", (g, gin) -> Elementwise.accumulate(gin[0], g), a);
  }

  static Tensor flatten(Tensor a, int startDim, int endDim) {
    if (a.shape.length == 0) {
      return reshape(a, new int[] {1});
    }
    int s = Shapes.dim(startDim, a.shape.length);
    int e = Shapes.dim(endDim, a.shape.length);
    if (s > e) {
      throw new IllegalArgumentException("flatten() has invalid args: start_dim (" + startDim + ") cannot come after end_dim (" + endDim + ")");
    }
    int[] shape = new int[a.shape.length - (e - s)];
    int j = 0;
    for (int d = 0; d < s; d++) {
      shape[j++] = a.shape[d];
    }
    shape[j++] = Shapes.prod(a.shape, s, e + 1);
    for (int d = e + 1; d < a.shape.length; d++) {
      shape[j++] = a.shape[d];
    }
    return reshape(a, shape);
  }

  static Tensor transpose(Tensor a, int dim0, int dim1) {
    int r = a.shape.length;
    if (r < 2 && (dim0 == 0 || dim0 == -1) && (dim1 == 0 || dim1 == -1)) {
      return reshape(a, a.shape);
    }
    int d0 = Shapes.dim(dim0, r);
    int d1 = Shapes.dim(dim1, r);
    int[] perm = new int[r];
    for (int d = 0; d < r; d++) {
      perm[d] = d;
    }
    perm[d0] = d1;
    perm[d1] = d0;
    return permute(a, perm);
  }

  static Tensor permute(Tensor a, int[] dims) {
    int r = a.shape.length;
    if (dims.length != r) {
      throw new IllegalArgumentException("permute(sparse_coo): number of dimensions in the tensor input does not match "
          + "the length of the desired ordering of dimensions i.e. input.dim() = " + r + " is not equal to len(dims) = " + dims.length);
    }
    int[] perm = new int[r];
    boolean[] seen = new boolean[r];
    for (int i = 0; i < r; i++) {
      perm[i] = Shapes.dim(dims[i], r);
      if (seen[perm[i]]) {
        throw new IllegalArgumentException("permute(): duplicate dims are not allowed: " + Arrays.toString(dims));
      }
      seen[perm[i]] = true;
    }
    int[] outShape = new int[r];
    for (int i = 0; i < r; i++) {
      outShape[i] = a.shape[perm[i]];
    }
    int[] map = permutationIndex(a.shape, perm);
    double[] x = a.data;
    double[] out = new double[map.length];
    for (int i = 0; i < map.length; i++) {
      out[i] = x[map[i]];
    }
    return Tensor.fromFunction(out, outShape, "PermuteBackward", (g, gin) -> {
      double[] ga = gin[0];
      for (int i = 0; i < map.length; i++) {
        ga[map[i]] += g[i];
      }
    }, a);
  }

  /** For each output element of {@code a.permute(perm)}, the flat index in {@code a}. */
  private static int[] permutationIndex(int[] shape, int[] perm) {
    int r = shape.length;
    int[] inStrides = Shapes.strides(shape);
    int[] outShape = new int[r];
    int[] st = new int[r];
    for (int i = 0; i < r; i++) {
      outShape[i] = shape[perm[i]];
      st[i] = inStrides[perm[i]];
    }
    int n = Shapes.numel(shape);
    int[] map = new int[n];
    int[] idx = new int[r];
    int pos = 0;
    for (int i = 0; i < n; i++) {
      map[i] = pos;
      for (int d = r - 1; d >= 0; d--) {
        idx[d]++;
        pos += st[d];
        if (idx[d] < outShape[d]) {
          break;
        }
        pos -= st[d] * outShape[d];
        idx[d] = 0;
      }
    }
    return map;
  }

  static Tensor squeeze(Tensor a) {
    return reshape(a, Arrays.stream(a.shape).filter(s -> s != 1).toArray());
  }

  static Tensor squeeze(Tensor a, int dim) {
    if (a.shape.length == 0) {
      Shapes.dim(dim, 0);
      return reshape(a, a.shape);
    }
    int d = Shapes.dim(dim, a.shape.length);
    if (a.shape[d] != 1) {
      return reshape(a, a.shape);
    }
    return reshape(a, Shapes.reduced(a.shape, d, false));
  }

  static Tensor unsqueeze(Tensor a, int dim) {
    int r = a.shape.length + 1;
    int d = Shapes.dim(dim, r);
    int[] shape = new int[r];
    for (int i = 0, j = 0; i < r; i++) {
      shape[i] = i == d ? 1 : a.shape[j++];
    }
    return reshape(a, shape);
  }

  static Tensor expand(Tensor a, int[] requested) {
    int[] shape = requested.clone();
    int off = shape.length - a.shape.length;
    if (off < 0) {
      throw new IllegalArgumentException("expand: the number of sizes provided (" + shape.length
          + ") must be greater or equal to the number of dimensions in the tensor (" + a.shape.length + ")");
    }
    for (int d = 0; d < shape.length; d++) {
      if (shape[d] == -1) {
        if (d < off) {
          throw new IllegalArgumentException("expand: -1 is not allowed in a leading, non-existing dimension");
        }
        shape[d] = a.shape[d - off];
      }
    }
    int[] map = Shapes.broadcastIndex(a.shape, shape);
    if (map == null) {
      return reshape(a, shape);
    }
    double[] x = a.data;
    double[] out = new double[map.length];
    for (int i = 0; i < map.length; i++) {
      out[i] = x[map[i]];
    }
    return Tensor.fromFunction(out, shape, "ExpandBackward", (g, gin) -> {
      double[] ga = gin[0];
      for (int i = 0; i < map.length; i++) {
        ga[map[i]] += g[i];
      }
    }, a);
  }

  static Tensor cat(List<Tensor> tensors, int dim) {
    if (tensors.isEmpty()) {
      throw new IllegalArgumentException("cat(): expected a non-empty list of Tensors");
    }
    Tensor first = tensors.get(0);
    int r = first.shape.length;
    if (r == 0) {
      throw new IllegalArgumentException("zero-dimensional tensor (at position 0) cannot be concatenated");
    }
    int d = Shapes.dim(dim, r);
    int total = 0;
    for (int t = 0; t < tensors.size(); t++) {
      int[] s = tensors.get(t).shape;
      if (s.length != r) {
        throw new IllegalArgumentException("Tensors must have same number of dimensions: got " + r + " and " + s.length
            + " (tensor " + t + ")");
      }
      for (int k = 0; k < r; k++) {
        if (k != d && s[k] != first.shape[k]) {
          throw new IllegalArgumentException("Sizes of tensors must match except in dimension " + d + ". Expected size "
              + first.shape[k] + " but got size " + s[k] + " for tensor number " + t + " in the list (shapes "
              + Shapes.str(first.shape) + " and " + Shapes.str(s) + ")");
        }
      }
      total += s[d];
    }
    final int sum = total;
    int outer = Shapes.prod(first.shape, 0, d);
    int inner = Shapes.prod(first.shape, d + 1, r);
    int[] outShape = first.shape.clone();
    outShape[d] = sum;
    double[] out = new double[outer * total * inner];
    int[] starts = new int[tensors.size()];
    int at = 0;
    for (int t = 0; t < tensors.size(); t++) {
      Tensor x = tensors.get(t);
      starts[t] = at;
      int chunk = x.shape[d] * inner;
      for (int o = 0; o < outer; o++) {
        System.arraycopy(x.data, o * chunk, out, o * total * inner + at * inner, chunk);
      }
      at += x.shape[d];
    }
    Tensor[] inputs = tensors.toArray(new Tensor[0]);
    return Tensor.fromFunction(out, outShape, "CatBackward", (g, gin) -> {
      for (int t = 0; t < inputs.length; t++) {
        double[] gt = gin[t];
        if (gt == null) {
          continue;
        }
        int chunk = inputs[t].shape[d] * inner;
        for (int o = 0; o < outer; o++) {
          int src = o * sum * inner + starts[t] * inner;
          for (int i = 0; i < chunk; i++) {
            gt[o * chunk + i] += g[src + i];
          }
        }
      }
    }, inputs);
  }

  static Tensor stack(List<Tensor> tensors, int dim) {
    if (tensors.isEmpty()) {
      throw new IllegalArgumentException("stack expects a non-empty TensorList");
    }
    int[] s0 = tensors.get(0).shape;
    int d = Shapes.dim(dim, s0.length + 1);
    Tensor[] parts = new Tensor[tensors.size()];
    for (int t = 0; t < parts.length; t++) {
      Tensor x = tensors.get(t);
      if (!Arrays.equals(x.shape, s0)) {
        throw new IllegalArgumentException("stack expects each tensor to be equal size, but got " + Shapes.str(s0)
            + " at entry 0 and " + Shapes.str(x.shape) + " at entry " + t);
      }
      parts[t] = unsqueeze(x, d);
    }
    return cat(List.of(parts), d);
  }

  static Tensor slice(Tensor a, int dim, int start, int end, int step) {
    if (step <= 0) {
      throw new IllegalArgumentException("slice step must be positive, got " + step);
    }
    int d = Shapes.dim(dim, a.shape.length);
    int n = a.shape[d];
    final int s = start < 0 ? Math.max(0, start + n) : Math.min(start, n);
    final int e = end < 0 ? Math.max(0, end + n) : Math.min(end, n);
    int len = e <= s ? 0 : (e - s + step - 1) / step;
    int outer = Shapes.prod(a.shape, 0, d);
    int inner = Shapes.prod(a.shape, d + 1, a.shape.length);
    int[] outShape = a.shape.clone();
    outShape[d] = len;
    double[] x = a.data;
    double[] out = new double[outer * len * inner];
    for (int o = 0; o < outer; o++) {
      for (int k = 0; k < len; k++) {
        System.arraycopy(x, (o * n + s + k * step) * inner, out, (o * len + k) * inner, inner);
      }
    }
    return Tensor.fromFunction(out, outShape, "SliceBackward", (g, gin) -> {
      double[] ga = gin[0];
      for (int o = 0; o < outer; o++) {
        for (int k = 0; k < len; k++) {
          int src = (o * len + k) * inner;
          int dst = (o * n + s + k * step) * inner;
          for (int i = 0; i < inner; i++) {
            ga[dst + i] += g[src + i];
          }
        }
      }
    }, a);
  }

  static Tensor select(Tensor a, int dim, int index) {
    int d = Shapes.dim(dim, a.shape.length);
    int n = a.shape[d];
    if (index < -n || index >= n) {
      throw new IndexOutOfBoundsException("select(): index " + index + " out of range for tensor of size "
          + Shapes.str(a.shape) + " at dimension " + d);
    }
    int i = index < 0 ? index + n : index;
    return reshape(slice(a, d, i, i + 1, 1), Shapes.reduced(a.shape, d, false));
  }
}
