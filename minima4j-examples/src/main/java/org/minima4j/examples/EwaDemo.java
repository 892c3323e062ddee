package org.minima4j.examples;

import org.minima4j.cli.experiments.Ewa;

/**
 * The exponentially weighted average demonstration (also {@code ./minima ewa}, which plots it):
 * 30 noisy daily temperatures smoothed with beta 0.5 and 0.9.
 */
public final class EwaDemo {
  private EwaDemo() {}

  public static void main(String[] args) {
    double[] theta = Ewa.temperatures(30, 0);
    double[] fast = Ewa.average(theta, 0.5, false);
    double[] slow = Ewa.average(theta, 0.9, false);
    System.out.println("day  temperature  beta=0.5  beta=0.9");
    for (int t = 0; t < theta.length; t++) {
      System.out.printf("%3d  %11.2f  %8.2f  %8.2f%n", t + 1, theta[t], fast[t], slow[t]);
    }
  }
}
