package org.minima4j.tune.storages.jdbc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.minima4j.logging.LazyLogger;
import org.minima4j.tune.FrozenTrial;
import org.minima4j.tune.MultiObjective;
import org.minima4j.tune.Study;
import org.minima4j.tune.Trial;
import org.minima4j.tune.TrialPruned;
import org.minima4j.tune.TrialState;

/**
 * One worker process's loop over a shared study, as Optuna's {@code optimize} with an RDB storage and
 * heartbeats: before each trial it fails RUNNING trials whose heartbeat is older than the grace period
 * (exactly one worker wins each, since the storage's state change is conditional) and re-enqueues them with
 * the retry callback; it then asks (popping an enqueued trial first), beats while the objective runs, and
 * tells the result. An exception of the objective fails that trial with its cause in
 * {@value Study#FAIL_REASON_KEY} and the loop goes on; {@link TrialPruned} prunes it.
 *
 * <p>With {@code drain}, a worker that has run its {@code nTrials} keeps serving the study while other
 * trials are unfinished: it runs WAITING trials (retries of dead workers' trials among them) and waits for
 * RUNNING ones to finish or go stale, so no retry is left behind when the last worker exits. The timeout
 * bounds the whole loop.
 */
public final class StudyWorker {
  private static final System.Logger LOG = LazyLogger.of(StudyWorker.class);

  /**
   * Options of {@link #run}.
   *
   * @param nTrials trials this worker runs (before draining)
   * @param timeout wall-clock limit of the loop, or null
   * @param heartbeatInterval how often a running trial beats (Optuna: {@code heartbeat_interval})
   * @param gracePeriod how old a heartbeat may be before its trial counts as dead (Optuna: {@code grace_period},
   *     default twice the interval)
   * @param retry how dead workers' trials are retried, or null to only fail them
   * @param drain keep serving WAITING and RUNNING trials after {@code nTrials}
   * @param poll how long to wait between checks while draining
   */
  public record Options(int nTrials, Duration timeout, Duration heartbeatInterval, Duration gracePeriod,
      RetryFailedTrialCallback retry, boolean drain, Duration poll) {

    public static final Options DEFAULTS = new Options(10, null, Duration.ofSeconds(60), Duration.ofSeconds(120),
        new RetryFailedTrialCallback(null, false), false, Duration.ofMillis(200));

    public Options {
      if (nTrials < 0) {
        throw new IllegalArgumentException("n_trials must be >= 0, got " + nTrials);
      }
      Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
      Objects.requireNonNull(gracePeriod, "gracePeriod");
      Objects.requireNonNull(poll, "poll");
      if (heartbeatInterval.isNegative() || heartbeatInterval.isZero() || gracePeriod.isNegative() || gracePeriod.isZero()) {
        throw new IllegalArgumentException("heartbeat interval and grace period must be positive");
      }
      if (gracePeriod.compareTo(heartbeatInterval) <= 0) {
        throw new IllegalArgumentException("The grace period (" + gracePeriod + ") must be longer than the heartbeat"
            + " interval (" + heartbeatInterval + ").");
      }
    }

    public Options withNTrials(int v) {
      return new Options(v, timeout, heartbeatInterval, gracePeriod, retry, drain, poll);
    }

    public Options withTimeout(Duration v) {
      return new Options(nTrials, v, heartbeatInterval, gracePeriod, retry, drain, poll);
    }

    /** Sets the interval and a grace period of twice it (Optuna's default). */
    public Options withHeartbeatInterval(Duration v) {
      return new Options(nTrials, timeout, v, v.multipliedBy(2), retry, drain, poll);
    }

    public Options withGracePeriod(Duration v) {
      return new Options(nTrials, timeout, heartbeatInterval, v, retry, drain, poll);
    }

    public Options withRetry(RetryFailedTrialCallback v) {
      return new Options(nTrials, timeout, heartbeatInterval, gracePeriod, v, drain, poll);
    }

    public Options withDrain(boolean v) {
      return new Options(nTrials, timeout, heartbeatInterval, gracePeriod, retry, v, poll);
    }

    public Options withPoll(Duration v) {
      return new Options(nTrials, timeout, heartbeatInterval, gracePeriod, retry, drain, v);
    }
  }

