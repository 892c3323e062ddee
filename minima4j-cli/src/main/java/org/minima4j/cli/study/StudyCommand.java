package org.minima4j.cli.study;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.minima4j.tune.FrozenTrial;
import org.minima4j.tune.Studies;
import org.minima4j.tune.Study;
import org.minima4j.tune.StudyDirection;
import org.minima4j.tune.StudyOptions;
import org.minima4j.tune.TrialState;
import org.minima4j.tune.storages.Storage;
import org.minima4j.tune.storages.jdbc.JdbcStorage;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code minima study}: studies in a JDBC storage (SQLite or PostgreSQL, in Optuna 3.1's schema, so Optuna's
 * own tools read the same database).
 */
@Command(name = "study", mixinStandardHelpOptions = true,
    description = "Create, inspect, copy, delete, run and plot studies in a storage (jdbc:sqlite:FILE or"
        + " jdbc:postgresql://HOST/DB; Optuna 3.1's schema).",
    subcommands = {StudyCommand.Create.class, StudyCommand.ListStudies.class, StudyCommand.Show.class,
        StudyCommand.Trials.class, StudyCommand.BestTrial.class, StudyCommand.Delete.class, StudyCommand.Copy.class,
        WorkerCommand.class, PlotCommand.class, BenchCommand.class})
