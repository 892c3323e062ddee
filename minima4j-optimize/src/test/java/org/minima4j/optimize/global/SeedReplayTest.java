package org.minima4j.optimize.global;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.minima4j.optimize.Bounds;
import org.minima4j.optimize.global.anneal.DualAnnealing;
import org.minima4j.optimize.global.cmaes.CMA;
import org.minima4j.optimize.global.cmaes.RestartCMA;
import org.minima4j.optimize.global.cmaes.SepCMA;
import org.minima4j.optimize.global.de.DifferentialEvolution;
import org.minima4j.optimize.global.internal.State;
import org.minima4j.optimize.global.pso.PSO;

/**
 * The anchors run with a plain integer seed (reference/seed_replay_fixtures.json, made by
 * reference/generators/seed_replay_fixtures.py with Debian's scipy 1.10.1, numpy 1.24.2, cmaes 0.9.1 and the
 * pyswarms 1.3.0 source): the Java port built from the same seed (NumPy's RandomState: the seeded default, and for
 * differential evolution {@code withNumpyStream(true)}) must evaluate the same points in the same order. The
 * objective returns the anchor's recorded values, so that a last-bit libm difference in cos/exp cannot flip a
 * comparison; the points are the port's own. Tolerances: differential evolution, PSO and SepCMA bit for bit
 * (asserted: the same arithmetic in the same order; each call is first checked to 1e-12 relative for a readable
 * message); dual annealing 1e-5 absolute (the visiting constants differ in the last bits, see ReplayTest); CMA-ES
 * 1e-9 relative or 1e-12 absolute (numpy's eigh is ported, but OpenBLAS sums in another order).
 */
