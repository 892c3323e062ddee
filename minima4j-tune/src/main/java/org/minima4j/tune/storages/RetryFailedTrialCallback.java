package org.minima4j.tune.storages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.minima4j.tune.FrozenTrial;
import org.minima4j.tune.Studies;
import org.minima4j.tune.Study;
import org.minima4j.tune.StudyCallback;
import org.minima4j.tune.TrialState;

/**
 * Re-enqueues a trial failed for a stale heartbeat, as Optuna's {@code RetryFailedTrialCallback}: a WAITING copy
 * with the same params and user attributes (and intermediate values with {@code inheritIntermediateValues}), whose
 * system attributes {@code failed_trial} (the original trial's number) and {@code retry_history} (every failed
 * attempt) tell its story; at most {@code maxRetry} retries (null: no limit). Install it with
 * {@code new InMemoryStorage(clock, heartbeatInterval, gracePeriod, new RetryFailedTrialCallback(3, false))}.
 */
public final class RetryFailedTrialCallback implements StudyCallback {
  private final Integer maxRetry;
  private final boolean inheritIntermediateValues;

  public RetryFailedTrialCallback(Integer maxRetry, boolean inheritIntermediateValues) {
    if (maxRetry != null && maxRetry < 0) {
      throw new IllegalArgumentException("max_retry must be >= 0 or null, got " + maxRetry);
    }
    this.maxRetry = maxRetry;
    this.inheritIntermediateValues = inheritIntermediateValues;
  }

  @Override
  public void accept(Study study, FrozenTrial trial) {
    Map<String, Object> attrs = new LinkedHashMap<>();
    attrs.put("failed_trial", trial.number());
    attrs.put("retry_history", List.of());
    attrs.putAll(trial.systemAttrs());
    List<Object> history = new ArrayList<>((List<?>) attrs.get("retry_history"));
    history.add(trial.number());
    attrs.put("retry_history", List.copyOf(history));
    attrs.remove(Study.FAIL_REASON_KEY);
    if (maxRetry != null && maxRetry < history.size()) {
      return;
    }
    study.addTrial(Studies.createTrial(TrialState.WAITING, null, trial.params(), trial.distributions(),
        trial.userAttrs(), attrs, inheritIntermediateValues ? trial.intermediateValues() : Map.of()));
  }

  /** The number of the original trial that {@code trial} retries, or null. */
  public static Integer retriedTrialNumber(FrozenTrial trial) {
    Object v = trial.systemAttrs().get("failed_trial");
    return v instanceof Number n ? n.intValue() : null;
  }

  /** Numbers of the failed attempts before {@code trial}, oldest first. */
  public static List<Integer> retryHistory(FrozenTrial trial) {
    List<Integer> out = new ArrayList<>();
    Object v = trial.systemAttrs().get("retry_history");
    if (v instanceof List<?> l) {
      for (Object o : l) {
        out.add(((Number) o).intValue());
      }
    }
    return out;
  }
}
