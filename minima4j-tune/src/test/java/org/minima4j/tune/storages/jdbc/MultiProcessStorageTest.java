package org.minima4j.tune.storages.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.minima4j.tune.FloatDistribution;
import org.minima4j.tune.FrozenTrial;
import org.minima4j.tune.IntDistribution;
import org.minima4j.tune.Study;
import org.minima4j.tune.StudyDirection;
import org.minima4j.tune.TrialState;

/**
 * Worker processes on shared studies. Several worker processes on one study, one of them killed with SIGKILL in the middle of a trial: no finished
 * trial is lost, trial numbers are unique and gap-free, the killed trial is failed after the grace period by
 * exactly one survivor and its retry (same params) completes. PostgreSQL: 4 workers x 50 trials (skipped,
 * with the reason, where the test server cannot be reached); SQLite: 2 workers x 50 trials. Heartbeats every
 * 0.5 s; grace periods of 3 s (3.5 s on SQLite, whose heartbeats have whole seconds) leave room for the JVMs'
 * start-up on two shared cores. And a study resumed by a new process (TPE seeded per trial) samples exactly
 * as one process that never stopped.
 */
class MultiProcessStorageTest {

  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path dir;

  @Test
  void postgresqlFourWorkersOneKilled() throws Exception {
    run(TestDatabases.postgres("mp"), 4, 50, 3000);
  }

  @Test
  void sqliteTwoWorkersOneKilled() throws Exception {
    // SQLite heartbeats have whole seconds (as Optuna's), so the grace period is a little longer.
    run(TestDatabases.sqlite(dir, "mp"), 2, 50, 3500);
  }

  @Test
  void restartedProcessSamplesAsOneThatNeverStopped() throws Exception {
    String whole = TestDatabases.sqlite(dir, "whole");
    String split = TestDatabases.sqlite(dir, "split");
    for (String url : List.of(whole, split)) {
      try (JdbcStorage s = JdbcStorage.open(url)) {
        s.createNewStudy(List.of(StudyDirection.MINIMIZE), "resume");
      }
    }
    worker(whole, 14);
    worker(split, 6); // the process ends ...
    worker(split, 8); // ... and a new one resumes the study
    assertThat(history(split)).isEqualTo(history(whole)).hasSize(14);
  }

