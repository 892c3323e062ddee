package org.minima4j.tune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.minima4j.tune.pruners.NopPruner;
import org.minima4j.tune.samplers.NSGAIISampler;
import org.minima4j.tune.samplers.RandomSampler;
import org.minima4j.tune.samplers.TPESampler;
import org.minima4j.tune.storages.InMemoryStorage;
import org.minima4j.tune.storages.Storage;

class StudyTest {

  private static Study study(long seed) {
    return Studies.create(StudyOptions.DEFAULTS.withSampler(new RandomSampler(seed)));
  }

  @Test
  void quickStartFindsTheMinimum() {
    Study study = Studies.create(StudyOptions.DEFAULTS.withSampler(new TPESampler(42)));
    study.optimize(t -> {
      double x = t.suggestFloat("x", -10, 10);
      return (x - 2) * (x - 2);
    }, 60);
    assertThat(study.trials()).hasSize(60);
    assertThat(study.bestValue()).isLessThan(0.05);
    assertThat((Double) study.bestParams().get("x")).isCloseTo(2.0, org.assertj.core.data.Offset.offset(0.25));
    assertThat(study.bestTrial().state()).isEqualTo(TrialState.COMPLETE);
    assertThat(study.trials()).extracting(FrozenTrial::number).containsExactlyElementsOf(range(60));
  }

