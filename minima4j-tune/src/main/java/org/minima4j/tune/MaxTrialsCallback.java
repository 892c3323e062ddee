package org.minima4j.tune;

import java.util.EnumSet;
import java.util.Set;

/**
 * Stops the study once it holds {@code nTrials} trials in the given states, as Optuna's
 * {@code MaxTrialsCallback(n_trials, states=(COMPLETE,))}: unlike {@code nTrials} of
 * {@link Study#optimize}, which counts the trials of one call, this caps the study's total (for example over
 * several workers sharing a storage).
 */
public final class MaxTrialsCallback implements StudyCallback {
  private final int nTrials;
  private final Set<TrialState> states;

  /** Counts COMPLETE trials. */
  public MaxTrialsCallback(int nTrials) {
    this(nTrials, EnumSet.of(TrialState.COMPLETE));
  }

  /** Counts trials in {@code states} (all states when null). */
  public MaxTrialsCallback(int nTrials, Set<TrialState> states) {
    if (nTrials < 0) {
      throw new IllegalArgumentException("n_trials must be >= 0, got " + nTrials);
    }
    this.nTrials = nTrials;
    this.states = states == null ? null : EnumSet.copyOf(states);
  }

  @Override
  public void accept(Study study, FrozenTrial trial) {
    if (study.storage().getNTrials(study.studyId(), states) >= nTrials) {
      study.stop();
    }
  }
}
