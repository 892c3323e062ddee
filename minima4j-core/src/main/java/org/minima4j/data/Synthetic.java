package org.minima4j.data;

import java.util.random.RandomGenerator;
import org.minima4j.tensor.Tensor;

/** Generators of synthetic data sets, all drawing from an explicit generator. */
public final class Synthetic {
  private Synthetic() {}

  /**
   * Linear regression data: X ~ N(0, 1)^(n x features), {@code y = X w + bias + noise * N(0, 1)}
   * with coefficients w ~ U(-1, 1) drawn first. Returns {@code {X, y}}.
   */
  public static Tensor[] regression(int n, int features, double noise, double bias, RandomGenerator rng) {
    check(n, features);
    double[] w = new double[features];
    for (int j = 0; j < features; j++) {
      w[j] = 2 * rng.nextDouble() - 1;
    }
    double[] x = new double[n * features];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double s = bias;
      for (int j = 0; j < features; j++) {
        x[i * features + j] = rng.nextGaussian();
        s += w[j] * x[i * features + j];
      }
      y[i] = s + noise * rng.nextGaussian();
    }
    return new Tensor[] {Tensor.of(x, n, features), Tensor.of(y, n)};
  }

  /**
   * Classification data: {@code classes} Gaussian blobs with centers ~ U(-sep, sep)^features and
   * unit spread; labels 0..classes-1 assigned round-robin (balanced). Returns {@code {X, y}}.
   */
  public static Tensor[] classification(int n, int features, int classes, double separation, RandomGenerator rng) {
    check(n, features);
    if (classes < 2) {
      throw new IllegalArgumentException("classes must be at least 2, got " + classes);
    }
    double[][] centers = new double[classes][features];
    for (int c = 0; c < classes; c++) {
      for (int j = 0; j < features; j++) {
        centers[c][j] = separation * (2 * rng.nextDouble() - 1);
      }
    }
    double[] x = new double[n * features];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      int c = i % classes;
      y[i] = c;
      for (int j = 0; j < features; j++) {
        x[i * features + j] = centers[c][j] + rng.nextGaussian();
      }
    }
    return new Tensor[] {Tensor.of(x, n, features), Tensor.of(y, n)};
  }

  /** The seed article's curve: x evenly spaced on [-1, 1] (a column), {@code y = x^2 + noise * N(0, 1)}. */
  public static Tensor[] squares(int n, double noise, RandomGenerator rng) {
    check(n, 1);
    Tensor x = Tensor.linspace(-1, 1, n);
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double v = x.data()[i];
      y[i] = v * v + noise * rng.nextGaussian();
    }
    return new Tensor[] {x.reshape(n, 1), Tensor.of(y, n, 1)};
  }

  private static void check(int n, int features) {
    if (n < 1 || features < 1) {
      throw new IllegalArgumentException("n and features must be at least 1, got n=" + n + ", features=" + features);
    }
  }
}
