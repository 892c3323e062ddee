package org.minima4j.cli.study;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minima4j.cli.Main;
import org.minima4j.tune.FrozenTrial;
import org.minima4j.tune.TrialState;
import org.minima4j.tune.storages.jdbc.JdbcStorage;

/** {@code minima study ...} end to end on SQLite files. */
class StudyCommandTest {
  @TempDir
  Path tmp;

  record Run(int code, String out, String err) {
  }

  static Run minima(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  private Path spec(String name, String body) throws Exception {
    Path p = tmp.resolve(name + ".json");
    Files.writeString(p, body);
    return p;
  }

  private String branin(String db, int nTrials) throws Exception {
    String url = "jdbc:sqlite:" + tmp.resolve(db);
    spec("branin-" + db, "{\"storage\": \"" + url + "\", \"study\": \"branin\", \"direction\": \"minimize\","
        + " \"sampler\": {\"type\": \"tpe\", \"seed\": 1},"
        + " \"search_space\": {\"x1\": {\"type\": \"float\", \"low\": -5, \"high\": 10},"
        + " \"x2\": {\"type\": \"float\", \"low\": 0, \"high\": 15}},"
        + " \"objective\": {\"function\": \"branin\"}, \"n_trials\": " + nTrials + ", \"heartbeat_s\": 1,"
        + " \"grace_s\": 3, \"max_retry\": 2}");
    return url;
  }

  @Test
  void workerThenInspectCopyPlotDelete() throws Exception {
    String url = branin("a.db", 14);
    Run w = minima("study", "worker", "--spec", tmp.resolve("branin-a.db.json").toString(), "--quiet");
    assertThat(w.code()).as(w.err()).isZero();
    assertThat(w.out()).contains("worker finished 14 trials of branin");

    Run list = minima("study", "list", "--storage", url);
    assertThat(list.code()).as(list.err()).isZero();
    assertThat(list.out()).contains("branin").contains("minimize").contains("14");

    Run show = minima("study", "show", "--storage", url, "--study", "branin");
    assertThat(show.out()).contains("trials:     14").contains("complete 14").contains("best trial: #")
        .contains("best params: {x1=");

    Run csv = minima("study", "trials", "--storage", url, "--study", "branin", "--format", "csv");
    assertThat(csv.out().lines().toList()).hasSize(15);
    assertThat(csv.out().lines().findFirst().orElseThrow())
        .startsWith("number,state,value,params_x1,params_x2,datetime_start");
    Run table = minima("study", "trials", "--storage", url, "--study", "branin");
    assertThat(table.out().lines().toList()).hasSize(15);
    Run json = minima("study", "trials", "--storage", url, "--study", "branin", "--format", "json");
    JsonNode arr = StudyIo.JSON.readTree(json.out());
    assertThat(arr).hasSize(14);
    assertThat(arr.get(0).get("state").asText()).isEqualTo("COMPLETE");
    Run best = minima("study", "best-trial", "--storage", url, "--study", "branin");
    JsonNode b = StudyIo.JSON.readTree(best.out());
    double min = Double.POSITIVE_INFINITY;
    for (JsonNode t : arr) {
      min = Math.min(min, t.get("values").get(0).asDouble());
    }
    assertThat(b.get("values").get(0).asDouble()).isEqualTo(min);

    String other = "jdbc:sqlite:" + tmp.resolve("copy.db");
    Run copy = minima("study", "copy", "--from-storage", url, "--to-storage", other, "--study", "branin",
        "--to-study", "branin-copy");
    assertThat(copy.code()).as(copy.err()).isZero();
    Run copied = minima("study", "trials", "--storage", other, "--study", "branin-copy", "--format", "json");
    assertThat(StudyIo.JSON.readTree(copied.out())).isEqualTo(arr);

    Path plots = tmp.resolve("plots");
    Run plot = minima("study", "plot", "--storage", url, "--study", "branin", "--out", plots.toString());
    assertThat(plot.code()).as(plot.err()).isZero();
    for (String f : List.of("history", "importance", "parallel", "slice-1", "slice-2", "contour")) {
      assertThat(plots.resolve(f + ".png")).isNotEmptyFile();
      assertThat(plots.resolve(f + ".svg")).isNotEmptyFile();
    }
    assertThat(plot.out()).contains("skipped intermediate").contains("skipped pareto");

    Run del = minima("study", "delete", "--storage", url, "--study", "branin");
    assertThat(del.code()).isZero();
    assertThat(minima("study", "list", "--storage", url).out()).contains("(no studies)");
  }

  @Test
  void restartedWorkerSamplesAsOneThatNeverStopped() throws Exception {
    String whole = branin("whole.db", 12);
    String split = branin("split.db", 12);
    assertThat(minima("study", "worker", "--spec", tmp.resolve("branin-whole.db.json").toString(), "--quiet").code())
        .isZero();
    Path s = tmp.resolve("branin-split.db.json");
    assertThat(minima("study", "worker", "--spec", s.toString(), "--n-trials", "5", "--quiet").code()).isZero();
    assertThat(minima("study", "worker", "--spec", s.toString(), "--n-trials", "7", "--quiet").code()).isZero();
    assertThat(params(split)).isEqualTo(params(whole)).hasSize(12);
  }

  private static List<Object> params(String url) {
    try (JdbcStorage st = JdbcStorage.open(url)) {
      List<Object> out = new ArrayList<>();
      for (FrozenTrial t : st.getAllTrials(st.getStudyIdFromName("branin"), null)) {
        out.add(t.params() + " " + t.values());
      }
      return out;
    }
  }

  @Test
  void gridPointsRunOnceAcrossConcurrentWorkers() throws Exception {
    String url = "jdbc:sqlite:" + tmp.resolve("grid.db");
    Path s = spec("grid", "{\"storage\": \"" + url + "\", \"study\": \"g\", \"sampler\": {\"type\": \"grid\"},"
        + " \"search_space\": {\"x\": {\"type\": \"int\", \"low\": 0, \"high\": 4},"
        + " \"y\": {\"type\": \"float\", \"low\": 0, \"high\": 1, \"step\": 0.5},"
        + " \"c\": {\"type\": \"categorical\", \"choices\": [1, 2]}},"
        + " \"objective\": {\"function\": \"sphere\", \"sleep_ms\": 2}}");
    ExecutorService pool = Executors.newFixedThreadPool(3);
    List<Future<Run>> fs = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      fs.add(pool.submit(() -> minima("study", "worker", "--spec", s.toString(), "--quiet")));
    }
    for (Future<Run> f : fs) {
      assertThat(f.get().code()).as(f.get().err()).isZero();
    }
    pool.shutdown();
    try (JdbcStorage st = JdbcStorage.open(url)) {
      List<FrozenTrial> trials = st.getAllTrials(st.getStudyIdFromName("g"), null);
      Set<String> points = new HashSet<>();
      int complete = 0;
      for (FrozenTrial t : trials) {
        if (t.state() == TrialState.COMPLETE) {
          complete++;
          assertThat(points.add(t.params().toString())).as("grid point %s ran twice", t.params()).isTrue();
        } else {
          assertThat(t.state()).isEqualTo(TrialState.FAIL);
          assertThat(t.params()).isEmpty();
        }
      }
      assertThat(complete).isEqualTo(5 * 3 * 2);
    }
  }

