package org.minima4j.data.preprocessing;

import java.util.ArrayList;
import java.util.List;
import org.minima4j.tensor.Tensor;

/**
 * Flags outlying rows with bounds fitted on training data: by z-score (a value more than
 * {@code threshold} population standard deviations from the column mean, default 3) or by
 * Tukey's fences (a value outside {@code [Q1 - k IQR, Q3 + k IQR]}, default k 1.5, quartiles by
 * linear interpolation as numpy.percentile). A row is an outlier when any of its values is.
 * {@link #transform} keeps the inlying rows; {@link #inliers} gives their indices (to filter the
 * targets alike).
 */
public final class OutlierFilter extends Transformer {
  private final boolean zScore;
  private final double factor;
  private double[] lower;
  private double[] upper;

  private OutlierFilter(boolean zScore, double factor) {
    if (!(factor > 0)) {
      throw new IllegalArgumentException((zScore ? "threshold" : "k") + " must be positive, got " + factor);
    }
    this.zScore = zScore;
    this.factor = factor;
  }

  public static OutlierFilter zScore(double threshold) {
    return new OutlierFilter(true, threshold);
  }

  public static OutlierFilter iqr(double k) {
    return new OutlierFilter(false, k);
  }

  @Override
  protected void doFit(double[][] x) {
    int d = x[0].length;
    lower = new double[d];
    upper = new double[d];
    if (zScore) {
      StandardScaler s = new StandardScaler();
      s.doFit(x);
      double[] mean = s.mean();
      double[] sd = s.scale();
      for (int j = 0; j < d; j++) {
        lower[j] = mean[j] - factor * sd[j];
        upper[j] = mean[j] + factor * sd[j];
      }
    } else {
      for (int j = 0; j < d; j++) {
        double q1 = quantile(x, j, 0.25);
        double q3 = quantile(x, j, 0.75);
        lower[j] = q1 - factor * (q3 - q1);
        upper[j] = q3 + factor * (q3 - q1);
      }
    }
  }

  /** Indices of the rows of {@code x} within the fitted bounds. */
  public int[] inliers(Tensor x) {
    checkFittedInput(x);
    return inlierIndices(x.toArray2d());
  }

  private int[] inlierIndices(double[][] rows) {
    List<Integer> keep = new ArrayList<>();
    outer:
    for (int i = 0; i < rows.length; i++) {
      for (int j = 0; j < lower.length; j++) {
        if (rows[i][j] < lower[j] || rows[i][j] > upper[j]) {
          continue outer;
        }
      }
      keep.add(i);
    }
    return keep.stream().mapToInt(Integer::intValue).toArray();
  }

  @Override
  protected Tensor doTransform(double[][] x) {
    int[] keep = inlierIndices(x);
    double[][] out = new double[keep.length][];
    for (int i = 0; i < keep.length; i++) {
      out[i] = x[keep[i]];
    }
    return matrix(out, lower.length);
  }
}
