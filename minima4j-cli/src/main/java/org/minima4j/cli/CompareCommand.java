package org.minima4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.minima4j.cli.experiments.MethodRunner;
import org.minima4j.cli.experiments.Methods;
import org.minima4j.cli.experiments.Problem;
import org.minima4j.cli.experiments.Problems;
import org.minima4j.cli.experiments.Trace;
import org.minima4j.plot.LinePlot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code minima compare}: runs several optimizers on one problem, prints a table, and writes the
 * loss-curve plot (PNG, SVG), the per-iteration data (CSV) and the whole result (JSON).
 */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Run optimizers side by side on a problem and draw their loss curves.",
        "With no options: the reference seed experiment (2-2-2 ReLU network, 10 parameters) with Adam, SLSQP, "
            + "PSO, CMA-ES and dual annealing, 100 iterations each."})
final class CompareCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--problem", defaultValue = "seed-mlp", paramLabel = "NAME",
      description = "Problem (default: ${DEFAULT-VALUE}); `--list` shows them all.")
  String problemName;

  @Option(names = "--methods", split = ",", paramLabel = "M1,M2", description = "Methods (default: the problem's own set).")
  List<String> methodNames;

  @Option(names = "--maxiter", description = "Iterations per method (default: the problem's, 100; 12 epochs for seed-regression).")
  Integer maxiterOption;

  int maxiter;

  @Option(names = "--seed", defaultValue = "0",
      description = "Seed of every stochastic method, 0 to 4294967295: NumPy's RandomState(seed), so the ports replay their "
          + "anchors' seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--threads", paramLabel = "N",
      description = "Threads (default: one per method, up to the number of processors). Several methods run side by side, "
          + "one thread each; a single method evaluates its population on all of them. Results do not depend on it.")
  Integer threadsOption;

  int threads;

  @Option(names = "--out", defaultValue = "minima-out/compare", paramLabel = "DIR", description = "Output folder (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--repeat", defaultValue = "1",
      description = "Run the whole comparison this many times and report the last pass (later passes run JIT-compiled code; "
          + "every pass's time goes in the JSON, the first as first_pass_seconds, the median of the second half as "
          + "warm_pass_seconds). Default: ${DEFAULT-VALUE}.")
  int repeat;

  @Option(names = "--json", description = "Print the machine-readable result on stdout instead of the table.")
  boolean json;

  @Option(names = "--no-plot", description = "Do not write the PNG/SVG plot.")
  boolean noPlot;

  @Option(names = "--list", description = "List the problems and methods, then exit.")
  boolean list;

  @Override
  public Integer call() throws IOException {
    PrintWriter w = spec.commandLine().getOut();
    if (list) {
      w.println("problems:");
      for (String p : Problems.names()) {
        w.printf(Locale.ROOT, "  %-28s %s%n", p, Problems.describe(p));
      }
      w.println("methods:");
      for (MethodRunner m : Methods.all()) {
        w.printf(Locale.ROOT, "  %-28s %s%n", m.name(), m.description());
      }
      return 0;
    }
    if (maxiterOption != null && maxiterOption < 1) {
      throw new CliException("--maxiter must be at least 1, got " + maxiterOption);
    }
    if (seed < 0 || seed > 0xFFFFFFFFL) {
      throw new CliException("--seed must be between 0 and 4294967295 (NumPy's RandomState seeds), got " + seed);
    }
    if (repeat < 1) {
      throw new CliException("--repeat must be at least 1, got " + repeat);
    }
    if (threadsOption != null && threadsOption < 1) {
      throw new CliException("--threads must be at least 1, got " + threadsOption);
    }
    if (!noPlot) {
      LinePlot.warmUpInBackground();
    }
    Problem problem = Problems.create(problemName);
    maxiter = maxiterOption == null ? problem.defaultMaxiter() : maxiterOption;
    List<MethodRunner> runners = new ArrayList<>();
    for (String m : methodNames == null ? problem.defaultMethods() : methodNames) {
      runners.add(Methods.get(m.trim()));
    }
    threads = threadsOption != null ? threadsOption : Math.min(runners.size(), Runtime.getRuntime().availableProcessors());
    try (OutputFolder folder = OutputFolder.open(out)) {
      Progress progress = new Progress(spec.commandLine().getErr(), !json && System.console() != null);
      List<Trace> traces = new ArrayList<>();
      List<Double> cpu = new ArrayList<>();
      List<Double> passTotals = new ArrayList<>();
      double total = 0.0;
      int workers = Math.min(threads, runners.size());
      int methodThreads = runners.size() == 1 ? threads : 1;
      ExecutorService pool = workers > 1 ? Executors.newFixedThreadPool(workers) : null;
      // the CPU clock's first use loads the management classes: do it before any pass is timed
      ThreadMXBean mx = ManagementFactory.getThreadMXBean();
      mx.getCurrentThreadCpuTime();
      if (!noPlot) {
        // the plot's start-up overlaps the command line's own; it ends before the methods are timed
        try {
          LinePlot.awaitWarmUp(10_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new CliException("interrupted while the plot was starting up");
        }
      }
      try {
        for (int pass = 0; pass < repeat; pass++) {
          long t0 = System.nanoTime();
          traces.clear();
          cpu.clear();
          for (TimedTrace t : runPass(runners, problem, methodThreads, pool, progress, pass, mx)) {
            traces.add(t.trace());
            cpu.add(t.cpuSeconds());
          }
          total = (System.nanoTime() - t0) * 1e-9;
          passTotals.add(total);
        }
      } finally {
        if (pool != null) {
          pool.shutdownNow();
        }
      }
      progress.done();
      Map<String, Object> result = result(problem, traces, cpu, total);
      result.put("first_pass_seconds", passTotals.get(0));
      // against the Python stack's one run: this command's first pass (cold JIT, what a single run takes)
      Problems.referenceTotalSeconds(problem).ifPresent(py -> result.put("speedup_vs_python", py / passTotals.get(0)));
      result.put("total_seconds_per_pass", passTotals);
      if (repeat > 1) {
        double warm = warmPassSeconds(passTotals);
        result.put("warm_pass_seconds", warm);
        Problems.referenceTotalSeconds(problem).ifPresent(py -> result.put("warm_speedup_vs_python", py / warm));
      }
      ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
      mapper.writeValue(folder.file("result.json").toFile(), result);
      Files.writeString(folder.file("loss.csv"), csv(traces));
      if (!noPlot) {
        LinePlot plot = new LinePlot("Best loss so far: " + problem.name(), "iteration", "loss (log scale)", true);
        for (Trace t : traces) {
          double[] x = new double[t.iterations()];
          for (int i = 0; i < x.length; i++) {
            x[i] = i + 1;
          }
          plot.add(new LinePlot.Series(t.method(), x, t.bestSoFar(), false));
        }
        plot.save(folder.file("loss.png").resolveSibling("loss"));
        folder.file("loss.svg");
      }
      List<Path> written = folder.commit();
      if (json) {
        w.println(mapper.writeValueAsString(result));
      } else {
        table(w, problem, traces, total);
        if (repeat > 1) {
          w.printf(Locale.ROOT, "(last of %d passes; the first took %.3f ms, a JIT-warm pass %.3f ms: the median of the "
              + "second half)%n", repeat, passTotals.get(0) * 1e3, warmPassSeconds(passTotals) * 1e3);
        }
        for (Path p : written) {
          w.println("wrote " + p);
        }
      }
    }
    return 0;
  }

  /**
   * One pass over the methods: side by side on the pool when there is one (each method on its own
   * thread), otherwise one after the other; traces come back in the order of the methods.
   */
  private List<TimedTrace> runPass(List<MethodRunner> runners, Problem problem, int methodThreads, ExecutorService pool,
      Progress progress, int pass, ThreadMXBean mx) {
    int n = runners.size();
    List<TimedTrace> out = new ArrayList<>();
    if (pool == null) {
      for (int k = 0; k < n; k++) {
        progress.show(pass * n + k, repeat * n, runners.get(k).name());
        out.add(timed(runners.get(k), problem, methodThreads, mx));
      }
      return out;
    }
    // longest first (by rank; ties keep the given order), so the pass ends sooner
    List<Integer> order = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      order.add(k);
    }
    order.sort((a, b) -> Integer.compare(runners.get(b).workRank(), runners.get(a).workRank()));
    List<Future<TimedTrace>> futures = new ArrayList<>(Collections.nCopies(n, null));
    for (int k : order) {
      MethodRunner r = runners.get(k);
      futures.set(k, pool.submit(() -> timed(r, problem, methodThreads, mx)));
    }
    for (int k = 0; k < n; k++) {
      progress.show(pass * n + k, repeat * n, runners.get(k).name());
      try {
        out.add(futures.get(k).get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CliException("interrupted while " + runners.get(k).name() + " was running");
      } catch (ExecutionException e) {
        Throwable c = e.getCause();
        if (c instanceof RuntimeException re) {
          throw re;
        }
        if (c instanceof Error err) {
          throw err;
        }
        throw new IllegalStateException(runners.get(k).name() + " failed: " + c, c);
      }
    }
    return out;
  }

  /** A method's trace with the CPU time of the thread that ran it (population threads not included). */
  private record TimedTrace(Trace trace, double cpuSeconds) {}

  private TimedTrace timed(MethodRunner r, Problem problem, int methodThreads, ThreadMXBean mx) {
    long c0 = mx.getCurrentThreadCpuTime();
    Trace t = r.run(problem, maxiter, seed, methodThreads);
    long c1 = mx.getCurrentThreadCpuTime();
    return new TimedTrace(t, c0 < 0 || c1 < 0 ? Double.NaN : (c1 - c0) * 1e-9);
  }

  private Map<String, Object> result(Problem problem, List<Trace> traces, List<Double> cpu, double total) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("problem", problem.name());
    r.put("description", problem.description());
    r.put("maxiter", maxiter);
    r.put("seed", seed);
    r.put("threads", threads);
    List<Map<String, Object>> ms = new ArrayList<>();
    double cpuTotal = 0.0;
    for (int k = 0; k < traces.size(); k++) {
      Trace t = traces.get(k);
      cpuTotal += cpu.get(k);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("method", t.method());
      m.put("config", t.config());
      m.put("last_iteration_loss", t.lastLoss());
      m.put("best_loss", t.finalLoss());
      m.put("n_objective_evals", t.nfev());
      m.put("n_gradient_evals", t.ngev());
      m.put("seconds", t.seconds());
      m.put("cpu_seconds", cpu.get(k));
      m.put("message", t.message());
      m.put("best_x", t.bestX());
      m.put("loss", t.loss());
      m.put("best_so_far", t.bestSoFar());
      ms.add(m);
    }
    r.put("methods", ms);
    r.put("total_seconds", total);
    r.put("cpu_seconds", cpuTotal);
    Problems.referenceTotalSeconds(problem).ifPresent(py -> r.put("python_total_wall_seconds", py));
    r.put("minima4j_version", Main.version());
    return r;
  }

  /**
   * Whether a command line runs compare and draws its plot (so that {@link Main} can start the
   * plot's start-up work before the command is parsed); a mistaken guess only costs or saves time.
   */
  static boolean willPlot(String[] args) {
    if (args.length == 0 || !"compare".equals(args[0])) {
      return false;
    }
    for (String a : args) {
      if (a.equals("--no-plot") || a.equals("--list") || a.equals("--help") || a.equals("-h")) {
        return false;
      }
    }
    return true;
  }

  /**
   * The JIT-warm time of a pass: the median over the second half of the passes (the first passes
   * interpret and compile the methods' code).
   */
  static double warmPassSeconds(List<Double> passTotals) {
    List<Double> late = new ArrayList<>(passTotals.subList(passTotals.size() / 2, passTotals.size()));
    late.sort(null);
    int n = late.size();
    return n % 2 == 1 ? late.get(n / 2) : 0.5 * (late.get(n / 2 - 1) + late.get(n / 2));
  }

  private static String csv(List<Trace> traces) {
    StringBuilder sb = new StringBuilder("iteration");
    int n = 0;
    for (Trace t : traces) {
      sb.append(',').append(t.method()).append("_loss,").append(t.method()).append("_best_so_far");
      n = Math.max(n, t.iterations());
    }
    sb.append('\n');
    for (int i = 0; i < n; i++) {
      sb.append(i + 1);
      for (Trace t : traces) {
        sb.append(',');
        if (i < t.iterations()) {
          sb.append(t.loss()[i]).append(',').append(t.bestSoFar()[i]);
        } else {
          sb.append(',');
        }
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  private static void table(PrintWriter w, Problem problem, List<Trace> traces, double total) {
    w.println("problem " + problem.name() + ": " + problem.description());
    w.printf(Locale.ROOT, "%-16s %16s %16s %10s %10s %12s%n", "method", "last iteration", "best loss", "f evals", "g evals",
        "time (ms)");
    for (Trace t : traces) {
      w.printf(Locale.ROOT, "%-16s %16.8g %16.8g %10d %10d %12.3f%n", t.method(), t.lastLoss(), t.finalLoss(), t.nfev(),
          t.ngev(), t.seconds() * 1e3);
    }
    if (problem.stochastic()) {
      w.println("(mini-batch problem: 'last iteration' is the last batch loss, 'best loss' the full objective at the final point)");
    }
    w.printf(Locale.ROOT, "total in-process time: %.3f ms", total * 1e3);
    Problems.referenceTotalSeconds(problem).ifPresent(py ->
        w.printf(Locale.ROOT, " (the Python stack took %.0f ms for the reference run: %.0fx)", py * 1e3, py / total));
    w.println();
  }

  /** A one-line progress indicator on the terminal; silent when output is redirected. */
  private static final class Progress {
    private final PrintWriter err;
    private final boolean enabled;

    Progress(PrintWriter err, boolean enabled) {
      this.err = err;
      this.enabled = enabled;
    }

    void show(int k, int n, String what) {
      if (enabled) {
        int width = 20;
        int filled = width * k / n;
        err.print("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + (k + 1) + "/" + n + " " + what + "        ");
        err.flush();
      }
    }

    void done() {
      if (enabled) {
        err.print("\r" + " ".repeat(60) + "\r");
        err.flush();
      }
    }
  }
}
