package org.minima4j.tune.pruners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.minima4j.tune.FloatDistribution;
import org.minima4j.tune.FrozenTrial;
import org.minima4j.tune.Studies;
import org.minima4j.tune.Study;
import org.minima4j.tune.StudyDirection;
import org.minima4j.tune.StudyOptions;
import org.minima4j.tune.Trial;
import org.minima4j.tune.TrialPruned;
import org.minima4j.tune.TrialState;
import org.minima4j.tune.samplers.RandomSampler;
import org.minima4j.tune.samplers.TPESampler;

class PrunerTest {

  private static Study study(Pruner pruner, StudyDirection dir) {
    return Studies.create(StudyOptions.DEFAULTS.withSampler(new RandomSampler(0)).withPruner(pruner)
        .withDirection(dir).withStudyName("hb"));
  }

  /** Adds COMPLETE trials whose intermediate value at every step s is {@code values[i] + s}. */
  private static void addCompleted(Study s, double[] values, int steps) {
    for (double v : values) {
      Map<Integer, Double> iv = new LinkedHashMap<>();
      for (int step = 0; step < steps; step++) {
        iv.put(step, v + step);
      }
      s.addTrial(Studies.createTrial(TrialState.COMPLETE, List.of(v), Map.of("x", 0.5),
          Map.of("x", FloatDistribution.of(0, 1)), Map.of(), Map.of(), iv));
    }
  }

  private static Trial running(Study s, double... reports) {
    Trial t = s.ask();
    for (int i = 0; i < reports.length; i++) {
      t.report(reports[i], i);
    }
    return t;
  }

  @Test
  void medianPrunerHandComputed() {
    Study s = study(new MedianPruner(), StudyDirection.MINIMIZE);
    addCompleted(s, new double[] {1, 2, 3, 4, 5}, 3); // values at step 2: 3..7, median 5
    assertThat(s.pruner().prune(s, running(s, 10, 9, 5.5).frozen())).isTrue(); // best 5.5 > 5
    assertThat(s.pruner().prune(s, running(s, 10, 9, 4.9).frozen())).isFalse();
    assertThat(s.pruner().prune(s, running(s, 4.0, 9, 6).frozen())).isFalse(); // best over steps is 4.0
    assertThat(s.pruner().prune(s, running(s, Double.NaN).frozen())).isTrue();
    assertThat(s.pruner().prune(s, s.ask().frozen())).isFalse(); // nothing reported
  }

  @Test
  void medianPrunerStartupWarmupIntervalAndMinTrials() {
    Study few = study(new MedianPruner(), StudyDirection.MINIMIZE);
    addCompleted(few, new double[] {1, 2, 3, 4}, 3);
    assertThat(few.pruner().prune(few, running(few, 100).frozen())).isFalse(); // 4 < n_startup_trials 5

    Study warm = study(new MedianPruner(5, 3, 1, 1), StudyDirection.MINIMIZE);
    addCompleted(warm, new double[] {1, 2, 3, 4, 5}, 5);
    assertThat(warm.pruner().prune(warm, running(warm, 100, 100, 100).frozen())).isFalse(); // step 2 < 3
    assertThat(warm.pruner().prune(warm, running(warm, 100, 100, 100, 100).frozen())).isTrue();

    Study interval = study(new MedianPruner(5, 0, 2, 1), StudyDirection.MINIMIZE);
    addCompleted(interval, new double[] {1, 2, 3, 4, 5}, 5);
    assertThat(interval.pruner().prune(interval, running(interval, 100).frozen())).isTrue(); // step 0
    assertThat(interval.pruner().prune(interval, running(interval, 100, 100).frozen())).isFalse(); // step 1
    assertThat(interval.pruner().prune(interval, running(interval, 100, 100, 100).frozen())).isTrue(); // step 2

    Study minTrials = study(new MedianPruner(5, 0, 1, 6), StudyDirection.MINIMIZE);
    addCompleted(minTrials, new double[] {1, 2, 3, 4, 5}, 2);
    assertThat(minTrials.pruner().prune(minTrials, running(minTrials, 100).frozen())).isFalse();
  }

