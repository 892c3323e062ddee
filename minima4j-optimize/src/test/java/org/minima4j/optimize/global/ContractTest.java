package org.minima4j.optimize.global;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.minima4j.optimize.Bounds;
import org.minima4j.optimize.Objective;
import org.minima4j.optimize.global.anneal.DualAnnealing;
import org.minima4j.optimize.global.anneal.SimulatedAnnealing;
import org.minima4j.optimize.global.cmaes.CMA;
import org.minima4j.optimize.global.cmaes.RestartCMA;
import org.minima4j.optimize.global.cmaes.SepCMA;
import org.minima4j.optimize.global.de.DifferentialEvolution;
import org.minima4j.optimize.global.pso.PSO;
import org.minima4j.optimize.global.pso.SPSO2011;
import org.minima4j.optimize.problems.BenchmarkFunction;
import org.minima4j.random.NumpyRandomState;

/** The contract every global optimizer keeps: determinism, thread-count independence, resume, NaN handling, protocol. */
class ContractTest {
  private static final int D = 3;
  private static final Bounds BOX = BenchmarkFunction.RASTRIGIN.bounds(D);
  private static final Objective F = BenchmarkFunction.RASTRIGIN;
  private static ExecutorService pool;

  @BeforeAll
  static void startPool() {
    pool = Executors.newFixedThreadPool(4);
  }

  @AfterAll
  static void stopPool() {
    pool.shutdownNow();
  }

  static Stream<Arguments> optimizers() {
    double[] x0 = {1.0, -2.0, 0.5};
    return Stream.of(
        of("CMA", s -> new CMA(x0, 1.5, CMA.Options.DEFAULTS.withSeed(s).withBounds(BOX))),
        of("CMA unbounded lazy", s -> new CMA(x0, 1.5, CMA.Options.DEFAULTS.withSeed(s).withPopulationSize(12))),
        of("SepCMA", s -> new SepCMA(x0, 1.5, CMA.Options.DEFAULTS.withSeed(s).withBounds(BOX))),
        of("RestartCMA IPOP", s -> new RestartCMA(x0, 1.5, RestartCMA.Options.DEFAULTS.withSeed(s).withBounds(BOX)
            .withMaxRestarts(3))),
        of("RestartCMA BIPOP", s -> new RestartCMA(x0, 1.5, RestartCMA.Options.DEFAULTS.withSeed(s).withBounds(BOX)
            .withStrategy(RestartCMA.Strategy.BIPOP).withRandomRestartMean(true))),
        of("PSO pyswarm", s -> new PSO(BOX, PSO.Options.DEFAULTS.withSeed(s).withSwarmSize(20))),
        of("PSO pyswarms ring", s -> new PSO(BOX, PSO.Options.pyswarms(15, 0.5, 0.3, 0.9, 200).withSeed(s)
            .withRing(3, 2).withVelocityClamp(-1, 1))),
        of("PSO reflective", s -> new PSO(BOX, PSO.Options.pyswarms(10, 0.5, 0.3, 0.9, 200).withSeed(s)
            .withBoundary(PSO.BoundaryHandling.REFLECTIVE))),
        of("SPSO2011", s -> new SPSO2011(BOX, SPSO2011.Options.DEFAULTS.withSeed(s).withSwarmSize(12))),
        of("DE immediate (xoshiro default)", s -> new DifferentialEvolution(BOX, DifferentialEvolution.Options.DEFAULTS.withSeed(s))),
        of("DE deferred rand1exp (xoshiro default)", s -> new DifferentialEvolution(BOX, DifferentialEvolution.Options.DEFAULTS
            .withSeed(s).withUpdating(DifferentialEvolution.Updating.DEFERRED)
            .withStrategy(DifferentialEvolution.Strategy.RAND1EXP))),
        of("DE polish (xoshiro default)", s -> new DifferentialEvolution(BOX, DifferentialEvolution.Options.DEFAULTS.withSeed(s)
            .withMaxiter(3).withPolish(new CompassSearch()))),
        of("DualAnnealing", s -> new DualAnnealing(BOX, DualAnnealing.Options.DEFAULTS.withSeed(s))),
        of("DualAnnealing local search", s -> new DualAnnealing(BOX, DualAnnealing.Options.DEFAULTS.withSeed(s)
            .withLocalSearch(new CompassSearch()))),
        of("SimulatedAnnealing", s -> new SimulatedAnnealing(BOX, SimulatedAnnealing.Options.DEFAULTS.withSeed(s)
            .withDwell(5))),
        // the other stream for each: NumPy's where the seeded default is SeededRandom, and the reverse
        of("SPSO2011 numpy stream", s -> new SPSO2011(BOX, SPSO2011.Options.DEFAULTS.withSwarmSize(12),
            new NumpyRandomState(s))),
        of("SimulatedAnnealing numpy stream", s -> new SimulatedAnnealing(BOX, SimulatedAnnealing.Options.DEFAULTS
            .withDwell(5), new NumpyRandomState(s))),
        of("CMA xoshiro stream", s -> new CMA(x0, 1.5, CMA.Options.DEFAULTS.withBounds(BOX), new SeededRandom(s))),
        of("SepCMA xoshiro stream", s -> new SepCMA(x0, 1.5, CMA.Options.DEFAULTS.withBounds(BOX), new SeededRandom(s))),
        of("RestartCMA IPOP numpy generator", s -> new RestartCMA(x0, 1.5, RestartCMA.Options.DEFAULTS.withBounds(BOX)
            .withMaxRestarts(3), new NumpyRandomState(s))),
        of("PSO pyswarms xoshiro stream", s -> new PSO(BOX, PSO.Options.pyswarms(15, 0.5, 0.3, 0.9, 200),
            new SeededRandom(s))),
        of("DE numpy stream", s -> new DifferentialEvolution(BOX, DifferentialEvolution.Options.DEFAULTS.withSeed(s)
            .withNumpyStream(true))),
        of("DE deferred numpy generator", s -> new DifferentialEvolution(BOX, DifferentialEvolution.Options.DEFAULTS
            .withUpdating(DifferentialEvolution.Updating.DEFERRED), new NumpyRandomState(s))),
        of("DualAnnealing xoshiro stream", s -> new DualAnnealing(BOX, DualAnnealing.Options.DEFAULTS,
            new SeededRandom(s))));
  }