  private static List<Integer> range(int n) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(i);
    }
    return out;
  }

  @Test
  void defaultsMatchOptuna() {
    Study s = Studies.create(StudyOptions.DEFAULTS);
    assertThat(s.sampler()).isInstanceOf(TPESampler.class);
    assertThat(s.pruner()).isInstanceOf(org.minima4j.tune.pruners.MedianPruner.class);
    assertThat(s.direction()).isEqualTo(StudyDirection.MINIMIZE);
    assertThat(s.studyName()).isEqualTo("no-name-0");
    Study m = Studies.create(StudyOptions.DEFAULTS.withDirections(StudyDirection.MINIMIZE, StudyDirection.MAXIMIZE));
    assertThat(m.sampler()).isInstanceOf(NSGAIISampler.class);
    assertThatThrownBy(m::direction).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void maximizeFindsTheLargestValue() {
    Study s = Studies.create(StudyOptions.DEFAULTS.withSampler(new RandomSampler(1))
        .withDirection(StudyDirection.MAXIMIZE));
    s.optimize(t -> t.suggestFloat("x", 0, 1), 30);
    double max = s.trials().stream().mapToDouble(t -> t.value()).max().orElseThrow();
    assertThat(s.bestValue()).isEqualTo(max);
  }

  @Test
  void askTellLoop() {
    Study s = study(3);
    for (int i = 0; i < 5; i++) {
      Trial t = s.ask();
      double x = t.suggestFloat("x", -1, 1);
      int n = t.suggestInt("n", 1, 8, true);
      String c = t.suggestCategorical("c", "a", "b");
      assertThat(n).isBetween(1, 8);
      assertThat(c).isIn("a", "b");
      FrozenTrial ft = s.tell(t, x * x);
      assertThat(ft.state()).isEqualTo(TrialState.COMPLETE);
    }
    Trial pruned = s.ask();
    pruned.report(3.0, 0);
    assertThat(s.tell(pruned, TrialState.PRUNED).values()).containsExactly(3.0);
    Trial failed = s.ask();
    assertThat(s.tell(failed, TrialState.FAIL).state()).isEqualTo(TrialState.FAIL);
    assertThatThrownBy(() -> s.tell(failed, 1.0)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Cannot tell a FAIL trial");
    assertThat(s.tell(failed.number(), List.of(1.0), null, true).state()).isEqualTo(TrialState.FAIL);
    Trial wrong = s.ask();
    assertThatThrownBy(() -> s.tell(wrong.number(), List.of(1.0, 2.0), TrialState.COMPLETE, false))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("did not match the number of the objectives");
  }

  @Test
  void askWithFixedDistributions() {
    Study s = study(4);
    Trial t = s.ask(Map.of("x", FloatDistribution.of(0, 1)));
    assertThat(t.params()).containsKey("x");
    assertThat(t.suggestFloat("x", 0, 1)).isEqualTo(t.params().get("x"));
  }

  @Test
  void enqueuedTrialsRunFirstWithTheirParams() {
    Study s = study(5);
    s.enqueueTrial(Map.of("x", 0.25, "k", 3));
    s.enqueueTrial(Map.of("x", 0.25, "k", 3), Map.of(), true);
    assertThat(s.getTrials(TrialState.WAITING)).hasSize(1);
    s.enqueueTrial(Map.of("x", 0.75), Map.of("source", "me"), false);
    List<double[]> seen = new ArrayList<>();
    s.optimize(t -> {
      double x = t.suggestFloat("x", 0, 1);
      int k = t.suggestInt("k", 0, 10);
      seen.add(new double[] {x, k});
      return x;
    }, 3);
    assertThat(seen.get(0)).containsExactly(0.25, 3.0);
    assertThat(seen.get(1)[0]).isEqualTo(0.75);
    assertThat(s.trials().get(1).userAttrs()).containsEntry("source", "me");
    s.enqueueTrial(Map.of("x", 0.25, "k", 3), Map.of(), true);
    assertThat(s.getTrials(TrialState.WAITING)).isEmpty();
    s.enqueueTrial(Map.of("x", 2.0));
    assertThatThrownBy(() -> s.optimize(t -> t.suggestFloat("x", 0, 1), 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("out of range");
  }

  @Test
  void warmStartWithAddedTrials() {
    Study s = Studies.create(StudyOptions.DEFAULTS.withSampler(new TPESampler(TPESampler.Options.DEFAULTS
        .withSeed(0).withNStartupTrials(3))));
    Map<String, Distribution> d = Map.of("x", FloatDistribution.of(-10, 10));
    for (double x : new double[] {-9, 1.5, 2.5, 8}) {
      s.addTrial(Studies.createTrial((x - 2) * (x - 2), Map.of("x", x), d));
    }
    assertThat(s.trials()).hasSize(4);
    assertThat(s.bestParams()).containsEntry("x", 1.5);
    s.optimize(t -> {
      double x = t.suggestFloat("x", -10, 10);
      return (x - 2) * (x - 2);
    }, 10);
    assertThat(s.trials()).hasSize(14);
    assertThatThrownBy(() -> s.addTrial(Studies.createTrial(TrialState.COMPLETE, List.of(Double.NaN), Map.of(),
        Map.of(), Map.of(), Map.of(), Map.of()))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Studies.createTrial(TrialState.RUNNING, null, Map.of(), Map.of(), Map.of(), Map.of(),
        Map.of())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void userAttributes() {
    Study s = study(6);
    s.setUserAttr("owner", "lead");
    s.optimize(t -> {
      t.setUserAttr("note", "n" + t.number());
      return t.suggestFloat("x", 0, 1);
    }, 2);
    assertThat(s.userAttrs()).containsEntry("owner", "lead");
    assertThat(s.trials().get(1).userAttrs()).containsEntry("note", "n1");
  }

  @Test
  void nanObjectiveFailsTheTrialAndTheStudyGoesOn() {
    Study s = study(7);
    s.optimize(t -> t.number() == 1 ? Double.NaN : t.suggestFloat("x", 0, 1), 3);
    assertThat(s.trials()).extracting(FrozenTrial::state)
        .containsExactly(TrialState.COMPLETE, TrialState.FAIL, TrialState.COMPLETE);
    assertThat(s.trials().get(1).systemAttrs().get(Study.FAIL_REASON_KEY).toString()).contains("NaN");
    assertThat(s.trials().get(1).values()).isNull();
  }

  @Test
  void caughtExceptionsFailTheTrialOthersStopTheStudy() {
    Study s = study(8);
    s.optimize(t -> {
      if (t.number() == 0) {
        throw new IOException("disk");
      }
      return 1.0;
    }, 3, null, 1, List.of(IOException.class), List.of());
    assertThat(s.trials()).extracting(FrozenTrial::state)
        .containsExactly(TrialState.FAIL, TrialState.COMPLETE, TrialState.COMPLETE);
    assertThat(s.trials().get(0).systemAttrs().get(Study.FAIL_REASON_KEY).toString()).contains("disk");

    Study s2 = study(9);
    assertThatThrownBy(() -> s2.optimize(t -> {
      if (t.number() == 1) {
        throw new IllegalStateException("boom");
      }
      return 1.0;
    }, 5)).isInstanceOf(IllegalStateException.class).hasMessage("boom");
    assertThat(s2.trials()).hasSize(2);
    assertThat(s2.trials().get(1).state()).isEqualTo(TrialState.FAIL);

    Study s4 = study(18);
    assertThatThrownBy(() -> s4.optimize(t -> {
      throw new AssertionError("inside the objective");
    }, 3, null, 2, List.of(), List.of())).isInstanceOf(AssertionError.class).hasMessage("inside the objective");
    assertThat(s4.trials()).allMatch(t -> t.state() == TrialState.FAIL);

    Study s3 = study(10);
    assertThatThrownBy(() -> s3.optimize(t -> {
      throw new IOException("checked");
    }, 5)).isInstanceOf(TrialFailedException.class).hasCauseInstanceOf(IOException.class);
    assertThat(s3.trials()).hasSize(1);
  }

  @Test
  void prunedByException() {
    Study s = Studies.create(StudyOptions.DEFAULTS.withSampler(new RandomSampler(1)).withPruner(new NopPruner()));
    s.optimize(t -> {
      t.report(5.0, 0);
      throw new TrialPruned();
    }, 2);
    assertThat(s.trials()).allMatch(t -> t.state() == TrialState.PRUNED && t.values().equals(List.of(5.0)));
    assertThatThrownBy(s::bestTrial).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("No trials are completed yet");
  }

  @Test
  void reportRules() {
    Study s = study(11);
    Trial t = s.ask();
    t.report(1.0, 0);
    t.report(2.0, 0);
    assertThat(t.frozen().intermediateValues()).containsEntry(0, 1.0);
    assertThatThrownBy(() -> t.report(1.0, -1)).isInstanceOf(IllegalArgumentException.class);
    s.tell(t, 1.0);
    assertThatThrownBy(() -> t.report(3.0, 1)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already finished");
    assertThatThrownBy(() -> t.suggestFloat("y", 0, 1)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> t.setUserAttr("k", 1)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void sameNameDifferentChoicesFails() {
    Study s = study(12);
    Trial t = s.ask();
    t.suggestCategorical("c", "a", "b");
    assertThatThrownBy(() -> t.suggestCategorical("c", "a", "b", "z"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dynamic value space");
    assertThatThrownBy(() -> t.suggestFloat("c", 0, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("different distribution kind");
    s.tell(t, 1.0);
    Trial t2 = s.ask();
    assertThatThrownBy(() -> t2.suggestCategorical("c", "x", "y"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dynamic value space");
    // the same range again returns the value already drawn
    double x = t2.suggestFloat("x", 0, 1);
    assertThat(t2.suggestFloat("x", 0, 1)).isEqualTo(x);
  }

  @Test
  void suggestRejectsBadRanges() {
    Trial t = study(13).ask();
    assertThatThrownBy(() -> t.suggestFloat("a", 1, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> t.suggestFloat("a", 0, 1, true)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> t.suggestFloat("a", 0, 1, 0.3)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> t.suggestInt("a", 0, 10, 3, false)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> t.suggestInt("a", 0, 10, true)).isInstanceOf(IllegalArgumentException.class);
    assertThat(t.suggestFloat("single", 3, 3)).isEqualTo(3.0);
  }

  @Test
  void timeoutCallbacksAndStop() {
    Study s = study(14);
    AtomicInteger calls = new AtomicInteger();
    s.optimize(t -> t.suggestFloat("x", 0, 1), null, null, 1, List.of(), List.of((st, ft) -> {
      if (calls.incrementAndGet() == 7) {
        st.stop();
      }
    }));
    assertThat(s.trials()).hasSize(7);
    Study s2 = study(15);
    s2.optimize(t -> {
      Thread.sleep(5);
      return 1.0;
    }, null, Duration.ofMillis(60), 1, List.of(), List.of());
    assertThat(s2.trials().size()).isBetween(1, 13);
    assertThatThrownBy(() -> s2.optimize(t -> 1.0, -1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> s2.optimize(t -> 1.0, 1, null, 0, List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void maxTrialsCallbackCapsTheStudyTotal() {
    Study s = study(17);
    s.optimize(t -> t.number() % 2 == 0 ? t.suggestFloat("x", 0, 1) : Double.NaN, 100, null, 1, List.of(),
        List.of(new MaxTrialsCallback(5)));
    assertThat(s.getTrials(TrialState.COMPLETE)).hasSize(5);
    assertThat(s.trials()).hasSize(9);
    assertThatThrownBy(() -> new MaxTrialsCallback(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void parallelJobsRunEveryTrialOnce() {
    Study s = Studies.create(StudyOptions.DEFAULTS.withSampler(new TPESampler(TPESampler.Options.DEFAULTS
        .withSeed(1).withConstantLiar(true))));
    Set<String> threads = Collections.synchronizedSet(new HashSet<>());
    s.optimize(t -> {
      threads.add(Thread.currentThread().getName());
      return t.suggestFloat("x", -1, 1) * t.suggestFloat("y", -1, 1);
    }, 40, null, 3, List.of(), List.of());
    assertThat(s.trials()).hasSize(40).allMatch(t -> t.state() == TrialState.COMPLETE);
    assertThat(s.trials()).extracting(FrozenTrial::number).containsExactlyElementsOf(range(40));
    assertThat(threads.size()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void multiObjectiveParetoFront() {
    Study s = Studies.create(StudyOptions.DEFAULTS.withDirections(StudyDirection.MINIMIZE, StudyDirection.MINIMIZE)
        .withSampler(new NSGAIISampler(10, null, 0.9, 0.5, null, 0)));
    s.optimizeMulti(t -> {
      double x = t.suggestFloat("x", 0, 1);
      double y = t.suggestFloat("y", 0, 1);
      return new double[] {x, (1 - x) + y};
    }, 60);
    List<FrozenTrial> front = s.bestTrials();
    assertThat(front).isNotEmpty();
    for (FrozenTrial a : front) {
      for (FrozenTrial b : s.getTrials(TrialState.COMPLETE)) {
        double[] va = {a.values().get(0), a.values().get(1)};
        double[] vb = {b.values().get(0), b.values().get(1)};
        assertThat(Study.dominates(vb, va)).isFalse();
      }
    }
    assertThatThrownBy(s::bestTrial).isInstanceOf(IllegalStateException.class);
    Trial t = s.ask();
    assertThatThrownBy(() -> t.report(1, 0)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(t::shouldPrune).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> s.optimize(tr -> 1.0, 1)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void constraintsRestrictTheBestTrial() {
    Study s = study(16);
    s.optimize(t -> {
      double x = t.suggestFloat("x", -1, 1);
      t.setConstraints(0.2 - x); // feasible iff x >= 0.2
      return x;
    }, 40);
    assertThat((Double) s.bestParams().get("x")).isGreaterThanOrEqualTo(0.2);
    Trial t = s.ask();
    assertThatThrownBy(() -> t.setConstraints(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void loadAndStorageRules() {
    Storage storage = new InMemoryStorage();
    Study a = Studies.create(StudyOptions.DEFAULTS.withStorage(storage).withStudyName("s")
        .withSampler(new RandomSampler(0)));
    a.optimize(t -> t.suggestFloat("x", 0, 1), 3);
    assertThatThrownBy(() -> Studies.create(StudyOptions.DEFAULTS.withStorage(storage).withStudyName("s")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already exists");
    Study b = Studies.create(StudyOptions.DEFAULTS.withStorage(storage).withStudyName("s").withLoadIfExists(true)
        .withSampler(new RandomSampler(1)));
    b.optimize(t -> t.suggestFloat("x", 0, 1), 2);
    assertThat(Studies.load("s", storage, null, null).trials()).hasSize(5);
    assertThat(Studies.studyNames(storage)).containsExactly("s");
    Studies.delete("s", storage);
    assertThat(Studies.studyNames(storage)).isEmpty();
    assertThatThrownBy(() -> StudyOptions.DEFAULTS.withStorage("mysql://user:secret@host/db"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("secret");
    assertThatThrownBy(() -> StudyOptions.DEFAULTS.withDirections(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void sameSeedSameStudyDifferentSeedDifferent() {
    List<Object> a = run(5);
    List<Object> b = run(5);
    List<Object> c = run(6);
    assertThat(a).isEqualTo(b);
    assertThat(a).isNotEqualTo(c);
  }

  private static List<Object> run(long seed) {
    Study s = Studies.create(StudyOptions.DEFAULTS.withSampler(new TPESampler(seed)));
    s.optimize(t -> {
      double x = t.suggestFloat("x", -5, 5);
      int k = t.suggestInt("k", 0, 4);
      String c = t.suggestCategorical("c", "p", "q");
      return x * x + k + (c.equals("p") ? 0 : 1);
    }, 25);
    List<Object> out = new ArrayList<>();
    for (FrozenTrial t : s.trials()) {
      out.add(t.params());
      out.add(t.values());
    }
    return out;
  }

  @Test
  void heartbeatThreadKeepsLongTrialsAliveAndStaleOnesAreFailed() throws InterruptedException {
    InMemoryStorage storage = new InMemoryStorage(java.time.Clock.systemUTC(), Duration.ofMillis(10),
        Duration.ofMillis(400));
    Study s = Studies.create(StudyOptions.DEFAULTS.withStorage(storage).withSampler(new RandomSampler(0)));
    Trial abandoned = s.ask();
    abandoned.report(1.0, 0); // records a heartbeat, then nobody beats for it
    Thread.sleep(500);
    s.optimize(t -> {
      Thread.sleep(450); // longer than the grace period: only the heartbeat thread keeps it alive
      return t.suggestFloat("x", 0, 1);
    }, 4, null, 2, List.of(), List.of());
    assertThat(s.trials().get(abandoned.number()).state()).isEqualTo(TrialState.FAIL);
    assertThat(s.trials().get(abandoned.number()).systemAttrs().get(Study.FAIL_REASON_KEY).toString())
        .contains("stale heartbeat");
    assertThat(s.getTrials(TrialState.COMPLETE)).hasSize(4);
    assertThatThrownBy(() -> new InMemoryStorage(java.time.Clock.systemUTC(), Duration.ZERO, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new InMemoryStorage().heartbeatInterval()).isNull();
  }

  @Test
  void staleTrialsAreRetriedWithTheirParams() {
    java.time.Instant[] now = {java.time.Instant.parse("2026-01-01T00:00:00Z")};
    java.time.Clock clock = new java.time.Clock() {
      public java.time.ZoneId getZone() {
        return java.time.ZoneOffset.UTC;
      }

      public java.time.Clock withZone(java.time.ZoneId z) {
        return this;
      }

      public java.time.Instant instant() {
        return now[0];
      }
    };
    InMemoryStorage storage = new InMemoryStorage(clock, Duration.ofHours(1), Duration.ofSeconds(60),
        new org.minima4j.tune.storages.RetryFailedTrialCallback(1, true));
    Study s = Studies.create(StudyOptions.DEFAULTS.withStorage(storage).withSampler(new RandomSampler(0)));
    Trial t = s.ask();
    double x = t.suggestFloat("x", 0, 1);
    t.setUserAttr("u", "kept");
    t.report(0.5, 0);
    now[0] = now[0].plusSeconds(120);
    assertThat(s.failStaleTrials(Duration.ofSeconds(60))).containsExactly(0);
    FrozenTrial waiting = s.getTrials(TrialState.WAITING).get(0);
    assertThat(waiting.params()).containsEntry("x", x);
    assertThat(waiting.userAttrs()).containsEntry("u", "kept");
    assertThat(waiting.intermediateValues()).containsEntry(0, 0.5);
    assertThat(org.minima4j.tune.storages.RetryFailedTrialCallback.retriedTrialNumber(waiting)).isZero();
    Trial retry = s.ask();
    assertThat(retry.number()).isEqualTo(1);
    assertThat(retry.suggestFloat("x", 0, 1)).isEqualTo(x);
    retry.report(0.4, 1);
    now[0] = now[0].plusSeconds(120);
    s.failStaleTrials(Duration.ofSeconds(60));
    assertThat(org.minima4j.tune.storages.RetryFailedTrialCallback.retryHistory(s.trials().get(1)))
        .containsExactly(0);
    assertThat(s.getTrials(TrialState.WAITING)).isEmpty(); // max_retry 1 reached
  }

  @Test
  void staleTrialsAreFailedByHeartbeat() {
    java.time.Instant[] now = {java.time.Instant.parse("2026-01-01T00:00:00Z")};
    java.time.Clock clock = new java.time.Clock() {
      public java.time.ZoneId getZone() {
        return java.time.ZoneOffset.UTC;
      }

      public java.time.Clock withZone(java.time.ZoneId z) {
        return this;
      }

      public java.time.Instant instant() {
        return now[0];
      }
    };
    Study s = Studies.create(StudyOptions.DEFAULTS.withStorage(new InMemoryStorage(clock))
        .withSampler(new RandomSampler(0)));
    Trial t = s.ask();
    t.report(1.0, 0);
    now[0] = now[0].plusSeconds(120);
    assertThat(s.failStaleTrials(Duration.ofSeconds(60))).containsExactly(t.number());
    assertThat(s.trials().get(0).state()).isEqualTo(TrialState.FAIL);
  }
}
