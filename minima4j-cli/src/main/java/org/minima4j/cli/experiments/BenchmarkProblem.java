package org.minima4j.cli.experiments;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.minima4j.optimize.problems.BenchmarkFunction;

/**
 * A global-optimization test function ({@link BenchmarkFunction}) in dimension d, named
 * {@code <function>-<d>} ({@code rastrigin-10}). The start point is off-center,
 * {@code x0_i = c + 0.6 h cos(i + 1)} for domain center c and half-width h (several functions
 * have their optimum at the center). Gradient methods get central differences with step
 * {@code 1e-6 max(1, |x_i|)}; each gradient costs 2d evaluations, counted in nfev.
 */
final class BenchmarkProblem implements Problem {
  private final BenchmarkFunction f;
  private final int d;

  private BenchmarkProblem(BenchmarkFunction f, int d) {
    this.f = f;
    this.d = d;
  }

  static List<String> names() {
    List<String> names = new ArrayList<>();
    for (BenchmarkFunction f : BenchmarkFunction.values()) {
      names.add(f.key().replace('_', '-') + "-{2,5,10,...}");
    }
    return names;
  }

  /** Parses {@code <function>-<d>}; null when the name is not of that form. */
  static Problem byName(String name) {
    int dash = name.lastIndexOf('-');
    if (dash <= 0) {
      return null;
    }
    int d;
    try {
      d = Integer.parseInt(name.substring(dash + 1));
    } catch (NumberFormatException e) {
      return null;
    }
    String key = name.substring(0, dash).replace('-', '_').toLowerCase(Locale.ROOT);
    for (BenchmarkFunction f : BenchmarkFunction.values()) {
      if (f.key().equals(key)) {
        if (d < 1 || (f == BenchmarkFunction.ROSENBROCK && d < 2)) {
          throw new IllegalArgumentException("problem " + name + ": dimension must be at least " + (f == BenchmarkFunction.ROSENBROCK ? 2 : 1));
        }
        return new BenchmarkProblem(f, d);
      }
    }
    return null;
  }

  @Override
  public String name() {
    return f.key().replace('_', '-') + "-" + d;
  }

  @Override
  public String description() {
    return f.key() + " in " + d + " dimensions on [" + f.lower() + ", " + f.upper() + "]^" + d + ", f* = " + f.fStar(d);
  }

  @Override
  public int dimension() {
    return d;
  }

  @Override
  public double[] x0() {
    double c = 0.5 * (f.lower() + f.upper());
    double h = 0.5 * (f.upper() - f.lower());
    double[] x = new double[d];
    for (int i = 0; i < d; i++) {
      x[i] = c + 0.6 * h * Math.cos(i + 1);
    }
    return x;
  }

  @Override
  public double[] lower() {
    return f.bounds(d).lb();
  }

  @Override
  public double[] upper() {
    return f.bounds(d).ub();
  }

  @Override
  public List<String> defaultMethods() {
    return List.of("adam", "lbfgsb", "pso", "cma", "dual-annealing", "de");
  }

  @Override
  public double loss(double[] x) {
    return f.value(x);
  }

  @Override
  public double stepLossAndGradient(int step, double[] x, double[] g) {
    double[] y = x.clone();
    for (int i = 0; i < d; i++) {
      double h = 1e-6 * Math.max(1.0, Math.abs(x[i]));
      y[i] = x[i] + h;
      double fp = f.value(y);
      y[i] = x[i] - h;
      double fm = f.value(y);
      y[i] = x[i];
      g[i] = (fp - fm) / (2 * h);
    }
    return f.value(x);
  }

  @Override
  public int gradientEvaluationCost() {
    return 2 * d + 1;
  }
}
