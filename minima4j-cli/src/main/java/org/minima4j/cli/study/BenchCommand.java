package org.minima4j.cli.study;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.minima4j.tune.FloatDistribution;
import org.minima4j.tune.StudyDirection;
import org.minima4j.tune.TrialState;
import org.minima4j.tune.storages.jdbc.JdbcStorage;
import org.minima4j.tune.storages.jdbc.StorageUrl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code minima study bench}: storage operations per second (create trial, set each param, complete), for this
 * storage and, where Python with Optuna 3.1 is installed, for Optuna's RDBStorage on the same database.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Storage operations per second (create trial, set param, complete) for minima4j's JDBC storage"
        + " and, where /usr/bin/python3 has Optuna 3.1, Optuna's RDBStorage on the same database.")
final class BenchCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--storage", required = true, description = "Storage URL (a scratch database: benchmark studies"
      + " are added to it, and deleted afterwards).")
  String storage;

  @Option(names = "--trials", defaultValue = "300", description = "Trials per run (default: ${DEFAULT-VALUE}).")
  int trials;

  @Option(names = "--params", defaultValue = "3", description = "Params per trial (default: ${DEFAULT-VALUE}).")
  int params;

  @Option(names = "--warmup", defaultValue = "100", description = "Untimed warm-up trials of the JVM (default:"
      + " ${DEFAULT-VALUE}).")
  int warmup;

  @Option(names = "--no-optuna", description = "Do not measure Optuna's RDBStorage.")
  boolean noOptuna;

  @Option(names = "--python", defaultValue = "/usr/bin/python3", description = "Python with Optuna 3.1 (default:"
      + " ${DEFAULT-VALUE}).")
  String python;

  /** One measurement. */
  record Rate(String who, int ops, double seconds) {
    double perSecond() {
      return ops / seconds;
    }
  }

  @Override
  public Integer call() throws Exception {
    if (trials < 1 || params < 0 || warmup < 0) {
      throw new IllegalArgumentException("--trials must be >= 1, --params and --warmup >= 0");
    }
    PrintWriter w = spec.commandLine().getOut();
    List<Rate> rates = new ArrayList<>();
    String tag = Long.toString(ProcessHandle.current().pid());
    String ours = "minima4j-bench-" + tag;
    String theirs = "optuna-bench-" + tag;
    StudyIo.userErrors(() -> {
      try (JdbcStorage s = StudyIo.open(storage)) {
        run(s, ours + "-warmup", warmup);
        rates.add(new Rate("minima4j JdbcStorage", trials * (2 + params), run(s, ours, trials)));
      }
      return null;
    });
    String optunaProblem = null;
    boolean optuna = !noOptuna;
    if (optuna) {
      try {
        rates.add(optunaRate(theirs));
      } catch (IOException | IllegalStateException e) {
        optunaProblem = e.getMessage();
      }
    }
    StudyIo.userErrors(() -> {
      try (JdbcStorage s = StudyIo.open(storage)) {
        for (String n : List.of(ours + "-warmup", ours, theirs)) {
          if (s.getAllStudyNames().contains(n)) {
            s.deleteStudy(s.getStudyIdFromName(n));
          }
        }
      }
      return null;
    });
    w.println("storage: " + StorageUrl.redact(storage) + "  (" + trials + " trials x (create + " + params
        + " params + complete))");
    for (Rate r : rates) {
      w.println(String.format(Locale.ROOT, "%-24s %8.0f ops/s  (%d ops in %.3f s)", r.who(), r.perSecond(), r.ops(),
          r.seconds()));
    }
    if (rates.size() == 2) {
      w.println(String.format(Locale.ROOT, "ratio minima4j / Optuna: %.1fx", rates.get(0).perSecond()
          / rates.get(1).perSecond()));
    } else if (optuna) {
      w.println("Optuna not measured: " + optunaProblem);
    }
    return 0;
  }

  /** Seconds for {@code n} trials of create, set params, complete. */
  private double run(JdbcStorage s, String study, int n) {
    int sid = s.createNewStudy(List.of(StudyDirection.MINIMIZE), study);
    FloatDistribution d = FloatDistribution.of(0, 1);
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      int tid = s.createNewTrial(sid, null);
      for (int p = 0; p < params; p++) {
        s.setTrialParam(tid, "p" + p, (i * 7 + p) % 100 / 100.0, d);
      }
      s.setTrialStateValues(tid, TrialState.COMPLETE, List.of((double) i));
    }
    return (System.nanoTime() - t0) / 1e9;
  }

  private Rate optunaRate(String study) throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("minima-bench");
    try {
      Path script = dir.resolve("optuna_storage_bench.py");
      try (InputStream in = BenchCommand.class.getResourceAsStream("/bench/optuna_storage_bench.py")) {
        Files.copy(in, script);
      }
      Path out = dir.resolve("out.json");
      Path err = dir.resolve("err.txt");
      Process p = new ProcessBuilder(python, script.toString(), sqlalchemyUrl(storage), study,
          Integer.toString(trials), Integer.toString(params)).redirectOutput(out.toFile()).redirectError(err.toFile())
          .start();
      if (!p.waitFor(600, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("Optuna's benchmark did not finish in 600 s");
      }
      if (p.exitValue() != 0) {
        String e = Files.readString(err).strip();
        String[] lines = e.split("\n");
        throw new IllegalStateException(StorageUrl.redact(lines[lines.length - 1]));
      }
      JsonNode r = StudyIo.JSON.readTree(Files.readString(out));
      return new Rate("Optuna 3.1 RDBStorage", r.get("ops").asInt(), r.get("seconds").asDouble());
    } finally {
      try (var files = Files.list(dir)) {
        for (Path f : files.toList()) {
          Files.deleteIfExists(f);
        }
      }
      Files.deleteIfExists(dir);
    }
  }

  /** The SQLAlchemy URL of the same database (credentials passed on, never printed). */
  static String sqlalchemyUrl(String url) {
    StorageUrl u = StorageUrl.parse(url);
    if (u.dialect() == StorageUrl.Dialect.SQLITE) {
      return "sqlite:///" + u.jdbcUrl().substring("jdbc:sqlite:".length());
    }
    String rest = u.jdbcUrl().substring("jdbc:postgresql://".length());
    String info = "";
    if (u.user() != null) {
      info = enc(u.user()) + (u.password() == null ? "" : ":" + enc(u.password())) + "@";
    }
    int q = rest.indexOf('?');
    // libpq understands the server "options" parameter too (for example -c synchronous_commit=off).
    String options = "";
    if (q >= 0) {
      for (String kv : rest.substring(q + 1).split("&")) {
        if (kv.startsWith("options=")) {
          options = "?" + kv;
        }
      }
    }
    return "postgresql://" + info + (q >= 0 ? rest.substring(0, q) : rest) + options;
  }

  private static String enc(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }

}