  /**
   * The ports of scipy's dual annealing, cmaes and pyswarm(s) built from a seed use NumPy's RandomState; differential
   * evolution does with withNumpyStream(true) (its default is SeededRandom, for speed); the others use SeededRandom
   * (RestartCMA for its own draws; its inner CMA runs use RandomState(seed + 1000 r), checked by SeedReplayTest).
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("optimizers")
  void seededConstructionPicksTheAnchorsStream(String name, LongFunction<GlobalOptimizer> factory) {
    GlobalOptimizer o = factory.apply(7);
    step(o, F);
    java.util.Map<String, Object> st = o.stateDict();
    // RestartCMA's own stream (BIPOP, random restart means) is xoshiro; its inner runs draw RandomState(s + 1000 r)
    boolean numpy = name.contains("numpy") || !(name.contains("xoshiro") || name.startsWith("SPSO2011")
        || name.startsWith("SimulatedAnnealing") || name.startsWith("RestartCMA"));
    assertThat(st.containsKey("numpy_rng")).as(name).isEqualTo(numpy);
    assertThat(st.containsKey("rng")).as(name).isEqualTo(!numpy);
  }

  private static Arguments of(String name, LongFunction<GlobalOptimizer> factory) {
    return Arguments.of(name, factory);
  }

  /** One ask/tell step, or the pending local search. */
  private static void step(GlobalOptimizer o, Objective f) {
    if (o.localSearchPending()) {
      o.runLocalSearch(f);
      return;
    }
    List<double[]> xs = o.ask();
    double[] v = new double[xs.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = f.value(xs.get(i));
    }
    o.tell(xs, v);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("optimizers")
  void sameSeedSameResultForAnyThreadCount(String name, LongFunction<GlobalOptimizer> factory) {
    Termination t = Termination.ofEvaluations(1500);
    GlobalResult one = factory.apply(11).optimize(F, t, null, null);
    GlobalResult four = factory.apply(11).optimize(F, t, pool, null);
    assertThat(four.x()).containsExactly(one.x());
    assertThat(four.fun()).isEqualTo(one.fun());
    assertThat(four.nfev()).isEqualTo(one.nfev());
    assertThat(four.history()).containsExactly(one.history());
    GlobalResult other = factory.apply(12).optimize(F, t, pool, null);
    assertThat(other.x()).isNotEqualTo(one.x());
    assertThat(one.reason()).isIn(StopReason.MAX_EVALUATIONS, StopReason.CONVERGED, StopReason.MAX_ITERATIONS);
    if (one.reason() == StopReason.MAX_EVALUATIONS) {
      assertThat(one.nfev()).isGreaterThanOrEqualTo(1500);
    }
    assertThat(one.history()).hasSize((int) one.nit());
    for (int i = 1; i < one.history().length; i++) {
      assertThat(one.history()[i]).isLessThanOrEqualTo(one.history()[i - 1]);
    }
  }

  static Stream<Arguments> resumePoints() {
    return optimizers().flatMap(a -> Stream.of(3, 37).map(k -> Arguments.of(a.get()[0], a.get()[1], k)));
  }

  /**
   * Saved after k steps (the generator's state included: NumPy's key, position and cached Gaussian, or
   * xoshiro's words) and loaded into an optimizer built with another seed, a run continues exactly as the
   * uninterrupted one.
   */
  @ParameterizedTest(name = "{0} after {2} steps")
  @MethodSource("resumePoints")
  void resumeFromJsonContinuesExactly(String name, LongFunction<GlobalOptimizer> factory, int k) {
    GlobalOptimizer a = factory.apply(5);
    int m = 41;
    for (int i = 0; i < k; i++) {
      step(a, F);
    }
    String saved = Fixtures.toJson(a.stateDict());
    GlobalOptimizer b = factory.apply(999);
    b.loadStateDict(Fixtures.roundTrip(a.stateDict()));
    assertThat(Fixtures.toJson(b.stateDict())).isEqualTo(saved);
    for (int i = 0; i < m; i++) {
      step(a, F);
      step(b, F);
    }
    assertThat(Fixtures.toJson(b.stateDict())).isEqualTo(Fixtures.toJson(a.stateDict()));
    assertThat(b.bestX()).containsExactly(a.bestX());
    assertThat(b.evaluations()).isEqualTo(a.evaluations());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("optimizers")
  void nanIsWorstCountedAndNeverBest(String name, LongFunction<GlobalOptimizer> factory) {
    Objective nanRight = x -> x[0] > 0.0 ? Double.NaN : F.value(x);
    GlobalResult r = factory.apply(3).optimize(nanRight, Termination.ofEvaluations(800), null, null);
    assertThat(r.nonFinite()).isPositive();
    assertThat(r.fun()).isNotNaN();
    assertThat(r.x()[0]).isLessThanOrEqualTo(0.0);
    assertThat(r.nfev()).isGreaterThan(r.nonFinite());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("optimizers")
  void protocolMisuseIsRejected(String name, LongFunction<GlobalOptimizer> factory) {
    GlobalOptimizer o = factory.apply(1);
    assertThatThrownBy(() -> o.tell(List.of(new double[D]), new double[1])).isInstanceOf(IllegalStateException.class);
    List<double[]> xs = o.ask();
    assertThatThrownBy(o::ask).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(o::stateDict).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> o.tell(xs, new double[xs.size() + 1])).isInstanceOf(IllegalArgumentException.class);
    double[] v = new double[xs.size()];
    o.tell(xs, v);
    assertThat(o.evaluations()).isEqualTo(xs.size());
    assertThatThrownBy(() -> factory.apply(1).optimize(null, 10)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("optimizers")
  void callbackStopsAndTargetStops(String name, LongFunction<GlobalOptimizer> factory) {
    int[] calls = {0};
    GlobalResult r = factory.apply(2).optimize(F, Termination.ofEvaluations(100_000), null,
        (x, f, it) -> ++calls[0] >= 3);
    assertThat(r.reason()).isEqualTo(StopReason.CALLBACK);
    assertThat(r.success()).isFalse();
    assertThat(r.nit()).isEqualTo(3);
    GlobalResult t = factory.apply(2).optimize(F, Termination.ofEvaluations(100_000).withTargetValue(1e9));
    assertThat(t.reason()).isEqualTo(StopReason.TARGET_REACHED);
    assertThat(t.success()).isTrue();
    GlobalResult it = factory.apply(2).optimize(F, Termination.ofEvaluations(100_000).withMaxIterations(2));
    assertThat(it.nit()).isLessThanOrEqualTo(2);
  }
}
