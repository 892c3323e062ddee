package org.minima4j.optimize.global;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.minima4j.optimize.global.cmaes.CMA;

class CmaSeedTest {
  @Test
  void seedLossMatchesReferenceAtX0() {
    SeedMlp mlp = SeedMlp.load();
    assertThat(mlp.value(mlp.x0)).isCloseTo(mlp.lossAtX0(), within(1e-9 * mlp.lossAtX0()));
  }

  @Test
  void cmaFromX0WithSigmaHalfBeats41In100Generations() {
    SeedMlp mlp = SeedMlp.load();
    CMA es = new CMA(mlp.x0, 0.5, CMA.Options.DEFAULTS.withSeed(42));
    GlobalResult r = es.optimize(mlp, Termination.DEFAULTS.withMaxIterations(100));
    assertThat(es.populationSize()).isEqualTo(10);
    assertThat(r.nit()).isLessThanOrEqualTo(100);
    assertThat(r.fun()).isLessThan(4.1);
  }
}
