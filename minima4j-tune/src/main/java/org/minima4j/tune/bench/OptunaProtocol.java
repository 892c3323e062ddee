package org.minima4j.tune.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import org.minima4j.tune.Studies;
import org.minima4j.tune.Study;
import org.minima4j.tune.StudyOptions;
import org.minima4j.tune.pruners.NopPruner;
import org.minima4j.tune.samplers.CmaEsSampler;
import org.minima4j.tune.samplers.GPSampler;

import org.minima4j.tune.samplers.QMCSampler;
import org.minima4j.tune.samplers.RandomSampler;
import org.minima4j.tune.samplers.Sampler;
import org.minima4j.tune.samplers.TPESampler;

/**
 * Reruns the protocol of {@code optuna.json} (Optuna 3.1 reference): per sampler and problem, 100 trials for
 * seeds 0..9, median simple regret at 25/50/100 trials and median sampler overhead (study time minus time in
 * the formula, as CPU time of the thread and as wall time; each seed timed 5 times, fastest kept, after a JIT
 * warm-up of that sampler), and writes a markdown table next to Optuna's figures (Optuna's overhead is wall time),
 * with the number of seeds whose whole best-so-far curve equals Optuna's ({@code runs} of the reference) exactly
 * and to 1e-9 relative.
 *
 * <pre>
 * java -cp ... org.minima4j.tune.bench.OptunaProtocol [optuna.json] [out.md] [samplers,comma,separated]
 * </pre>
 */
public final class OptunaProtocol {
  private OptunaProtocol() {
  }

  static final Map<String, LongFunction<Sampler>> SAMPLERS = new LinkedHashMap<>();
  /** Timed repeats per seed (the fastest counts: the machine may be shared). */
  static final int REPEATS = 5;

  static {
    SAMPLERS.put("tpe", TPESampler::new);
    SAMPLERS.put("tpe_multivariate", s -> new TPESampler(TPESampler.Options.DEFAULTS.withSeed(s)
        .withMultivariate(true)));
    SAMPLERS.put("random", RandomSampler::new);
    SAMPLERS.put("cmaes", CmaEsSampler::new);
    SAMPLERS.put("qmc_sobol", s -> new QMCSampler(QMCSampler.QmcType.SOBOL, true, s));
    SAMPLERS.put("gp", GPSampler::new);
  }

  /**
   * One run: best-so-far per trial and the sampler overhead in seconds, as wall time (the reference's
   * measure) and as CPU time of the thread (insensitive to other processes on a shared machine).
   */
  public record Run(double[] bestSoFar, double overheadSeconds, double overheadCpuSeconds) {
  }

  private static final java.lang.management.ThreadMXBean THREADS =
      java.lang.management.ManagementFactory.getThreadMXBean();

  /** Warm-up rounds (each runs one study per problem): at least this many. */
  static final int MIN_WARMUP_ROUNDS = 3;
  /** More warm-up rounds until this much time has passed (or {@link #MAX_WARMUP_ROUNDS}). */
  static final double WARMUP_SECONDS = 3.0;
  static final int MAX_WARMUP_ROUNDS = 500;

  /**
   * Runs the sampler on every problem, right before it is measured, so that the JIT's compilation does not
   * count as sampler overhead: {@link #MIN_WARMUP_ROUNDS} rounds, then more until {@link #WARMUP_SECONDS} have
   * passed. A count alone is not enough: three rounds of a fast sampler (Random: about 1,200 trials, a few
   * milliseconds) end long before the study machinery is compiled, so its first timed problem would mostly
   * measure interpreted and profiled code.
   */
  static void warmUp(LongFunction<Sampler> f, int nTrials) {
    long t0 = System.nanoTime();
    for (int w = 0; w < MAX_WARMUP_ROUNDS; w++) {
      if (w >= MIN_WARMUP_ROUNDS && (System.nanoTime() - t0) * 1e-9 >= WARMUP_SECONDS) {
        return;
      }
      for (Problems.Problem p : Problems.ALL) {
        run(f.apply(1000 + w), p, nTrials);
      }
    }
  }

  /** Runs one study of {@code nTrials} trials. */
  public static Run run(Sampler sampler, Problems.Problem problem, int nTrials) {
    Study study = Studies.create(StudyOptions.DEFAULTS.withSampler(sampler).withPruner(new NopPruner()));
    long[] objNanos = new long[1];
    long t0 = System.nanoTime();
    long c0 = THREADS.getCurrentThreadCpuTime();
    study.optimize(t -> {
      Object[] args = problem.suggest(t);
      long a = System.nanoTime();
      double v = problem.evaluate(args);
      objNanos[0] += System.nanoTime() - a;
      return v;
    }, nTrials);
    long wall = System.nanoTime() - t0;
    long cpu = THREADS.getCurrentThreadCpuTime() - c0;
    double[] best = new double[nTrials];
    double b = Double.POSITIVE_INFINITY;
    int i = 0;
    for (var t : study.trials()) {
      if (t.values() != null) {
        b = Math.min(b, t.values().get(0));
      }
      best[i++] = b;
    }
    return new Run(best, (wall - objNanos[0]) * 1e-9, Math.max(0, cpu - objNanos[0]) * 1e-9);
  }

