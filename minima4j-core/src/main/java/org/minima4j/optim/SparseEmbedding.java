package org.minima4j.optim;

import org.minima4j.nn.Parameter;
import org.minima4j.tensor.Tensor;

/**
 * An embedding table whose lookups produce a row-sparse gradient, as
 * {@code torch.nn.functional.embedding(..., sparse=True)}; for {@link SparseAdam}.
 *
 * <p>{@link #forward(int...)} returns the selected rows as a tensor on the autograd graph; backward
 * appends the rows' gradients (one row per looked-up index, repeats kept) to
 * {@link #sparseGrad()} instead of filling a dense gradient of the whole table.
 */
public final class SparseEmbedding {
  private final Parameter weight;
  private final int numEmbeddings;
  private final int dim;
  // a one-element leaf that requires grad, so that lookups are recorded on the graph
  private final Parameter anchor = new Parameter(new double[1], 1);
  private SparseGradient sparseGrad;

  /** A table over a copy of {@code values} ({@code numEmbeddings x dim}, row-major). */
  public SparseEmbedding(int numEmbeddings, int dim, double[] values) {
    if (numEmbeddings < 1 || dim < 1) {
      throw new IllegalArgumentException("an embedding table needs at least one row and one column, got "
          + numEmbeddings + " x " + dim);
    }
    this.weight = new Parameter(values, numEmbeddings, dim);
    this.numEmbeddings = numEmbeddings;
    this.dim = dim;
  }

  /** The table (a parameter of shape {@code [numEmbeddings, dim]}). */
  public Parameter weight() {
    return weight;
  }

  public int numEmbeddings() {
    return numEmbeddings;
  }

  public int dim() {
    return dim;
  }

  /** The rows at {@code indices}, shape {@code [indices.length, dim]}. */
  public Tensor forward(int... indices) {
    int[] idx = indices.clone();
    double[] out = new double[idx.length * dim];
    double[] w = weight.data();
    for (int k = 0; k < idx.length; k++) {
      if (idx[k] < 0 || idx[k] >= numEmbeddings) {
        throw new IndexOutOfBoundsException("index " + idx[k] + " is out of range for an embedding of "
            + numEmbeddings + " rows");
      }
      System.arraycopy(w, idx[k] * dim, out, k * dim, dim);
    }
    return Tensor.fromFunction(out, new int[] {idx.length, dim}, "EmbeddingBackward",
        (gradOutput, gradInputs) -> accumulate(new SparseGradient(numEmbeddings, dim, idx, gradOutput)), anchor);
  }

  private void accumulate(SparseGradient g) {
    sparseGrad = sparseGrad == null ? g : sparseGrad.plus(g);
  }

  /** The accumulated sparse gradient, or null. */
  public SparseGradient sparseGrad() {
    return sparseGrad;
  }

  /** Replaces the sparse gradient (null clears it). */
  public void setSparseGrad(SparseGradient g) {
    if (g != null && (g.numRows() != numEmbeddings || g.rowWidth() != dim)) {
      throw new IllegalArgumentException("a sparse gradient of " + g.numRows() + " x " + g.rowWidth()
          + " does not fit a table of " + numEmbeddings + " x " + dim);
    }
    sparseGrad = g;
  }

  /** Clears the sparse gradient. */
  public void zeroGrad() {
    sparseGrad = null;
    anchor.setGrad(null);
  }
}
