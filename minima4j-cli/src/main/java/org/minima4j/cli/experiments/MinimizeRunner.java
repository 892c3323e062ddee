package org.minima4j.cli.experiments;

import java.util.ArrayList;
import java.util.List;
import org.minima4j.optimize.Bounds;
import org.minima4j.optimize.DifferentiableObjective;
import org.minima4j.optimize.Method;
import org.minima4j.optimize.Minimize;
import org.minima4j.optimize.MinimizeOptions;
import org.minima4j.optimize.OptimizeResult;

/**
 * A scipy-style local method: {@code maxiter} is scipy's {@code maxiter}; the loss per iteration
 * is what the iteration callback sees. With {@code useGradient} the problem's gradient is passed
 * as {@code jac}; otherwise scipy's finite differences are used, with the problem's step where it
 * names one (the seed experiment's SLSQP used {@code eps = 1e-3}).
 */
final class MinimizeRunner implements MethodRunner {
  private final String name;
  private final Method method;
  private final boolean useGradient;
  private final boolean bounded;

  MinimizeRunner(String name, Method method, boolean useGradient, boolean bounded) {
    this.name = name;
    this.method = method;
    this.useGradient = useGradient;
    this.bounded = bounded;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String description() {
    return "scipy.optimize.minimize(method='" + method.scipyName() + "')" + (useGradient ? " with the problem's gradient" : "")
        + (bounded ? " within the problem's box" : "");
  }

  @Override
  public int workRank() {
    return 1;
  }

  @Override
  public Trace run(Problem problem, int maxiter, long seed, int threads) {
    CountingObjective f = new CountingObjective(problem);
    List<Double> perIteration = new ArrayList<>();
    MinimizeOptions opts = MinimizeOptions.DEFAULTS.withMaxiter(maxiter).withCallback((x, fun, it) -> {
      perIteration.add(fun);
      return false;
    });
    if (bounded) {
      opts = opts.withBounds(Bounds.of(problem.lower(), problem.upper()));
    }
    double eps = problem.finiteDifferenceStep();
    if (!useGradient && !Double.isNaN(eps)) {
      opts = opts.withEps(eps);
    }
    long[] gradientCalls = {0};
    long t0 = System.nanoTime();
    OptimizeResult r;
    if (useGradient) {
      DifferentiableObjective fg = (x, g) -> {
        gradientCalls[0]++;
        double v = problem.stepLossAndGradient(0, x, g);
        f.value(x);
        return v;
      };
      r = Minimize.minimize(fg, problem.x0(), method, opts);
    } else {
      r = Minimize.minimize(f::value, problem.x0(), method, opts);
    }
    double seconds = (System.nanoTime() - t0) * 1e-9;
    if (perIteration.isEmpty()) {
      // stopped before completing an iteration: the one point to show is the best evaluated
      perIteration.add(Math.min(r.fun(), f.best()));
    }
    double[] loss = new double[perIteration.size()];
    for (int i = 0; i < loss.length; i++) {
      loss[i] = perIteration.get(i);
    }
    long nfev = useGradient ? gradientCalls[0] * problem.gradientEvaluationCost() : f.count();
    String config = "minimize(method='" + method.scipyName() + "', maxiter=" + maxiter
        + (useGradient ? ", jac=gradient" : (Double.isNaN(eps) ? "" : ", eps=" + eps)) + (bounded ? ", bounds=box" : "") + ")";
    return new Trace(name, config, loss, Trace.runningMin(loss), Math.min(r.fun(), f.best()), nfev, r.njev(), seconds,
        r.fun() <= f.best() ? r.x() : f.bestX(), r.message());
  }
}
