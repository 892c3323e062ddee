package org.minima4j.tune.storages.jdbc;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.minima4j.logging.LazyLogger;
import org.minima4j.tune.storages.Storage;

/**
 * Records a RUNNING trial's heartbeat every {@code interval} on a daemon thread until closed, as Optuna's
 * heartbeat thread ({@code optuna/storages/_heartbeat.py}). A worker that dies stops beating; after the grace
 * period another worker's {@link StudyWorker#failStaleTrials} fails its trial.
 *
 * <pre>{@code
 * try (Heartbeat hb = Heartbeat.start(storage, trial.trialId(), Duration.ofSeconds(1))) {
 *   value = objective.apply(trial);
 * }
 * }</pre>
 */
public final class Heartbeat implements AutoCloseable {
  private static final System.Logger LOG = LazyLogger.of(Heartbeat.class);

  private final ScheduledExecutorService timer;

  private Heartbeat(Storage storage, int trialId, Duration interval) {
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "minima4j-heartbeat-" + trialId);
      t.setDaemon(true);
      return t;
    });
    long ms = Math.max(1, interval.toMillis());
    timer.scheduleWithFixedDelay(() -> {
      long t0 = System.nanoTime();
      try {
        storage.recordHeartbeat(trialId);
        long ms2 = (System.nanoTime() - t0) / 1_000_000;
        if (ms2 > ms) {
          LOG.log(System.Logger.Level.WARNING, "heartbeat of trial " + trialId + " took " + ms2
              + " ms, longer than the interval of " + ms + " ms");
        }
      } catch (IllegalStateException finished) {
        timer.shutdown();
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "heartbeat of trial " + trialId + " failed: " + e.getMessage());
      }
    }, ms, ms, TimeUnit.MILLISECONDS);
  }

  /** Records one heartbeat now, then one every {@code interval}. */
  public static Heartbeat start(Storage storage, int trialId, Duration interval) {
    Objects.requireNonNull(storage, "storage");
    if (interval == null || interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("The heartbeat interval must be positive, got " + interval);
    }
    storage.recordHeartbeat(trialId);
    return new Heartbeat(storage, trialId, interval);
  }

  /** Stops beating (waits for a beat in flight). */
  @Override
  public void close() {
    timer.shutdownNow();
    try {
      timer.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
