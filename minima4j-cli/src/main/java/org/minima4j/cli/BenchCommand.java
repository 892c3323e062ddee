package org.minima4j.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.minima4j.cli.experiments.Methods;
import org.minima4j.cli.experiments.Problem;
import org.minima4j.cli.experiments.Problems;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code minima bench seeds}: runs stochastic methods on a problem over many seeds and reports the
 * distribution of the best loss, the share of runs below a target, and the median in-process time
 * (warm, the first pass excluded).
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Run methods over seeds 0..N-1 and report the spread of results (the seed experiment's methods by default).")
final class BenchCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--problem", defaultValue = "seed-mlp", description = "Problem (default: ${DEFAULT-VALUE}).")
  String problemName;

  @Option(names = "--methods", split = ",", defaultValue = "pso,cma,dual-annealing", description = "Methods (default: ${DEFAULT-VALUE}).")
  List<String> methods;

  @Option(names = "--targets", split = ",", defaultValue = "5,4.1,0.8",
      description = "Loss to get below, one per method (default: the seed experiment's levels ${DEFAULT-VALUE}).")
  List<Double> targets;

  @Option(names = "--seeds", defaultValue = "30", description = "Number of seeds (default: ${DEFAULT-VALUE}).")
  int seeds;

  @Option(names = "--maxiter", defaultValue = "100", description = "Iterations per run (default: ${DEFAULT-VALUE}).")
  int maxiter;

  @Override
  public Integer call() {
    if (seeds < 1) {
      throw new CliException("--seeds must be at least 1, got " + seeds);
    }
    if (targets.size() != methods.size()) {
      throw new CliException("--targets needs one value per method: " + methods.size() + " methods, " + targets.size() + " targets");
    }
    PrintWriter w = spec.commandLine().getOut();
    Problem problem = Problems.create(problemName);
    w.printf(Locale.ROOT, "problem %s, %d seeds, maxiter %d%n", problem.name(), seeds, maxiter);
    w.printf(Locale.ROOT, "%-16s %10s %12s %12s %12s %14s %14s%n", "method", "target", "below", "median", "best", "worst",
        "median ms");
    for (int k = 0; k < methods.size(); k++) {
      String m = methods.get(k).trim();
      double[] best = new double[seeds];
      double[] ms = new double[seeds];
      Methods.get(m).run(problem, maxiter, 0, 1); // JIT warm-up pass, not counted
      for (int s = 0; s < seeds; s++) {
        var t = Methods.get(m).run(problem, maxiter, s, 1);
        best[s] = t.finalLoss();
        ms[s] = t.seconds() * 1e3;
      }
      double target = targets.get(k);
      long below = Arrays.stream(best).filter(v -> v < target).count();
      double[] sorted = best.clone();
      Arrays.sort(sorted);
      double[] msSorted = ms.clone();
      Arrays.sort(msSorted);
      w.printf(Locale.ROOT, "%-16s %10.4g %9d/%-2d %12.5g %12.5g %14.5g %14.3f%n", m, targets.get(k), below, seeds,
          median(sorted), sorted[0], sorted[seeds - 1], median(msSorted));
    }
    return 0;
  }

  private static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
  }
}