  @Test
  void percentilePrunerMaximize() {
    // maximize, percentile 25 -> 75th percentile of {1..5} at step 0 = 4.0
    Study s = study(new PercentilePruner(25.0), StudyDirection.MAXIMIZE);
    addCompleted(s, new double[] {1, 2, 3, 4, 5}, 1);
    assertThat(s.pruner().prune(s, running(s, 3.9).frozen())).isTrue();
    assertThat(s.pruner().prune(s, running(s, 4.0).frozen())).isFalse();
    assertThat(PercentilePruner.nanPercentile(List.of(3.0, Double.NaN, 1.0, 2.0, 10.0), 50)).isEqualTo(2.5);
    assertThatThrownBy(() -> new PercentilePruner(101)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MedianPruner(-1, 0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MedianPruner(5, 0, 0, 1)).isInstanceOf(IllegalArgumentException.class);
  }

  private static void addRung(Study s, double... rung0) {
    for (double v : rung0) {
      s.addTrial(Studies.createTrial(TrialState.COMPLETE, List.of(v), Map.of(), Map.of(), Map.of(),
          Map.of(SuccessiveHalvingPruner.completedRungKey(0), v), Map.of(1, v)));
    }
  }

  @Test
  void successiveHalvingHandComputed() {
    SuccessiveHalvingPruner sh = new SuccessiveHalvingPruner(1, 2, 0, 0);
    Study s = study(sh, StudyDirection.MINIMIZE);
    addRung(s, 0.1, 0.5, 0.9);
    // rung 0 at step 1; competing {0.1, 0.5, 0.9, v}: idx = 4 / 2 - 1 = 1, promote iff v <= second smallest
    Trial keep = running(s, 9.0, 0.4);
    assertThat(sh.prune(s, keep.frozen())).isFalse();
    assertThat(keep.frozen().systemAttrs()).containsEntry(SuccessiveHalvingPruner.completedRungKey(0), 0.4);
    Trial drop = running(s, 9.0, 0.6); // competing now also holds 0.4: {0.1,0.4,0.5,0.9,0.6}, idx 1 -> 0.4
    assertThat(sh.prune(s, drop.frozen())).isTrue();
    Trial nan = running(s, 9.0, Double.NaN);
    assertThat(sh.prune(s, nan.frozen())).isTrue();
    Trial early = running(s, 0.0); // step 0 < first rung at step 1
    assertThat(sh.prune(s, early.frozen())).isFalse();
  }

  @Test
  void successiveHalvingFirstArrivalsAndBootstrap() {
    SuccessiveHalvingPruner sh = new SuccessiveHalvingPruner(1, 3, 0, 0);
    Study s = study(sh, StudyDirection.MAXIMIZE);
    assertThat(sh.prune(s, running(s, 0, 5.0).frozen())).isFalse(); // alone: best so far
    assertThat(sh.prune(s, running(s, 0, 4.0).frozen())).isTrue(); // idx 0 among 2: must be the best
    assertThat(sh.prune(s, running(s, 0, 6.0).frozen())).isFalse();
    SuccessiveHalvingPruner boot = new SuccessiveHalvingPruner(1, 3, 0, 2);
    Study b = study(boot, StudyDirection.MINIMIZE);
    assertThat(boot.prune(b, running(b, 0, 1.0).frozen())).isTrue(); // 1 value <= bootstrap_count 2
    assertThatThrownBy(() -> new SuccessiveHalvingPruner(null, 3, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SuccessiveHalvingPruner(1, 1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void successiveHalvingAutoMinResource() {
    SuccessiveHalvingPruner sh = new SuccessiveHalvingPruner();
    Study s = study(sh, StudyDirection.MINIMIZE);
    assertThat(sh.prune(s, running(s, 1.0).frozen())).isFalse(); // no completed trial: cannot estimate
    addCompleted(s, new double[] {1.0}, 450); // last step 449 -> min_resource 4
    Trial t = running(s, new double[4]);
    assertThat(sh.prune(s, t.frozen())).isFalse();
    assertThat(t.frozen().systemAttrs()).doesNotContainKey(SuccessiveHalvingPruner.completedRungKey(0));
    t.report(0.0, 4);
    assertThat(sh.prune(s, t.frozen())).isFalse();
    assertThat(t.frozen().systemAttrs()).containsKey(SuccessiveHalvingPruner.completedRungKey(0));
  }

  @Test
  void hyperbandBracketsMatchLiEtAlForR81Eta3() {
    int[][][] t = HyperbandPruner.bracketTable(1, 81, 3);
    assertThat(t).hasNumberOfRows(5);
    assertThat(t[0]).isDeepEqualTo(new int[][] {{81, 1}, {27, 3}, {9, 9}, {3, 27}, {1, 81}});
    assertThat(t[1]).isDeepEqualTo(new int[][] {{34, 3}, {11, 9}, {3, 27}, {1, 81}});
    assertThat(t[2]).isDeepEqualTo(new int[][] {{15, 9}, {5, 27}, {1, 81}});
    assertThat(t[3]).isDeepEqualTo(new int[][] {{8, 27}, {2, 81}});
    assertThat(t[4]).isDeepEqualTo(new int[][] {{5, 81}});
    assertThat(HyperbandPruner.numberOfBrackets(1, 81, 3)).isEqualTo(5);
    assertThat(HyperbandPruner.numberOfBrackets(1, 80, 3)).isEqualTo(4);
  }

  @Test
  void hyperbandAllocatesBracketsAsOptuna() {
    HyperbandPruner hb = new HyperbandPruner(1, 81, 3, 0);
    Study s = study(hb, StudyDirection.MINIMIZE);
    assertThat(hb.bracketId("hb", 3)).isZero(); // not initialized yet
    hb.prune(s, running(s, 1.0).frozen());
    assertThat(hb.trialAllocationBudgets()).containsExactly(81, 34, 15, 8, 5);
    List<Integer> ids = new ArrayList<>();
    for (int n = 0; n < 12; n++) {
      ids.add(hb.bracketId("hb", n));
    }
    // binascii.crc32(f"hb_{n}".encode()) % 143 walked through the budgets, as Optuna 3.1
    assertThat(ids).containsExactly(0, 1, 0, 3, 0, 0, 0, 1, 1, 1, 1, 0);
  }

  @Test
  void hyperbandEndToEndPrunesAndKeepsBracketsApart() {
    Study s = Studies.create(StudyOptions.DEFAULTS.withSampler(new TPESampler(0)).withStudyName("curve")
        .withPruner(new HyperbandPruner(1, 27, 3, 0)));
    s.optimize(t -> {
      double x = t.suggestFloat("x", 0, 1);
      double v = 0;
      for (int step = 0; step < 27; step++) {
        v = x + 1.0 / (step + 1);
        t.report(v, step);
        if (t.shouldPrune()) {
          throw new TrialPruned();
        }
      }
      return v;
    }, 60);
    assertThat(s.getTrials(TrialState.PRUNED)).isNotEmpty();
    assertThat(s.getTrials(TrialState.COMPLETE)).isNotEmpty();
    assertThat(s.bestValue()).isLessThan(0.3);
  }

  @Test
  void thresholdPruner() {
    ThresholdPruner p = new ThresholdPruner(0.0, 1.0, 1, 1);
    Study s = study(p, StudyDirection.MINIMIZE);
    assertThat(p.prune(s, running(s, 5.0).frozen())).isFalse(); // warmup
    assertThat(p.prune(s, running(s, 5.0, 1.5).frozen())).isTrue();
    assertThat(p.prune(s, running(s, 5.0, -0.5).frozen())).isTrue();
    assertThat(p.prune(s, running(s, 5.0, 0.5).frozen())).isFalse();
    assertThat(p.prune(s, running(s, 5.0, Double.NaN).frozen())).isTrue();
    assertThatThrownBy(() -> new ThresholdPruner(null, null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ThresholdPruner(2.0, 1.0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void patientPruner() {
    PatientPruner p = new PatientPruner(null, 2, 0.0);
    Study s = study(p, StudyDirection.MINIMIZE);
    assertThat(p.prune(s, running(s, 5, 4, 3, 3.5, 3.6).frozen())).isFalse(); // 4 + 0 < 3 is false
    assertThat(p.prune(s, running(s, 1, 2, 3, 4).frozen())).isTrue(); // 1 < 2: no improvement in 3 steps
    assertThat(p.prune(s, running(s, 1, 2, 3).frozen())).isFalse(); // not enough steps
    PatientPruner wrapped = new PatientPruner(new NopPruner(), 1, 0.0);
    assertThat(wrapped.prune(s, running(s, 1, 2, 3, 4).frozen())).isFalse();
    PatientPruner delta = new PatientPruner(null, 1, 0.5);
    Study m = study(delta, StudyDirection.MAXIMIZE);
    assertThat(delta.prune(m, running(m, 10, 9.8, 9.7).frozen())).isFalse(); // 10 - 0.5 > 9.8 is false
    assertThat(delta.prune(m, running(m, 10, 9.0, 9.4).frozen())).isTrue();
    assertThatThrownBy(() -> new PatientPruner(null, -1, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  static Stream<Arguments> pruners() {
    return Stream.of(Arguments.of(Named.of("nop", new NopPruner())),
        Arguments.of(Named.of("median", new MedianPruner())),
        Arguments.of(Named.of("percentile", new PercentilePruner(25))),
        Arguments.of(Named.of("successive-halving", new SuccessiveHalvingPruner())),
        Arguments.of(Named.of("hyperband", new HyperbandPruner())),
        Arguments.of(Named.of("threshold", new ThresholdPruner(null, 100.0))),
        Arguments.of(Named.of("patient", new PatientPruner(new MedianPruner(), 2, 0.0))));
  }

  @ParameterizedTest
  @MethodSource("pruners")
  void contractNoReportNoPruneAndStudiesRun(Pruner pruner) {
    Study s = study(pruner, StudyDirection.MINIMIZE);
    assertThat(pruner.prune(s, s.ask().frozen())).isFalse();
    Study run = Studies.create(StudyOptions.DEFAULTS.withSampler(new RandomSampler(1)).withPruner(pruner));
    run.optimize(t -> {
      double x = t.suggestFloat("x", 0, 1);
      for (int step = 0; step < 10; step++) {
        t.report(x * (10 - step), step);
        if (t.shouldPrune()) {
          throw new TrialPruned();
        }
      }
      return x;
    }, 25);
    assertThat(run.trials()).hasSize(25).allMatch(t -> t.state() == TrialState.COMPLETE
        || t.state() == TrialState.PRUNED);
    for (FrozenTrial t : run.getTrials(TrialState.PRUNED)) {
      assertThat(t.intermediateValues()).isNotEmpty();
    }
  }
}
