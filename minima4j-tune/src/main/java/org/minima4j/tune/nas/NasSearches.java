package org.minima4j.tune.nas;

import java.util.List;

/** Shared bookkeeping of the architecture searches. */
final class NasSearches {
  private NasSearches() {}

  /** The result of a finished search: the first best-scoring candidate and the best-so-far curve. */
  static NasResult result(List<NasResult.Candidate> history) {
    NasResult.Candidate best = null;
    double[] bestSoFar = new double[history.size()];
    for (int k = 0; k < history.size(); k++) {
      NasResult.Candidate c = history.get(k);
      if (!Double.isNaN(c.score()) && (best == null || c.score() > best.score())) {
        best = c;
      }
      bestSoFar[k] = best == null ? Double.NaN : best.score();
    }
    return new NasResult(history, best, bestSoFar);
  }
}
