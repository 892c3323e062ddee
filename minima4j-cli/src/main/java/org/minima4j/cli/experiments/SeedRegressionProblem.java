package org.minima4j.cli.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;

/**
 * The seed article's regression (reference/seed_regression.json): {@code y = x^2 + 0.1 noise} on
 * 1000 points of [-1, 1], a Linear(1,10)-ReLU-Linear(10,1) network (31 parameters packed
 * [W1, b1, W2, b2]) from stored initial weights, MSE, mini-batches of 32 visited in the stored
 * per-epoch orders. One iteration of a gradient method is one mini-batch step; {@code maxiter}
 * counts epochs of 32 steps (the reference ran 12).
 */
public final class SeedRegressionProblem implements Problem {
  private static final int HIDDEN = 10;
  private static final int BATCH = 32;
  private final double[] x;
  private final double[] y;
  private final int[][] perms;
  private final double[] init;
  private final JsonNode reference;

  public SeedRegressionProblem() {
    reference = ReferenceData.load("seed_regression.json");
    x = ReferenceData.vector(reference.get("data").get("x"));
    y = ReferenceData.vector(reference.get("data").get("y"));
    JsonNode p = reference.get("batching").get("perms");
    perms = new int[p.size()][];
    for (int e = 0; e < perms.length; e++) {
      double[] v = ReferenceData.vector(p.get(e));
      perms[e] = new int[v.length];
      for (int i = 0; i < v.length; i++) {
        perms[e][i] = (int) v[i];
      }
    }
    init = ReferenceData.vector(reference.get("init_params_packed"));
  }

  public JsonNode reference() {
    return reference;
  }

  @Override
  public String name() {
    return "seed-regression";
  }

  @Override
  public String description() {
    return "x^2 regression with a 1-10-1 ReLU network, 31 parameters, batch 32, maxiter = epochs (reference/seed_regression.json)";
  }

  @Override
  public int dimension() {
    return 3 * HIDDEN + 1;
  }

  @Override
  public double[] x0() {
    return init.clone();
  }

  @Override
  public double[] lower() {
    double[] l = new double[dimension()];
    Arrays.fill(l, -2.0);
    return l;
  }

  @Override
  public double[] upper() {
    double[] u = new double[dimension()];
    Arrays.fill(u, 2.0);
    return u;
  }

  @Override
  public List<String> defaultMethods() {
    return List.of("sgd", "momentum", "rmsprop", "adam");
  }

  /** The reference ran 12 epochs. */
  @Override
  public int defaultMaxiter() {
    return 12;
  }

  @Override
  public boolean stochastic() {
    return true;
  }

  @Override
  public int gradientSteps(int maxiter) {
    return maxiter * stepsPerEpoch();
  }

  public int stepsPerEpoch() {
    return (x.length + BATCH - 1) / BATCH;
  }

  @Override
  public GradientConfig gradientConfig(String method) {
    switch (method) {
      case "sgd": return new GradientConfig(0.01, 0.0, 0.99, 0.9, 0.999);
      case "momentum": return new GradientConfig(0.01, 0.9, 0.99, 0.9, 0.999);
      case "rmsprop": return new GradientConfig(0.01, 0.0, 0.9, 0.9, 0.999);
      case "adam": return new GradientConfig(0.01, 0.0, 0.99, 0.9, 0.99);
      default: return Problem.super.gradientConfig(method);
    }
  }

  /** Full-data MSE. */
  @Override
  public double loss(double[] w) {
    double s = 0.0;
    for (int i = 0; i < x.length; i++) {
      double d = predict(w, x[i]) - y[i];
      s += d * d;
    }
    return s / x.length;
  }

  private static double predict(double[] w, double xi) {
    double out = w[3 * HIDDEN];
    for (int j = 0; j < HIDDEN; j++) {
      double z = w[j] * xi + w[HIDDEN + j];
      if (z > 0) {
        out += w[2 * HIDDEN + j] * z;
      }
    }
    return out;
  }

  /** Mini-batch MSE and its gradient (backprop written out, as the reference's "gradient" field). */
  @Override
  public double stepLossAndGradient(int step, double[] w, double[] g) {
    int spe = stepsPerEpoch();
    int[] perm = perms[(step / spe) % perms.length];
    int from = (step % spe) * BATCH;
    int to = Math.min(x.length, from + BATCH);
    int b = to - from;
    Arrays.fill(g, 0.0);
    double[] h = new double[HIDDEN];
    double s = 0.0;
    for (int k = from; k < to; k++) {
      int i = perm[k];
      double xi = x[i];
      double pred = 0.0;
      for (int j = 0; j < HIDDEN; j++) {
        double z = w[j] * xi + w[HIDDEN + j];
        h[j] = z > 0 ? z : 0.0;
        pred += w[2 * HIDDEN + j] * h[j];
      }
      pred += w[3 * HIDDEN];
      double d = pred - y[i];
      s += d * d;
      double r = 2.0 * d / b;
      for (int j = 0; j < HIDDEN; j++) {
        g[2 * HIDDEN + j] += r * h[j];
        if (h[j] > 0) {
          double dh = r * w[2 * HIDDEN + j];
          g[j] += dh * xi;
          g[HIDDEN + j] += dh;
        }
      }
      g[3 * HIDDEN] += r;
    }
    return s / b;
  }
}
