package org.minima4j.optimize.global;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.minima4j.optimize.Bounds;
import org.minima4j.optimize.global.anneal.DualAnnealing;
import org.minima4j.optimize.global.cmaes.CMA;
import org.minima4j.optimize.global.pso.PSO;

/**
 * The seed experiment (reference/seed_mlp.json): the 10-parameter MLP loss from its stored input,
 * target and x0. Thresholds from the brief; the anchors' own numbers are in the comments.
 */
class SeedExperimentTest {
  private static final SeedMlp MLP = SeedMlp.load();

  @Test
  void lossAtX0MatchesReference() {
    assertThat(MLP.value(MLP.x0)).isCloseTo(MLP.lossAtX0(), within(1e-12 * MLP.lossAtX0()));
  }

  /** pyswarm defaults (swarm 100, omega = phip = phig = 0.5, maxiter 100) on [-1, 1]^10. */
  @Test
  void psoWithPyswarmDefaultsReachesBelow5() {
    PSO pso = new PSO(Bounds.uniform(10, -1, 1), PSO.Options.DEFAULTS.withSeed(42));
    GlobalResult r = pso.optimize(MLP, Termination.DEFAULTS);
    // pyswarms GlobalBestPSO (c1 = c2 = w = 0.5, periodic boundaries) ended at 5881.22 in the reference run;
    // pyswarm's clipping gets 1.27 for seed 42 (NumPy's stream, as np.random.seed(42) then pyswarm's pso()).
    assertThat(r.fun()).isLessThan(5.0);
    assertThat(r.nfev()).isLessThanOrEqualTo(100L * 101);
    assertThat(r.reason()).isIn(StopReason.MAX_ITERATIONS, StopReason.CONVERGED);
  }

  /**
   * The reference pyswarms run ({@code np.random.seed(42)}, GlobalBestPSO, 100 particles, c1 = c2 = w = 0.5,
   * periodic boundaries, 100 iterations) ends at 5881.22 after exactly 10000 evaluations. Seeded with 42, this
   * port draws NumPy's stream in pyswarms' order and replays that run: the same final value, bit for bit (the
   * MLP loss is computed here, and its last bits did not change a comparison).
   */
  @Test
  void psoWithPyswarmsSettingsReplaysTheReferenceRun() {
    PSO pso = new PSO(Bounds.uniform(10, -1, 1), PSO.Options.pyswarms(100, 0.5, 0.5, 0.5, 100).withSeed(42));
    GlobalResult r = pso.optimize(MLP, Termination.DEFAULTS);
    assertThat(r.nfev()).isEqualTo((long) MLP.reference("pso", "n_objective_evals"));
    assertThat(r.fun()).isEqualTo(MLP.reference("pso", "final_best_cost"));
  }

  /**
   * cmaes.CMA(mean = x0, sigma = 0.5, seed = 42), 100 generations: 3.2869 in the reference. Seeded with 42, this
   * port draws NumPy's RandomState(42) in cmaes' order and decomposes C as numpy's eigh, so it replays that run
   * (to rounding: OpenBLAS sums in another order; 1e-9 relative). The outcome is strongly seed-dependent for cmaes
   * itself (reference/generators/cmaes_091_seed_mlp_seeds.py: seeds 0..19 give 7 of 20 below 4.1), and the
   * replay gives the same 7 of 20.
   */
  @Test
  void cmaFromX0WithSigmaHalfBeats41In100Generations() {
    CMA es = new CMA(MLP.x0, 0.5, CMA.Options.DEFAULTS.withSeed(42));
    GlobalResult r = es.optimize(MLP, Termination.DEFAULTS.withMaxIterations(100));
    assertThat(es.populationSize()).isEqualTo(10);
    assertThat(r.nit()).isEqualTo(100);
    assertThat(r.nfev()).isEqualTo(1000);
    assertThat(r.fun()).isLessThan(4.1);
    assertThat(r.fun()).isCloseTo(MLP.reference("cma", "final_best"), within(1e-9 * MLP.reference("cma", "final_best")));
    int below = 0;
    for (long s = 0; s < 20; s++) {
      CMA e = new CMA(MLP.x0, 0.5, CMA.Options.DEFAULTS.withSeed(s));
      if (e.optimize(MLP, Termination.DEFAULTS.withMaxIterations(100)).fun() < 4.1) {
        below++;
      }
    }
    assertThat(below).isEqualTo(7);
  }

  /**
   * scipy dual_annealing(bounds [-1, 1]^10, maxiter 100, initial_temp 1.0, seed 42) reached 0.78306 with
   * L-BFGS-B. Without a local search (scipy's no_local_search) this library gets 0.793 for seed 42 (NumPy's
   * stream); with the test's compass search plugged in as the local search it reaches below 0.8.
   */
  @Test
  void dualAnnealingWithPluggableLocalSearchBeats08() {
    Bounds box = Bounds.uniform(10, -1, 1);
    DualAnnealing.Options opts = DualAnnealing.Options.DEFAULTS.withSeed(42).withMaxiter(100).withInitialTemp(1.0)
        .withLocalSearch(null);
    GlobalResult none = new DualAnnealing(box, opts).optimize(MLP, Termination.DEFAULTS);
    assertThat(none.nfev()).isEqualTo(1 + 100 * 20);
    assertThat(none.fun()).isLessThan(1.2);
    CompassSearch ls = new CompassSearch();
    GlobalResult with = new DualAnnealing(box, opts.withLocalSearch(ls)).optimize(MLP, Termination.DEFAULTS);
    assertThat(ls.calls).isPositive();
    assertThat(with.fun()).isLessThan(0.8);
    assertThat(with.nit()).isEqualTo(100);
  }

  /**
   * With scipy's own local search (bounded L-BFGS-B, the default) the seed experiment's dual annealing
   * reaches scipy's 0.78306. The network has dead-ReLU plateaus (loss ~1.44e5) where L-BFGS-B stops: over
   * seeds 0..29, 29 runs end below 0.8 (`./minima bench`); one stops on the plateau. Seed 42 draws scipy's
   * stream: 0.7830549 after 3728 evaluations against scipy's 0.7830584 after 3552 (the annealing steps are
   * scipy's; the finite-difference L-BFGS-B searches part in the last bits, so not the same run to the end).
   */
  @Test
  void dualAnnealingWithLbfgsbReachesScipysLevel() {
    Bounds box = Bounds.uniform(10, -1, 1);
    GlobalResult r = new DualAnnealing(box, DualAnnealing.Options.DEFAULTS.withSeed(0).withMaxiter(100).withInitialTemp(1.0))
        .optimize(MLP, Termination.DEFAULTS);
    assertThat(r.fun()).isLessThan(0.8);
    assertThat(r.nit()).isEqualTo(100);
    GlobalResult r42 = new DualAnnealing(box, DualAnnealing.Options.DEFAULTS.withSeed(42).withMaxiter(100)
        .withInitialTemp(1.0)).optimize(MLP, Termination.DEFAULTS);
    assertThat(r42.fun()).isCloseTo(MLP.reference("dual_annealing", "fun"), within(1e-5));
  }
}
