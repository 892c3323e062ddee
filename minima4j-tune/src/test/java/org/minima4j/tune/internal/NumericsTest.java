package org.minima4j.tune.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;
import org.minima4j.optimize.global.SeededRandom;
import org.minima4j.tune.Distribution;
import org.minima4j.tune.FloatDistribution;
import org.minima4j.tune.IntDistribution;
import org.minima4j.tune.samplers.TPESampler;

class NumericsTest {

  @Test
  void erfcAndNormalCdf() {
    // reference values: scipy.special.erfc / ndtr / log_ndtr
    assertThat(NormalMath.erfc(0.5)).isCloseTo(0.4795001221869535, offset(1e-15));
    assertThat(NormalMath.erfc(3.0) / 2.209049699858544e-05).isCloseTo(1.0, offset(1e-12));
    assertThat(NormalMath.erfc(-1.0)).isCloseTo(1.8427007929497148, offset(1e-15));
    assertThat(NormalMath.ndtr(1.96)).isCloseTo(0.9750021048517795, offset(1e-15));
    assertThat(NormalMath.logNdtr(-40) / -804.6084420137539).isCloseTo(1.0, offset(1e-12));
    assertThat(NormalMath.logNdtr(-10) / -53.23128515051248).isCloseTo(1.0, offset(1e-12));
  }

  @Test
  void ndtriInvertsTheCdf() {
    for (double p : new double[] {1e-300, 1e-20, 1e-5, 0.02, 0.3, 0.5, 0.8, 0.999, 1 - 1e-12}) {
      double x = NormalMath.ndtri(p);
      assertThat(NormalMath.ndtr(x) / p).isCloseTo(1.0, offset(1e-9));
    }
  }

  @Test
  void gaussMassInTheTailsAndNarrowIntervals() {
    assertThat(Math.exp(NormalMath.logGaussMass(-1, 1))).isCloseTo(0.6826894921370859, offset(1e-15));
    assertThat(NormalMath.logGaussMass(30, 31) / -454.3212439563433).isCloseTo(1.0, offset(1e-9));
    double narrow = NormalMath.logGaussMass(0.5, 0.5 + 1e-6);
    assertThat(narrow).isCloseTo(Math.log(1e-6) + NormalMath.normLogPdf(0.5 + 5e-7), offset(1e-9));
  }

  @Test
  void parzenEstimatorMatchesOptuna31() {
    // Optuna 3.1.0 _ParzenEstimator on the same observations (prior weight 1, magic clip, no endpoints,
    // default weights): sigmas and log_pdf below were printed by optuna/samplers/_tpe/parzen_estimator.py
    Distribution[] d = {FloatDistribution.of(-5, 10), IntDistribution.of(-5, 5),
        new FloatDistribution(1e-3, 1e2, true, null)};
    double[][] obs = {{1.0, -2.0, 7.5, 3.3}, {0, 3, -5, 2}, {0.01, 3.0, 50, 0.2}};
    double[][] samples = {{0.5, 9.0, -4.0}, {1, -5, 4}, {0.002, 1.0, 99.0}};
    ParzenEstimator ind = new ParzenEstimator(d, obs, 4, 1.0, true, false, false, TPESampler::defaultWeights, null);
    assertThat(ind.sigmas(0)).containsExactly(new double[] {3.0, 3.0, 4.2, 4.2, 15.0}, offset(1e-12));
    assertThat(ind.sigmas(1)).containsExactly(new double[] {5.0, 1.8333333333333333, 5.0, 2.0, 11.0},
        offset(1e-12));
    assertThat(ind.sigmas(2)).containsExactly(new double[] {2.99573227, 2.81341072, 2.81341072, 2.99573227,
        11.51292546}, offset(1e-8));
    assertThat(ind.logPdf(samples)).containsExactly(new double[] {-3.72846574, -3.87095721, -3.97197684},
        offset(1e-8));
    ParzenEstimator mv = new ParzenEstimator(d, obs, 4, 1.0, true, false, true, TPESampler::defaultWeights, null);
    assertThat(mv.sigmas(0)).containsExactly(new double[] {2.5, 2.5, 2.5, 2.5, 15.0}, offset(1e-12));
    assertThat(mv.sigmas(2)[0]).isCloseTo(1.91882091, offset(1e-8));
    assertThat(mv.logPdf(samples)).containsExactly(new double[] {-3.76078543, -3.96463516, -4.10381638},
        offset(1e-8));
  }