  /**
   * What one worker did.
   *
   * @param finished numbers of the trials this worker finished (any final state), in order
   * @param staleFailed numbers of dead workers' trials this worker failed
   */
  public record Result(List<Integer> finished, List<Integer> staleFailed) {
  }

  private StudyWorker() {
  }

  /** Fails stale trials of {@code study} and retries them with {@code retry} (if not null); returns their numbers. */
  public static List<Integer> failStaleTrials(Study study, Duration gracePeriod, RetryFailedTrialCallback retry) {
    List<Integer> failed = study.failStaleTrials(gracePeriod);
    for (int number : failed) {
      FrozenTrial t = study.storage().getTrial(study.storage().getTrialIdFromStudyIdTrialNumber(study.studyId(),
          number));
      LOG.log(System.Logger.Level.WARNING, "Trial " + number + " of study " + study.studyName()
          + " had no heartbeat for " + gracePeriod + " and was failed"
          + (retry == null ? "." : "; retrying it."));
      if (retry != null) {
        retry.retry(study, t);
      }
    }
    return failed;
  }

  /**
   * Runs the loop on {@code study}.
   *
   * @param study the study (its storage shared with other workers)
   * @param objective the function; one value per direction
   * @param options limits, heartbeat and retry settings
   * @param onFinished called with each trial this worker finished (may be null)
   * @return what this worker did
   */
  public static Result run(Study study, MultiObjective objective, Options options, Consumer<FrozenTrial> onFinished) {
    Objects.requireNonNull(study, "study");
    Objects.requireNonNull(objective, "objective");
    Options o = options == null ? Options.DEFAULTS : options;
    long deadline = o.timeout() == null ? Long.MAX_VALUE : System.nanoTime() + o.timeout().toNanos();
    List<Integer> finished = new ArrayList<>();
    List<Integer> stale = new ArrayList<>();
    int mine = 0;
    while (System.nanoTime() < deadline) {
      stale.addAll(failStaleTrials(study, o.gracePeriod(), o.retry()));
      if (mine >= o.nTrials()) {
        if (!o.drain()) {
          break;
        }
        int waiting = study.storage().getNTrials(study.studyId(), EnumSet.of(TrialState.WAITING));
        if (waiting == 0) {
          int running = study.storage().getNTrials(study.studyId(), EnumSet.of(TrialState.RUNNING));
          if (running == 0) {
            break;
          }
          sleep(o.poll());
          continue;
        }
      }
      FrozenTrial done = runOne(study, objective, o.heartbeatInterval());
      mine++;
      finished.add(done.number());
      if (onFinished != null) {
        onFinished.accept(done);
      }
    }
    return new Result(List.copyOf(finished), List.copyOf(stale));
  }

  private static FrozenTrial runOne(Study study, MultiObjective objective, Duration interval) {
    Trial trial = study.ask();
    double[] values;
    try {
      Heartbeat hb = Heartbeat.start(study.storage(), trial.trialId(), interval);
      try {
        values = objective.apply(trial);
      } catch (TrialPruned p) {
        hb.close();
        return study.tell(trial, TrialState.PRUNED);
      } catch (Exception e) {
        hb.close();
        trial.setSystemAttr(Study.FAIL_REASON_KEY, e.toString());
        LOG.log(System.Logger.Level.WARNING, "Trial " + trial.number() + " failed: " + e);
        return study.tell(trial, TrialState.FAIL);
      } finally {
        hb.close();
      }
      return study.tell(trial, values);
    } catch (IllegalStateException finishedElsewhere) {
      // Another worker failed this trial as stale (its heartbeats came too late): keep what is stored.
      FrozenTrial stored = trial.frozen();
      if (!stored.state().isFinished()) {
        throw finishedElsewhere;
      }
      LOG.log(System.Logger.Level.WARNING, "Trial " + trial.number() + " was finished by another worker ("
          + stored.state() + ") before this one told its result; its heartbeats were late. Consider a longer"
          + " grace period.");
      return stored;
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(Math.max(1, d.toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
