package org.minima4j.data;

/**
 * Indexed samples, as torch.utils.data.Dataset: sample {@code i} is a tuple of tensors (for
 * example features and target).
 */
public interface Dataset {
  int size();

  /** Sample {@code index}, {@code 0 <= index < size()}. */
  org.minima4j.tensor.Tensor[] get(int index);

  /**
   * The samples at {@code indices}, stacked along a new first dimension (one tensor per tuple
   * position). The default stacks {@link #get}; tensor-backed datasets gather directly.
   */
  default org.minima4j.tensor.Tensor[] batch(int[] indices) {
    if (indices.length == 0) {
      throw new IllegalArgumentException("cannot build an empty batch");
    }
    org.minima4j.tensor.Tensor[] first = get(indices[0]);
    java.util.List<java.util.List<org.minima4j.tensor.Tensor>> cols = new java.util.ArrayList<>();
    for (int k = 0; k < first.length; k++) {
      cols.add(new java.util.ArrayList<>());
    }
    for (int i : indices) {
      org.minima4j.tensor.Tensor[] s = get(i);
      for (int k = 0; k < s.length; k++) {
        cols.get(k).add(s[k]);
      }
    }
    org.minima4j.tensor.Tensor[] out = new org.minima4j.tensor.Tensor[first.length];
    for (int k = 0; k < out.length; k++) {
      out[k] = org.minima4j.tensor.Tensor.stack(cols.get(k), 0);
    }
    return out;
  }
}