  @Test
  void multiObjectiveParetoPlot() throws Exception {
    String url = "jdbc:sqlite:" + tmp.resolve("mo.db");
    Path s = spec("mo", "{\"storage\": \"" + url + "\", \"study\": \"zdt\", \"directions\": [\"minimize\","
        + " \"minimize\"], \"sampler\": {\"type\": \"nsga2\", \"seed\": 3},"
        + " \"search_space\": {\"a\": {\"type\": \"float\", \"low\": 0, \"high\": 1},"
        + " \"b\": {\"type\": \"float\", \"low\": 0, \"high\": 1}}, \"objective\": {\"function\": \"zdt1\"},"
        + " \"n_trials\": 12}");
    assertThat(minima("study", "worker", "--spec", s.toString(), "--quiet").code()).isZero();
    Path plots = tmp.resolve("mo-plots");
    Run plot = minima("study", "plot", "--storage", url, "--study", "zdt", "--kind", "pareto,history",
        "--out", plots.toString());
    assertThat(plot.code()).as(plot.err()).isZero();
    assertThat(plots.resolve("pareto.png")).isNotEmptyFile();
    Run best = minima("study", "best-trial", "--storage", url, "--study", "zdt");
    assertThat(StudyIo.JSON.readTree(best.out()).isArray()).isTrue();
  }

  @Test
  void benchCommandReportsRates() {
    String url = "jdbc:sqlite:" + tmp.resolve("bench.db");
    Run r = minima("study", "bench", "--storage", url, "--trials", "20", "--warmup", "5", "--no-optuna");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("minima4j JdbcStorage").contains("ops/s").doesNotContain("Optuna");
    try (JdbcStorage st = JdbcStorage.open(url)) {
      assertThat(st.getAllStudyNames()).isEmpty();
    }
  }

  @Test
  void badInputFailsClearly() throws Exception {
    Run scheme = minima("study", "list", "--storage", "mysql://root:hunter2@db/x");
    assertThat(scheme.code()).isEqualTo(2);
    assertThat(scheme.err()).contains("Unsupported storage URL scheme").doesNotContain("hunter2");
    Run down = minima("study", "list", "--storage", "postgresql://bob:hunter2@127.0.0.1:1/x");
    assertThat(down.code()).isEqualTo(2);
    assertThat(down.err()).contains("Cannot open the storage").doesNotContain("hunter2").doesNotContain("bob");
    String url = "jdbc:sqlite:" + tmp.resolve("empty.db");
    Run missing = minima("study", "show", "--storage", url, "--study", "nope");
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("No such study nope");
    Run noStorage = minima("study", "list", "--storage", "");
    assertThat(noStorage.code()).isEqualTo(2);
    Path bad = spec("bad", "{\"storage\": \"" + url + "\", \"study\": \"s\", \"search_space\": {\"x\":"
        + " {\"type\": \"float\", \"low\": 0, \"high\": 1}}, \"objective\": {\"function\": \"nonesuch\"}}");
    Run badSpec = minima("study", "worker", "--spec", bad.toString());
    assertThat(badSpec.code()).isEqualTo(2);
    assertThat(badSpec.err()).contains("Unknown objective function 'nonesuch'");
    Path typo = spec("typo", "{\"study\": \"s\", \"serch_space\": {}}");
    assertThat(minima("study", "worker", "--spec", typo.toString()).err()).contains("serch_space");
    Run dir = minima("study", "create", "--storage", url, "--study", "s", "--direction", "sideways");
    assertThat(dir.err()).contains("Unknown direction 'sideways'");
  }
}
