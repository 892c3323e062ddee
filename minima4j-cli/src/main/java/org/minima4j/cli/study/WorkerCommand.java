package org.minima4j.cli.study;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.minima4j.tune.Distribution;
import org.minima4j.tune.FrozenTrial;
import org.minima4j.tune.MultiObjective;
import org.minima4j.tune.Studies;
import org.minima4j.tune.Study;
import org.minima4j.tune.StudyOptions;
import org.minima4j.tune.Trial;
import org.minima4j.tune.TrialState;
import org.minima4j.tune.storages.jdbc.JdbcStorage;
import org.minima4j.tune.storages.jdbc.RetryFailedTrialCallback;
import org.minima4j.tune.storages.jdbc.StudyWorker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code minima study worker}: joins (creating if needed) the study of a specification file and runs trials
 * until its limit, with heartbeats; trials of dead workers are failed after the grace period and retried.
 * Start the same command on as many processes and machines as wanted.
 */
@Command(name = "worker", mixinStandardHelpOptions = true,
    description = "Join the study of a JSON specification (storage, study, direction(s), sampler, search space,"
        + " built-in objective) and run trials until the limit; start it on several processes or machines.")
final class WorkerCommand implements Callable<Integer> {
  /** Study system attribute marking that a grid's points have been enqueued. */
  static final String GRID_MARKER = "minima4j:grid_enqueued";

  @Spec
  CommandSpec spec;

  @Option(names = "--spec", required = true, description = "Study specification (JSON).")
  Path specFile;

  @Option(names = "--storage", description = "Storage URL (overrides the specification's).")
  String storage;

  @Option(names = "--n-trials", description = "Trials this worker runs (overrides the specification's n_trials).")
  Integer nTrials;

  @Option(names = "--drain", description = "After the trials, keep serving the study while trials are waiting or"
      + " running elsewhere (so retries of dead workers' trials are run).")
  boolean drain;

  @Option(names = "--quiet", description = "Print only the summary line.")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    StudySpec s = StudySpec.read(specFile);
    String url = storage != null ? storage : s.storage();
    return StudyIo.userErrors(() -> {
      try (JdbcStorage st = StudyIo.open(url)) {
        Study study = Studies.create(StudyOptions.DEFAULTS.withStorage(st).withStudyName(s.study())
            .withDirections(s.studyDirections()).withSampler(s.sampler(0)).withLoadIfExists(true));
        boolean grid = s.samplerType().equals("grid");
        if (grid) {
          enqueueGrid(st, study, s);
        }
        double hb = s.heartbeatS() == null ? 60 : s.heartbeatS();
        double grace = s.graceS() == null ? 2 * hb : s.graceS();
        int n = nTrials != null ? nTrials : s.nTrials() == null ? 10 : s.nTrials();
        if (n < 0) {
          throw new IllegalArgumentException("--n-trials must be >= 0, got " + n);
        }
        RetryFailedTrialCallback retry = s.maxRetry() != null && s.maxRetry() < 0 ? null
            : new RetryFailedTrialCallback(s.maxRetry(), false);
        StudyWorker.Options o = StudyWorker.Options.DEFAULTS.withNTrials(grid ? 0 : n)
            .withHeartbeatInterval(Duration.ofMillis(Math.round(hb * 1000)))
            .withGracePeriod(Duration.ofMillis(Math.round(grace * 1000)))
            .withTimeout(s.timeoutS() == null ? null : Duration.ofMillis(Math.round(s.timeoutS() * 1000)))
            .withRetry(retry).withDrain(grid || drain);
        PrintWriter w = spec.commandLine().getOut();
        StudyWorker.Result r = StudyWorker.run(study, objective(s, grid), o, t -> {
          if (!quiet) {
            w.println("trial " + t.number() + " " + t.state().name().toLowerCase(java.util.Locale.ROOT)
                + (t.values() == null ? "" : " values=" + t.values()) + " params=" + t.params());
            w.flush();
          }
        });
        w.println("worker finished " + r.finished().size() + " trials of " + s.study()
            + (r.staleFailed().isEmpty() ? "" : "; failed stale trials " + r.staleFailed()));
        return 0;
      }
    });
  }

  /** Enqueues every grid point once per study (exactly one worker does it, atomically). */
  static void enqueueGrid(JdbcStorage st, Study study, StudySpec s) {
    Map<String, Distribution> dists = s.distributions();
    List<FrozenTrial> templates = new ArrayList<>();
    for (Map<String, Object> point : s.grid()) {
      templates.add(new FrozenTrial(-1, -1, TrialState.WAITING, null, null, null, Map.of(), Map.of(), Map.of(),
          Map.of(Study.FIXED_PARAMS_KEY, point), Map.of()));
    }
    st.enqueueOnce(study.studyId(), GRID_MARKER, templates);
    if (dists.isEmpty()) {
      throw new IllegalArgumentException("empty search space");
    }
  }

  static MultiObjective objective(StudySpec s, boolean grid) {
    Map<String, Distribution> dists = s.distributions();
    String fn = s.objective().function();
    long sleep = s.objective().sleepMs() == null ? 0 : s.objective().sleepMs();
    return (Trial t) -> {
      if (grid && !t.systemAttrs().containsKey(Study.FIXED_PARAMS_KEY)
          && !t.systemAttrs().containsKey("failed_trial")) {
        throw new IllegalStateException("no grid point left for this trial (another worker took the last one)");
      }
      double[] x = new double[dists.size()];
      int i = 0;
      for (Map.Entry<String, Distribution> e : dists.entrySet()) {
        Object v = t.suggest(e.getKey(), e.getValue());
        x[i++] = v instanceof Number n ? n.doubleValue() : e.getValue().toInternal(v);
      }
      if (sleep > 0) {
        Thread.sleep(sleep);
      }
      return BuiltinObjectives.evaluate(fn, x);
    };
  }
}
