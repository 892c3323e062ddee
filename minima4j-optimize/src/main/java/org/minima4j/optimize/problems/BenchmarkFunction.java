package org.minima4j.optimize.problems;

import java.util.Arrays;
import org.minima4j.optimize.Bounds;
import org.minima4j.optimize.Objective;

/**
 * The classic global-optimization test functions exactly as {@code global.json} (reference
 * generator {@code global_ref.py}) defines them, with their domains, optima and the float64
 * value at the optimum. The formulas follow the generator's numpy code operation by operation.
 */
public enum BenchmarkFunction implements Objective {
  /** {@code sum x_i^2} on [-5.12, 5.12], x* = 0, f* = 0. */
  SPHERE("sphere", -5.12, 5.12, 0.0) {
    @Override
    public double value(double[] x) {
      double s = 0.0;
      for (double v : x) {
        s += v * v;
      }
      return s;
    }
  },
  /** {@code sum 100 (x_{i+1} - x_i^2)^2 + (1 - x_i)^2} on [-5, 10], x* = 1, f* = 0. */
  ROSENBROCK("rosenbrock", -5.0, 10.0, 1.0) {
    @Override
    public double value(double[] x) {
      double s = 0.0;
      for (int i = 0; i + 1 < x.length; i++) {
        double a = x[i + 1] - x[i] * x[i];
        double b = 1.0 - x[i];
        s += 100.0 * (a * a) + b * b;
      }
      return s;
    }
  },
  /** {@code 10 d + sum (x_i^2 - 10 cos(2 pi x_i))} on [-5.12, 5.12], x* = 0, f* = 0. */
  RASTRIGIN("rastrigin", -5.12, 5.12, 0.0) {
    @Override
    public double value(double[] x) {
      double s = 0.0;
      for (double v : x) {
        s += v * v - 10.0 * Math.cos(2.0 * Math.PI * v);
      }
      return 10.0 * x.length + s;
    }
  },
  /** Ackley on [-32.768, 32.768], x* = 0, f* = 0 (f(0) is about 4.4e-16 in float64). */
  ACKLEY("ackley", -32.768, 32.768, 0.0) {
    @Override
    public double value(double[] x) {
      double sq = 0.0;
      double cs = 0.0;
      for (double v : x) {
        sq += v * v;
        cs += Math.cos(2.0 * Math.PI * v);
      }
      int d = x.length;
      return -20.0 * Math.exp(-0.2 * Math.sqrt(sq / d)) - Math.exp(cs / d) + 20.0 + Math.E;
    }
  },
  /** {@code 1 + sum x_i^2/4000 - prod cos(x_i/sqrt(i))} on [-600, 600], x* = 0, f* = 0. */
  GRIEWANK("griewank", -600.0, 600.0, 0.0) {
    @Override
    public double value(double[] x) {
      double s = 0.0;
      double p = 1.0;
      for (int i = 0; i < x.length; i++) {
        s += x[i] * x[i];
        p *= Math.cos(x[i] / Math.sqrt(i + 1.0));
      }
      return 1.0 + s / 4000.0 - p;
    }
  },
  /** Schwefel 2.26 {@code 418.9828872724338 d - sum x_i sin(sqrt|x_i|)} on [-500, 500]. */
  SCHWEFEL("schwefel", -500.0, 500.0, 420.9687462275036) {
    @Override
    public double value(double[] x) {
      double s = 0.0;
      for (double v : x) {
        s += v * Math.sin(Math.sqrt(Math.abs(v)));
      }
      return SCHWEFEL_C * x.length - s;
    }
  },
  /** Levy on [-10, 10], x* = 1, f* = 0. */
  LEVY("levy", -10.0, 10.0, 1.0) {
    @Override
    public double value(double[] x) {
      int d = x.length;
      double w1 = 1.0 + (x[0] - 1.0) / 4.0;
      double s1 = Math.sin(Math.PI * w1);
      double t1 = s1 * s1;
      double t2 = 0.0;
      for (int i = 0; i < d - 1; i++) {
        double wi = 1.0 + (x[i] - 1.0) / 4.0;
        double si = Math.sin(Math.PI * wi + 1.0);
        t2 += (wi - 1.0) * (wi - 1.0) * (1.0 + 10.0 * (si * si));
      }
      double wd = 1.0 + (x[d - 1] - 1.0) / 4.0;
      double sd = Math.sin(2.0 * Math.PI * wd);
      double t3 = (wd - 1.0) * (wd - 1.0) * (1.0 + sd * sd);
      return t1 + t2 + t3;
    }
  },
  /** {@code 0.5 sum (x_i^4 - 16 x_i^2 + 5 x_i)} on [-5, 5], x* = -2.903534027771178. */
  STYBLINSKI_TANG("styblinski_tang", -5.0, 5.0, -2.903534027771178) {
    @Override
    public double value(double[] x) {
      double s = 0.0;
      for (double v : x) {
        s += v * v * v * v - 16.0 * (v * v) + 5.0 * v;
      }
      return 0.5 * s;
    }
  };

  /** Schwefel 2.26's constant. */
  public static final double SCHWEFEL_C = 418.9828872724338;

  private final String key;
  private final double lo;
  private final double hi;
  private final double xStar;

  BenchmarkFunction(String key, double lo, double hi, double xStar) {
    this.key = key;
    this.lo = lo;
    this.hi = hi;
    this.xStar = xStar;
  }

  /** The name used in global.json ({@code "styblinski_tang"}, ...). */
  public String key() {
    return key;
  }

  /** Lower end of the domain (every coordinate). */
  public double lower() {
    return lo;
  }

  /** Upper end of the domain (every coordinate). */
  public double upper() {
    return hi;
  }

  /** The domain {@code [lower, upper]^d}. */
  public Bounds bounds(int d) {
    return Bounds.uniform(d, lo, hi);
  }

  /** The minimizer's coordinate (the same in every dimension). */
  public double xStarCoordinate() {
    return xStar;
  }

  /** The minimizer in dimension d. */
  public double[] xStar(int d) {
    double[] x = new double[d];
    Arrays.fill(x, xStar);
    return x;
  }

  /**
   * The optimal value in dimension d as global.json takes it: 0 for the functions with a known
   * zero optimum (Ackley's float64 f(0) ~ 4.4e-16 included), f(x*) evaluated in float64 for
   * Schwefel and Styblinski-Tang.
   */
  public double fStar(int d) {
    if (this == SCHWEFEL || this == STYBLINSKI_TANG) {
      return value(xStar(d));
    }
    return 0.0;
  }

  /** Looks a function up by its global.json name. */
  public static BenchmarkFunction fromKey(String key) {
    for (BenchmarkFunction f : values()) {
      if (f.key.equals(key)) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown benchmark function " + key);
  }
}
