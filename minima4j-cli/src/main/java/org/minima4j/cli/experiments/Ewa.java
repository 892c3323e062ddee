package org.minima4j.cli.experiments;

import java.util.SplittableRandom;

/**
 * The exponentially weighted average demonstration: {@code v_t = beta v_{t-1} + (1 - beta) theta_t}
 * from {@code v_0 = 0}, optionally bias-corrected by {@code 1 - beta^t}, over 30 noisy daily
 * temperatures (a seasonal sine plus Gaussian noise from a seeded generator).
 */
public final class Ewa {
  private Ewa() {}

  /** {@code days} temperatures in degrees Celsius: 15 + 8 sin(2 pi t / 60) + N(0, 2^2). */
  public static double[] temperatures(int days, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[] t = new double[days];
    for (int i = 0; i < days; i++) {
      t[i] = 15.0 + 8.0 * Math.sin(2 * Math.PI * i / 60.0) + 2.0 * rng.nextGaussian();
    }
    return t;
  }

  /** The running average of {@code theta} with factor {@code beta} in [0, 1). */
  public static double[] average(double[] theta, double beta, boolean biasCorrection) {
    if (!(beta >= 0.0 && beta < 1.0)) {
      throw new IllegalArgumentException("beta must be in [0, 1), got " + beta);
    }
    double[] v = new double[theta.length];
    double prev = 0.0;
    double pow = 1.0;
    for (int t = 0; t < theta.length; t++) {
      prev = beta * prev + (1.0 - beta) * theta[t];
      pow *= beta;
      v[t] = biasCorrection ? prev / (1.0 - pow) : prev;
    }
    return v;
  }
}