  @Test
  void sobolIsStratifiedAndScramblingDependsOnTheSeed() {
    LowDiscrepancy s = LowDiscrepancy.sobol(LowDiscrepancy.SOBOL_MAX_DIM, false, null);
    assertThat(s.point(0)).containsOnly(0.0);
    assertThat(s.point(1)).containsOnly(0.5);
    for (int j = 0; j < LowDiscrepancy.SOBOL_MAX_DIM; j++) {
      boolean[] slab = new boolean[64];
      for (int i = 0; i < 64; i++) {
        slab[(int) (s.point(i)[j] * 64)] = true;
      }
      for (boolean b : slab) {
        assertThat(b).isTrue();
      }
    }
    // first two dimensions form a (0, m, 2)-net: every 1/8 x 1/8 box holds one of 64 points
    boolean[][] box = new boolean[8][8];
    for (int i = 0; i < 64; i++) {
      double[] p = s.point(i);
      box[(int) (p[0] * 8)][(int) (p[1] * 8)] = true;
    }
    for (boolean[] row : box) {
      for (boolean b : row) {
        assertThat(b).isTrue();
      }
    }
    LowDiscrepancy a = LowDiscrepancy.sobol(3, true, new SeededRandom(1));
    LowDiscrepancy b = LowDiscrepancy.sobol(3, true, new SeededRandom(2));
    assertThat(a.point(5)).isNotEqualTo(b.point(5));
    boolean[] slab = new boolean[16];
    for (int i = 0; i < 16; i++) {
      slab[(int) (a.point(i)[2] * 16)] = true;
    }
    for (boolean x : slab) {
      assertThat(x).isTrue();
    }
  }

  @Test
  void unscrambledSobolEqualsScipy() {
    // scipy.stats.qmc.Sobol(d=21, scramble=False).random(1024), rows 517 and 1023 (scipy 1.10.1)
    LowDiscrepancy s = LowDiscrepancy.sobol(21, false, null);
    assertThat(s.point(517)).containsExactly(0.8779296875, 0.6259765625, 0.8291015625, 0.6162109375,
        0.5830078125, 0.1904296875, 0.4892578125, 0.5341796875, 0.0029296875, 0.7900390625, 0.6025390625,
        0.2412109375, 0.8076171875, 0.4833984375, 0.6337890625, 0.7001953125, 0.2490234375, 0.7568359375,
        0.0712890625, 0.8134765625, 0.8291015625);
    assertThat(s.point(1023)).containsExactly(0.0009765625, 0.7529296875, 0.6123046875, 0.1455078125,
        0.1865234375, 0.4384765625, 0.1396484375, 0.6181640625, 0.3447265625, 0.8505859375, 0.6787109375,
        0.0361328125, 0.1298828125, 0.6650390625, 0.3623046875, 0.4638671875, 0.3134765625, 0.8759765625,
        0.5849609375, 0.3193359375, 0.8662109375);
  }

  @Test
  void haltonFirstPoints() {
    LowDiscrepancy h = LowDiscrepancy.halton(2, false, null);
    assertThat(h.point(1)).containsExactly(new double[] {0.5, 1.0 / 3}, offset(1e-15));
    assertThat(h.point(5)).containsExactly(new double[] {0.625, 7.0 / 9}, offset(1e-15));
    LowDiscrepancy hs = LowDiscrepancy.halton(2, true, new SeededRandom(3));
    for (int i = 0; i < 100; i++) {
      for (double v : hs.point(i)) {
        assertThat(v).isGreaterThanOrEqualTo(0).isLessThan(1);
      }
    }
  }

  @Test
  void indexSortIsStable() {
    double[] keys = {3, 1, 2, 1, 3, 0};
    assertThat(IndexSort.argsort(keys)).containsExactly(5, 1, 3, 2, 0, 4);
    double[] many = new double[100];
    for (int i = 0; i < 100; i++) {
      many[i] = (i * 37) % 10;
    }
    int[] o = IndexSort.argsort(many);
    for (int i = 1; i < 100; i++) {
      assertThat(many[o[i - 1]] < many[o[i]] || (many[o[i - 1]] == many[o[i]] && o[i - 1] < o[i])).isTrue();
    }
  }
}
