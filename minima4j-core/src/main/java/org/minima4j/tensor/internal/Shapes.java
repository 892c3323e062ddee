package org.minima4j.tensor.internal;

import java.util.Arrays;

/** Shape arithmetic shared by the tensor kernels: sizes, strides, broadcasting, dimension checks. */
public final class Shapes {
  private Shapes() {}

  /** Number of elements of a shape; the empty shape (a 0-dim scalar) has one. */
  public static int numel(int[] shape) {
    long n = 1;
    for (int s : shape) {
      if (s < 0) {
        throw new IllegalArgumentException("negative dimension " + s + " in shape " + Arrays.toString(shape));
      }
      n *= s;
      if (n > Integer.MAX_VALUE - 8) {
        throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " has more than 2^31 elements");
      }
    }
    return (int) n;
  }

  /** Row-major strides of a contiguous tensor of this shape. */
  public static int[] strides(int[] shape) {
    int[] st = new int[shape.length];
    int acc = 1;
    for (int d = shape.length - 1; d >= 0; d--) {
      st[d] = acc;
      acc *= shape[d];
    }
    return st;
  }

  /** Wraps a possibly negative dimension index, with torch's message when it is out of range. */
  public static int dim(int dim, int rank) {
    int r = Math.max(rank, 1);
    if (dim < -r || dim >= r) {
      throw new IndexOutOfBoundsException("Dimension out of range (expected to be in range of ["
          + (-r) + ", " + (r - 1) + "], but got " + dim + ")");
    }
    return dim < 0 ? dim + r : dim;
  }

  /** The broadcast shape of two shapes (NumPy rules), or an error naming both. */
  public static int[] broadcast(int[] a, int[] b) {
    int n = Math.max(a.length, b.length);
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      int da = i - (n - a.length) >= 0 ? a[i - (n - a.length)] : 1;
      int db = i - (n - b.length) >= 0 ? b[i - (n - b.length)] : 1;
      if (da != db && da != 1 && db != 1) {
        throw new IllegalArgumentException("shapes " + Arrays.toString(a) + " and " + Arrays.toString(b)
            + " cannot be broadcast together (dimension " + i + ": " + da + " vs " + db + ")");
      }
      out[i] = da == 1 ? db : da;
    }
    return out;
  }

  /**
   * For each element of a tensor of shape {@code out}, the flat index of the element of a tensor of
   * shape {@code in} that broadcasts onto it; {@code null} when the shapes are equal (identity).
   */
  public static int[] broadcastIndex(int[] in, int[] out) {
    if (Arrays.equals(in, out)) {
      return null;
    }
    int n = out.length;
    int off = n - in.length;
    if (off < 0) {
      throw new IllegalArgumentException("shape " + Arrays.toString(in) + " cannot be broadcast to "
          + Arrays.toString(out));
    }
    int[] inStrides = strides(in);
    int[] bst = new int[n];
    for (int d = 0; d < n; d++) {
      int id = d - off;
      if (id >= 0) {
        if (in[id] == out[d]) {
          bst[d] = inStrides[id];
        } else if (in[id] != 1) {
          throw new IllegalArgumentException("shape " + Arrays.toString(in) + " cannot be broadcast to "
              + Arrays.toString(out));
        }
      }
    }
    int total = numel(out);
    int[] map = new int[total];
    if (total == 0) {
      return map;
    }
    int[] idx = new int[n];
    int pos = 0;
    for (int i = 0; i < total; i++) {
      map[i] = pos;
      for (int d = n - 1; d >= 0; d--) {
        idx[d]++;
        pos += bst[d];
        if (idx[d] < out[d]) {
          break;
        }
        pos -= bst[d] * out[d];
        idx[d] = 0;
      }
    }
    return map;
  }

  /** Resolves one {@code -1} in a requested shape against a number of elements. */
  public static int[] inferShape(int[] requested, int numel) {
    int[] shape = requested.clone();
    int infer = -1;
    long known = 1;
    for (int i = 0; i < shape.length; i++) {
      if (shape[i] == -1) {
        if (infer >= 0) {
          throw new IllegalArgumentException("only one dimension can be inferred in shape " + Arrays.toString(requested));
        }
        infer = i;
      } else if (shape[i] < 0) {
        throw new IllegalArgumentException("invalid shape dimension " + shape[i] + " in " + Arrays.toString(requested));
      } else {
        known *= shape[i];
      }
    }
    if (infer >= 0) {
      if (known == 0 || numel % known != 0) {
        throw new IllegalArgumentException("shape " + Arrays.toString(requested) + " is invalid for input of size " + numel);
      }
      shape[infer] = (int) (numel / known);
    } else if (known != numel) {
      throw new IllegalArgumentException("shape " + Arrays.toString(requested) + " is invalid for input of size " + numel);
    }
    return shape;
  }

  /** Product of the sizes of dimensions {@code [from, to)}. */
  public static int prod(int[] shape, int from, int to) {
    int p = 1;
    for (int d = from; d < to; d++) {
      p *= shape[d];
    }
    return p;
  }

  /** The shape with dimension {@code dim} removed, or set to 1 when {@code keepdim}. */
  public static int[] reduced(int[] shape, int dim, boolean keepdim) {
    if (keepdim) {
      int[] s = shape.clone();
      s[dim] = 1;
      return s;
    }
    int[] s = new int[shape.length - 1];
    for (int d = 0, j = 0; d < shape.length; d++) {
      if (d != dim) {
        s[j++] = shape[d];
      }
    }
    return s;
  }

  public static String str(int[] shape) {
    return Arrays.toString(shape);
  }
}