  private void worker(String url, int nTrials) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    Path out = dir.resolve("resume-" + System.nanoTime() + ".out");
    Process p = new ProcessBuilder(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
        "-cp", System.getProperty("java.class.path"), WorkerProcessMain.class.getName(), url, "resume", "0",
        Integer.toString(nTrials), "-1", dir.resolve("resume.log").toString(), dir.resolve("none.marker").toString(),
        "500", "3000", "tpe-seeded").redirectErrorStream(true).redirectOutput(out.toFile()).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(Files.readString(out)).isZero();
  }

  private static List<String> history(String url) {
    try (JdbcStorage s = JdbcStorage.open(url)) {
      List<String> out = new ArrayList<>();
      for (FrozenTrial t : s.getAllTrials(s.getStudyIdFromName("resume"), null)) {
        out.add(t.number() + " " + t.state() + " " + t.params() + " " + t.values());
      }
      return out;
    }
  }

  private void run(String url, int workers, int nTrials, long graceMillis) throws Exception {
    try (JdbcStorage s = JdbcStorage.open(url)) {
      s.createNewStudy(List.of(StudyDirection.MINIMIZE), "shared");
    }
    Path marker = dir.resolve("hang.marker");
    List<Process> ps = new ArrayList<>();
    List<Path> logs = new ArrayList<>();
    String java = ProcessHandle.current().info().command().orElse("java");
    for (int i = 0; i < workers; i++) {
      Path log = dir.resolve("worker-" + i + ".log");
      logs.add(log);
      ps.add(new ProcessBuilder(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
          "-cp", System.getProperty("java.class.path"), WorkerProcessMain.class.getName(), url, "shared",
          Integer.toString(i), Integer.toString(nTrials), i == 0 ? "5" : "-1", log.toString(), marker.toString(),
          "500", Long.toString(graceMillis))
          .redirectErrorStream(true).redirectOutput(dir.resolve("worker-" + i + ".out").toFile()).start());
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.exists(marker) || Files.readString(marker).isEmpty()) {
      assertThat(System.nanoTime()).as("worker 0 never reached its 6th trial: %s",
          Files.exists(dir.resolve("worker-0.out")) ? Files.readString(dir.resolve("worker-0.out")) : "")
          .isLessThan(deadline);
      assertThat(ps.get(0).isAlive()).as("worker 0 died early: %s", Files.readString(dir.resolve("worker-0.out")))
          .isTrue();
      Thread.sleep(20);
    }
    int hung = Integer.parseInt(Files.readString(marker).strip());
    ps.get(0).destroyForcibly(); // SIGKILL: no finally blocks, no last heartbeat, no tell
    assertThat(ps.get(0).waitFor(10, TimeUnit.SECONDS)).isTrue();
    for (int i = 1; i < workers; i++) {
      assertThat(ps.get(i).waitFor(90, TimeUnit.SECONDS)).as("worker %d did not finish", i).isTrue();
      assertThat(ps.get(i).exitValue()).as("worker %d: %s", i, Files.readString(dir.resolve("worker-" + i + ".out")))
          .isZero();
    }

    try (JdbcStorage s = JdbcStorage.open(url)) {
      int sid = s.getStudyIdFromName("shared");
      List<FrozenTrial> trials = s.getAllTrials(sid, null);
      // Numbers: unique and gap-free.
      for (int k = 0; k < trials.size(); k++) {
        assertThat(trials.get(k).number()).isEqualTo(k);
      }
      // Nothing left running or waiting.
      assertThat(trials).noneMatch(t -> t.state() == TrialState.RUNNING || t.state() == TrialState.WAITING);
      // Every trial a worker saw finished is stored finished in that state.
      Map<Integer, String> seen = new HashMap<>();
      for (Path log : logs) {
        if (Files.exists(log)) {
          for (String line : Files.readAllLines(log)) {
            String[] f = line.split(" ");
            assertThat(seen.put(Integer.parseInt(f[0]), f[1])).as("trial %s finished twice", f[0]).isNull();
          }
        }
      }
      for (Map.Entry<Integer, String> e : seen.entrySet()) {
        assertThat(trials.get(e.getKey()).state().name()).isEqualTo(e.getValue());
      }
      // Survivors ran their trials (the retry among them), the killed worker its first five.
      assertThat(seen.size()).isGreaterThanOrEqualTo((workers - 1) * nTrials + 5);
      // The killed trial: failed for its stale heartbeat, retried once with the same params, retry completed.
      FrozenTrial dead = trials.get(hung);
      assertThat(dead.state()).isEqualTo(TrialState.FAIL);
      assertThat((String) dead.systemAttrs().get(Study.FAIL_REASON_KEY)).contains("stale heartbeat");
      List<FrozenTrial> retries = trials.stream()
          .filter(t -> Integer.valueOf(hung).equals(RetryFailedTrialCallback.retriedTrialNumber(t))).toList();
      assertThat(retries).hasSize(1);
      FrozenTrial retry = retries.get(0);
      assertThat(retry.state()).isEqualTo(TrialState.COMPLETE);
      assertThat(retry.params()).isEqualTo(dead.params());
      assertThat(retry.distributions()).containsEntry("x", FloatDistribution.of(-10, 10))
          .containsEntry("k", IntDistribution.of(0, 5));
      assertThat(RetryFailedTrialCallback.retryHistory(retry)).containsExactly(hung);
      assertThat(seen).containsKey(retry.number());
      // Only the hung trial failed.
      assertThat(trials).filteredOn(t -> t.state() == TrialState.FAIL).extracting(FrozenTrial::number)
          .containsExactly(hung);
    }
  }
}
