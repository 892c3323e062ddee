package org.minima4j.tune.storages.jdbc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.minima4j.tune.FrozenTrial;
import org.minima4j.tune.Study;
import org.minima4j.tune.TrialState;

/**
 * Re-enqueues a trial whose worker died, as Optuna 3.1's {@code RetryFailedTrialCallback(max_retry,
 * inherit_intermediate_values)} ({@code optuna/_callbacks.py}): a WAITING trial with the failed trial's
 * params, distributions and user attributes, and the system attributes {@code failed_trial} (the number of the
 * first trial in the chain) and {@code retry_history} (every number of the chain so far). With
 * {@code maxRetry} set, a chain longer than that is not retried again.
 *
 * <p>Deviation: the failed trial's {@value Study#FAIL_REASON_KEY} system attribute is not copied to the retry
 * (Optuna copies all system attributes; the retry has not failed).
 *
 * @param maxRetry the most retries of one original trial, or null for no limit
 * @param inheritIntermediateValues copy the failed trial's intermediate values
 */
public record RetryFailedTrialCallback(Integer maxRetry, boolean inheritIntermediateValues) {

  public RetryFailedTrialCallback {
    if (maxRetry != null && maxRetry < 0) {
      throw new IllegalArgumentException("max_retry must be >= 0, got " + maxRetry);
    }
  }

  /** Re-enqueues {@code failed} in {@code study}; returns false when the retry limit is reached. */
  public boolean retry(Study study, FrozenTrial failed) {
    Map<String, Object> sys = new LinkedHashMap<>();
    sys.put("failed_trial", failed.number());
    sys.put("retry_history", new ArrayList<>());
    for (Map.Entry<String, Object> e : failed.systemAttrs().entrySet()) {
      if (!e.getKey().equals(Study.FAIL_REASON_KEY)) {
        sys.put(e.getKey(), e.getValue());
      }
    }
    List<Object> history = new ArrayList<>((List<?>) sys.get("retry_history"));
    history.add(failed.number());
    sys.put("retry_history", history);
    if (maxRetry != null && maxRetry < history.size()) {
      return false;
    }
    study.addTrial(new FrozenTrial(-1, -1, TrialState.WAITING, null, null, null, failed.internalParams(),
        failed.distributions(), failed.userAttrs(), sys,
        inheritIntermediateValues ? failed.intermediateValues() : Map.of()));
    return true;
  }

  /** The number of the original trial that {@code trial} retries, or null (Optuna's {@code retried_trial_number}). */
  public static Integer retriedTrialNumber(FrozenTrial trial) {
    Object v = trial.systemAttrs().get("failed_trial");
    return v instanceof Number n ? n.intValue() : null;
  }

  /** The numbers of every earlier trial in {@code trial}'s retry chain (Optuna's {@code retry_history}). */
  public static List<Integer> retryHistory(FrozenTrial trial) {
    List<Integer> out = new ArrayList<>();
    if (trial.systemAttrs().get("retry_history") instanceof List<?> l) {
      for (Object o : l) {
        out.add(((Number) o).intValue());
      }
    }
    return out;
  }
}
