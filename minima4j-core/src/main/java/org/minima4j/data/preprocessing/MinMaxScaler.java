package org.minima4j.data.preprocessing;

import org.minima4j.tensor.Tensor;

/**
 * Rescales each column to {@code [min, max]} (default [0, 1]) with the training minimum and range,
 * as scikit-learn's MinMaxScaler ({@code x * scale + min_} with {@code scale = (max - min) / range});
 * a constant column gets range 1.
 */
public final class MinMaxScaler extends Transformer {
  private final double lo;
  private final double hi;
  private double[] scale;
  private double[] offset;

  public MinMaxScaler() {
    this(0.0, 1.0);
  }

  public MinMaxScaler(double min, double max) {
    if (!(min < max)) {
      throw new IllegalArgumentException("Minimum of desired feature range must be smaller than maximum. Got (" + min + ", " + max + ").");
    }
    this.lo = min;
    this.hi = max;
  }

  @Override
  protected void doFit(double[][] x) {
    int d = x[0].length;
    scale = new double[d];
    offset = new double[d];
    for (int j = 0; j < d; j++) {
      double mn = Double.POSITIVE_INFINITY;
      double mx = Double.NEGATIVE_INFINITY;
      for (double[] row : x) {
        mn = Math.min(mn, row[j]);
        mx = Math.max(mx, row[j]);
      }
      double range = mx - mn;
      if (range == 0.0) {
        range = 1.0;
      }
      scale[j] = (hi - lo) / range;
      offset[j] = lo - mn * scale[j];
    }
  }

  @Override
  protected Tensor doTransform(double[][] x) {
    int d = scale.length;
    double[][] out = new double[x.length][d];
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < d; j++) {
        out[i][j] = x[i][j] * scale[j] + offset[j];
      }
    }
    return matrix(out, d);
  }
}