public final class StudyCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }

  /** The {@code --storage} option: MINIMA_STORAGE, else the embedded file minima-studies.db. */
  static class StorageOption {
    @Option(names = "--storage", defaultValue = "${env:MINIMA_STORAGE:-jdbc:sqlite:minima-studies.db}",
        description = "Storage URL: jdbc:sqlite:FILE, jdbc:postgresql://HOST[:PORT]/DB (or Optuna's sqlite:///FILE,"
            + " postgresql://USER:PASSWORD@HOST/DB); default $MINIMA_STORAGE, else jdbc:sqlite:minima-studies.db.")
    String url;
  }

  @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a study.")
  static final class Create implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @CommandLine.Mixin
    StorageOption storage;
    @Option(names = "--study", required = true, description = "Study name.")
    String name;
    @Option(names = "--direction", split = ",", defaultValue = "minimize",
        description = "minimize or maximize; several (comma-separated) for a multi-objective study"
            + " (default: ${DEFAULT-VALUE}).")
    List<String> directions;
    @Option(names = "--skip-if-exists", description = "Succeed when the study exists already.")
    boolean skipIfExists;

    @Override
    public Integer call() throws Exception {
      return StudyIo.userErrors(() -> {
        try (JdbcStorage s = StudyIo.open(storage.url)) {
          List<StudyDirection> ds = parseDirections(directions);
          Studies.create(StudyOptions.DEFAULTS.withStorage(s).withStudyName(name).withDirections(ds)
              .withLoadIfExists(skipIfExists));
          spec.commandLine().getOut().println(name);
          return 0;
        }
      });
    }
  }

  static List<StudyDirection> parseDirections(List<String> names) {
    List<StudyDirection> ds = new ArrayList<>();
    for (String d : names) {
      switch (d.strip().toLowerCase(Locale.ROOT)) {
        case "minimize" -> ds.add(StudyDirection.MINIMIZE);
        case "maximize" -> ds.add(StudyDirection.MAXIMIZE);
        default -> throw new IllegalArgumentException("Unknown direction '" + d + "': use minimize or maximize.");
      }
    }
    return ds;
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the studies of a storage.")
  static final class ListStudies implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @CommandLine.Mixin
    StorageOption storage;

    @Override
    public Integer call() throws Exception {
      return StudyIo.userErrors(() -> {
        try (JdbcStorage s = StudyIo.open(storage.url)) {
          List<Map<String, Object>> rows = new ArrayList<>();
          for (String name : s.getAllStudyNames()) {
            Study study = Studies.load(name, s, null, null);
            List<FrozenTrial> trials = study.trials();
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("name", name);
            r.put("directions", directionNames(study));
            r.put("n_trials", trials.size());
            r.put("n_complete", StudyIo.counts(trials).get(TrialState.COMPLETE));
            FrozenTrial best = study.isMultiObjective() ? null : StudyIo.bestOrNull(study);
            r.put("best_value", best == null ? null : best.values().get(0));
            rows.add(r);
          }
          if (rows.isEmpty()) {
            spec.commandLine().getOut().println("(no studies)");
          } else {
            StudyIo.printTable(spec.commandLine().getOut(), rows, StudyIo::cell);
          }
          return 0;
        }
      });
    }
  }

  static String directionNames(Study study) {
    List<String> out = new ArrayList<>();
    study.directions().forEach(d -> out.add(d.name().toLowerCase(Locale.ROOT)));
    return String.join(",", out);
  }

  @Command(name = "show", mixinStandardHelpOptions = true,
      description = "Show a study: directions, trial counts by state, best trial (or Pareto front), attributes.")
  static final class Show implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @CommandLine.Mixin
    StorageOption storage;
    @Option(names = "--study", required = true, description = "Study name.")
    String name;

    @Override
    public Integer call() throws Exception {
      return StudyIo.userErrors(() -> {
        try (JdbcStorage s = StudyIo.open(storage.url)) {
          Study study = Studies.load(name, s, null, null);
          PrintWriter w = spec.commandLine().getOut();
          List<FrozenTrial> trials = study.trials();
          w.println("study:      " + name);
          w.println("storage:    " + s.url());
          w.println("directions: " + directionNames(study));
          StringBuilder counts = new StringBuilder();
          StudyIo.counts(trials).forEach((k, v) -> counts.append(k.name().toLowerCase(Locale.ROOT)).append(' ')
              .append(v).append("  "));
          w.println("trials:     " + trials.size() + "  (" + counts.toString().strip() + ")");
          if (study.isMultiObjective()) {
            List<FrozenTrial> front = study.bestTrials();
            w.println("pareto front: " + front.size() + " trials");
            for (FrozenTrial t : front) {
              w.println("  #" + t.number() + " values=" + t.values() + " params=" + t.params());
            }
          } else {
            FrozenTrial best = StudyIo.bestOrNull(study);
            if (best == null) {
              w.println("best trial: (none complete)");
            } else {
              w.println("best trial: #" + best.number() + "  value=" + best.values().get(0));
              w.println("best params: " + best.params());
            }
          }
          if (!study.userAttrs().isEmpty()) {
            w.println("user attrs: " + study.userAttrs());
          }
          return 0;
        }
      });
    }
  }

  @Command(name = "trials", mixinStandardHelpOptions = true,
      description = "The trials of a study as a table, CSV or JSON.")
  static final class Trials implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @CommandLine.Mixin
    StorageOption storage;
    @Option(names = "--study", required = true, description = "Study name.")
    String name;
    @Option(names = "--format", defaultValue = "table", description = "table, csv or json (default: ${DEFAULT-VALUE}).")
    String format;
    @Option(names = "--out", description = "Write to this file instead of standard output.")
    Path out;

    @Override
    public Integer call() throws Exception {
      return StudyIo.userErrors(() -> {
        try (JdbcStorage s = StudyIo.open(storage.url)) {
          Study study = Studies.load(name, s, null, null);
          List<FrozenTrial> trials = study.trials();
          String text;
          switch (format.toLowerCase(Locale.ROOT)) {
            case "table" -> {
              java.io.StringWriter sw = new java.io.StringWriter();
              StudyIo.printTable(new PrintWriter(sw, true), StudyIo.rows(study, trials), StudyIo::cell);
              text = sw.toString();
            }
            case "csv" -> text = StudyIo.csv(StudyIo.rows(study, trials));
            case "json" -> {
              List<Object> list = new ArrayList<>();
              trials.forEach(t -> list.add(StudyIo.trialJson(t)));
              text = StudyIo.JSON.writeValueAsString(list) + System.lineSeparator();
            }
            default -> throw new IllegalArgumentException("Unknown --format '" + format + "': use table, csv or json.");
          }
          if (out == null) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
          } else {
            Files.writeString(out, text);
          }
          return 0;
        }
      });
    }
  }

  @Command(name = "best-trial", mixinStandardHelpOptions = true,
      description = "The best trial of a single-objective study (the Pareto front of a multi-objective one), as JSON.")
  static final class BestTrial implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @CommandLine.Mixin
    StorageOption storage;
    @Option(names = "--study", required = true, description = "Study name.")
    String name;

    @Override
    public Integer call() throws Exception {
      return StudyIo.userErrors(() -> {
        try (JdbcStorage s = StudyIo.open(storage.url)) {
          Study study = Studies.load(name, s, null, null);
          Object json;
          if (study.isMultiObjective()) {
            List<Object> front = new ArrayList<>();
            study.bestTrials().forEach(t -> front.add(StudyIo.trialJson(t)));
            json = front;
          } else {
            json = StudyIo.trialJson(study.bestTrial());
          }
          spec.commandLine().getOut().println(StudyIo.JSON.writeValueAsString(json));
          return 0;
        }
      });
    }
  }

  @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a study and its trials.")
  static final class Delete implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @CommandLine.Mixin
    StorageOption storage;
    @Option(names = "--study", required = true, description = "Study name.")
    String name;

    @Override
    public Integer call() throws Exception {
      return StudyIo.userErrors(() -> {
        try (JdbcStorage s = StudyIo.open(storage.url)) {
          Studies.delete(name, s);
          spec.commandLine().getOut().println("deleted " + name);
          return 0;
        }
      });
    }
  }

  @Command(name = "copy", mixinStandardHelpOptions = true,
      description = "Copy a study (attributes and every trial, in order) to another storage or name, as Optuna's"
          + " copy_study.")
  static final class Copy implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Option(names = "--from-storage", required = true, description = "Source storage URL.")
    String from;
    @Option(names = "--to-storage", required = true, description = "Destination storage URL.")
    String to;
    @Option(names = "--study", required = true, description = "Study name in the source.")
    String name;
    @Option(names = "--to-study", description = "Name in the destination (default: the same).")
    String toName;

    @Override
    public Integer call() throws Exception {
      return StudyIo.userErrors(() -> {
        try (JdbcStorage a = StudyIo.open(from); JdbcStorage b = StudyIo.open(to)) {
          int n = copy(a, name, b, toName == null ? name : toName);
          spec.commandLine().getOut().println("copied " + n + " trials of " + name + " to " + b.url());
          return 0;
        }
      });
    }
  }

  /** Copies study {@code name} of {@code from} to {@code to} as {@code toName}; returns the number of trials. */
  static int copy(Storage from, String name, Storage to, String toName) {
    int src = from.getStudyIdFromName(name);
    int dst = to.createNewStudy(from.getStudyDirections(src), toName);
    from.getStudyUserAttrs(src).forEach((k, v) -> to.setStudyUserAttr(dst, k, v));
    from.getStudySystemAttrs(src).forEach((k, v) -> to.setStudySystemAttr(dst, k, v));
    List<FrozenTrial> trials = from.getAllTrials(src, null);
    for (FrozenTrial t : trials) {
      to.createNewTrial(dst, t);
    }
    return trials.size();
  }
}
