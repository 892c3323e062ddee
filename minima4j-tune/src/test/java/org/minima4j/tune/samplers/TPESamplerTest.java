package org.minima4j.tune.samplers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.minima4j.tune.Distribution;
import org.minima4j.tune.FloatDistribution;
import org.minima4j.tune.FrozenTrial;
import org.minima4j.tune.Studies;
import org.minima4j.tune.Study;
import org.minima4j.tune.StudyOptions;
import org.minima4j.tune.TrialState;
import org.minima4j.tune.bench.OptunaProtocol;
import org.minima4j.tune.bench.Problems;
import org.minima4j.tune.pruners.NopPruner;

class TPESamplerTest {

  @Test
  void defaultGammaAndWeightsAreOptunas() {
    assertThat(TPESampler.defaultGamma(0)).isZero();
    assertThat(TPESampler.defaultGamma(10)).isEqualTo(1);
    assertThat(TPESampler.defaultGamma(11)).isEqualTo(2);
    assertThat(TPESampler.defaultGamma(100)).isEqualTo(10);
    assertThat(TPESampler.defaultGamma(1000)).isEqualTo(25);
    assertThat(TPESampler.hyperoptDefaultGamma(100)).isEqualTo(3);
    assertThat(TPESampler.defaultWeights(3)).containsExactly(1, 1, 1);
    double[] w = TPESampler.defaultWeights(30);
    // numpy.linspace(1/30, 1, 5) followed by 25 ones
    assertThat(Arrays.copyOf(w, 5)).containsExactly(new double[] {1.0 / 30, 0.275, 0.5166666666666667,
        0.7583333333333333, 1.0}, org.assertj.core.data.Offset.offset(1e-15));
    assertThat(Arrays.copyOfRange(w, 5, 30)).containsOnly(1.0);
    assertThat(TPESampler.Options.DEFAULTS.nStartupTrials()).isEqualTo(10);
    assertThat(TPESampler.Options.DEFAULTS.nEiCandidates()).isEqualTo(24);
    assertThat(TPESampler.Options.DEFAULTS.priorWeight()).isEqualTo(1.0);
    assertThat(TPESampler.Options.DEFAULTS.considerMagicClip()).isTrue();
    assertThat(TPESampler.Options.DEFAULTS.considerEndpoints()).isFalse();
  }

