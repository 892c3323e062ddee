package org.minima4j.examples;

import org.minima4j.optimize.Bounds;
import org.minima4j.optimize.Method;
import org.minima4j.optimize.Minimize;
import org.minima4j.optimize.MinimizeOptions;
import org.minima4j.optimize.OptimizeResult;

/** README: scipy-style minimize of the Rosenbrock function with L-BFGS-B inside a box. */
public final class MinimizeRosenbrock {
  private MinimizeRosenbrock() {}

  static double rosen(double[] x) {
    double s = 0;
    for (int i = 0; i + 1 < x.length; i++) {
      s += 100 * Math.pow(x[i + 1] - x[i] * x[i], 2) + Math.pow(1 - x[i], 2);
    }
    return s;
  }

  public static void main(String[] args) {
    double[] x0 = {-1.2, 1.0, -1.2, 1.0};
    OptimizeResult r = Minimize.minimize(MinimizeRosenbrock::rosen, x0, Method.L_BFGS_B,
        MinimizeOptions.DEFAULTS.withBounds(Bounds.uniform(4, -2, 2)));
    System.out.printf("%s: f = %.3g after %d evaluations, x = %s%n", r.message(), r.fun(), r.nfev(),
        java.util.Arrays.toString(r.x()));
  }
}
