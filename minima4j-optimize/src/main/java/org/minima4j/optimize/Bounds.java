package org.minima4j.optimize;

import java.util.Arrays;

/**
 * Box bounds {@code lb <= x <= ub}, as scipy.optimize.Bounds; infinite entries mean unbounded.
 */
public record Bounds(double[] lb, double[] ub) {
  public Bounds {
    if (lb == null || ub == null) {
      throw new IllegalArgumentException("bounds: lb and ub must not be null");
    }
    if (lb.length != ub.length) {
      throw new IllegalArgumentException("bounds: lb has " + lb.length + " entries but ub has " + ub.length);
    }
    for (int i = 0; i < lb.length; i++) {
      if (Double.isNaN(lb[i]) || Double.isNaN(ub[i])) {
        throw new IllegalArgumentException("bounds: NaN at index " + i);
      }
      if (lb[i] > ub[i]) {
        throw new IllegalArgumentException("bounds: lb[" + i + "] = " + lb[i] + " > ub[" + i + "] = " + ub[i]);
      }
    }
    lb = lb.clone();
    ub = ub.clone();
  }

  public static Bounds of(double[] lb, double[] ub) {
    return new Bounds(lb, ub);
  }

  /** The same interval {@code [lo, hi]} for each of {@code n} variables. */
  public static Bounds uniform(int n, double lo, double hi) {
    double[] l = new double[n];
    double[] u = new double[n];
    Arrays.fill(l, lo);
    Arrays.fill(u, hi);
    return new Bounds(l, u);
  }

  public int dimension() {
    return lb.length;
  }

  @Override
  public double[] lb() {
    return lb.clone();
  }

  @Override
  public double[] ub() {
    return ub.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Bounds b && Arrays.equals(lb, b.lb) && Arrays.equals(ub, b.ub);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(lb) + Arrays.hashCode(ub);
  }

  @Override
  public String toString() {
    return "Bounds[lb=" + Arrays.toString(lb) + ", ub=" + Arrays.toString(ub) + "]";
  }
}
