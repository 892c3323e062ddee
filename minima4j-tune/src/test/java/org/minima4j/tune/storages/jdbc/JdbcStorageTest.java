package org.minima4j.tune.storages.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.minima4j.tune.CategoricalDistribution;
import org.minima4j.tune.FloatDistribution;
import org.minima4j.tune.FrozenTrial;
import org.minima4j.tune.IntDistribution;
import org.minima4j.tune.Studies;
import org.minima4j.tune.Study;
import org.minima4j.tune.StudyDirection;
import org.minima4j.tune.StudyOptions;
import org.minima4j.tune.TrialState;
import org.minima4j.tune.samplers.TPESampler;
import org.minima4j.tune.storages.InMemoryStorage;
import org.minima4j.tune.storages.Storage;

/** The storage contract on SQLite and PostgreSQL, plus bad input. */
class JdbcStorageTest {

  @TempDir
  static Path dir;

  static Stream<Arguments> databases() {
    return Stream.of(Arguments.of("sqlite"), Arguments.of("postgresql"));
  }

  private static String url(String db, String tag) {
    return db.equals("sqlite") ? TestDatabases.sqlite(dir, tag + System.nanoTime()) : TestDatabases.postgres(tag);
  }

  @ParameterizedTest
  @MethodSource("databases")
  void studiesAndAttributes(String db) {
    try (JdbcStorage s = JdbcStorage.open(url(db, "studies"))) {
      int a = s.createNewStudy(List.of(StudyDirection.MINIMIZE), "a");
      int b = s.createNewStudy(List.of(StudyDirection.MAXIMIZE, StudyDirection.MINIMIZE), "b'; DROP TABLE trials; --");
      assertThat(s.getAllStudyNames()).containsExactly("a", "b'; DROP TABLE trials; --");
      assertThat(s.getStudyIdFromName("b'; DROP TABLE trials; --")).isEqualTo(b);
      assertThat(s.getStudyNameFromId(a)).isEqualTo("a");
      assertThat(s.getStudyDirections(b)).containsExactly(StudyDirection.MAXIMIZE, StudyDirection.MINIMIZE);
      assertThatThrownBy(() -> s.createNewStudy(List.of(StudyDirection.MINIMIZE), "a"))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already exists");
      Map<String, Object> nested = new LinkedHashMap<>();
      nested.put("list", List.of(1, 2.5, "x", true));
      nested.put("null", null);
      s.setStudyUserAttr(a, "k", nested);
      s.setStudyUserAttr(a, "k", "replaced");
      s.setStudyUserAttr(a, "inf", Double.POSITIVE_INFINITY);
      s.setStudySystemAttr(a, "sys", nested);
      assertThat(s.getStudyUserAttrs(a)).containsEntry("k", "replaced").containsEntry("inf", Double.POSITIVE_INFINITY);
      assertThat(s.getStudySystemAttrs(a)).containsEntry("sys", nested);
      assertThat(s.setStudySystemAttrIfAbsent(a, "once", 1)).isTrue();
      assertThat(s.setStudySystemAttrIfAbsent(a, "once", 2)).isFalse();
      assertThatThrownBy(() -> s.getStudyIdFromName("nope")).isInstanceOf(NoSuchElementException.class)
          .hasMessageContaining("nope");
      s.deleteStudy(a);
      assertThat(s.getAllStudyNames()).containsExactly("b'; DROP TABLE trials; --");
      assertThatThrownBy(() -> s.getStudyNameFromId(a)).isInstanceOf(NoSuchElementException.class);
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void trialsParamsValuesAndStates(String db) {
    try (JdbcStorage s = JdbcStorage.open(url(db, "trials"))) {
      int sid = s.createNewStudy(List.of(StudyDirection.MINIMIZE), "s");
      int t0 = s.createNewTrial(sid, null);
      int t1 = s.createNewTrial(sid, null);
      assertThat(s.getTrial(t0).number()).isZero();
      assertThat(s.getTrial(t1).number()).isEqualTo(1);
      assertThat(s.getTrial(t0).state()).isEqualTo(TrialState.RUNNING);
      String evil = "x'); DELETE FROM trials; --";
      s.setTrialParam(t0, evil, 0.25, FloatDistribution.of(0, 1));
      s.setTrialParam(t0, "n", 7, new IntDistribution(1, 100, true, 1));
      CategoricalDistribution cat = CategoricalDistribution.of("a", null, 1.5, true, 3);
      s.setTrialParam(t0, "c", 4, cat);
      assertThatThrownBy(() -> s.setTrialParam(t1, evil, 1, IntDistribution.of(0, 3)))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("different distribution kind");
      assertThatThrownBy(() -> s.setTrialParam(t1, "c", 0, CategoricalDistribution.of("a", "b")))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dynamic value space");
      assertThatThrownBy(() -> s.setTrialParam(t0, "n", 8, new IntDistribution(1, 100, true, 1)))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already set");
      s.setTrialIntermediateValue(t0, 0, 1.5);
      s.setTrialIntermediateValue(t0, 0, 9.0);
      s.setTrialIntermediateValue(t0, 1, Double.NEGATIVE_INFINITY);
      s.setTrialIntermediateValue(t0, 2, Double.NaN);
      s.setTrialUserAttr(t0, "u", List.of("a", 1));
      s.setTrialSystemAttr(t0, "constraints", List.of(-1.0, 0.0));
      assertThat(s.setTrialStateValues(t0, TrialState.COMPLETE, List.of(Double.POSITIVE_INFINITY))).isTrue();
      FrozenTrial f = s.getTrial(t0);
      assertThat(f.state()).isEqualTo(TrialState.COMPLETE);
      assertThat(f.values()).containsExactly(Double.POSITIVE_INFINITY);
      assertThat(f.params()).containsEntry(evil, 0.25).containsEntry("n", 7L).containsEntry("c", 3);
      assertThat(f.distributions().get("c")).isEqualTo(cat);
      assertThat(f.distributions().get("n")).isEqualTo(new IntDistribution(1, 100, true, 1));
      assertThat(f.intermediateValues()).containsEntry(0, 1.5).containsEntry(1, Double.NEGATIVE_INFINITY);
      assertThat(f.intermediateValues().get(2)).isNaN();
      assertThat(f.userAttrs()).containsEntry("u", List.of("a", 1));
      assertThat(f.datetimeStart()).isNotNull();
      assertThat(f.datetimeComplete()).isNotNull();
      assertThatThrownBy(() -> s.setTrialUserAttr(t0, "late", 1)).isInstanceOf(IllegalStateException.class);
      assertThatThrownBy(() -> s.setTrialStateValues(t0, TrialState.FAIL, null))
          .isInstanceOf(IllegalStateException.class);
      // WAITING -> RUNNING succeeds once.
      FrozenTrial waiting = new FrozenTrial(-1, -1, TrialState.WAITING, null, null, null, Map.of(), Map.of(), Map.of(),
          Map.of("fixed_params", Map.of("x", 1)), Map.of());
      int t2 = s.createNewTrial(sid, waiting);
      assertThat(s.getAllTrials(sid, EnumSet.of(TrialState.WAITING))).extracting(FrozenTrial::trialId)
          .containsExactly(t2);
      assertThat(s.setTrialStateValues(t2, TrialState.RUNNING, null)).isTrue();
      assertThat(s.setTrialStateValues(t2, TrialState.RUNNING, null)).isFalse();
      assertThat(s.getTrial(t2).systemAttrs()).containsEntry("fixed_params", Map.of("x", 1));
      s.setTrialStateValues(t2, TrialState.COMPLETE, List.of(1.0));
      assertThat(s.setTrialStateValues(t2, TrialState.RUNNING, null)).as("a claimed and finished trial").isFalse();
      assertThat(s.getAllTrials(sid, null)).extracting(FrozenTrial::number).containsExactly(0, 1, 2);
      assertThat(s.getNTrials(sid, EnumSet.of(TrialState.RUNNING))).isEqualTo(1);
      assertThat(s.getTrialIdFromStudyIdTrialNumber(sid, 2)).isEqualTo(t2);
      assertThatThrownBy(() -> s.getTrialIdFromStudyIdTrialNumber(sid, 3)).isInstanceOf(NoSuchElementException.class);
      assertThatThrownBy(() -> s.getTrial(123456)).isInstanceOf(NoSuchElementException.class);
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void heartbeatsMakeStaleTrials(String db) throws Exception {
    try (JdbcStorage s = JdbcStorage.open(url(db, "hb"))) {
      int sid = s.createNewStudy(List.of(StudyDirection.MINIMIZE), "s");
      int t0 = s.createNewTrial(sid, null);
      int t1 = s.createNewTrial(sid, null);
      s.createNewTrial(sid, null); // no heartbeat: never stale
      s.recordHeartbeat(t0);
      s.recordHeartbeat(t1);
      assertThat(s.getStaleTrialIds(sid, Duration.ofSeconds(30))).isEmpty();
      Thread.sleep(2100);
      s.recordHeartbeat(t1);
      assertThat(s.getStaleTrialIds(sid, Duration.ofMillis(1000))).containsExactly(t0);
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void studyOnJdbcStorageMatchesInMemory(String db) {
    List<Object> mem = runTpe(new InMemoryStorage());
    try (JdbcStorage s = JdbcStorage.open(url(db, "same"))) {
      assertThat(runTpe(s)).isEqualTo(mem);
    }
  }

  private static List<Object> runTpe(Storage storage) {
    Study study = Studies.create(StudyOptions.DEFAULTS.withStorage(storage).withStudyName("tpe")
        .withSampler(new TPESampler(3)));
    study.optimize(t -> {
      double x = t.suggestFloat("x", -5, 5);
      int n = t.suggestInt("n", 1, 8);
      String c = t.suggestCategorical("c", "a", "b");
      return x * x + n + (c.equals("a") ? 0 : 1);
    }, 20);
    List<Object> out = new ArrayList<>();
    for (FrozenTrial t : study.trials()) {
      out.add(t.number() + " " + t.state() + " " + t.params() + " " + t.values());
    }
    return out;
  }

  @Test
  void resumedStudySamplesAsOneThatNeverStopped() {
    String whole = TestDatabases.sqlite(dir, "whole");
    String split = TestDatabases.sqlite(dir, "split");
    List<Object> a = resume(whole, 20);
    resume(split, 8);
    List<Object> b = resume(split, 12); // new storage, study and sampler objects: a restarted process
    assertThat(b).isEqualTo(a);
  }

  private static List<Object> resume(String url, int nTrials) {
    try (JdbcStorage s = JdbcStorage.open(url)) {
      Study study = Studies.create(StudyOptions.DEFAULTS.withStorage(s).withStudyName("r").withLoadIfExists(true)
          .withSampler(new TrialSeededSampler(11, TPESampler::new)));
      study.optimize(t -> {
        double x = t.suggestFloat("x", -3, 3);
        double y = t.suggestFloat("y", -3, 3, true ? null : 0.0, false);
        return (x - 1) * (x - 1) + y * y;
      }, nTrials);
      List<Object> out = new ArrayList<>();
      for (FrozenTrial t : study.trials()) {
        out.add(t.params() + " " + t.values());
      }
      return out;
    }
  }

  // ------------------------------------------------------------------ bad input

  @Test
  void unknownSchemeIsRejectedWithoutCredentials() {
    for (String bad : List.of("mysql://root:hunter2@db/x", "redis://:hunter2@h:6379", "jdbc:h2:mem:x", "study.db")) {
      assertThatThrownBy(() -> JdbcStorage.open(bad)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("Unsupported storage URL scheme").hasMessageNotContaining("hunter2")
          .hasMessageContaining("jdbc:sqlite:");
    }
    assertThatThrownBy(() -> JdbcStorage.open("jdbc:sqlite:")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void unreachableDatabaseFailsClearlyWithoutCredentials() {
    for (String bad : List.of("jdbc:postgresql://alice:hunter2@127.0.0.1:1/db",
        "jdbc:postgresql://127.0.0.1:1/db?user=alice&password=hunter2",
        "postgresql://alice:hunter2@127.0.0.1:1/db")) {
      assertThatThrownBy(() -> JdbcStorage.open(bad, JdbcStorage.Options.DEFAULTS
          .withConnectTimeout(Duration.ofSeconds(2))))
          .isInstanceOf(StorageException.class).hasMessageContaining("Cannot open the storage")
          .hasMessageContaining("127.0.0.1:1").hasMessageNotContaining("hunter2").hasMessageNotContaining("alice");
    }
    assertThatThrownBy(() -> JdbcStorage.open("jdbc:sqlite:" + dir.resolve("no/such/dir/x.db")))
        .isInstanceOf(StorageException.class).hasMessageContaining("Cannot open the storage");
  }

  @Test
  void wrongPasswordDoesNotLeakIt() {
    TestDatabases.assumePostgres();
    assertThatThrownBy(() -> JdbcStorage.open("jdbc:postgresql://minima:wrong-hunter2@127.0.0.1:5432/minima_test"))
        .isInstanceOf(StorageException.class).hasMessageNotContaining("wrong-hunter2");
  }

  @Test
  void redactionHidesUserInfoAndPasswordParameters() {
    assertThat(StorageUrl.redact("postgresql://u:p4ss@h:5/db")).isEqualTo("postgresql://***@h:5/db");
    assertThat(StorageUrl.redact("jdbc:postgresql://u:p4ss@h/db")).isEqualTo("jdbc:postgresql://***@h/db");
    assertThat(StorageUrl.redact("jdbc:postgresql://h/db?user=u&password=p4ss&ssl=true"))
        .isEqualTo("jdbc:postgresql://h/db?user=***&password=***&ssl=true");
    assertThat(StorageUrl.parse("postgresql://u:p4ss@h:5/db").toString()).doesNotContain("p4ss");
    assertThat(StorageUrl.parse("postgresql+psycopg2://u:p%40ss@h:5/db").password()).isEqualTo("p@ss");
    assertThat(StorageUrl.parse("sqlite:///rel/x.db").jdbcUrl()).isEqualTo("jdbc:sqlite:rel/x.db");
    assertThat(StorageUrl.parse("sqlite:////abs/x.db").jdbcUrl()).isEqualTo("jdbc:sqlite:/abs/x.db");
  }

  @Test
  void missingStudyFailsClearly() {
    try (JdbcStorage s = JdbcStorage.open(TestDatabases.sqlite(dir, "missing"))) {
      assertThatThrownBy(() -> Studies.load("no-such-study", s, null, null))
          .isInstanceOf(NoSuchElementException.class).hasMessageContaining("no-such-study");
    }
  }

  @Test
  void unsupportedOptunaSchemaFailsClearly() throws Exception {
    String url = TestDatabases.sqlite(dir, "newer");
    JdbcStorage.open(url).close();
    try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
      st.execute("UPDATE alembic_version SET version_num = 'v3.2.0.a'");
      st.execute("UPDATE version_info SET library_version = '3.2.0'");
    }
    assertThatThrownBy(() -> JdbcStorage.open(url)).isInstanceOf(StorageException.class)
        .hasMessageContaining("Optuna 3.2.0").hasMessageContaining("v3.2.0.a")
        .hasMessageContaining("only Optuna 3.1's schema");
    String foreign = TestDatabases.sqlite(dir, "foreign");
    try (Connection c = DriverManager.getConnection(foreign); Statement st = c.createStatement()) {
      st.execute("CREATE TABLE studies (id INTEGER)");
    }
    assertThatThrownBy(() -> JdbcStorage.open(foreign)).isInstanceOf(StorageException.class)
        .hasMessageContaining("no 'version_info' table");
  }

  @Test
  void jdbcUrlThroughStudyOptions() {
    String url = TestDatabases.sqlite(dir, "options");
    Study s = Studies.create(StudyOptions.DEFAULTS.withStorage(url).withStudyName("o"));
    s.optimize(t -> t.suggestFloat("x", 0, 1), 2);
    assertThat(s.storage()).isInstanceOf(JdbcStorage.class);
    ((JdbcStorage) s.storage()).close();
    try (JdbcStorage again = JdbcStorage.open(url)) {
      assertThat(Studies.load("o", again, null, null).trials()).hasSize(2);
    }
    assertThat(Arrays.asList(JdbcStorage.SCHEMA_VERSION, JdbcStorage.ALEMBIC_REVISION))
        .containsExactly(12, "v3.0.0.d");
  }
}
