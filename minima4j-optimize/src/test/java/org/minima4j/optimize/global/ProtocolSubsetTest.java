package org.minima4j.optimize.global;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.minima4j.optimize.Objective;
import org.minima4j.optimize.global.anneal.DualAnnealing;
import org.minima4j.optimize.global.cmaes.CMA;
import org.minima4j.optimize.global.cmaes.RestartCMA;
import org.minima4j.optimize.global.de.DifferentialEvolution;
import org.minima4j.optimize.global.internal.State;
import org.minima4j.optimize.global.pso.PSO;
import org.minima4j.optimize.problems.BenchmarkFunction;

/**
 * A small subset of the global.json protocol (reference/global_summary.json, global_runs.json): 10 seeds, budget
 * 10000 d, success = some evaluation with f - f* < 1e-4. Seeded with NumPy's streams the runs replay the anchors'
 * runs, so on cases where no last-bit difference parts the runs (docs/BENCHMARKS-global.md, "Replay") every
 * seed's evaluations-to-target equals the anchor's; the aggregate checks (success rate at least the anchor's minus
 * 0.2, median evaluations within a factor 1.5) cover differential evolution's default xoshiro stream and CMA-ES
 * on rosenbrock, where accumulated rounding differences part some runs. The full protocol is the GlobalBenchmark
 * command.
 */
class ProtocolSubsetTest {

  private static final class Hit implements Objective {
    final Objective f;
    final double fStar;
    long n;
    long hit = -1;

    Hit(Objective f, double fStar) {
      this.f = f;
      this.fStar = fStar;
    }

    @Override
    public double value(double[] x) {
      double v = f.value(x);
      n++;
      if (hit < 0 && v - fStar < 1e-4) {
        hit = n;
      }
      return v;
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> anchor(String algorithm, BenchmarkFunction f, int d) {
    for (Object o : (List<Object>) Fixtures.load("global_summary.json").get("summary")) {
      Map<String, Object> s = (Map<String, Object>) o;
      if (algorithm.equals(s.get("algorithm")) && f.key().equals(s.get("function")) && d == State.getInt(s, "dim")) {
        return s;
      }
    }
    throw new AssertionError("no anchor for " + algorithm + " " + f + " " + d);
  }

  private static void check(String algorithm, BenchmarkFunction f, int d,
      Function<Integer, GlobalOptimizer> factory) {
    List<Long> hits = new ArrayList<>();
    for (int s = 0; s < 10; s++) {
      Hit h = new Hit(f, f.fStar(d));
      factory.apply(s).optimize(h, Termination.ofEvaluations(10_000L * d).withTargetValue(f.fStar(d) + 1e-4 - 1e-12));
      if (h.hit > 0) {
        hits.add(h.hit);
      }
    }
    Map<String, Object> a = anchor(algorithm, f, d);
    assertThat(hits.size() / 10.0).as(algorithm + " " + f + " " + d)
        .isGreaterThanOrEqualTo(State.getDouble(a, "success_rate") - 0.2);
    long[] sorted = hits.stream().mapToLong(Long::longValue).sorted().toArray();
    double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
        : 0.5 * (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]);
    double ref = State.getDouble(a, "median_nfev_to_target");
    assertThat(median).as(algorithm + " " + f + " " + d).isBetween(ref / 1.5, ref * 1.5);
  }

  @SuppressWarnings("unchecked")
  private static Long anchorHit(String algorithm, BenchmarkFunction f, int d, int seed) {
    for (Object o : (List<Object>) Fixtures.load("global_runs.json").get("runs")) {
      Map<String, Object> r = (Map<String, Object>) o;
      if (algorithm.equals(r.get("algorithm")) && f.key().equals(r.get("function")) && d == State.getInt(r, "dim")
          && seed == State.getInt(r, "seed")) {
        Object h = r.get("nfev_to_target");
        return h == null ? null : ((Number) h).longValue();
      }
    }
    throw new AssertionError("no anchor run for " + algorithm + " " + f + " " + d + " " + seed);
  }

  /** Every seed's evaluations-to-target equals the anchor run's (or neither reaches the target). */
  private static void replays(String algorithm, BenchmarkFunction f, int d, Function<Integer, GlobalOptimizer> factory) {
    for (int s = 0; s < 10; s++) {
      Hit h = new Hit(f, f.fStar(d));
      factory.apply(s).optimize(h, Termination.ofEvaluations(10_000L * d).withTargetValue(f.fStar(d) + 1e-4 - 1e-12));
      assertThat(h.hit > 0 ? Long.valueOf(h.hit) : null).as(algorithm + " " + f + " d=" + d + " seed " + s)
          .isEqualTo(anchorHit(algorithm, f, d, s));
    }
  }

  private static RestartCMA protocolCma(BenchmarkFunction f, int d, int s) {
    double[] mean = new double[d];
    Arrays.fill(mean, 0.5 * (f.lower() + f.upper()));
    return new RestartCMA(mean, 0.3 * (f.upper() - f.lower()), RestartCMA.Options.DEFAULTS
        .withStrategy(RestartCMA.Strategy.REPEAT).withMaxRestarts(Integer.MAX_VALUE)
        .withCma(CMA.Options.DEFAULTS.withBounds(f.bounds(d)).withSeed(s)));
  }

  @Test
  void seededRunsReplayTheAnchorsRunsCaseByCase() {
    for (BenchmarkFunction f : List.of(BenchmarkFunction.SPHERE, BenchmarkFunction.RASTRIGIN, BenchmarkFunction.LEVY)) {
      int d = 2;
      replays("pso", f, d, s -> new PSO(f.bounds(d), PSO.Options.pyswarms(40, 0.5, 0.3, 0.9, 10_000 * d / 40)
          .withSeed(s)));
      replays("differential_evolution", f, d, s -> new DifferentialEvolution(f.bounds(d),
          DifferentialEvolution.Options.DEFAULTS.withSeed(s).withNumpyStream(true).withMaxiter(10_000 * d / (15 * d) - 1)));
      replays("dual_annealing", f, d, s -> new DualAnnealing(f.bounds(d), DualAnnealing.Options.DEFAULTS.withSeed(s)));
    }
    for (BenchmarkFunction f : List.of(BenchmarkFunction.SPHERE, BenchmarkFunction.ACKLEY, BenchmarkFunction.LEVY)) {
      for (int d : new int[] {2, 5}) {
        replays("cma", f, d, s -> protocolCma(f, d, s));
      }
    }
  }

  @Test
  void cmaMatchesTheAnchorOnSmoothFunctions() {
    for (BenchmarkFunction f : List.of(BenchmarkFunction.SPHERE, BenchmarkFunction.ACKLEY, BenchmarkFunction.LEVY,
        BenchmarkFunction.ROSENBROCK)) {
      for (int d : new int[] {2, 5}) {
        check("cma", f, d, s -> protocolCma(f, d, s));
      }
    }
  }

  @Test
  void psoAndDeMatchTheAnchorOnSphereAndLevy() {
    for (BenchmarkFunction f : List.of(BenchmarkFunction.SPHERE, BenchmarkFunction.LEVY)) {
      int d = 2;
      check("pso", f, d, s -> new PSO(f.bounds(d), PSO.Options.pyswarms(40, 0.5, 0.3, 0.9, 10_000 * d / 40)
          .withSeed(s)));
      check("differential_evolution", f, d, s -> new DifferentialEvolution(f.bounds(d),
          DifferentialEvolution.Options.DEFAULTS.withSeed(s).withMaxiter(10_000 * d / (15 * d) - 1)));
    }
  }
}
