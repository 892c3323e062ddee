package org.minima4j.tune.storages;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.minima4j.tune.Distribution;
import org.minima4j.tune.FrozenTrial;
import org.minima4j.tune.StudyDirection;
import org.minima4j.tune.TrialState;

/**
 * Where studies and trials live, as Optuna's {@code BaseStorage}. Implementations must be safe for
 * concurrent use by several threads (and, for a database, by several processes):
 *
 * <ul>
 *   <li>trial ids are storage-wide and trial numbers are allocated by the storage, 0, 1, 2, ... per study,
 *       never twice (a JDBC implementation locks the study row, as Optuna's RDB storage does);</li>
 *   <li>{@link #setTrialStateValues} from WAITING to RUNNING succeeds for exactly one caller, which is
 *       how enqueued trials are popped;</li>
 *   <li>finished trials (COMPLETE, PRUNED, FAIL) are immutable: every setter on them throws
 *       {@link IllegalStateException};</li>
 *   <li>a parameter name keeps its distribution kind within a study, and a categorical parameter keeps its
 *       choices (Optuna's {@code check_distribution_compatibility}).</li>
 * </ul>
 *
 * <p>Params are stored in their internal (double) representation with their distribution, as Optuna's
 * {@code trial_params(param_name, param_value, distribution_json)} table. Attributes hold JSON-compatible
 * values (null, Boolean, Number, String, List, Map).
 */
public interface Storage {

  // ------------------------------------------------------------------ studies

  /** Creates a study; throws {@link IllegalArgumentException} if the name is taken. Returns its id. */
  int createNewStudy(List<StudyDirection> directions, String studyName);

  /** Deletes a study and its trials; throws {@link java.util.NoSuchElementException} if absent. */
  void deleteStudy(int studyId);

  /** Id of a study by name; throws {@link java.util.NoSuchElementException} if absent. */
  int getStudyIdFromName(String studyName);

  String getStudyNameFromId(int studyId);

  List<StudyDirection> getStudyDirections(int studyId);

  /** Names of all studies, in creation order. */
  List<String> getAllStudyNames();

  void setStudyUserAttr(int studyId, String key, Object value);

  void setStudySystemAttr(int studyId, String key, Object value);

  Map<String, Object> getStudyUserAttrs(int studyId);

  Map<String, Object> getStudySystemAttrs(int studyId);

  // ------------------------------------------------------------------ trials

  /**
   * Creates a trial and returns its id. With a null template the trial is RUNNING and started now;
   * otherwise the template's state, values, params, attributes and intermediate values are copied
   * (its number and id are ignored: the storage allocates both).
   */
  int createNewTrial(int studyId, FrozenTrial template);

  /** Stores a parameter of a RUNNING trial; checks its compatibility with earlier trials of the study. */
  void setTrialParam(int trialId, String paramName, double internalValue, Distribution distribution);

  /**
   * Changes the state (and values) of an unfinished trial. Returns false, changing nothing, when the
   * requested state is RUNNING and the trial is no longer WAITING (someone else took it).
   */
  boolean setTrialStateValues(int trialId, TrialState state, List<Double> values);

  /** Stores an intermediate value of a RUNNING trial; a step already reported is kept (first report wins). */
  void setTrialIntermediateValue(int trialId, int step, double value);

  void setTrialUserAttr(int trialId, String key, Object value);

  void setTrialSystemAttr(int trialId, String key, Object value);

  /** A snapshot of one trial; throws {@link java.util.NoSuchElementException} if absent. */
  FrozenTrial getTrial(int trialId);

  /** Snapshots of the study's trials in number order, restricted to {@code states} unless it is null. */
  List<FrozenTrial> getAllTrials(int studyId, Set<TrialState> states);

  /** Number of the study's trials in {@code states} (all when null). */
  default int getNTrials(int studyId, Set<TrialState> states) {
    return getAllTrials(studyId, states).size();
  }

  /** Trial id from a study id and a trial number. */
  int getTrialIdFromStudyIdTrialNumber(int studyId, int trialNumber);

  // ------------------------------------------------------------------ heartbeats

  /** Records that a RUNNING trial is alive now. */
  void recordHeartbeat(int trialId);

  /** RUNNING trials of the study whose last heartbeat is older than {@code gracePeriod}. */
  List<Integer> getStaleTrialIds(int studyId, Duration gracePeriod);

  /**
   * How often {@code Study.optimize} records a heartbeat for each running trial, or null for no heartbeat
   * thread (Optuna's {@code heartbeat_interval}; off by default).
   */
  default Duration heartbeatInterval() {
    return null;
  }

  /**
   * Age of the last heartbeat after which a RUNNING trial counts as stale and is failed before the next
   * trial starts (Optuna's {@code grace_period}, default twice the heartbeat interval).
   */
  default Duration gracePeriod() {
    Duration h = heartbeatInterval();
    return h == null ? null : h.multipliedBy(2);
  }

  /**
   * Called with each trial failed for a stale heartbeat (Optuna's {@code failed_trial_callback}), or null;
   * for example {@link RetryFailedTrialCallback}.
   */
  default org.minima4j.tune.StudyCallback staleTrialCallback() {
    return null;
  }
}
