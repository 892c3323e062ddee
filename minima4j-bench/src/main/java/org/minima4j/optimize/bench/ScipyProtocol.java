package org.minima4j.optimize.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.minima4j.optimize.Bounds;
import org.minima4j.optimize.Method;
import org.minima4j.optimize.Minimize;
import org.minima4j.optimize.MinimizeOptions;
import org.minima4j.optimize.OptimizeResult;

/**
 * Reruns every run of the reference file {@code scipy_minimize.json} (scipy 1.10.1,
 * {@code reference/generators/scipy_minimize_ref.py}) with {@link Minimize#minimize} under the same
 * protocol (same x0, bounds, constraints, analytic gradient or finite differences, default options)
 * and writes a markdown table: success, objective difference, nfev and njev against scipy's, and
 * the in-process time against the fixture's {@code wall_seconds}.
 *
 * <p>Timing: a warm-up pass runs every case {@code warmup} times (JIT compilation), then each case
 * is timed {@code reps} times with {@link System#nanoTime()} around the {@code minimize} call and
 * the median is reported. scipy's time is the single measurement stored in the fixture
 * ({@code time.perf_counter()} around {@code minimize}, no warm-up, on the machine that generated
 * it), so the time ratios are indicative only.
 *
 * <p>Usage: {@code ScipyProtocol [out.md|-] [fixture.json] [warmup] [reps]} (defaults: stdout, the
 * module's fixture from the repository root, 3, 5); with a file, the table replaces the section
 * between {@code <!-- BEGIN scipy-protocol -->} and {@code <!-- END scipy-protocol -->}.
 */
public final class ScipyProtocol {
  static final String DEFAULT_FIXTURE = "minima4j-optimize/src/test/resources/reference/scipy_minimize.json";

  private ScipyProtocol() {}

  /** One replayed run. */
  record Row(String problem, String method, String jac, OptimizeResult r, JsonNode ref, double javaSeconds) {}

  static OptimizeResult run(JsonNode problem, JsonNode run) {
    String name = problem.get("name").asText();
    ReferenceProblems.Spec spec = ReferenceProblems.spec(name);
    boolean analytic = !run.get("jac").isNull();
    MinimizeOptions o = MinimizeOptions.DEFAULTS;
    JsonNode bounds = problem.get("bounds");
    if (!bounds.isNull()) {
      double[] lb = new double[bounds.size()];
      double[] ub = new double[bounds.size()];
      for (int i = 0; i < lb.length; i++) {
        lb[i] = bounds.get(i).get(0).asDouble();
        ub[i] = bounds.get(i).get(1).asDouble();
      }
      o = o.withBounds(Bounds.of(lb, ub));
    }
    if (!spec.withJac().isEmpty()) {
      o = o.withConstraints(analytic ? spec.withJac() : spec.withoutJac());
    }
    Method m = Method.fromScipyName(run.get("method").asText());
    double[] x0 = new double[problem.get("x0").size()];
    for (int i = 0; i < x0.length; i++) {
      x0[i] = problem.get("x0").get(i).asDouble();
    }
    return analytic ? Minimize.minimize(spec.f(), spec.g(), x0, m, o) : Minimize.minimize(spec.f(), x0, m, o);
  }

