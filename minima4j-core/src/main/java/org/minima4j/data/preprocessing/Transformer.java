package org.minima4j.data.preprocessing;

import java.util.Arrays;
import org.minima4j.tensor.Tensor;

/**
 * A column-wise preprocessing step fitted on training data and applied to new data, as
 * scikit-learn's transformers: {@link #fit} learns statistics from an (n x d) matrix,
 * {@link #transform} applies them to any matrix with the same d (checked, with scikit-learn's
 * message).
 */
public abstract class Transformer {
  private int columns = -1;

  /** Learns the statistics from {@code x} (n x d); returns this. */
  public final Transformer fit(Tensor x) {
    checkMatrix(x, "fit");
    if (x.size(0) < 1) {
      throw new IllegalArgumentException(getClass().getSimpleName() + ".fit: needs at least one sample");
    }
    doFit(x.toArray2d());
    columns = x.size(1);
    return this;
  }

  /** Applies the fitted statistics to {@code x}. */
  public final Tensor transform(Tensor x) {
    checkFittedInput(x);
    return doTransform(x.toArray2d());
  }

  /** The checks of {@link #transform}: fitted, 2-D, same column count. */
  protected final void checkFittedInput(Tensor x) {
    if (columns < 0) {
      throw new IllegalStateException("This " + getClass().getSimpleName()
          + " instance is not fitted yet. Call 'fit' with appropriate arguments before using this estimator.");
    }
    checkMatrix(x, "transform");
    if (x.size(1) != columns) {
      throw new IllegalArgumentException("X has " + x.size(1) + " features, but " + getClass().getSimpleName()
          + " is expecting " + columns + " features as input.");
    }
  }

  public final Tensor fitTransform(Tensor x) {
    return fit(x).transform(x);
  }

  /** Number of columns seen by fit, or -1 before fitting. */
  public final int columnsSeen() {
    return columns;
  }

  protected abstract void doFit(double[][] x);

  protected abstract Tensor doTransform(double[][] x);

  private void checkMatrix(Tensor x, String what) {
    if (x.dim() != 2) {
      throw new IllegalArgumentException(getClass().getSimpleName() + "." + what + ": expected a 2-D (samples x features) "
          + "tensor, got shape " + Arrays.toString(x.shape()));
    }
  }

  /** Column means ignoring NaN (NaN when a column has no value). */
  static double[] nanMean(double[][] x) {
    int d = x[0].length;
    double[] sum = new double[d];
    int[] count = new int[d];
    for (double[] row : x) {
      for (int j = 0; j < d; j++) {
        if (!Double.isNaN(row[j])) {
          sum[j] += row[j];
          count[j]++;
        }
      }
    }
    for (int j = 0; j < d; j++) {
      sum[j] = count[j] == 0 ? Double.NaN : sum[j] / count[j];
    }
    return sum;
  }

  /** The q-quantile of the non-NaN values of column j, by linear interpolation (numpy's default). */
  static double quantile(double[][] x, int j, double q) {
    double[] v = Arrays.stream(x).mapToDouble(r -> r[j]).filter(a -> !Double.isNaN(a)).sorted().toArray();
    if (v.length == 0) {
      return Double.NaN;
    }
    double pos = q * (v.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(lo + 1, v.length - 1);
    return v[lo] + (pos - lo) * (v[hi] - v[lo]);
  }

  static Tensor matrix(double[][] rows, int d) {
    double[] out = new double[rows.length * d];
    for (int i = 0; i < rows.length; i++) {
      System.arraycopy(rows[i], 0, out, i * d, d);
    }
    return Tensor.of(out, rows.length, d);
  }
}
