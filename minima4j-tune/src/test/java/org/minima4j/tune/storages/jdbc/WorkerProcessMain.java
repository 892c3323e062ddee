package org.minima4j.tune.storages.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.minima4j.tune.Studies;
import org.minima4j.tune.Study;
import org.minima4j.tune.samplers.RandomSampler;
import org.minima4j.tune.samplers.TPESampler;

/**
 * A worker process of {@link MultiProcessStorageTest}: joins a study and runs {@link StudyWorker} with
 * heartbeats, retries and draining. Each trial it finishes is appended to its log as "number STATE". With
 * {@code hangAt >= 0}, its trial of that index writes the trial number to {@code hang.marker} and then blocks
 * (still beating) until the test kills the process with SIGKILL.
 *
 * <p>Arguments: url study workerIndex nTrials hangAt logFile markerFile heartbeatMillis graceMillis [sampler],
 * where sampler is "random" (default: {@code RandomSampler(1000 + workerIndex)}) or "tpe-seeded"
 * ({@code TrialSeededSampler(7, TPESampler::new)}, for the resume test).
 */
public final class WorkerProcessMain {
  private WorkerProcessMain() {
  }

  public static void main(String[] args) throws Exception {
    String url = args[0];
    String studyName = args[1];
    int index = Integer.parseInt(args[2]);
    int nTrials = Integer.parseInt(args[3]);
    int hangAt = Integer.parseInt(args[4]);
    Path log = Path.of(args[5]);
    Path marker = Path.of(args[6]);
    Duration heartbeat = Duration.ofMillis(Long.parseLong(args[7]));
    Duration grace = Duration.ofMillis(Long.parseLong(args[8]));
    try (JdbcStorage storage = JdbcStorage.open(url)) {
      boolean seeded = args.length > 9 && args[9].equals("tpe-seeded");
      Study study = Studies.load(studyName, storage,
          seeded ? new TrialSeededSampler(7, TPESampler::new) : new RandomSampler(1000 + index), null);
      int[] started = {0};
      StudyWorker.Options o = StudyWorker.Options.DEFAULTS.withNTrials(nTrials).withTimeout(Duration.ofSeconds(90))
          .withHeartbeatInterval(heartbeat).withGracePeriod(grace).withDrain(true).withPoll(Duration.ofMillis(100));
      StudyWorker.run(study, trial -> {
        double x = trial.suggestFloat("x", -10, 10);
        int k = trial.suggestInt("k", 0, 5);
        if (started[0]++ == hangAt) {
          Files.writeString(marker, Integer.toString(trial.number()), StandardCharsets.UTF_8);
          Thread.sleep(Long.MAX_VALUE);
        }
        Thread.sleep(5);
        return new double[] {x * x + k};
      }, o, t -> {
        try {
          Files.writeString(log, t.number() + " " + t.state() + "\n", StandardCharsets.UTF_8,
              StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
