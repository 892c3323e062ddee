package org.minima4j.optimize.global.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.minima4j.optimize.Bounds;
import org.minima4j.optimize.Objective;
import org.minima4j.optimize.global.GlobalOptimizer;
import org.minima4j.optimize.global.Termination;
import org.minima4j.optimize.global.anneal.DualAnnealing;
import org.minima4j.optimize.global.cmaes.CMA;
import org.minima4j.optimize.global.cmaes.RestartCMA;
import org.minima4j.optimize.global.de.DifferentialEvolution;
import org.minima4j.optimize.global.pso.PSO;
import org.minima4j.optimize.problems.BenchmarkFunction;

/**
 * Reruns the protocol of the reference file {@code global.json} (generator {@code global_ref.py})
 * in Java: 8 functions x dims 2, 5, 10 x seeds 0..9, budget 10000 d evaluations, success when
 * {@code f - f* < 1e-4}, evaluations-to-target = 1-based index of the first such call (every call
 * counted, local searches included). Algorithms, with the anchors' settings:
 * <ul>
 *   <li>dual_annealing: {@link DualAnnealing} defaults (bounded L-BFGS-B local search, as scipy), budget as maxfun;</li>
 *   <li>differential_evolution: {@link DifferentialEvolution} defaults with {@code maxiter = min(1000, budget / (15 d) - 1)},
 *       with scipy's L-BFGS-B polish (the default) and without polish;</li>
 *   <li>pso: {@link PSO} as pyswarms GlobalBestPSO(40 particles, c1 0.5, c2 0.3, w 0.9, budget / 40 iterations);</li>
 *   <li>cma: {@link RestartCMA} REPEAT from the domain centre, sigma 0.3 (hi - lo), bounds, restarted until the
 *       budget is used.</li>
 * </ul>
 * Seeds: every optimizer is built from the case seed s with NumPy's {@code RandomState(s)}, as the anchors
 * (the seeded default; differential evolution with {@code withNumpyStream(true)}; {@code RestartCMA}:
 * {@code s + 1000 r} for run r), so each Java run replays the anchor's run of the same case; the report ends
 * with the per-case agreement.
 * Returns a markdown report; {@code GlobalBenchmarkMain} in minima4j-bench writes and prints it.
 */
public final class GlobalBenchmark {
  private static final double TOL = 1e-4;

  private GlobalBenchmark() {
  }

  /** One benchmark configuration: the anchor's algorithm name and how to build the Java optimizer. */
  private record Algo(String label, String anchor, Function<Case, GlobalOptimizer> factory) {
  }

  private record Case(BenchmarkFunction f, int d, int seed, long budget) {
  }

  private record Run(String label, String function, int dim, int seed, Long hit, double gap, long nfev, double seconds) {
  }

  /** Counts calls and notes the first one within TOL of f*. */
  private static final class Tracker implements Objective {
    private final Objective f;
    private final double fStar;
    long n;
    Long hit;
    double best = Double.POSITIVE_INFINITY;

    Tracker(Objective f, double fStar) {
      this.f = f;
      this.fStar = fStar;
    }

    @Override
    public double value(double[] x) {
      double v = f.value(x);
      n++;
      if (v < best) {
        best = v;
      }
      if (hit == null && v - fStar < TOL) {
        hit = n;
      }
      return v;
    }
  }

  private static List<Algo> algorithms() {
    List<Algo> a = new ArrayList<>();
    a.add(new Algo("dual_annealing (L-BFGS-B local search, as scipy)", "dual_annealing",
        c -> new DualAnnealing(c.f.bounds(c.d), DualAnnealing.Options.DEFAULTS.withSeed(c.seed))));
    a.add(new Algo("differential_evolution (L-BFGS-B polish, as scipy)", "differential_evolution",
        c -> new DifferentialEvolution(c.f.bounds(c.d), DifferentialEvolution.Options.DEFAULTS.withSeed(c.seed)
            .withNumpyStream(true).withMaxiter(deMaxiter(c)))));
    a.add(new Algo("differential_evolution (no polish)", "differential_evolution",
        c -> new DifferentialEvolution(c.f.bounds(c.d), DifferentialEvolution.Options.DEFAULTS.withSeed(c.seed)
            .withNumpyStream(true).withMaxiter(deMaxiter(c)).withPolish(null))));
    a.add(new Algo("pso (pyswarms GlobalBestPSO settings)", "pso",
        c -> new PSO(c.f.bounds(c.d), PSO.Options.pyswarms(40, 0.5, 0.3, 0.9, (int) (c.budget / 40)).withSeed(c.seed))));
    a.add(new Algo("cma (REPEAT restarts)", "cma", c -> {
      double[] mean = new double[c.d];
      Arrays.fill(mean, 0.5 * (c.f.lower() + c.f.upper()));
      return new RestartCMA(mean, 0.3 * (c.f.upper() - c.f.lower()), RestartCMA.Options.DEFAULTS
          .withStrategy(RestartCMA.Strategy.REPEAT).withMaxRestarts(Integer.MAX_VALUE)
          .withCma(CMA.Options.DEFAULTS.withBounds(c.f.bounds(c.d)).withSeed(c.seed)));
    }));
    return a;
  }

