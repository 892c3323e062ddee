package org.minima4j.data.preprocessing;

import java.util.ArrayList;
import java.util.List;
import org.minima4j.tensor.Tensor;

/**
 * Replaces missing values (NaN) per column with the training mean, median or a constant, as
 * scikit-learn's SimpleImputer; {@link #completeRows} gives the rows without missing values
 * instead, for dropping them.
 */
public final class SimpleImputer extends Transformer {
  /** scikit-learn's {@code strategy}. */
  public enum Strategy { MEAN, MEDIAN, CONSTANT }

  private final Strategy strategy;
  private final double fillValue;
  private double[] statistics;

  public SimpleImputer(Strategy strategy) {
    this(strategy, 0.0);
  }

  public SimpleImputer(Strategy strategy, double fillValue) {
    if (strategy == null) {
      throw new IllegalArgumentException("strategy must be MEAN, MEDIAN or CONSTANT, got null");
    }
    this.strategy = strategy;
    this.fillValue = fillValue;
  }

  public double[] statistics() {
    return statistics.clone();
  }

  @Override
  protected void doFit(double[][] x) {
    int d = x[0].length;
    switch (strategy) {
      case MEAN:
        statistics = nanMean(x);
        break;
      case MEDIAN:
        statistics = new double[d];
        for (int j = 0; j < d; j++) {
          statistics[j] = quantile(x, j, 0.5);
        }
        break;
      default:
        statistics = new double[d];
        java.util.Arrays.fill(statistics, fillValue);
    }
    for (int j = 0; j < d; j++) {
      if (Double.isNaN(statistics[j])) {
        throw new IllegalArgumentException("SimpleImputer: column " + j + " has no observed value to compute the "
            + strategy.name().toLowerCase(java.util.Locale.ROOT) + " from");
      }
    }
  }

  @Override
  protected Tensor doTransform(double[][] x) {
    int d = statistics.length;
    double[][] out = new double[x.length][d];
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < d; j++) {
        out[i][j] = Double.isNaN(x[i][j]) ? statistics[j] : x[i][j];
      }
    }
    return matrix(out, d);
  }

  /** Indices of the rows of {@code x} (n x d) that have no missing value. */
  public static int[] completeRows(Tensor x) {
    double[][] rows = x.toArray2d();
    List<Integer> keep = new ArrayList<>();
    outer:
    for (int i = 0; i < rows.length; i++) {
      for (double v : rows[i]) {
        if (Double.isNaN(v)) {
          continue outer;
        }
      }
      keep.add(i);
    }
    return keep.stream().mapToInt(Integer::intValue).toArray();
  }
}
