package org.minima4j.optimize.bench;

import java.util.List;
import org.minima4j.optimize.Constraint;
import org.minima4j.optimize.GradientFunction;
import org.minima4j.optimize.JacobianFunction;
import org.minima4j.optimize.Objective;
import org.minima4j.optimize.VectorFunction;
import org.minima4j.tensor.internal.NumpySum;

/**
 * The problems of the reference file {@code scipy_minimize.json} (formulas in its "problems"
 * section; generator {@code scipy_minimize_ref.py}), written as the Python objectives compute them.
 */
public final class ReferenceProblems {
  private ReferenceProblems() {}

  /** Objective, gradient and constraints (with Jacobians and without). */
  public record Spec(Objective f, GradientFunction g, List<Constraint> withJac, List<Constraint> withoutJac) {}

  /** scipy.optimize.rosen, summed in numpy's pairwise order so that values match bit for bit. */
  public static double rosen(double[] x) {
    double[] terms = new double[x.length - 1];
    for (int i = 0; i < x.length - 1; i++) {
      double a = x[i + 1] - x[i] * x[i];
      double b = 1 - x[i];
      terms[i] = 100.0 * (a * a) + b * b;
    }
    return NumpySum.pairwise(terms, 0, terms.length);
  }


  /** scipy.optimize.rosen_der. */
  public static double[] rosenDer(double[] x) {
    int n = x.length;
    double[] d = new double[n];
    for (int i = 1; i < n - 1; i++) {
      d[i] = 200 * (x[i] - x[i - 1] * x[i - 1]) - 400 * (x[i + 1] - x[i] * x[i]) * x[i] - 2 * (1 - x[i]);
    }
    d[0] = -400 * x[0] * (x[1] - x[0] * x[0]) - 2 * (1 - x[0]);
    d[n - 1] = 200 * (x[n - 1] - x[n - 2] * x[n - 2]);
    return d;
  }

  /** scipy's extended-Rosenbrock start: -1.2 at even, 1.0 at odd indices. */
  public static double[] rosenX0(int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i % 2 == 0 ? -1.2 : 1.0;
    }
    return x;
  }

  private static double sq(double v) {
    return v * v;
  }

  /** The problem named as in the fixture. */
  public static Spec spec(String name) {
    switch (name) {
      case "rosenbrock2", "rosenbrock10", "rosenbrock100", "rosenbrock10_bounded":
        return new Spec(ReferenceProblems::rosen, ReferenceProblems::rosenDer, List.of(), List.of());
      case "beale":
        return new Spec(x -> {
          double a = x[0];
          double b = x[1];
          return sq(1.5 - a + a * b) + sq(2.25 - a + a * b * b) + sq(2.625 - a + a * b * b * b);
        }, x -> {
          double a = x[0];
          double b = x[1];
          double t1 = 1.5 - a + a * b;
          double t2 = 2.25 - a + a * b * b;
          double t3 = 2.625 - a + a * b * b * b;
          return new double[] {2 * t1 * (b - 1) + 2 * t2 * (b * b - 1) + 2 * t3 * (b * b * b - 1),
              2 * t1 * a + 2 * t2 * 2 * a * b + 2 * t3 * 3 * a * b * b};
        }, List.of(), List.of());
      case "booth":
        return new Spec(x -> sq(x[0] + 2 * x[1] - 7) + sq(2 * x[0] + x[1] - 5), x -> {
          double r1 = x[0] + 2 * x[1] - 7;
          double r2 = 2 * x[0] + x[1] - 5;
          return new double[] {2 * r1 + 4 * r2, 4 * r1 + 2 * r2};
        }, List.of(), List.of());
      case "hs071": {
        VectorFunction c1 = x -> new double[] {x[0] * x[1] * x[2] * x[3] - 25.0};
        JacobianFunction j1 = x -> new double[][] {{x[1] * x[2] * x[3], x[0] * x[2] * x[3], x[0] * x[1] * x[3],
            x[0] * x[1] * x[2]}};
        VectorFunction c2 = x -> new double[] {x[0] * x[0] + x[1] * x[1] + x[2] * x[2] + x[3] * x[3] - 40.0};
        JacobianFunction j2 = x -> new double[][] {{2 * x[0], 2 * x[1], 2 * x[2], 2 * x[3]}};
        return new Spec(x -> x[0] * x[3] * (x[0] + x[1] + x[2]) + x[2],
            x -> new double[] {x[3] * (2 * x[0] + x[1] + x[2]), x[0] * x[3], x[0] * x[3] + 1.0,
                x[0] * (x[0] + x[1] + x[2])},
            List.of(Constraint.ineq(c1, j1), Constraint.eq(c2, j2)), List.of(Constraint.ineq(c1), Constraint.eq(c2)));
      }
      case "hs035": {
        VectorFunction c = x -> new double[] {3.0 - x[0] - x[1] - 2.0 * x[2]};
        JacobianFunction j = x -> new double[][] {{-1.0, -1.0, -2.0}};
        return new Spec(x -> 9 - 8 * x[0] - 6 * x[1] - 4 * x[2] + 2 * x[0] * x[0] + 2 * x[1] * x[1] + x[2] * x[2]
            + 2 * x[0] * x[1] + 2 * x[0] * x[2],
            x -> new double[] {-8 + 4 * x[0] + 2 * x[1] + 2 * x[2], -6 + 4 * x[1] + 2 * x[0], -4 + 2 * x[2] + 2 * x[0]},
            List.of(Constraint.ineq(c, j)), List.of(Constraint.ineq(c)));
      }
      case "hs021": {
        VectorFunction c = x -> new double[] {10.0 * x[0] - x[1] - 10.0};
        JacobianFunction j = x -> new double[][] {{10.0, -1.0}};
        return new Spec(x -> 0.01 * x[0] * x[0] + x[1] * x[1] - 100.0, x -> new double[] {0.02 * x[0], 2 * x[1]},
            List.of(Constraint.ineq(c, j)), List.of(Constraint.ineq(c)));
      }
      case "eq_quadratic": {
        VectorFunction c = x -> new double[] {x[0] + x[1] + x[2] - 1.0};
        JacobianFunction j = x -> new double[][] {{1.0, 1.0, 1.0}};
        return new Spec(x -> x[0] * x[0] + 2 * x[1] * x[1] + 3 * x[2] * x[2],
            x -> new double[] {2 * x[0], 4 * x[1], 6 * x[2]}, List.of(Constraint.eq(c, j)), List.of(Constraint.eq(c)));
      }
      default:
        throw new IllegalArgumentException("unknown problem " + name);
    }
  }
}
