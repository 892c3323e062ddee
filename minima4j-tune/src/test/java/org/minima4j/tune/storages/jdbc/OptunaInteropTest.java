package org.minima4j.tune.storages.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minima4j.tune.Distribution;
import org.minima4j.tune.FrozenTrial;
import org.minima4j.tune.Studies;
import org.minima4j.tune.Study;
import org.minima4j.tune.StudyDirection;
import org.minima4j.tune.StudyOptions;
import org.minima4j.tune.TrialPruned;
import org.minima4j.tune.samplers.RandomSampler;
import org.minima4j.tune.samplers.TPESampler;

/**
 * Interoperability with the real Optuna 3.1 (Debian's python3-optuna, installed by scripts/setup-test-deps.sh):
 * a study written here is read by Optuna with the same trials, params, distributions, values, states,
 * attributes and times, and a study written by Optuna is read here the same way; each side then extends the
 * other's study; on SQLite files and on PostgreSQL schemas of the test server. Skipped, with the reason, where
 * Python or Optuna 3.1 is not installed (and the PostgreSQL cases where the server cannot be reached).
 */
class OptunaInteropTest {
  private static final String PYTHON = System.getenv().getOrDefault("MINIMA_TEST_PYTHON", "/usr/bin/python3");
  private static final DateTimeFormatter ISO_MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");

  @TempDir
  static Path dir;
  private static Path script;
  private static String problem;

  @BeforeAll
  static void findOptuna() throws Exception {
    problem = null;
    try {
      Result r = python(List.of("-c", "import optuna, sys; sys.stdout.write(optuna.__version__)"));
      if (r.exit != 0) {
        problem = "Optuna is not importable by " + PYTHON + " (install python3-optuna with scripts/setup-test-deps.sh): "
            + r.err.strip();
      } else if (!r.out.startsWith("3.1.")) {
        problem = PYTHON + " has Optuna " + r.out + ", these tests pin Optuna 3.1";
      }
    } catch (IOException e) {
      problem = PYTHON + " cannot be run: " + e.getMessage();
    }
    if (problem == null) {
      script = dir.resolve("optuna_interop.py");
      try (InputStream in = OptunaInteropTest.class.getResourceAsStream("/interop/optuna_interop.py")) {
        Files.copy(in, script);
      }
    }
  }

  /** Each test is reported as skipped, with the reason, where Optuna 3.1 is missing. */
  @BeforeEach
  void requireOptuna() {
    Assumptions.assumeTrue(problem == null, problem);
  }

  private record Result(int exit, String out, String err) {
  }

  private static Result python(List<String> args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(PYTHON);
    cmd.addAll(args);
    Path out = Files.createTempFile(dir, "py", ".out");
    Path err = Files.createTempFile(dir, "py", ".err");
    Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("python timed out: " + cmd);
    }
    return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  private static JsonNode optuna(String... args) throws Exception {
    List<String> a = new ArrayList<>();
    a.add(script.toString());
    a.addAll(List.of(args));
    Result r = python(a);
    assertThat(r.exit).as("optuna_interop.py %s failed: %s", List.of(args), r.err).isZero();
    return OptunaJson.MAPPER.readTree(r.out);
  }

  /** The same canonical form as optuna_interop.py's dump, from this storage. */
  static JsonNode dump(JdbcStorage s) throws Exception {
    List<Object> studies = new ArrayList<>();
    for (String name : s.getAllStudyNames()) {
      int id = s.getStudyIdFromName(name);
      List<Object> trials = new ArrayList<>();
      for (FrozenTrial t : s.getAllTrials(id, null)) {
        Map<String, Object> m = new TreeMap<>();
        m.put("number", t.number());
        m.put("state", t.state().name());
        m.put("values", t.values());
        m.put("params", t.params());
        Map<String, Object> ds = new TreeMap<>();
        for (Map.Entry<String, Distribution> e : t.distributions().entrySet()) {
          ds.put(e.getKey(), OptunaJson.MAPPER.readTree(OptunaJson.distributionToJson(e.getValue())));
        }
        m.put("distributions", ds);
        Map<String, Double> iv = new TreeMap<>();
        t.intermediateValues().forEach((k, v) -> iv.put(Integer.toString(k), v));
        m.put("intermediate_values", iv);
        m.put("user_attrs", t.userAttrs());
        m.put("system_attrs", t.systemAttrs());
        m.put("datetime_start", time(t.datetimeStart()));
        m.put("datetime_complete", time(t.datetimeComplete()));
        trials.add(m);
      }
      Map<String, Object> st = new LinkedHashMap<>();
      st.put("name", name);
      List<String> dirs = new ArrayList<>();
      s.getStudyDirections(id).forEach(d -> dirs.add(d.name()));
      st.put("directions", dirs);
      st.put("user_attrs", s.getStudyUserAttrs(id));
      st.put("system_attrs", s.getStudySystemAttrs(id));
      st.put("trials", trials);
      studies.add(st);
    }
    return OptunaJson.MAPPER.readTree(OptunaJson.write(studies));
  }

  private static String time(Instant t) {
    return t == null ? null : ISO_MICROS.format(LocalDateTime.ofInstant(t, ZoneId.systemDefault()));
  }

  @Test
  void studyWrittenByMinima4jIsReadByOptuna() throws Exception {
    Path file = dir.resolve("from-minima.db");
    writeReadExtend("jdbc:sqlite:" + file, "sqlite:///" + file);
  }

