package org.minima4j.data;

import java.util.Arrays;
import org.minima4j.tensor.Tensor;

/** Samples are rows (first-dimension slices) of equally long tensors, as torch's TensorDataset. */
public final class TensorDataset implements Dataset {
  private final Tensor[] tensors;
  private final int size;

  public TensorDataset(Tensor... tensors) {
    if (tensors.length == 0) {
      throw new IllegalArgumentException("TensorDataset needs at least one tensor");
    }
    size = tensors[0].dim() == 0 ? -1 : tensors[0].size(0);
    for (int k = 0; k < tensors.length; k++) {
      if (tensors[k].dim() == 0 || tensors[k].size(0) != size) {
        throw new IllegalArgumentException("Size mismatch between tensors: tensor 0 has shape "
            + Arrays.toString(tensors[0].shape()) + ", tensor " + k + " has shape " + Arrays.toString(tensors[k].shape()));
      }
    }
    this.tensors = tensors.clone();
  }

  @Override
  public int size() {
    return size;
  }

  /** The tensors (not copies). */
  public Tensor[] tensors() {
    return tensors.clone();
  }

  @Override
  public Tensor[] get(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("index " + index + " is out of range for a dataset of " + size + " samples");
    }
    Tensor[] out = new Tensor[tensors.length];
    for (int k = 0; k < out.length; k++) {
      out[k] = tensors[k].select(0, index);
    }
    return out;
  }

  @Override
  public Tensor[] batch(int[] indices) {
    Tensor[] out = new Tensor[tensors.length];
    for (int k = 0; k < out.length; k++) {
      out[k] = tensors[k].indexSelect(0, indices);
    }
    return out;
  }
}
