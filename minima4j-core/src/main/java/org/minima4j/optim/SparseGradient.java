package org.minima4j.optim;

import java.util.Arrays;
import java.util.Objects;

/**
 * A row-sparse gradient of a 2-D table, as torch's sparse COO gradient of an embedding: the
 * listed rows (possibly repeated, as an embedding lookup with repeated indices produces them) and
 * their values, row-major ({@code indices.length * rowWidth} values).
 */
public final class SparseGradient {
  private final int numRows;
  private final int rowWidth;
  private final int[] indices;
  private final double[] values;

  public SparseGradient(int numRows, int rowWidth, int[] indices, double[] values) {
    if (numRows < 0 || rowWidth < 0) {
      throw new IllegalArgumentException("negative size " + numRows + " x " + rowWidth);
    }
    Objects.requireNonNull(indices, "indices");
    Objects.requireNonNull(values, "values");
    if ((long) indices.length * rowWidth != values.length) {
      throw new IllegalArgumentException(indices.length + " rows of width " + rowWidth + " need "
          + (long) indices.length * rowWidth + " values, got " + values.length);
    }
    for (int r : indices) {
      if (r < 0 || r >= numRows) {
        throw new IndexOutOfBoundsException("row index " + r + " out of range for a table of " + numRows + " rows");
      }
    }
    this.numRows = numRows;
    this.rowWidth = rowWidth;
    this.indices = indices.clone();
    this.values = values.clone();
  }

  public int numRows() {
    return numRows;
  }

  public int rowWidth() {
    return rowWidth;
  }

  /** The row indices (a copy). */
  public int[] indices() {
    return indices.clone();
  }

  /** The row values, row-major (a copy). */
  public double[] values() {
    return values.clone();
  }

  /** Number of stored rows (with repetitions). */
  public int nnzRows() {
    return indices.length;
  }

  /**
   * Sorted unique rows with repeated rows summed in order of appearance, as torch's
   * {@code coalesce()}.
   */
  public SparseGradient coalesce() {
    int[] sorted = indices.clone();
    Arrays.sort(sorted);
    int unique = 0;
    for (int k = 0; k < sorted.length; k++) {
      if (k == 0 || sorted[k] != sorted[k - 1]) {
        sorted[unique++] = sorted[k];
      }
    }
    int[] rows = Arrays.copyOf(sorted, unique);
    double[] vals = new double[unique * rowWidth];
    boolean[] seen = new boolean[unique];
    for (int k = 0; k < indices.length; k++) {
      int slot = Arrays.binarySearch(rows, indices[k]);
      int base = slot * rowWidth;
      int src = k * rowWidth;
      if (!seen[slot]) {
        System.arraycopy(values, src, vals, base, rowWidth);
        seen[slot] = true;
      } else {
        for (int c = 0; c < rowWidth; c++) {
          vals[base + c] = vals[base + c] + values[src + c];
        }
      }
    }
    return new SparseGradient(numRows, rowWidth, rows, vals);
  }

  /** This gradient with the rows of {@code other} appended (gradient accumulation). */
  public SparseGradient plus(SparseGradient other) {
    if (other.numRows != numRows || other.rowWidth != rowWidth) {
      throw new IllegalArgumentException("sparse gradients of different shapes: " + numRows + "x" + rowWidth
          + " and " + other.numRows + "x" + other.rowWidth);
    }
    int[] idx = Arrays.copyOf(indices, indices.length + other.indices.length);
    System.arraycopy(other.indices, 0, idx, indices.length, other.indices.length);
    double[] vals = Arrays.copyOf(values, values.length + other.values.length);
    System.arraycopy(other.values, 0, vals, values.length, other.values.length);
    return new SparseGradient(numRows, rowWidth, idx, vals);
  }

  /** The dense {@code numRows x rowWidth} gradient (repeated rows summed in order). */
  public double[] toDense() {
    double[] out = new double[numRows * rowWidth];
    boolean[] seen = new boolean[numRows];
    for (int k = 0; k < indices.length; k++) {
      int base = indices[k] * rowWidth;
      for (int c = 0; c < rowWidth; c++) {
        out[base + c] = seen[indices[k]] ? out[base + c] + values[k * rowWidth + c] : values[k * rowWidth + c];
      }
      seen[indices[k]] = true;
    }
    return out;
  }
}