  @Test
  void postgresqlStudyWrittenByMinima4jIsReadByOptuna() throws Exception {
    String url = TestDatabases.postgres("interop");
    writeReadExtend(url, sqlalchemy(url));
  }

  @Test
  void postgresqlStudyWrittenByOptunaIsReadByMinima4j() throws Exception {
    String url = TestDatabases.postgres("interop");
    readOptunaStudy(url, sqlalchemy(url));
  }

  /** The SQLAlchemy URL of a test schema (search_path set through libpq's options). */
  private static String sqlalchemy(String url) {
    StorageUrl u = StorageUrl.parse(url);
    String schema = url.substring(url.indexOf("currentSchema=") + "currentSchema=".length());
    String base = u.jdbcUrl().substring("jdbc:postgresql://".length());
    base = base.substring(0, base.indexOf('?'));
    String enc = java.net.URLEncoder.encode(u.password(), java.nio.charset.StandardCharsets.UTF_8);
    return "postgresql://" + u.user() + ":" + enc + "@" + base + "?options=-csearch_path%3D" + schema;
  }

  /** minima4j writes two studies at {@code url}; Optuna (at {@code optunaUrl}) reads them, then extends one. */
  private void writeReadExtend(String url, String optunaUrl) throws Exception {
    try (JdbcStorage s = JdbcStorage.open(url)) {
      Study study = Studies.create(StudyOptions.DEFAULTS.withStorage(s).withStudyName("from-minima4j")
          .withSampler(new TPESampler(4)));
      study.setUserAttr("owner", Map.of("team", "x", "n", List.of(1, 2.5)));
      study.optimize(t -> {
        double x = t.suggestFloat("x", -5, 5);
        int n = t.suggestInt("n", 1, 64, true);
        double st = t.suggestFloat("s", 0.0, 1.0, 0.25);
        int k = t.suggestInt("k", 0, 10, 2, false);
        Object c = t.suggestCategorical("c", "a", null, 1.5, true, 3);
        t.setUserAttr("tag", "t" + t.number());
        t.setUserAttr("choice", c);
        t.report(x * x, 0);
        t.report(Double.POSITIVE_INFINITY, 1);
        t.report(Double.NaN, 2);
        if (t.number() == 3) {
          throw new TrialPruned();
        }
        if (t.number() == 4) {
          throw new IllegalArgumentException("boom");
        }
        return x * x + n + st + k;
      }, 7, null, 1, List.of(IllegalArgumentException.class), List.of());
      study.enqueueTrial(Map.of("x", 1.0, "n", 2));
      Study mo = Studies.create(StudyOptions.DEFAULTS.withStorage(s).withStudyName("mo")
          .withDirections(StudyDirection.MINIMIZE, StudyDirection.MAXIMIZE).withSampler(new RandomSampler(2)));
      mo.optimizeMulti(t -> new double[] {t.suggestFloat("a", 0, 1), Double.NEGATIVE_INFINITY}, 3);

      JsonNode ours = dump(s);
      JsonNode theirs = optuna("dump", optunaUrl);
      assertThat(theirs).isEqualTo(ours);
      assertThat(theirs.get(0).get("trials")).hasSize(8);
      assertThat(theirs.get(0).get("trials").get(4).get("state").asText()).isEqualTo("FAIL");
      assertThat(theirs.get(0).get("trials").get(3).get("state").asText()).isEqualTo("PRUNED");
      assertThat(theirs.get(0).get("trials").get(7).get("state").asText()).isEqualTo("WAITING");

      // Optuna adds trials (popping the enqueued one); we read them back.
      JsonNode extended = optuna("extend", optunaUrl, "from-minima4j");
      assertThat(dump(s)).isEqualTo(extended);
      assertThat(extended.get(0).get("trials")).hasSize(10);
      assertThat(extended.get(0).get("trials").get(7).get("params").get("x").asDouble()).isEqualTo(1.0);
    }
  }

  @Test
  void studyWrittenByOptunaIsReadByMinima4j() throws Exception {
    Path file = dir.resolve("from-optuna.db");
    readOptunaStudy("sqlite:///" + file, "sqlite:///" + file);
  }

  /** Optuna writes two studies at {@code optunaUrl}; minima4j (at {@code url}) reads them, then extends one. */
  private void readOptunaStudy(String url, String optunaUrl) throws Exception {
    JsonNode theirs = optuna("write", optunaUrl);
    try (JdbcStorage s = JdbcStorage.open(url)) {
      assertThat(dump(s)).isEqualTo(theirs);
      assertThat(theirs.get(0).get("trials")).hasSize(7);

      // We continue Optuna's study: the enqueued trial is popped, new trials follow; Optuna reads them back.
      Study study = Studies.load("from-optuna", s, new TPESampler(9), null);
      study.optimize(t -> {
        double x = t.suggestFloat("x", -5, 5);
        int n = t.suggestInt("n", 1, 64, true);
        return x * x + n;
      }, 3);
      FrozenTrial popped = study.trials().get(6);
      assertThat(popped.params()).containsEntry("x", 1.0).containsEntry("n", 2L);
      assertThat(optuna("dump", optunaUrl)).isEqualTo(dump(s));
      assertThat(study.trials()).hasSize(9);
    }
  }
}
