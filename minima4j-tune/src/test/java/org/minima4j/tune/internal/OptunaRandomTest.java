package org.minima4j.tune.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.minima4j.random.NumpyRandomState;
import org.minima4j.tune.CategoricalDistribution;
import org.minima4j.tune.FloatDistribution;
import org.minima4j.tune.IntDistribution;

/** Seeds and single draws of {@link OptunaRandom} (whole studies: {@code OptunaReplayTest}). */
class OptunaRandomTest {

  @Test
  void numpySeedsAreKeptAndOthersSpreadOver32Bits() {
    assertThat(OptunaRandom.seed32(0)).isZero();
    assertThat(OptunaRandom.seed32(0xFFFFFFFFL)).isEqualTo(0xFFFFFFFFL);
    Set<Long> seen = new HashSet<>();
    for (long s = -1000; s < 0; s++) {
      long m = OptunaRandom.seed32(s);
      assertThat(m).isBetween(0L, 0xFFFFFFFFL);
      seen.add(m);
    }
    assertThat(seen).hasSize(1000); // no collisions among nearby negative seeds
    assertThat(OptunaRandom.seed32(-1)).isNotEqualTo(OptunaRandom.seed32(0));
    assertThat(OptunaRandom.forSeed(7).nextDouble()).isEqualTo(new NumpyRandomState(7).nextDouble());
  }

  @Test
  void drawsAsOptunasRandomSampler() {
    // RandomState(0).uniform(-5 - 0.5, 5 + 0.5) for int[-5, 5] is -5.5 + 11 * 0.5488135039273248 = 0.5369...
    assertThat(OptunaRandom.sampleIndependent(IntDistribution.of(-5, 5), new NumpyRandomState(0))).isEqualTo(1.0);
    // one uniform per choice, the first largest wins: RandomState(0) gives 0.549, 0.715, 0.603
    assertThat(OptunaRandom.sampleIndependent(new CategoricalDistribution(java.util.List.of("A", "B", "C")),
        new NumpyRandomState(0))).isEqualTo(1.0);
    double x = OptunaRandom.sampleIndependent(new FloatDistribution(1e-3, 1e2, true, null), new NumpyRandomState(0));
    assertThat(x).isEqualTo(Math.exp(Math.log(1e-3) + (Math.log(1e2) - Math.log(1e-3)) * 0.5488135039273248));
    // floats stay below high: min(x, nextafter(high, -inf))
    assertThat(OptunaRandom.untransform(FloatDistribution.of(0, 1), 1.0)).isEqualTo(Math.nextDown(1.0));
    assertThat(OptunaRandom.untransform(IntDistribution.of(0, 10), 2.5)).isEqualTo(2.0); // half to even
  }
}