  private static int deMaxiter(Case c) {
    return (int) Math.max(1, Math.min(1000, c.budget / (15L * c.d) - 1));
  }

  private static Run run(Algo algo, Case c) {
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    long t0 = mx.getCurrentThreadCpuTime();
    Tracker t = new Tracker(c.f, c.f.fStar(c.d));
    GlobalOptimizer o = algo.factory.apply(c);
    o.optimize(t, Termination.ofEvaluations(c.budget));
    double sec = (mx.getCurrentThreadCpuTime() - t0) / 1e9;
    return new Run(algo.label, c.f.key(), c.d, c.seed, t.hit, t.best - c.f.fStar(c.d), t.n, sec);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> anchorRuns(Path p) throws IOException {
    Map<String, Object> doc = new ObjectMapper().readValue(p.toFile(), Map.class);
    return (List<Map<String, Object>>) doc.get("runs");
  }

  private static double median(List<Long> v) {
    if (v.isEmpty()) {
      return Double.NaN;
    }
    long[] a = v.stream().mapToLong(Long::longValue).sorted().toArray();
    int m = a.length / 2;
    return a.length % 2 == 1 ? a[m] : 0.5 * (a[m - 1] + a[m]);
  }

  private static String fmt(double v) {
    if (Double.isNaN(v)) {
      return "-";
    }
    return v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
  }

  /**
   * Runs the protocol for seeds {@code 0..seeds-1} and the given dimensions and returns the markdown report
   * (anchor figures restricted to the same seeds and dimensions).
   */
  public static String run(Path anchor, int threads, int seeds, int[] dims) throws IOException, InterruptedException,
      java.util.concurrent.ExecutionException {
    List<Integer> dimList = Arrays.stream(dims).boxed().toList();
    List<Map<String, Object>> ref = anchorRuns(anchor).stream()
        .filter(r -> ((Number) r.get("seed")).intValue() < seeds && dimList.contains(((Number) r.get("dim")).intValue()))
        .toList();
    List<Algo> algos = algorithms();
    long t0 = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<Run>> futures = new ArrayList<>();
    try {
      for (Algo a : algos) {
        for (BenchmarkFunction f : BenchmarkFunction.values()) {
          for (int d : dims) {
            for (int s = 0; s < seeds; s++) {
              Case c = new Case(f, d, s, 10_000L * d);
              futures.add(pool.submit(() -> run(a, c)));
            }
          }
        }
      }
    } finally {
      pool.shutdown();
    }
    List<Run> runs = new ArrayList<>();
    for (Future<Run> fu : futures) {
      runs.add(fu.get());
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    StringBuilder md = new StringBuilder();
    md.append("| algorithm (Java) | anchor | success Java | success anchor | median evals to target Java "
        + "| median evals to target anchor | CPU time Java (s, sum over runs) | wall time anchor (s, sum over runs) |\n");
    md.append("|---|---|---|---|---|---|---|---|\n");
    for (Algo a : algos) {
      List<Run> mine = runs.stream().filter(r -> r.label.equals(a.label)).toList();
      List<Map<String, Object>> theirs = ref.stream().filter(r -> a.anchor.equals(r.get("algorithm"))).toList();
      List<Long> mh = mine.stream().filter(r -> r.hit != null).map(r -> r.hit).toList();
      List<Long> th = theirs.stream().filter(r -> r.get("nfev_to_target") != null)
          .map(r -> ((Number) r.get("nfev_to_target")).longValue()).toList();
      double mySeconds = mine.stream().mapToDouble(Run::seconds).sum();
      double theirSeconds = theirs.stream().filter(r -> r.get("wall_seconds") instanceof Number)
          .mapToDouble(r -> ((Number) r.get("wall_seconds")).doubleValue()).sum();
      md.append(String.format(Locale.ROOT, "| %s | %s | %.3f (%d/%d) | %.3f (%d/%d) | %s | %s | %.1f | %.1f |%n", a.label,
          a.anchor, mh.size() / (double) mine.size(), mh.size(), mine.size(), th.size() / (double) theirs.size(),
          th.size(), theirs.size(), fmt(median(mh)), fmt(median(th)), mySeconds, theirSeconds));
    }
    md.append("\nPer function and dimension: success rate and median evaluations to target, Java / anchor.\n\n");
    md.append("| function | d |");
    for (Algo a : algos) {
      md.append(' ').append(a.label).append(" |");
    }
    md.append("\n|---|---|");
    md.append("---|".repeat(algos.size()));
    md.append('\n');
    for (BenchmarkFunction f : BenchmarkFunction.values()) {
      for (int d : dims) {
        md.append("| ").append(f.key()).append(" | ").append(d).append(" |");
        for (Algo a : algos) {
          List<Run> mine = runs.stream().filter(r -> r.label.equals(a.label) && r.function.equals(f.key()) && r.dim == d)
              .toList();
          List<Map<String, Object>> theirs = ref.stream().filter(r -> a.anchor.equals(r.get("algorithm"))
              && f.key().equals(r.get("function")) && ((Number) r.get("dim")).intValue() == d).toList();
          List<Long> mh = mine.stream().filter(r -> r.hit != null).map(r -> r.hit).toList();
          List<Long> th = theirs.stream().filter(r -> r.get("nfev_to_target") != null)
              .map(r -> ((Number) r.get("nfev_to_target")).longValue()).toList();
          md.append(String.format(Locale.ROOT, " %.1f / %.1f; %s / %s |", mh.size() / (double) mine.size(),
              th.size() / (double) Math.max(1, theirs.size()), fmt(median(mh)), fmt(median(th))));
        }
        md.append('\n');
      }
    }
    appendAgreement(md, algos, runs, ref);
    md.append(String.format(Locale.ROOT, "%nJava wall time for all %d runs: %.1f s on %d threads.%n", runs.size(), seconds,
        threads));
    return md.toString();
  }

  /**
   * Per-case agreement: the runs whose evaluations-to-target equal the anchor's run with the same function,
   * dimension and seed (both unsuccessful counts as equal), and the list of the others.
   */
  private static void appendAgreement(StringBuilder md, List<Algo> algos, List<Run> runs,
      List<Map<String, Object>> ref) {
    md.append("\nPer-case agreement with the anchor's run of the same function, dimension and seed (evaluations to "
        + "target equal, or both unsuccessful):\n\n| algorithm (Java) | anchor | cases equal | both succeed, equal "
        + "| only Java succeeds | only the anchor succeeds | both succeed, different |\n|---|---|---|---|---|---|---|\n");
    StringBuilder diverging = new StringBuilder();
    for (Algo a : algos) {
      int equal = 0;
      int bothEqual = 0;
      int onlyJava = 0;
      int onlyAnchor = 0;
      int bothDiffer = 0;
      int total = 0;
      for (Run r : runs) {
        if (!r.label.equals(a.label)) {
          continue;
        }
        Map<String, Object> anchorRun = ref.stream().filter(x -> a.anchor.equals(x.get("algorithm"))
            && r.function.equals(x.get("function")) && ((Number) x.get("dim")).intValue() == r.dim
            && ((Number) x.get("seed")).intValue() == r.seed).findFirst().orElse(null);
        if (anchorRun == null) {
          continue;
        }
        total++;
        Object h = anchorRun.get("nfev_to_target");
        Long theirs = h == null ? null : ((Number) h).longValue();
        if (java.util.Objects.equals(theirs, r.hit)) {
          equal++;
          if (theirs != null) {
            bothEqual++;
          }
          continue;
        }
        if (theirs == null) {
          onlyJava++;
        } else if (r.hit == null) {
          onlyAnchor++;
        } else {
          bothDiffer++;
        }
        diverging.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %s | %s |%n", a.label, r.function, r.dim,
            r.seed, r.hit == null ? "-" : r.hit.toString(), theirs == null ? "-" : theirs.toString()));
      }
      md.append(String.format(Locale.ROOT, "| %s | %s | %d/%d | %d | %d | %d | %d |%n", a.label, a.anchor, equal, total,
          bothEqual, onlyJava, onlyAnchor, bothDiffer));
    }
    md.append("\nCases that differ (evaluations to target, `-` = not reached):\n\n| algorithm (Java) | function | d | seed "
        + "| Java | anchor |\n|---|---|---|---|---|---|\n").append(diverging);
  }
}