class SeedReplayTest {

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> runs(String algorithm) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Object o : (List<Object>) Fixtures.load("seed_replay_fixtures.json").get("runs")) {
      Map<String, Object> r = (Map<String, Object>) o;
      if (algorithm.equals(r.get("algorithm"))) {
        out.add(r);
      }
    }
    assertThat(out).as(algorithm).isNotEmpty();
    return out;
  }


  @Test
  void differentialEvolutionSeedReplaysScipy() {
    for (Map<String, Object> r : runs("differential_evolution")) {
      Map<String, Object> kw = State.getMap(r, "kwargs");
      DifferentialEvolution.Options o = DifferentialEvolution.Options.DEFAULTS.withMaxiter(State.getInt(kw, "maxiter"))
          .withTol(State.getDouble(kw, "tol"), 0.0).withPolish(null).withSeed(State.getInt(r, "seed"))
          .withNumpyStream(true);
      RecordedObjective f = new RecordedObjective(r, 0.0, 1e-12);
      DifferentialEvolution de = new DifferentialEvolution(Fixtures.bounds(r), o);
      GlobalResult res = de.optimize(f, Termination.DEFAULTS);
      f.assertAllReplayed();
      assertThat(f.maxDiff).as("DE points are scipy's bit for bit").isZero();
      assertThat(res.nit()).isEqualTo(State.getLong(r, "nit"));
      assertThat(de.x()).containsExactly(State.getDoubleArray(r, "x"), within(0.0));
      assertThat(de.populationEnergies()[0]).isEqualTo(State.getDouble(r, "fun"));
    }
  }

  @Test
  void dualAnnealingSeedReplaysScipy() {
    for (Map<String, Object> r : runs("dual_annealing")) {
      Map<String, Object> kw = State.getMap(r, "kwargs");
      DualAnnealing.Options o = DualAnnealing.Options.DEFAULTS.withMaxiter(State.getInt(kw, "maxiter"))
          .withLocalSearch(null).withSeed(State.getInt(r, "seed"));
      RecordedObjective f = new RecordedObjective(r, 1e-5, 0.0);
      DualAnnealing da = new DualAnnealing(Fixtures.bounds(r), o);
      da.optimize(f, Termination.DEFAULTS);
      f.assertAllReplayed();
      assertThat(da.nit()).isEqualTo(State.getInt(r, "nit"));
      assertThat(da.xbest()).containsExactly(State.getDoubleArray(r, "x"), within(1e-5));
      assertThat(da.ebest()).isEqualTo(State.getDouble(r, "fun"));
    }
  }

  @Test
  void psoSeedReplaysPyswarmsGlobalBest() {
    for (Map<String, Object> r : runs("pyswarms.GlobalBestPSO")) {
      Map<String, Object> kw = State.getMap(r, "kwargs");
      PSO.Options o = PSO.Options.pyswarms(State.getInt(kw, "n_particles"), State.getDouble(kw, "c1"),
          State.getDouble(kw, "c2"), State.getDouble(kw, "w"), State.getInt(kw, "iters")).withSeed(State.getInt(r, "seed"));
      RecordedObjective f = new RecordedObjective(r, 0.0, 1e-12);
      PSO pso = new PSO(Fixtures.bounds(r), o);
      pso.optimize(f, Termination.DEFAULTS);
      f.assertAllReplayed();
      assertThat(f.maxDiff).as("PSO points are pyswarms' bit for bit").isZero();
      assertThat(pso.swarmBestValue()).isEqualTo(State.getDouble(r, "fun"));
      assertThat(pso.swarmBestPosition()).containsExactly(State.getDoubleArray(r, "x"), within(0.0));
    }
  }

  private static CMA.Options cmaOptions(Map<String, Object> r) {
    return CMA.Options.DEFAULTS.withBounds(Fixtures.bounds(r)).withSeed(State.getInt(r, "seed"));
  }

  private static double[] centre(Map<String, Object> r) {
    Bounds b = Fixtures.bounds(r);
    double[] m = new double[b.dimension()];
    for (int i = 0; i < m.length; i++) {
      m[i] = 0.5 * (b.lb()[i] + b.ub()[i]);
    }
    return m;
  }

  private static double sigma0(Map<String, Object> r) {
    Bounds b = Fixtures.bounds(r);
    return 0.3 * (b.ub()[0] - b.lb()[0]);
  }

  @Test
  void sepCmaSeedReplaysCmaes() {
    for (Map<String, Object> r : runs("cmaes.SepCMA")) {
      RecordedObjective f = new RecordedObjective(r, 0.0, 1e-12);
      SepCMA es = new SepCMA(centre(r), sigma0(r), cmaOptions(r));
      int gens = State.getInt(State.getMap(r, "kwargs"), "generations");
      es.optimize(f, Termination.DEFAULTS.withMaxIterations(gens));
      f.assertAllReplayed();
      assertThat(f.maxDiff).as("SepCMA points are cmaes' bit for bit").isZero();
      assertThat(es.mean()).containsExactly(State.getDoubleArray(r, "mean"), within(1e-12));
    }
  }

  @Test
  void cmaSeedReplaysCmaes() {
    for (Map<String, Object> r : runs("cmaes.CMA")) {
      RecordedObjective f = new RecordedObjective(r, 1e-12, 1e-9);
      CMA es = new CMA(centre(r), sigma0(r), cmaOptions(r));
      int gens = State.getInt(State.getMap(r, "kwargs"), "generations");
      es.optimize(f, Termination.DEFAULTS.withMaxIterations(gens));
      f.assertAllReplayed();
      double[] mean = State.getDoubleArray(r, "mean");
      double scale = Arrays.stream(mean).map(Math::abs).max().orElse(1.0);
      assertThat(es.mean()).containsExactly(mean, within(1e-9 * scale));
      assertThat(es.sigma()).isCloseTo(State.getDouble(r, "sigma"), within(1e-9 * State.getDouble(r, "sigma")));
    }
  }

  @Test
  void restartCmaSeedReplaysTheGlobalRefProtocol() {
    for (Map<String, Object> r : runs("cmaes.CMA restarts")) {
      RecordedObjective f = new RecordedObjective(r, 1e-12, 1e-9);
      RestartCMA es = new RestartCMA(centre(r), sigma0(r), RestartCMA.Options.DEFAULTS
          .withStrategy(RestartCMA.Strategy.REPEAT).withMaxRestarts(Integer.MAX_VALUE).withCma(cmaOptions(r)));
      es.optimize(f, Termination.ofEvaluations(State.getInt(State.getMap(r, "kwargs"), "budget")));
      f.assertAllReplayed();
      assertThat(es.restarts()).isEqualTo(State.getInt(r, "restarts"));
    }
  }
}
