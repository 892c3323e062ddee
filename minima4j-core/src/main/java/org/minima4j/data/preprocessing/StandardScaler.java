package org.minima4j.data.preprocessing;

import org.minima4j.tensor.Tensor;

/**
 * {@code (x - mean) / std} per column with the population standard deviation (ddof 0), as
 * scikit-learn's StandardScaler; a constant column gets scale 1.
 */
public final class StandardScaler extends Transformer {
  private double[] mean;
  private double[] scale;

  public double[] mean() {
    return mean.clone();
  }

  public double[] scale() {
    return scale.clone();
  }

  @Override
  protected void doFit(double[][] x) {
    int n = x.length;
    int d = x[0].length;
    mean = new double[d];
    scale = new double[d];
    for (double[] row : x) {
      for (int j = 0; j < d; j++) {
        mean[j] += row[j];
      }
    }
    for (int j = 0; j < d; j++) {
      mean[j] /= n;
    }
    for (double[] row : x) {
      for (int j = 0; j < d; j++) {
        double c = row[j] - mean[j];
        scale[j] += c * c;
      }
    }
    for (int j = 0; j < d; j++) {
      double s = Math.sqrt(scale[j] / n);
      scale[j] = s == 0.0 ? 1.0 : s;
    }
  }

  @Override
  protected Tensor doTransform(double[][] x) {
    int d = mean.length;
    double[][] out = new double[x.length][d];
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < d; j++) {
        out[i][j] = (x[i][j] - mean[j]) / scale[j];
      }
    }
    return matrix(out, d);
  }
}