  @Test
  void badOptionsFail() {
    assertThatThrownBy(() -> TPESampler.Options.DEFAULTS.withGroup(true))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("multivariate");
    assertThatThrownBy(() -> TPESampler.Options.DEFAULTS.withNEiCandidates(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TPESampler.Options.DEFAULTS.withPriorWeight(0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void splitPutsCompleteBeforePrunedAndRunningLast() {
    // scores: complete 3.0, pruned at step 5 with 0.1, complete 1.0, running, pruned at step 9 with 7.0
    List<double[]> scores = List.of(new double[] {3.0}, new double[] {0.1}, new double[] {1.0},
        new double[] {Double.POSITIVE_INFINITY}, new double[] {7.0});
    List<Double> steps = List.of(Double.NEGATIVE_INFINITY, -5.0, Double.NEGATIVE_INFINITY,
        Double.POSITIVE_INFINITY, -9.0);
    int[][] s = TPESampler.split(scores, steps, null, 3, false);
    assertThat(s[0]).containsExactly(0, 2, 4); // both complete, then the deeper pruned trial
    assertThat(s[1]).containsExactly(1, 3);
    int[][] c = TPESampler.split(scores, steps, List.of(0.0, 0.0, 2.0, Double.POSITIVE_INFINITY, 0.0), 2, false);
    assertThat(c[0]).containsExactly(0, 4); // feasible first
  }

  @Test
  void beatsRandomOnBraninOverFiveSeeds() {
    double[] tpe = new double[5];
    double[] rnd = new double[5];
    for (int seed = 0; seed < 5; seed++) {
      tpe[seed] = OptunaProtocol.run(new TPESampler(seed), Problems.BRANIN, 60).bestSoFar()[59];
      rnd[seed] = OptunaProtocol.run(new RandomSampler(seed), Problems.BRANIN, 60).bestSoFar()[59];
    }
    Arrays.sort(tpe);
    Arrays.sort(rnd);
    assertThat(tpe[2]).isLessThan(rnd[2]);
  }

  @Test
  void conditionalParametersUseOnlyTrialsThatHaveThem() {
    Study s = Studies.create(StudyOptions.DEFAULTS.withSampler(new TPESampler(TPESampler.Options.DEFAULTS
        .withSeed(2).withNStartupTrials(4))).withPruner(new NopPruner()));
    s.optimize(t -> {
      String m = t.suggestCategorical("model", "lin", "tree");
      if (m.equals("lin")) {
        return Math.abs(t.suggestFloat("alpha", 1e-5, 1.0, true) - 0.01);
      }
      return t.suggestInt("depth", 1, 20) / 20.0;
    }, 40);
    for (FrozenTrial t : s.trials()) {
      assertThat(t.params().containsKey("alpha")).isEqualTo("lin".equals(t.params().get("model")));
    }
    assertThat(s.bestValue()).isLessThan(0.05);
  }

  @Test
  void prunedTrialsAreUsedByTheirLastValue() {
    Study s = Studies.create(StudyOptions.DEFAULTS.withSampler(new TPESampler(TPESampler.Options.DEFAULTS
        .withSeed(3).withNStartupTrials(3))).withPruner(new NopPruner()));
    Map<String, Distribution> d = Map.of("x", FloatDistribution.of(0, 1));
    s.addTrial(Studies.createTrial(TrialState.PRUNED, null, Map.of("x", 0.9), d, Map.of(), Map.of(),
        Map.of(0, 0.5, 3, 0.2)));
    s.addTrial(Studies.createTrial(0.7, Map.of("x", 0.5), d));
    s.addTrial(Studies.createTrial(0.1, Map.of("x", 0.1), d));
    s.optimize(t -> t.suggestFloat("x", 0, 1), 5);
    assertThat(s.trials()).hasSize(8);
  }

  @Test
  void constraintsFuncIsStoredAndRespected() {
    TPESampler sampler = new TPESampler(TPESampler.Options.DEFAULTS.withSeed(4).withNStartupTrials(5)
        .withConstraintsFunc(ft -> new double[] {0.5 - (Double) ft.params().get("x")}));
    Study s = Studies.create(StudyOptions.DEFAULTS.withSampler(sampler));
    s.optimize(t -> t.suggestFloat("x", 0, 1), 40);
    assertThat(s.trials()).allMatch(t -> t.systemAttrs().containsKey(Study.CONSTRAINTS_KEY));
    List<Double> late = new ArrayList<>();
    for (FrozenTrial t : s.trials().subList(20, 40)) {
      late.add((Double) t.params().get("x"));
    }
    Study free = Studies.create(StudyOptions.DEFAULTS.withSampler(new TPESampler(TPESampler.Options.DEFAULTS
        .withSeed(4).withNStartupTrials(5))));
    free.optimize(t -> t.suggestFloat("x", 0, 1), 40);
    long freeFeasible = free.trials().subList(20, 40).stream().filter(t -> (Double) t.params().get("x") >= 0.5)
        .count();
    // minimizing x pulls unconstrained TPE to 0; the constraint keeps it around the feasible boundary 0.5
    assertThat(late.stream().filter(x -> x >= 0.5).count()).isGreaterThan(freeFeasible + 4);
    assertThat((Double) s.bestParams().get("x")).isGreaterThanOrEqualTo(0.5);
  }

  @Test
  void multiObjectiveTpeRuns() {
    Study s = Studies.create(StudyOptions.DEFAULTS.withSampler(new TPESampler(5))
        .withDirections(org.minima4j.tune.StudyDirection.MINIMIZE, org.minima4j.tune.StudyDirection.MAXIMIZE));
    s.optimizeMulti(t -> {
      double x = t.suggestFloat("x", 0, 1);
      return new double[] {x, x * x};
    }, 20);
    assertThat(s.bestTrials()).isNotEmpty();
  }
}
