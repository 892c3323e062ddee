package org.minima4j.optimize.global.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.minima4j.optimize.Bounds;
import org.minima4j.optimize.global.GlobalOptimizer;
import org.minima4j.optimize.global.GlobalResult;
import org.minima4j.optimize.global.Termination;
import org.minima4j.optimize.global.anneal.DualAnnealing;
import org.minima4j.optimize.global.anneal.SimulatedAnnealing;
import org.minima4j.optimize.Objective;
import org.minima4j.optimize.global.cmaes.CMA;
import org.minima4j.optimize.global.cmaes.RestartCMA;
import org.minima4j.optimize.global.cmaes.SepCMA;
import org.minima4j.optimize.global.de.DifferentialEvolution;
import org.minima4j.optimize.global.pso.PSO;
import org.minima4j.optimize.global.pso.SPSO2011;
import org.minima4j.optimize.problems.BenchmarkFunction;

/**
 * Time per evaluation of each optimizer on a 10-d sphere with a tiny deterministic ripple (so that no method
 * converges and stops early; the objective costs a few nanoseconds), so the figure is essentially the
 * optimizer's own overhead: ask/tell bookkeeping, sampling and the update. CMA-ES runs as {@link RestartCMA}
 * (REPEAT) for the same reason. Single thread, one warm-up run, then the best of three. Usage:
 * {@code OverheadBenchmark [evaluations]} (default 200000).
 */
public final class OverheadBenchmark {
  private OverheadBenchmark() {
  }

  public static void main(String[] args) {
    long budget = args.length > 0 ? Long.parseLong(args[0]) : 200_000L;
    int d = 10;
    Bounds box = BenchmarkFunction.SPHERE.bounds(d);
    double[] x0 = new double[d];
    java.util.Arrays.fill(x0, 3.0);
    Map<String, Supplier<GlobalOptimizer>> algos = new LinkedHashMap<>();
    algos.put("CMA (lambda 10, restarts)", () -> new RestartCMA(x0, 1.0, RestartCMA.Options.DEFAULTS
        .withStrategy(RestartCMA.Strategy.REPEAT).withMaxRestarts(Integer.MAX_VALUE).withBounds(box)));
    algos.put("CMA (lambda 10, restarts), xoshiro stream", () -> new RestartCMA(x0, 1.0, RestartCMA.Options.DEFAULTS
        .withStrategy(RestartCMA.Strategy.REPEAT).withMaxRestarts(Integer.MAX_VALUE).withBounds(box),
        new org.minima4j.optimize.global.SeededRandom(0)));
    algos.put("SepCMA (lambda 10)", () -> new SepCMA(x0, 1.0, CMA.Options.DEFAULTS.withBounds(box)));
    algos.put("PSO pyswarm (100 particles)", () -> new PSO(box, PSO.Options.DEFAULTS.withMaxiter(1_000_000)
        .withMinfunc(0).withMinstep(0)));
    algos.put("PSO pyswarms (40 particles)", () -> new PSO(box, PSO.Options.pyswarms(40, 0.5, 0.3, 0.9, 1_000_000)));
    algos.put("SPSO2011 (40 particles)", () -> new SPSO2011(box, SPSO2011.Options.DEFAULTS.withMaxiter(1_000_000)));
    algos.put("DifferentialEvolution immediate", () -> new DifferentialEvolution(box,
        DifferentialEvolution.Options.DEFAULTS.withMaxiter(1_000_000).withTol(0, 0)));
    algos.put("DifferentialEvolution immediate, NumPy stream", () -> new DifferentialEvolution(box,
        DifferentialEvolution.Options.DEFAULTS.withMaxiter(1_000_000).withTol(0, 0).withNumpyStream(true)));
    algos.put("DifferentialEvolution deferred", () -> new DifferentialEvolution(box, DifferentialEvolution.Options
        .DEFAULTS.withMaxiter(1_000_000).withTol(0, 0).withUpdating(DifferentialEvolution.Updating.DEFERRED)));
    algos.put("DualAnnealing (no local search)", () -> new DualAnnealing(box, DualAnnealing.Options.DEFAULTS
        .withMaxiter(1_000_000)));
    algos.put("SimulatedAnnealing", () -> new SimulatedAnnealing(box, SimulatedAnnealing.Options.DEFAULTS
        .withMaxiter(1_000_000)));
    Objective f = x -> {
      double s = BenchmarkFunction.SPHERE.value(x);
      double r = Math.sin(x[0] * 12.9898 + x[1] * 78.233) * 43758.5453;
      return s + 1e-3 * (r - Math.floor(r));
    };
    System.out.println("| optimizer | evaluations | ns per evaluation |");
    System.out.println("|---|---|---|");
    for (Map.Entry<String, Supplier<GlobalOptimizer>> e : algos.entrySet()) {
      e.getValue().get().optimize(f, Termination.ofEvaluations(budget));
      double best = Double.POSITIVE_INFINITY;
      long evals = 0;
      for (int rep = 0; rep < 3; rep++) {
        long t0 = System.nanoTime();
        GlobalResult r = e.getValue().get().optimize(f, Termination.ofEvaluations(budget));
        double ns = (System.nanoTime() - t0) / (double) r.nfev();
        if (ns < best) {
          best = ns;
          evals = r.nfev();
        }
      }
      System.out.println(String.format(Locale.ROOT, "| %s | %d | %.0f |", e.getKey(), evals, best));
    }
  }
}