  static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
  }

  /** Replays all runs of the fixture. */
  static List<Row> replay(JsonNode root, int warmup, int reps) {
    Map<String, JsonNode> problems = new HashMap<>();
    for (JsonNode p : root.get("problems")) {
      problems.put(p.get("name").asText(), p);
    }
    List<JsonNode> runs = new ArrayList<>();
    root.get("runs").forEach(runs::add);
    for (int w = 0; w < warmup; w++) {
      for (JsonNode r : runs) {
        run(problems.get(r.get("problem").asText()), r);
      }
    }
    List<Row> rows = new ArrayList<>();
    for (JsonNode r : runs) {
      JsonNode p = problems.get(r.get("problem").asText());
      double[] t = new double[reps];
      OptimizeResult res = null;
      for (int k = 0; k < reps; k++) {
        long t0 = System.nanoTime();
        res = run(p, r);
        t[k] = (System.nanoTime() - t0) * 1e-9;
      }
      rows.add(new Row(r.get("problem").asText(), r.get("method").asText(),
          r.get("jac").isNull() ? "none" : "analytic", res, r, median(t)));
    }
    return rows;
  }

  private static String ratio(double a, double b) {
    if (b == 0) {
      return a == 0 ? "1.00" : "-";
    }
    return String.format(Locale.ROOT, "%.2f", a / b);
  }

  /** The markdown table and summary. */
  static String markdown(List<Row> rows, int warmup, int reps) {
    StringBuilder sb = new StringBuilder();
    sb.append("| problem | method | jac | success Java/scipy | fun Java - scipy | nfev Java | nfev scipy | ratio "
        + "| njev Java | njev scipy | ratio | time Java (ms) | time scipy (ms) | Java/scipy |\n");
    sb.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    int exact = 0;
    int sameSuccess = 0;
    double logSum = 0;
    List<Double> timeRatios = new ArrayList<>();
    for (Row w : rows) {
      JsonNode ref = w.ref();
      OptimizeResult r = w.r();
      int nfevS = ref.get("nfev").asInt();
      boolean hasNjev = !ref.get("njev").isNull();
      int njevS = hasNjev ? ref.get("njev").asInt() : 0;
      double tS = ref.get("wall_seconds").asDouble();
      boolean succS = ref.get("success").asBoolean();
      if (r.success() == succS) {
        sameSuccess++;
      }
      if (r.nfev() == nfevS && (!hasNjev || r.njev() == njevS) && r.nit() == ref.get("nit").asInt()) {
        exact++;
      }
      double tr = w.javaSeconds() / tS;
      timeRatios.add(tr);
      logSum += Math.log(tr);
      sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s/%s | %.2e | %d | %d | %s | %s | %s | %s | %.3f | %.3f | %.3f |%n",
          w.problem(), w.method(), w.jac(), r.success(), succS, r.fun() - ref.get("fun").asDouble(), r.nfev(), nfevS,
          ratio(r.nfev(), nfevS), hasNjev ? String.valueOf(r.njev()) : "-", hasNjev ? String.valueOf(njevS) : "-",
          hasNjev ? ratio(r.njev(), njevS) : "-", w.javaSeconds() * 1e3, tS * 1e3, tr));
    }
    double[] tra = timeRatios.stream().mapToDouble(Double::doubleValue).toArray();
    sb.append(String.format(Locale.ROOT, "%n%d runs; same success flag in %d; identical nit, nfev and njev in %d. "
        + "Time Java/scipy: median %.3f, geometric mean %.3f (range %.3f to %.2f). Java timed as the median "
        + "of %d runs after %d warm-up passes over all runs; scipy's time is the fixture's single wall_seconds.%n",
        rows.size(), sameSuccess, exact, median(tra), Math.exp(logSum / rows.size()),
        Arrays.stream(tra).min().orElse(1), Arrays.stream(tra).max().orElse(1), reps, warmup));
    return sb.toString();
  }

  /** Keeps the library's warnings (x0 clipped into the bounds for hs021) out of the benchmark output. */
  static void quietLibraryLogging() {
    LIBRARY_LOGGER.setLevel(java.util.logging.Level.SEVERE);
  }

  /** Held strongly: java.util.logging keeps only weak references to configured loggers. */
  private static final java.util.logging.Logger LIBRARY_LOGGER =
      java.util.logging.Logger.getLogger("org.minima4j.optimize");

  public static void main(String[] args) throws IOException {
    quietLibraryLogging();
    Path out = args.length > 0 && !args[0].equals("-") ? Path.of(args[0]) : null;
    Path fixture = Path.of(args.length > 1 ? args[1] : DEFAULT_FIXTURE);
    int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    int reps = args.length > 3 ? Integer.parseInt(args[3]) : 5;
    JsonNode root = new ObjectMapper().readTree(fixture.toFile());
    String md = markdown(replay(root, warmup, reps), warmup, reps);
    if (out == null) {
      System.out.print(md);
    } else {
      BenchDoc.replaceSection(out, "scipy-protocol", md);
      System.out.println("wrote " + out);
    }
  }

  /** Marker-delimited sections of the benchmark document. */
  static final class BenchDoc {
    private BenchDoc() {}

    static void replaceSection(Path doc, String name, String body) throws IOException {
      String begin = "<!-- BEGIN " + name + " -->";
      String end = "<!-- END " + name + " -->";
      String text = Files.exists(doc) ? Files.readString(doc, StandardCharsets.UTF_8) : "";
      int b = text.indexOf(begin);
      int e = text.indexOf(end);
      String block = begin + "\n" + body + end;
      if (b >= 0 && e > b) {
        text = text.substring(0, b) + block + text.substring(e + end.length());
      } else {
        text = text + (text.isEmpty() || text.endsWith("\n") ? "" : "\n") + "\n" + block + "\n";
      }
      Files.writeString(doc, text, StandardCharsets.UTF_8);
    }
  }
}