  static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
  }

  /** The sampler names {@link #report} accepts. */
  public static List<String> samplerNames() {
    return new ArrayList<>(SAMPLERS.keySet());
  }

  /**
   * Runs the protocol for the named samplers against the reference file {@code ref} and returns the
   * markdown table; each finished row is also handed to {@code rows} (for progress output).
   */
  public static String report(Path ref, List<String> names, Consumer<String> rows) throws IOException {
    JsonNode doc = new ObjectMapper().readTree(ref.toFile());
    Map<String, JsonNode> refSummary = new LinkedHashMap<>();
    for (JsonNode e : doc.get("summary")) {
      refSummary.put(e.get("sampler").asText() + "/" + e.get("problem").asText(), e);
    }
    Map<String, double[]> refRuns = new LinkedHashMap<>();
    if (doc.has("runs")) {
      for (JsonNode e : doc.get("runs")) {
        double[] curve = new double[e.get("best_so_far").size()];
        for (int i = 0; i < curve.length; i++) {
          curve[i] = e.get("best_so_far").get(i).asDouble();
        }
        refRuns.put(e.get("sampler").asText() + "/" + e.get("problem").asText() + "/" + e.get("seed").asInt(), curve);
      }
    }
    int nTrials = 100;
    int nSeeds = 10;
    StringBuilder md = new StringBuilder();
    md.append("| sampler | problem | regret@25 | Optuna | regret@50 | Optuna | regret@100 | Optuna "
        + "| CPU ms/trial | wall ms/trial | Optuna wall ms/trial | Optuna / CPU | Optuna / wall "
        + "| seeds = Optuna: exact / 1e-9 |\n");
    md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (String name : names) {
      LongFunction<Sampler> f = SAMPLERS.get(name);
      if (f == null) {
        throw new IllegalArgumentException("unknown sampler " + name + "; known: " + SAMPLERS.keySet());
      }
      warmUp(f, nTrials);
      for (Problems.Problem p : Problems.ALL) {
        double[][] regret = new double[3][nSeeds];
        double[] overhead = new double[nSeeds];
        double[] overheadCpu = new double[nSeeds];
        int exact = 0;
        int close = 0;
        boolean compared = false;
        for (int seed = 0; seed < nSeeds; seed++) {
          // a seeded study is deterministic, so repeats only differ in time: keep the fastest of REPEATS
          Run r = run(f.apply(seed), p, nTrials);
          overhead[seed] = r.overheadSeconds();
          overheadCpu[seed] = r.overheadCpuSeconds();
          for (int rep = 1; rep < REPEATS; rep++) {
            Run again = run(f.apply(seed), p, nTrials);
            if (!Arrays.equals(again.bestSoFar(), r.bestSoFar())) {
              throw new IllegalStateException("seeded study not reproducible: " + name + "/" + p.name());
            }
            overhead[seed] = Math.min(overhead[seed], again.overheadSeconds());
            overheadCpu[seed] = Math.min(overheadCpu[seed], again.overheadCpuSeconds());
          }
          double[] want = refRuns.get(name + "/" + p.name() + "/" + seed);
          if (want != null) {
            compared = true;
            exact += Arrays.equals(want, r.bestSoFar()) ? 1 : 0;
            close += sameCurve(want, r.bestSoFar(), 1e-9) ? 1 : 0;
          }
          regret[0][seed] = r.bestSoFar()[24] - p.fStar();
          regret[1][seed] = r.bestSoFar()[49] - p.fStar();
          regret[2][seed] = r.bestSoFar()[99] - p.fStar();
        }
        JsonNode rs = refSummary.get(name + "/" + p.name());
        String[] refs = new String[4];
        double refMs = Double.NaN;
        if (rs != null) {
          refs[0] = fmt(rs.get("median_regret_at_25").asDouble());
          refs[1] = fmt(rs.get("median_regret_at_50").asDouble());
          refs[2] = fmt(rs.get("median_regret_at_100").asDouble());
          refMs = rs.get("median_sampler_overhead_seconds_per_100_trials").asDouble() * 1000 / nTrials;
        } else {
          Arrays.fill(refs, "-");
        }
        double ms = median(overhead) * 1000 / nTrials;
        double cpuMs = median(overheadCpu) * 1000 / nTrials;
        String line = String.format(Locale.ROOT,
            "| %s | %s | %s | %s | %s | %s | %s | %s | %.4f | %.4f | %s | %s | %s | %s |",
            name, p.name(), fmt(median(regret[0])), refs[0], fmt(median(regret[1])), refs[1],
            fmt(median(regret[2])), refs[2], cpuMs, ms,
            Double.isNaN(refMs) ? "-" : String.format(Locale.ROOT, "%.3f", refMs),
            Double.isNaN(refMs) ? "-" : String.format(Locale.ROOT, "%.1f", refMs / cpuMs),
            Double.isNaN(refMs) ? "-" : String.format(Locale.ROOT, "%.1f", refMs / ms),
            compared ? exact + " / " + close : "-");
        md.append(line).append('\n');
        rows.accept(line);
      }
    }
    return md.toString();
  }

  /** Whether two best-so-far curves agree entry by entry to {@code rtol} relative. */
  static boolean sameCurve(double[] want, double[] got, double rtol) {
    if (want.length != got.length) {
      return false;
    }
    for (int i = 0; i < want.length; i++) {
      if (!(Math.abs(want[i] - got[i]) <= rtol * Math.abs(want[i]))) {
        return false;
      }
    }
    return true;
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.4g", v);
  }
}
