package org.minima4j.data;

import org.minima4j.tensor.Tensor;

/** The samples of a dataset at given indices, as torch.utils.data.Subset. */
public final class Subset implements Dataset {
  private final Dataset dataset;
  private final int[] indices;

  public Subset(Dataset dataset, int[] indices) {
    for (int i : indices) {
      if (i < 0 || i >= dataset.size()) {
        throw new IndexOutOfBoundsException("subset index " + i + " is out of range for a dataset of " + dataset.size() + " samples");
      }
    }
    this.dataset = dataset;
    this.indices = indices.clone();
  }

  public int[] indices() {
    return indices.clone();
  }

  @Override
  public int size() {
    return indices.length;
  }

  @Override
  public Tensor[] get(int index) {
    return dataset.get(indices[index]);
  }

  @Override
  public Tensor[] batch(int[] idx) {
    int[] mapped = new int[idx.length];
    for (int i = 0; i < idx.length; i++) {
      mapped[i] = indices[idx[i]];
    }
    return dataset.batch(mapped);
  }
}
