package org.minima4j.tune.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;
import org.minima4j.optimize.global.SeededRandom;

class HypervolumeTest {

  @Test
  void twoDimensionsByHand() {
    double[][] p = {{1, 3}, {2, 2}, {3, 1}, {2.5, 2.5}};
    // union of boxes to (4, 4): 3x1 + 2x1 + 1x1 = 6
    assertThat(Hypervolume.compute(p, new double[] {4, 4})).isCloseTo(6.0, offset(1e-12));
    assertThat(Hypervolume.compute(new double[0][], new double[] {1, 1})).isZero();
  }

  @Test
  void threeDimensionsMatchMonteCarlo() {
    double[][] p = {{0.1, 0.6, 0.5}, {0.5, 0.2, 0.4}, {0.3, 0.3, 0.8}, {0.7, 0.7, 0.1}, {0.6, 0.65, 0.2}};
    double[] ref = {1, 1, 1};
    // exact value by inclusion-exclusion is tedious; compare with a fine grid count
    int g = 200;
    long in = 0;
    for (int i = 0; i < g; i++) {
      for (int j = 0; j < g; j++) {
        for (int k = 0; k < g; k++) {
          double x = (i + 0.5) / g;
          double y = (j + 0.5) / g;
          double z = (k + 0.5) / g;
          for (double[] q : p) {
            if (q[0] <= x && q[1] <= y && q[2] <= z) {
              in++;
              break;
            }
          }
        }
      }
    }
    assertThat(Hypervolume.compute(p, ref)).isCloseTo((double) in / ((long) g * g * g), offset(5e-3));
  }

  @Test
  void greedySubsetPicksTheLargestContributionsFirst() {
    double[][] p = {{1, 3}, {2, 2}, {3, 1}, {2.9, 2.9}};
    int[] sel = Hypervolume.selectSubset(p, 2, new double[] {4, 4});
    assertThat(sel).hasSize(2);
    assertThat(sel[0]).isEqualTo(1); // (2,2) alone dominates the largest box: 4
    assertThat(sel).doesNotContain(3);
    SeededRandom rng = new SeededRandom(1);
    double[][] r = new double[12][3];
    for (double[] q : r) {
      for (int k = 0; k < 3; k++) {
        q[k] = rng.nextDouble();
      }
    }
    int[] all = Hypervolume.selectSubset(r, 12, new double[] {1.1, 1.1, 1.1});
    assertThat(all).doesNotHaveDuplicates().hasSize(12);
  }
}
