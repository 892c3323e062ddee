package org.minima4j.optimize.global;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.minima4j.optimize.Bounds;
import org.minima4j.optimize.global.anneal.DualAnnealing;
import org.minima4j.optimize.global.anneal.SimulatedAnnealing;
import org.minima4j.optimize.global.cmaes.CMA;
import org.minima4j.optimize.global.cmaes.CmaParameters;
import org.minima4j.optimize.global.cmaes.RestartCMA;
import org.minima4j.optimize.global.de.DifferentialEvolution;
import org.minima4j.optimize.global.pso.PSO;
import org.minima4j.optimize.global.pso.SPSO2011;

class BadInputTest {
  private static final Bounds BOX = Bounds.uniform(2, -1, 1);
  private static final Bounds EMPTY = Bounds.of(new double[0], new double[0]);
  private static final Bounds INFINITE = Bounds.of(new double[] {-1, Double.NEGATIVE_INFINITY}, new double[] {1, 1});

  @Test
  void invertedBoundsAreRejectedByBounds() {
    assertThatThrownBy(() -> Bounds.of(new double[] {1, 0}, new double[] {0, 1}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lb[0]");
  }

  @Test
  void emptyAndInfiniteBoundsAreRejected() {
    assertThatThrownBy(() -> new PSO(EMPTY, PSO.Options.DEFAULTS)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty");
    assertThatThrownBy(() -> new DifferentialEvolution(EMPTY, DifferentialEvolution.Options.DEFAULTS))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DualAnnealing(EMPTY, DualAnnealing.Options.DEFAULTS))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SimulatedAnnealing(EMPTY, SimulatedAnnealing.Options.DEFAULTS))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CMA(new double[0], 1.0, CMA.Options.DEFAULTS))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PSO(INFINITE, PSO.Options.DEFAULTS)).hasMessageContaining("finite");
    assertThatThrownBy(() -> new DifferentialEvolution(INFINITE, DifferentialEvolution.Options.DEFAULTS))
        .hasMessageContaining("finite");
    assertThatThrownBy(() -> new DualAnnealing(INFINITE, DualAnnealing.Options.DEFAULTS))
        .hasMessageContaining("finite");
    assertThatThrownBy(() -> new CMA(new double[] {0, 0, 0}, 1.0, CMA.Options.DEFAULTS.withBounds(BOX)))
        .hasMessageContaining("dimension");
  }

  @Test
  void degenerateBoxesAreRejectedWhereTheAnchorRejectsThem() {
    Bounds flat = Bounds.of(new double[] {0, -1}, new double[] {0, 1});
    assertThatThrownBy(() -> new PSO(flat, PSO.Options.DEFAULTS))
        .hasMessageContaining("upper-bound values must be greater");
    assertThatThrownBy(() -> new DualAnnealing(flat, DualAnnealing.Options.DEFAULTS))
        .hasMessageContaining("min < max");
  }

  @Test
  void x0OutsideBoundsIsRejected() {
    double[] out = {0.5, 1.5};
    assertThatThrownBy(() -> new CMA(out, 0.3, CMA.Options.DEFAULTS.withBounds(BOX)))
        .hasMessageContaining("outside");
    assertThatThrownBy(() -> new RestartCMA(out, 0.3, RestartCMA.Options.DEFAULTS.withBounds(BOX)))
        .hasMessageContaining("outside");
    assertThatThrownBy(() -> new DifferentialEvolution(BOX, DifferentialEvolution.Options.DEFAULTS.withX0(out)))
        .hasMessageContaining("outside the specified bounds");
    assertThatThrownBy(() -> new DualAnnealing(BOX, DualAnnealing.Options.DEFAULTS.withX0(out)))
        .hasMessageContaining("outside");
    assertThatThrownBy(() -> new SimulatedAnnealing(BOX, SimulatedAnnealing.Options.DEFAULTS.withX0(out)))
        .hasMessageContaining("outside");
    assertThatThrownBy(() -> new DualAnnealing(BOX, DualAnnealing.Options.DEFAULTS.withX0(new double[] {0})))
        .hasMessageContaining("Bounds size does not match x0");
  }

  @Test
  void populationsSmallerThanAllowedAreRejected() {
    assertThatThrownBy(() -> CMA.Options.DEFAULTS.withPopulationSize(1)).hasMessageContaining("popsize must be >= 2");
    assertThatThrownBy(() -> CmaParameters.of(3, 1)).hasMessageContaining("popsize");
    assertThatThrownBy(() -> PSO.Options.DEFAULTS.withSwarmSize(0)).hasMessageContaining("swarmsize");
    assertThatThrownBy(() -> SPSO2011.Options.DEFAULTS.withSwarmSize(1)).hasMessageContaining("swarm size");
    assertThatThrownBy(() -> new SPSO2011(EMPTY, SPSO2011.Options.DEFAULTS)).hasMessageContaining("empty");
    assertThatThrownBy(() -> DifferentialEvolution.Options.DEFAULTS.withPopsize(0)).hasMessageContaining("popsize");
    assertThatThrownBy(() -> PSO.Options.pyswarms(5, 0.5, 0.3, 0.9, 10).withRing(6, 2))
        .hasMessageContaining("k must be");
  }

  @Test
  void invalidParametersAreRejectedWithTheAnchorsMessages() {
    assertThatThrownBy(() -> new CMA(new double[] {0, 0}, 0.0, CMA.Options.DEFAULTS))
        .hasMessageContaining("sigma must be non-zero positive value");
    assertThatThrownBy(() -> new CMA(new double[] {1e33, 0}, 1.0, CMA.Options.DEFAULTS))
        .hasMessageContaining("Abs of all elements of mean vector");
    assertThatThrownBy(() -> DifferentialEvolution.Options.DEFAULTS.withMutation(0.5, 2.5))
        .hasMessageContaining("mutation constant");
    assertThatThrownBy(() -> DifferentialEvolution.Options.DEFAULTS.withRecombination(1.5))
        .hasMessageContaining("recombination");
    assertThatThrownBy(() -> DualAnnealing.Options.DEFAULTS.withRestartTempRatio(1.0))
        .hasMessageContaining("Restart temperature ratio has to be in range (0, 1)");
    assertThatThrownBy(() -> DualAnnealing.Options.DEFAULTS.withVisit(3.5)).hasMessageContaining("visit");
    assertThatThrownBy(() -> DualAnnealing.Options.DEFAULTS.withAccept(-1)).hasMessageContaining("accept");
    assertThatThrownBy(() -> SimulatedAnnealing.Options.DEFAULTS.withAlpha(1.0)).hasMessageContaining("alpha");
    assertThatThrownBy(() -> Termination.ofEvaluations(0)).hasMessageContaining("maxEvaluations");
    assertThatThrownBy(() -> new CMA(new double[] {0, 0}, 1.0, CMA.Options.DEFAULTS, null))
        .hasMessageContaining("rng");
  }

  @Test
  void stateFromAnotherOptimizerIsRejected() {
    CMA a = new CMA(new double[] {0, 0}, 1.0, CMA.Options.DEFAULTS);
    PSO b = new PSO(BOX, PSO.Options.DEFAULTS);
    assertThatThrownBy(() -> b.loadStateDict(a.stateDict())).hasMessageContaining("state is for CMA");
    CMA c = new CMA(new double[] {0, 0, 0}, 1.0, CMA.Options.DEFAULTS);
    assertThatThrownBy(() -> c.loadStateDict(a.stateDict())).hasMessageContaining("dimension");
  }

  @Test
  void stateNeedsASeededRandom() {
    CMA es = new CMA(new double[] {0, 0}, 1.0, CMA.Options.DEFAULTS, new java.util.SplittableRandom(1));
    assertThatThrownBy(es::stateDict).hasMessageContaining("SeededRandom");
  }

  @Test
  void objectiveExceptionsPropagate() {
    CMA es = new CMA(new double[] {0, 0}, 1.0, CMA.Options.DEFAULTS);
    assertThatThrownBy(() -> es.optimize(x -> {
      throw new IllegalStateException("boom");
    }, 100)).isInstanceOf(IllegalStateException.class).hasMessage("boom");
  }
}
