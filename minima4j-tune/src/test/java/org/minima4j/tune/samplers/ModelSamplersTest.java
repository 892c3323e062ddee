package org.minima4j.tune.samplers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.minima4j.tune.Studies;
import org.minima4j.tune.Study;
import org.minima4j.tune.StudyDirection;
import org.minima4j.tune.StudyOptions;
import org.minima4j.tune.bench.OptunaProtocol;
import org.minima4j.tune.bench.Problems;

/** Small regret checks for the model-based samplers (the full protocol is the benchmark main). */
class ModelSamplersTest {

  private static double medianFinal(java.util.function.LongFunction<Sampler> f, Problems.Problem p, int n,
      int seeds) {
    double[] v = new double[seeds];
    for (int s = 0; s < seeds; s++) {
      v[s] = OptunaProtocol.run(f.apply(s), p, n).bestSoFar()[n - 1] - p.fStar();
    }
    Arrays.sort(v);
    return v[seeds / 2];
  }

  @Test
  void gpBeatsRandomOnBranin() {
    double gp = medianFinal(s -> new GPSampler(5, false, 128, 3, s), Problems.BRANIN, 25, 3);
    double rnd = medianFinal(RandomSampler::new, Problems.BRANIN, 25, 3);
    assertThat(gp).isLessThan(rnd).isLessThan(0.1);
  }

  @Test
  void cmaesBeatsRandomOnLevy() {
    double cma = medianFinal(CmaEsSampler::new, Problems.LEVY5, 100, 3);
    double rnd = medianFinal(RandomSampler::new, Problems.LEVY5, 100, 3);
    assertThat(cma).isLessThan(rnd);
  }

  @Test
  void cmaesIpopRestartsWithALargerPopulation() {
    CmaEsSampler ipop = new CmaEsSampler(null, null, 1, false, 0, true, 2, 0);
    Study s = Studies.create(StudyOptions.DEFAULTS.withSampler(ipop));
    s.optimize(t -> {
      double x = t.suggestFloat("x", -3, 3);
      double y = t.suggestFloat("y", -3, 3);
      return x * x + y * y;
    }, 600);
    assertThat(ipop.restarts()).isGreaterThan(0);
    assertThat(s.bestValue()).isLessThan(1e-6);
    assertThatThrownBy(() -> new CmaEsSampler(null, null, 1, false, 0, true, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void cmaesRejectsMultiObjectiveAndGpToo() {
    Study s = Studies.create(StudyOptions.DEFAULTS.withSampler(new CmaEsSampler(0))
        .withDirections(StudyDirection.MINIMIZE, StudyDirection.MINIMIZE));
    assertThatThrownBy(s::ask).isInstanceOf(IllegalStateException.class);
    Study g = Studies.create(StudyOptions.DEFAULTS.withSampler(new GPSampler(0))
        .withDirections(StudyDirection.MINIMIZE, StudyDirection.MINIMIZE));
    assertThatThrownBy(g::ask).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void qmcFillsTheSpaceEvenly() {
    Study s = Studies.create(StudyOptions.DEFAULTS.withSampler(new QMCSampler(0)));
    s.optimize(t -> t.suggestFloat("x", 0, 1) + t.suggestFloat("y", 0, 1), 33);
    // trials 1..32 are the first 32 unscrambled Sobol points: one per 1/32 slab in each coordinate
    boolean[] slab = new boolean[32];
    for (int i = 1; i <= 32; i++) {
      double x = (Double) s.trials().get(i).params().get("x");
      slab[(int) (x * 32)] = true;
    }
    for (boolean b : slab) {
      assertThat(b).isTrue();
    }
  }

  @Test
  void nsga2AndMotpeBeatRandomOnATwoObjectiveProblem() {
    double nsga = frontQuality(new NSGAIISampler(20, null, 0.9, 0.5, null, 0));
    double rnd = frontQuality(new RandomSampler(0));
    double motpe = frontQuality(new TPESampler(0));
    assertThat(nsga).isLessThan(rnd);
    assertThat(motpe).isLessThan(rnd);
  }

  /** Mean distance of the final Pareto front to the true front f2 = 1 - sqrt(f1) (ZDT1 with 5 variables). */
  private static double frontQuality(Sampler sampler) {
    Study s = Studies.create(StudyOptions.DEFAULTS.withSampler(sampler)
        .withDirections(StudyDirection.MINIMIZE, StudyDirection.MINIMIZE));
    s.optimizeMulti(t -> {
      double[] x = new double[5];
      for (int i = 0; i < 5; i++) {
        x[i] = t.suggestFloat("x" + i, 0, 1);
      }
      double g = 1 + 9 * (x[1] + x[2] + x[3] + x[4]) / 4;
      return new double[] {x[0], g * (1 - Math.sqrt(x[0] / g))};
    }, 300);
    return s.bestTrials().stream().mapToDouble(t -> t.values().get(1) - (1 - Math.sqrt(t.values().get(0))))
        .average().orElseThrow();
  }
}
