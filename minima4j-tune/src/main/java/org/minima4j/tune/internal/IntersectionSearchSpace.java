package org.minima4j.tune.internal;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.minima4j.tune.Distribution;
import org.minima4j.tune.FrozenTrial;
import org.minima4j.tune.Study;
import org.minima4j.tune.TrialState;

/**
 * Optuna 3.1's {@code IntersectionSearchSpace} ({@code optuna/samplers/_search_space/intersection.py}) without
 * {@code ordered_dict}: the parameters every finished COMPLETE (and PRUNED, with {@code includePruned}) trial has
 * with the same distribution, computed incrementally from a cursor (trials below it are not looked at again)
 * and kept in the order of the trial that first set it, which is the latest finished trial at the first call
 * that saw one. Samplers that consume random numbers parameter by parameter (TPE, CMA-ES) need that order to
 * replay Optuna; the incremental update also keeps the cost per trial independent of the number of trials'
 * parameters. One instance serves one study.
 */
public final class IntersectionSearchSpace {
  private final EnumSet<TrialState> states;
  private Map<String, Distribution> space;
  private int cursor = -1;
  private int studyId = -1;
  private Object storage; // the study is its storage and id (samplers see per-trial views of a study)

  public IntersectionSearchSpace(boolean includePruned) {
    this.states = includePruned
        ? EnumSet.of(TrialState.COMPLETE, TrialState.WAITING, TrialState.RUNNING, TrialState.PRUNED)
        : EnumSet.of(TrialState.COMPLETE, TrialState.WAITING, TrialState.RUNNING);
  }

  /**
   * The intersection search space of {@code study} now (unmodifiable, in Optuna's order).
   *
   * @throws IllegalArgumentException if called with another study than the first one, as Optuna
   */
  public Map<String, Distribution> calculate(Study study) {
    if (storage == null) {
      studyId = study.studyId();
      storage = study.storage();
    } else if (studyId != study.studyId() || storage != study.storage()) {
      throw new IllegalArgumentException("`IntersectionSearchSpace` cannot handle multiple studies.");
    }
    List<FrozenTrial> trials = study.getTrials(states);
    int nextCursor = trials.isEmpty() ? -1 : trials.get(trials.size() - 1).number() + 1;
    for (int i = trials.size() - 1; i >= 0; i--) {
      FrozenTrial t = trials.get(i);
      if (cursor > t.number()) {
        break;
      }
      if (!t.state().isFinished()) {
        nextCursor = t.number();
        continue;
      }
      if (space == null) {
        space = new LinkedHashMap<>(t.distributions());
        continue;
      }
      Map<String, Distribution> td = t.distributions();
      space.entrySet().removeIf(e -> {
        Distribution other = td.get(e.getKey());
        return other != e.getValue() && !e.getValue().equals(other);
      });
    }
    cursor = nextCursor;
    return space == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(space));
  }
}
