package org.minima4j.data;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.random.RandomGenerator;
import org.minima4j.tensor.Tensor;

/**
 * Mini-batches over a dataset, as torch.utils.data.DataLoader: {@code batchSize} samples per
 * batch, optionally shuffled each epoch (each call to {@link #iterator()}) with the generator
 * given at construction, optionally dropping the last incomplete batch. Batches are tuples of
 * stacked tensors.
 */
public final class DataLoader implements Iterable<Tensor[]> {
  private final Dataset dataset;
  private final int batchSize;
  private final boolean shuffle;
  private final boolean dropLast;
  private final RandomGenerator rng;

  /** Sequential batches, last batch kept. */
  public DataLoader(Dataset dataset, int batchSize) {
    this(dataset, batchSize, false, false, null);
  }

  /** @param rng required when {@code shuffle} is true */
  public DataLoader(Dataset dataset, int batchSize, boolean shuffle, boolean dropLast, RandomGenerator rng) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch_size should be a positive integer value, but got batch_size=" + batchSize);
    }
    if (shuffle && rng == null) {
      throw new IllegalArgumentException("shuffle=true needs a RandomGenerator (no global randomness)");
    }
    this.dataset = dataset;
    this.batchSize = batchSize;
    this.shuffle = shuffle;
    this.dropLast = dropLast;
    this.rng = rng;
  }

  /** Number of batches per epoch. */
  public int size() {
    int n = dataset.size();
    return dropLast ? n / batchSize : (n + batchSize - 1) / batchSize;
  }

  /** The sample order of one epoch: 0..n-1, or a fresh permutation when shuffling. */
  private int[] order() {
    int n = dataset.size();
    if (shuffle) {
      return Datasets.permutation(n, rng);
    }
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    return idx;
  }

  @Override
  public Iterator<Tensor[]> iterator() {
    int[] idx = order();
    int batches = size();
    return new Iterator<>() {
      private int b;

      @Override
      public boolean hasNext() {
        return b < batches;
      }

      @Override
      public Tensor[] next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        int from = b * batchSize;
        int to = Math.min(idx.length, from + batchSize);
        b++;
        return dataset.batch(java.util.Arrays.copyOfRange(idx, from, to));
      }
    };
  }
}
