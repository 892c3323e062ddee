package org.minima4j.optimize.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.minima4j.optimize.Bounds;
import org.minima4j.optimize.Method;
import org.minima4j.optimize.Minimize;
import org.minima4j.optimize.MinimizeOptions;
import org.minima4j.optimize.OptimizeResult;

/**
 * In-process speed against scipy 1.10.1 at equal evaluation counts: L-BFGS-B on the extended
 * Rosenbrock function (n = 100 with default options, n = 10000 stopped at {@code maxiter = 1000};
 * analytic gradient, x0 = -1.2/1.0 alternating) and SLSQP on HS071 (analytic gradients). The scipy
 * times come from {@code docs/bench/scipy_perf_times.py} run in the same session (its JSON output is
 * the first argument). Java warms up for at least {@code warmup} runs and 3 s per case (JIT), scipy
 * for 3 runs; both report the median of {@code reps} timed runs, wall time ({@link System#nanoTime()}
 * / {@code time.perf_counter()} around {@code minimize}) and CPU time (this thread's CPU time /
 * {@code time.process_time()}; the JIT compiler and GC threads are not counted on the Java side).
 *
 * <p>Usage: {@code PerformanceBenchmark scipy_times.json [out.md|-] [warmup] [reps]} (defaults: stdout,
 * 5, 21); with a file, the table replaces the section between {@code <!-- BEGIN performance -->} and
 * {@code <!-- END performance -->}.
 */
public final class PerformanceBenchmark {
  private static final java.lang.management.ThreadMXBean THREADS =
      java.lang.management.ManagementFactory.getThreadMXBean();

  private PerformanceBenchmark() {}

  static Map<String, Supplier<OptimizeResult>> cases() {
    Map<String, Supplier<OptimizeResult>> m = new LinkedHashMap<>();
    m.put("lbfgsb_rosen100", () -> Minimize.minimize(ReferenceProblems::rosen, ReferenceProblems::rosenDer,
        ReferenceProblems.rosenX0(100), Method.L_BFGS_B, MinimizeOptions.DEFAULTS));
    m.put("lbfgsb_rosen10000", () -> Minimize.minimize(ReferenceProblems::rosen, ReferenceProblems::rosenDer,
        ReferenceProblems.rosenX0(10000), Method.L_BFGS_B, MinimizeOptions.DEFAULTS.withMaxiter(1000)));
    ReferenceProblems.Spec hs = ReferenceProblems.spec("hs071");
    m.put("slsqp_hs071", () -> Minimize.minimize(hs.f(), hs.g(), new double[] {1, 5, 5, 1}, Method.SLSQP,
        MinimizeOptions.DEFAULTS.withBounds(Bounds.uniform(4, 1, 5)).withConstraints(hs.withJac())));
    return m;
  }

  static final Map<String, String> LABELS = Map.of(
      "lbfgsb_rosen100", "L-BFGS-B, extended Rosenbrock n = 100 (defaults, converges)",
      "lbfgsb_rosen10000", "L-BFGS-B, extended Rosenbrock n = 10000 (maxiter = 1000)",
      "slsqp_hs071", "SLSQP, HS071");

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: PerformanceBenchmark scipy_times.json [out.md] [warmup] [reps]");
      System.exit(2);
    }
    JsonNode py = new ObjectMapper().readTree(Path.of(args[0]).toFile());
    Path out = args.length > 1 && !args[1].equals("-") ? Path.of(args[1]) : null;
    int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    int reps = args.length > 3 ? Integer.parseInt(args[3]) : 21;
    StringBuilder sb = new StringBuilder();
    sb.append("| case | nit Java/scipy | nfev Java/scipy | njev Java/scipy | f Java - scipy "
        + "| wall Java (ms) | wall scipy (ms) | scipy/Java | CPU Java (ms) | CPU scipy (ms) | scipy/Java |\n"
        + "|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (Map.Entry<String, Supplier<OptimizeResult>> e : cases().entrySet()) {
      // JIT warm-up: at least `warmup` runs and at least 3 s (the C2 compiler needs tens of runs of
      // the small cases, and more on a loaded machine)
      long warmStart = System.nanoTime();
      int warmRuns = 0;
      while (warmRuns < warmup || System.nanoTime() - warmStart < 3_000_000_000L) {
        e.getValue().get();
        warmRuns++;
      }
      double[] t = new double[reps];
      double[] cpu = new double[reps];
      OptimizeResult r = null;
      for (int k = 0; k < reps; k++) {
        long c0 = THREADS.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        r = e.getValue().get();
        t[k] = (System.nanoTime() - t0) * 1e-9;
        cpu[k] = (THREADS.getCurrentThreadCpuTime() - c0) * 1e-9;
      }
      double tj = ScipyProtocol.median(t);
      double cj = ScipyProtocol.median(cpu);
      JsonNode c = py.get("cases").get(e.getKey());
      double ts = c.get("median_seconds").asDouble();
      double cs = c.get("median_cpu_seconds").asDouble();
      sb.append(String.format(Locale.ROOT, "| %s | %d/%d | %d/%d | %d/%d | %.2e | %.3f | %.3f | %.1f | %.3f | %.3f | %.1f |%n",
          LABELS.get(e.getKey()), r.nit(), c.get("nit").asInt(), r.nfev(), c.get("nfev").asInt(), r.njev(),
          c.get("njev").asInt(), r.fun() - c.get("fun").asDouble(), tj * 1e3, ts * 1e3, ts / tj, cj * 1e3, cs * 1e3,
          cs / cj));
    }
    sb.append(String.format(Locale.ROOT, "%nJava: median of %d runs after at least %d warm-up runs and 3 s per case; scipy %s "
        + "(numpy %s): median of %d runs after %d warm-up runs (docs/bench/scipy_perf_times.py).%n", reps, warmup,
        py.get("scipy").asText(), py.get("numpy").asText(), py.get("reps").asInt(), py.get("warmup").asInt()));
    if (out == null) {
      System.out.print(sb);
    } else {
      ScipyProtocol.BenchDoc.replaceSection(out, "performance", sb.toString());
      System.out.println("wrote " + out);
    }
  }
}
