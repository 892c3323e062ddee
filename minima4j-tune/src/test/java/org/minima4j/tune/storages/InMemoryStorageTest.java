package org.minima4j.tune.storages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.minima4j.tune.CategoricalDistribution;
import org.minima4j.tune.FloatDistribution;
import org.minima4j.tune.FrozenTrial;
import org.minima4j.tune.IntDistribution;
import org.minima4j.tune.StudyDirection;
import org.minima4j.tune.TrialState;

/** The storage contract, run against the in-memory storage (a JDBC storage will reuse it). */
class InMemoryStorageTest {

  Storage storage() {
    return new InMemoryStorage();
  }

  @Test
  void studiesByNameAndId() {
    Storage s = storage();
    int a = s.createNewStudy(List.of(StudyDirection.MINIMIZE), "a");
    int b = s.createNewStudy(List.of(StudyDirection.MAXIMIZE, StudyDirection.MINIMIZE), "b");
    assertThat(a).isNotEqualTo(b);
    assertThat(s.getStudyIdFromName("b")).isEqualTo(b);
    assertThat(s.getStudyNameFromId(a)).isEqualTo("a");
    assertThat(s.getStudyDirections(b)).containsExactly(StudyDirection.MAXIMIZE, StudyDirection.MINIMIZE);
    assertThat(s.getAllStudyNames()).containsExactly("a", "b");
    assertThatThrownBy(() -> s.createNewStudy(List.of(StudyDirection.MINIMIZE), "a"))
        .isInstanceOf(IllegalArgumentException.class);
    s.setStudyUserAttr(a, "k", List.of(1, 2));
    s.setStudySystemAttr(a, "sys", "v");
    assertThat(s.getStudyUserAttrs(a)).containsEntry("k", List.of(1, 2));
    assertThat(s.getStudySystemAttrs(a)).containsEntry("sys", "v");
    s.deleteStudy(a);
    assertThatThrownBy(() -> s.getStudyIdFromName("a")).isInstanceOf(NoSuchElementException.class);
    assertThatThrownBy(() -> s.getTrial(999)).isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void trialNumbersAndStates() {
    Storage s = storage();
    int a = s.createNewStudy(List.of(StudyDirection.MINIMIZE), "a");
    int b = s.createNewStudy(List.of(StudyDirection.MINIMIZE), "b");
    int t0 = s.createNewTrial(a, null);
    int u0 = s.createNewTrial(b, null);
    int t1 = s.createNewTrial(a, null);
    assertThat(s.getTrial(t0).number()).isZero();
    assertThat(s.getTrial(u0).number()).isZero();
    assertThat(s.getTrial(t1).number()).isEqualTo(1);
    assertThat(s.getTrialIdFromStudyIdTrialNumber(a, 1)).isEqualTo(t1);
    assertThat(s.getTrial(t0).state()).isEqualTo(TrialState.RUNNING);
    assertThat(s.getTrial(t0).datetimeStart()).isNotNull();
    s.setTrialParam(t0, "x", 0.5, FloatDistribution.of(0, 1));
    s.setTrialParam(t0, "c", 1, CategoricalDistribution.of("p", "q"));
    s.setTrialIntermediateValue(t0, 0, 2.0);
    s.setTrialIntermediateValue(t0, 0, 3.0);
    s.setTrialUserAttr(t0, "u", 1);
    s.setTrialSystemAttr(t0, "s", "v");
    assertThat(s.setTrialStateValues(t0, TrialState.COMPLETE, List.of(1.5))).isTrue();
    FrozenTrial f = s.getTrial(t0);
    assertThat(f.params()).containsEntry("x", 0.5).containsEntry("c", "q");
    assertThat(f.intermediateValues()).containsExactly(Map.entry(0, 2.0));
    assertThat(f.values()).containsExactly(1.5);
    assertThat(f.datetimeComplete()).isNotNull();
    assertThat(f.userAttrs()).containsEntry("u", 1);
    assertThat(s.getAllTrials(a, EnumSet.of(TrialState.COMPLETE))).hasSize(1);
    assertThat(s.getNTrials(a, null)).isEqualTo(2);
    // finished trials are immutable
    assertThatThrownBy(() -> s.setTrialParam(t0, "y", 0.1, FloatDistribution.of(0, 1)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("already finished");
    assertThatThrownBy(() -> s.setTrialStateValues(t0, TrialState.FAIL, null)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> s.setTrialIntermediateValue(t0, 1, 1.0)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> s.setTrialUserAttr(t0, "k", 1)).isInstanceOf(IllegalStateException.class);
    // parameter compatibility within the study
    assertThatThrownBy(() -> s.setTrialParam(t1, "c", 0, CategoricalDistribution.of("p", "q", "r")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dynamic value space");
    assertThatThrownBy(() -> s.setTrialParam(t1, "x", 1, IntDistribution.of(0, 3)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("different distribution kind");
    s.setTrialParam(t1, "x", 2.0, FloatDistribution.of(0, 5)); // a float range may change between trials
    assertThatThrownBy(() -> s.setTrialParam(t1, "x", 1.0, FloatDistribution.of(0, 5)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void waitingTrialsArePoppedOnce() throws Exception {
    Storage s = storage();
    int a = s.createNewStudy(List.of(StudyDirection.MINIMIZE), "a");
    int w = s.createNewTrial(a, new FrozenTrial(-1, -1, TrialState.WAITING, null, null, null, Map.of(), Map.of(),
        Map.of(), Map.of("fixed_params", Map.of("x", 1.0)), Map.of()));
    assertThat(s.getTrial(w).datetimeStart()).isNull();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    AtomicInteger wins = new AtomicInteger();
    List<Future<?>> fs = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      fs.add(pool.submit(() -> {
        if (s.setTrialStateValues(w, TrialState.RUNNING, null)) {
          wins.incrementAndGet();
        }
      }));
    }
    for (Future<?> f : fs) {
      f.get();
    }
    pool.shutdown();
    assertThat(wins.get()).isEqualTo(1);
    assertThat(s.getTrial(w).datetimeStart()).isNotNull();
  }

  @Test
  void concurrentTrialCreationNeverDuplicatesNumbers() throws Exception {
    Storage s = storage();
    int a = s.createNewStudy(List.of(StudyDirection.MINIMIZE), "a");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<Integer>> fs = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      fs.add(pool.submit(() -> s.getTrial(s.createNewTrial(a, null)).number()));
    }
    Set<Integer> numbers = Collections.synchronizedSet(new HashSet<>());
    for (Future<Integer> f : fs) {
      numbers.add(f.get());
    }
    pool.shutdown();
    assertThat(numbers).hasSize(200);
    assertThat(Collections.max(numbers)).isEqualTo(199);
  }

  @Test
  void heartbeatsFindStaleTrials() throws Exception {
    Storage s = storage();
    int a = s.createNewStudy(List.of(StudyDirection.MINIMIZE), "a");
    int t = s.createNewTrial(a, null);
    s.recordHeartbeat(t);
    Thread.sleep(30);
    assertThat(s.getStaleTrialIds(a, Duration.ofMillis(10))).containsExactly(t);
    assertThat(s.getStaleTrialIds(a, Duration.ofHours(1))).isEmpty();
    s.setTrialStateValues(t, TrialState.FAIL, null);
    assertThat(s.getStaleTrialIds(a, Duration.ofMillis(10))).isEmpty();
  }
}
