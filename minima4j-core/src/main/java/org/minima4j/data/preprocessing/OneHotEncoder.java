package org.minima4j.data.preprocessing;

import java.util.Arrays;
import java.util.TreeSet;
import org.minima4j.tensor.Tensor;

/**
 * One column of indicators per category, as scikit-learn's OneHotEncoder: the categories of each
 * input column are the sorted distinct training values; a value not seen in training is an error
 * (scikit-learn's {@code handle_unknown='error'}).
 */
public final class OneHotEncoder extends Transformer {
  private double[][] categories;

  /** The categories of each column, sorted. */
  public double[][] categories() {
    double[][] c = new double[categories.length][];
    for (int j = 0; j < c.length; j++) {
      c[j] = categories[j].clone();
    }
    return c;
  }

  @Override
  protected void doFit(double[][] x) {
    int d = x[0].length;
    categories = new double[d][];
    for (int j = 0; j < d; j++) {
      TreeSet<Double> values = new TreeSet<>();
      for (double[] row : x) {
        if (Double.isNaN(row[j])) {
          throw new IllegalArgumentException("OneHotEncoder: column " + j + " has a missing value (NaN); impute it first");
        }
        values.add(row[j]);
      }
      categories[j] = values.stream().mapToDouble(Double::doubleValue).toArray();
    }
  }

  @Override
  protected Tensor doTransform(double[][] x) {
    int width = Arrays.stream(categories).mapToInt(c -> c.length).sum();
    double[][] out = new double[x.length][width];
    for (int i = 0; i < x.length; i++) {
      int at = 0;
      for (int j = 0; j < categories.length; j++) {
        int k = Arrays.binarySearch(categories[j], x[i][j]);
        if (k < 0) {
          throw new IllegalArgumentException("Found unknown categories [" + x[i][j] + "] in column " + j + " during transform");
        }
        out[i][at + k] = 1.0;
        at += categories[j].length;
      }
    }
    return matrix(out, width);
  }
}
