package org.minima4j.optimize.global;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.minima4j.optimize.Bounds;
import org.minima4j.optimize.global.anneal.DualAnnealing;
import org.minima4j.optimize.global.anneal.SimulatedAnnealing;
import org.minima4j.optimize.global.cmaes.CMA;
import org.minima4j.optimize.global.cmaes.RestartCMA;
import org.minima4j.optimize.global.de.DifferentialEvolution;
import org.minima4j.optimize.global.internal.State;
import org.minima4j.tensor.internal.SymmetricEigen;
import org.minima4j.optimize.global.pso.PSO;
import org.minima4j.optimize.global.pso.SPSO2011;
import org.minima4j.optimize.problems.BenchmarkFunction;

/** Algorithm-specific behaviour. */
class AlgorithmTest {

  @Test
  void jacobiEigenDecompositionReconstructsAndIsOrthonormal() {
    SeededRandom r = new SeededRandom(4);
    for (int n : new int[] {1, 2, 5, 12}) {
      double[][] a = new double[n][n];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j <= i; j++) {
          a[i][j] = a[j][i] = r.nextGaussian();
        }
      }
      SymmetricEigen e = SymmetricEigen.of(a);
      for (int k = 1; k < n; k++) {
        assertThat(e.values[k]).isGreaterThanOrEqualTo(e.values[k - 1]);
      }
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          double rec = 0;
          double dot = 0;
          for (int k = 0; k < n; k++) {
            rec += e.vectors[i][k] * e.values[k] * e.vectors[j][k];
            dot += e.vectors[k][i] * e.vectors[k][j];
          }
          assertThat(rec).isCloseTo(a[i][j], within(1e-12));
          assertThat(dot).isCloseTo(i == j ? 1.0 : 0.0, within(1e-12));
        }
      }
    }
  }

  @Test
  void seededRandomStateRoundTrips() {
    SeededRandom a = new SeededRandom(123);
    a.nextLong();
    SeededRandom b = SeededRandom.fromState(a.state());
    for (int i = 0; i < 100; i++) {
      assertThat(b.nextGaussian()).isEqualTo(a.nextGaussian());
    }
    assertThat(new SeededRandom(1).nextLong()).isNotEqualTo(new SeededRandom(2).nextLong());
  }

  @Test
  @SuppressWarnings("unchecked")
  void benchmarkFunctionsMatchGlobalJson() {
    Map<String, Object> ref = Fixtures.load("global_summary.json");
    Map<String, Object> functions = State.getMap(ref, "functions");
    assertThat(functions).hasSize(BenchmarkFunction.values().length);
    for (BenchmarkFunction f : BenchmarkFunction.values()) {
      Map<String, Object> spec = (Map<String, Object>) functions.get(f.key());
      double[] dom = State.getDoubleArray(spec, "domain");
      assertThat(f.lower()).isEqualTo(dom[0]);
      assertThat(f.upper()).isEqualTo(dom[1]);
      assertThat(f.xStarCoordinate()).isEqualTo(State.getDouble(spec, "x_star_each_coordinate"));
      Map<String, Object> fstar = State.getMap(spec, "f_star");
      for (int d : new int[] {2, 5, 10}) {
        double want = State.getDouble(fstar, Integer.toString(d));
        assertThat(f.fStar(d)).isCloseTo(want, within(1e-12 * Math.max(1, Math.abs(want))));
        assertThat(f.value(f.xStar(d)) - f.fStar(d)).isLessThan(1e-10);
      }
    }
    assertThat(BenchmarkFunction.ROSENBROCK.value(new double[] {0, 0})).isEqualTo(1.0);
    assertThat(BenchmarkFunction.RASTRIGIN.value(new double[] {1, 0})).isCloseTo(1.0, within(1e-12));
    assertThat(BenchmarkFunction.fromKey("styblinski_tang")).isSameAs(BenchmarkFunction.STYBLINSKI_TANG);
  }

  @Test
  void cmaKeepsSamplesInsideBoundsAndRestartsGrowThePopulation() {
    Bounds box = Bounds.uniform(3, -1, 1);
    CMA es = new CMA(new double[] {0.9, 0.9, 0.9}, 2.0, CMA.Options.DEFAULTS.withBounds(box).withSeed(1));
    for (int g = 0; g < 5; g++) {
      List<double[]> xs = es.ask();
      for (double[] x : xs) {
        for (double v : x) {
          assertThat(v).isBetween(-1.0, 1.0);
        }
      }
      double[] f = new double[xs.size()];
      for (int i = 0; i < f.length; i++) {
        f[i] = BenchmarkFunction.SPHERE.value(xs.get(i));
      }
      es.tell(xs, f);
    }
    RestartCMA ipop = new RestartCMA(new double[] {1, 1}, 1.0, RestartCMA.Options.DEFAULTS.withSeed(2)
        .withBounds(BenchmarkFunction.RASTRIGIN.bounds(2)));
    GlobalResult r = ipop.optimize(BenchmarkFunction.RASTRIGIN, 20_000);
    assertThat(ipop.restarts()).isPositive();
    assertThat(ipop.currentPopulationSize()).isEqualTo(6 << ipop.restarts());
    assertThat(r.fun()).isLessThan(1e-6);
  }

  @Test
  void terminationBudgetIsCheckedPerBatchAndStagnationStops() {
    CMA es = new CMA(new double[] {1, 1}, 0.5, CMA.Options.DEFAULTS.withSeed(0));
    GlobalResult r = es.optimize(BenchmarkFunction.SPHERE, 25);
    assertThat(r.reason()).isEqualTo(StopReason.MAX_EVALUATIONS);
    assertThat(r.nfev()).isEqualTo(30);
    assertThat(r.nit()).isEqualTo(5);
    GlobalResult again = es.optimize(BenchmarkFunction.SPHERE, 40);
    assertThat(again.nfev()).isEqualTo(42);
    assertThat(again.history()).startsWith(r.history());

    PSO flat = new PSO(Bounds.uniform(2, -1, 1), PSO.Options.DEFAULTS.withSeed(1).withSwarmSize(5).withMaxiter(1000)
        .withMinfunc(0).withMinstep(0));
    GlobalResult st = flat.optimize(x -> Math.floor(x[0] * 2), Termination.DEFAULTS.withStagnation(0.0, 7));
    assertThat(st.reason()).isEqualTo(StopReason.STAGNATION);
    assertThat(st.success()).isTrue();
    double[] h = st.history();
    assertThat(h[h.length - 1]).isEqualTo(h[h.length - 8]);
  }

  @Test
  void bipopAlternatesSmallAndLargePopulations() {
    RestartCMA bipop = new RestartCMA(new double[] {1, 1, 1}, 2.0, RestartCMA.Options.DEFAULTS.withSeed(3)
        .withStrategy(RestartCMA.Strategy.BIPOP).withMaxRestarts(12).withBounds(BenchmarkFunction.RASTRIGIN.bounds(3))
        .withRandomRestartMean(true));
    java.util.Set<Integer> sizes = new java.util.TreeSet<>();
    int lastRestarts = -1;
    while (!bipop.shouldStop()) {
      List<double[]> xs = bipop.ask();
      if (bipop.restarts() != lastRestarts) {
        lastRestarts = bipop.restarts();
        sizes.add(bipop.currentPopulationSize());
      }
      double[] f = new double[xs.size()];
      for (int i = 0; i < f.length; i++) {
        f[i] = BenchmarkFunction.RASTRIGIN.value(xs.get(i));
      }
      bipop.tell(xs, f);
    }
    assertThat(bipop.restarts()).isEqualTo(12);
    int def = 4 + (int) Math.floor(3 * Math.log(3));
    assertThat(sizes).contains(def, 2 * def, 4 * def);
    // small regime: floor(def * (large / (2 def))^(U^2)), generally not def * 2^k
    assertThat(sizes.stream().filter(p -> p % def != 0 || Integer.bitCount(p / def) != 1).count())
        .as("small-regime population sizes in " + sizes).isPositive();
  }

  @Test
  void cmaStopsOnItsOwnCriteriaOnSphere() {
    CMA es = new CMA(new double[] {3, -2, 1, 4}, 1.0, CMA.Options.DEFAULTS.withSeed(0));
    GlobalResult r = es.optimize(BenchmarkFunction.SPHERE, Termination.DEFAULTS);
    assertThat(r.reason()).isEqualTo(StopReason.CONVERGED);
    assertThat(r.message()).isNotBlank();
    assertThat(r.fun()).isLessThan(1e-12);
  }

  @Test
  void psoRespectsInequalityConstraintsLikePyswarm() {
    // minimize x^2 + y^2 subject to x + y >= 1: optimum (0.5, 0.5), f = 0.5
    PSO pso = new PSO(Bounds.uniform(2, -3, 3), PSO.Options.DEFAULTS.withSeed(3)
        .withIeqcons(x -> new double[] {x[0] + x[1] - 1}));
    pso.optimize(BenchmarkFunction.SPHERE, Termination.DEFAULTS);
    double[] g = pso.swarmBestPosition();
    assertThat(g[0] + g[1]).isGreaterThanOrEqualTo(1.0 - 1e-12);
    assertThat(pso.swarmBestValue()).isCloseTo(0.5, within(1e-3));
  }

  @Test
  void psoBoundaryHandlersKeepTheSwarmInside() {
    Bounds box = Bounds.uniform(4, -2, 3);
    for (PSO.BoundaryHandling bh : PSO.BoundaryHandling.values()) {
      PSO pso = new PSO(box, PSO.Options.pyswarms(20, 2.0, 2.0, 1.2, 50).withBoundary(bh).withSeed(1));
      for (int it = 0; it < 30; it++) {
        List<double[]> xs = pso.ask();
        for (double[] x : xs) {
          for (double v : x) {
            assertThat(v).as(bh.name()).isBetween(-2.0, 3.0);
          }
        }
        double[] f = new double[xs.size()];
        for (int i = 0; i < f.length; i++) {
          f[i] = BenchmarkFunction.RASTRIGIN.value(xs.get(i));
        }
        pso.tell(xs, f);
      }
    }
  }

  @Test
  void pyswarmsFtolStopsAStalledSwarm() {
    PSO pso = new PSO(Bounds.uniform(2, -1, 1), PSO.Options.pyswarms(10, 0.5, 0.3, 0.9, 10_000).withFtol(1e-3, 5)
        .withSeed(4));
    GlobalResult r = pso.optimize(x -> 1.0, Termination.DEFAULTS);
    assertThat(r.reason()).isEqualTo(StopReason.CONVERGED);
    assertThat(r.nit()).isEqualTo(6);
  }

  @Test
  void spso2011StaysInsideAndConverges() {
    SPSO2011 pso = new SPSO2011(BenchmarkFunction.SPHERE.bounds(3), SPSO2011.Options.DEFAULTS.withSeed(1)
        .withMaxiter(150));
    assertThat(SPSO2011.Options.DEFAULTS.w()).isCloseTo(0.7213475204444817, within(1e-15));
    assertThat(SPSO2011.Options.DEFAULTS.c()).isCloseTo(1.1931471805599454, within(1e-15));
    int[] inside = {0};
    GlobalResult r = pso.optimize(x -> {
      for (double v : x) {
        assertThat(v).isBetween(-5.12, 5.12);
      }
      inside[0]++;
      return BenchmarkFunction.SPHERE.value(x);
    }, Termination.DEFAULTS);
    assertThat(r.nfev()).isEqualTo(40L * 151);
    assertThat(r.reason()).isEqualTo(StopReason.MAX_ITERATIONS);
    assertThat(r.fun()).isLessThan(1e-3);
    assertThat(pso.swarmBestValue()).isEqualTo(r.fun());
  }

  @Test
  void differentialEvolutionLatinHypercubeAndConvergence() {
    DifferentialEvolution de = new DifferentialEvolution(Bounds.uniform(3, -5, 5),
        DifferentialEvolution.Options.DEFAULTS.withSeed(0));
    assertThat(de.populationSize()).isEqualTo(45);
    List<double[]> init = de.ask();
    for (int j = 0; j < 3; j++) {
      boolean[] strata = new boolean[45];
      for (double[] x : init) {
        strata[(int) Math.floor((x[j] + 5) / 10 * 45)] = true;
      }
      for (boolean s : strata) {
        assertThat(s).isTrue();
      }
    }
    double[] f = new double[init.size()];
    for (int i = 0; i < f.length; i++) {
      f[i] = BenchmarkFunction.SPHERE.value(init.get(i));
    }
    de.tell(init, f);
    assertThat(de.populationEnergies()[0]).isEqualTo(java.util.Arrays.stream(f).min().getAsDouble());
    GlobalResult r = de.optimize(BenchmarkFunction.SPHERE, Termination.DEFAULTS);
    assertThat(r.reason()).isEqualTo(StopReason.CONVERGED);
    assertThat(r.message()).isEqualTo("Optimization terminated successfully.");
    assertThat(r.fun()).isLessThan(1e-3);
    DifferentialEvolution shortRun = new DifferentialEvolution(Bounds.uniform(3, -5, 5),
        DifferentialEvolution.Options.DEFAULTS.withSeed(0).withMaxiter(2));
    GlobalResult s = shortRun.optimize(BenchmarkFunction.RASTRIGIN, Termination.DEFAULTS);
    assertThat(s.reason()).isEqualTo(StopReason.MAX_ITERATIONS);
    assertThat(s.message()).isEqualTo("Maximum number of iterations has been exceeded.");
    assertThat(s.nfev()).isEqualTo(45 * 3);
  }

  @Test
  void differentialEvolutionPolishIsCountedAndImproves() {
    CompassSearch ls = new CompassSearch();
    DifferentialEvolution de = new DifferentialEvolution(Bounds.uniform(2, -5, 5),
        DifferentialEvolution.Options.DEFAULTS.withSeed(0).withMaxiter(5).withPolish(ls));
    GlobalResult r = de.optimize(BenchmarkFunction.STYBLINSKI_TANG, Termination.DEFAULTS);
    assertThat(ls.calls).isEqualTo(1);
    assertThat(r.nfev()).isGreaterThan(30L * 6);
    assertThat(r.fun()).isCloseTo(BenchmarkFunction.STYBLINSKI_TANG.fStar(2), within(1e-6));
    assertThat(de.populationEnergies()[0]).isEqualTo(r.fun());
  }

  @Test
  void dualAnnealingCountsIterationsAndReannealsLikeScipy() {
    DualAnnealing da = new DualAnnealing(BenchmarkFunction.RASTRIGIN.bounds(2),
        DualAnnealing.Options.DEFAULTS.withSeed(1).withMaxiter(50));
    GlobalResult r = da.optimize(BenchmarkFunction.RASTRIGIN, Termination.DEFAULTS);
    assertThat(r.nit()).isEqualTo(50);
    assertThat(da.nit()).isEqualTo(50);
    assertThat(r.nfev()).isEqualTo(1 + 50 * 4);
    assertThat(r.message()).isEqualTo("Maximum number of iteration reached");
    assertThat(r.success()).isTrue();
    // restart ratio close to 1: T(i) = T0 t1 / ((i+2)^(qv-1) - 1) drops below 0.5 T0 at i = 1, so every other step re-anneals
    DualAnnealing re = new DualAnnealing(BenchmarkFunction.RASTRIGIN.bounds(2),
        DualAnnealing.Options.DEFAULTS.withSeed(1).withMaxiter(10).withRestartTempRatio(0.5));
    GlobalResult rr = re.optimize(BenchmarkFunction.RASTRIGIN, Termination.DEFAULTS);
    assertThat(rr.nit()).isEqualTo(10);
    assertThat(rr.nfev()).isEqualTo(10 * 4 + 10);
  }

  @Test
  void simulatedAnnealingCoolingSchedules() {
    SimulatedAnnealing.Options o = SimulatedAnnealing.Options.DEFAULTS.withInitialTemp(10).withMaxiter(100);
    Bounds box = Bounds.uniform(2, -1, 1);
    assertThat(new SimulatedAnnealing(box, o).temperature(2)).isCloseTo(10 * 0.95 * 0.95, within(1e-12));
    assertThat(new SimulatedAnnealing(box, o.withCooling(SimulatedAnnealing.Cooling.LINEAR)).temperature(50))
        .isCloseTo(5.0, within(1e-12));
    assertThat(new SimulatedAnnealing(box, o.withCooling(SimulatedAnnealing.Cooling.LOGARITHMIC)).temperature(0))
        .isCloseTo(10.0, within(1e-12));
    for (SimulatedAnnealing.Cooling c : SimulatedAnnealing.Cooling.values()) {
      SimulatedAnnealing sa = new SimulatedAnnealing(BenchmarkFunction.SPHERE.bounds(2),
          SimulatedAnnealing.Options.DEFAULTS.withCooling(c).withSeed(2).withMaxiter(200).withDwell(20)
              .withStepSize(0.05));
      GlobalResult r = sa.optimize(BenchmarkFunction.SPHERE, Termination.DEFAULTS);
      assertThat(r.nfev()).as(c.name()).isEqualTo(1 + 200 * 20);
      assertThat(r.fun()).as(c.name()).isLessThan(0.05);
      assertThat(sa.acceptedMoves()).isPositive();
    }
  }
}
