package org.minima4j.tune.nas;

import java.util.List;

/**
 * The outcome of an architecture search: every evaluated candidate in order, the best one, and
 * the best score after each evaluation (for plots).
 */
public record NasResult(List<Candidate> history, Candidate best, double[] bestSoFar) {
  /** One evaluated architecture. */
  public record Candidate(int index, Architecture architecture, double score) {}

  public NasResult {
    history = List.copyOf(history);
  }
}
