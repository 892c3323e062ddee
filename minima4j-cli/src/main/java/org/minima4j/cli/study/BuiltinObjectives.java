package org.minima4j.cli.study;

import java.util.Locale;
import org.minima4j.tune.bench.Problems;

/** The objectives a study specification can name: classic benchmark functions of the numeric parameters. */
final class BuiltinObjectives {
  private BuiltinObjectives() {
  }

  static void check(String function, int nParams, int nObjectives) {
    String f = function.toLowerCase(Locale.ROOT);
    int objectives = f.equals("zdt1") ? 2 : 1;
    switch (f) {
      case "sphere", "rosenbrock", "rastrigin", "ackley", "levy", "zdt1" -> {
        if (f.equals("rosenbrock") && nParams < 2) {
          throw new IllegalArgumentException("rosenbrock needs at least 2 parameters, the search space has " + nParams);
        }
      }
      case "branin" -> {
        if (nParams != 2) {
          throw new IllegalArgumentException("branin needs exactly 2 parameters, the search space has " + nParams);
        }
      }
      case "hartmann6" -> {
        if (nParams != 6) {
          throw new IllegalArgumentException("hartmann6 needs exactly 6 parameters, the search space has " + nParams);
        }
      }
      default -> throw new IllegalArgumentException("Unknown objective function '" + function + "': use sphere,"
          + " rosenbrock, rastrigin, ackley, levy, branin, hartmann6 or zdt1.");
    }
    if (objectives != nObjectives) {
      throw new IllegalArgumentException("The objective " + function + " has " + objectives + " objective(s) but the"
          + " study has " + nObjectives + " direction(s).");
    }
  }

  static double[] evaluate(String function, double[] x) {
    switch (function.toLowerCase(Locale.ROOT)) {
      case "sphere": {
        double s = 0;
        for (double v : x) {
          s += v * v;
        }
        return new double[] {s};
      }
      case "rosenbrock": {
        double s = 0;
        for (int i = 0; i + 1 < x.length; i++) {
          double a = x[i + 1] - x[i] * x[i];
          double b = 1 - x[i];
          s += 100 * a * a + b * b;
        }
        return new double[] {s};
      }
      case "rastrigin": {
        double s = 10.0 * x.length;
        for (double v : x) {
          s += v * v - 10 * Math.cos(2 * Math.PI * v);
        }
        return new double[] {s};
      }
      case "ackley": {
        double a = 0;
        double b = 0;
        for (double v : x) {
          a += v * v;
          b += Math.cos(2 * Math.PI * v);
        }
        int d = x.length;
        return new double[] {-20 * Math.exp(-0.2 * Math.sqrt(a / d)) - Math.exp(b / d) + 20 + Math.E};
      }
      case "levy":
        return new double[] {Problems.levy(x)};
      case "branin":
        return new double[] {Problems.branin(x[0], x[1])};
      case "hartmann6":
        return new double[] {Problems.hartmann6(x)};
      case "zdt1": {
        double g = 0;
        for (int i = 1; i < x.length; i++) {
          g += x[i];
        }
        g = 1 + 9 * g / Math.max(1, x.length - 1);
        double f1 = x[0];
        return new double[] {f1, g * (1 - Math.sqrt(Math.max(0, f1) / g))};
      }
      default:
        throw new IllegalArgumentException("Unknown objective function '" + function + "'.");
    }
  }
}
