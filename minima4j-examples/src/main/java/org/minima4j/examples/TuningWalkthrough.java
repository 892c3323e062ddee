package org.minima4j.examples;

import org.minima4j.cli.walkthrough.WalkthroughRunner;

/**
 * The tuning walkthrough on Iris, shortened (also {@code ./minima walkthrough --dataset iris},
 * which prints full tables and writes plots): grid search, TPE, then successive halving with
 * epochs as the resource, comparing the training each spends for its best validation accuracy.
 */
public final class TuningWalkthrough {
  private TuningWalkthrough() {}

  public static void main(String[] args) {
    WalkthroughRunner runner = new WalkthroughRunner("iris", 15, 100, 6, 30, 0);
    for (String search : new String[] {"grid", "tpe", "successive-halving", "nas-evolution"}) {
      WalkthroughRunner.Outcome o = runner.run(search);
      System.out.printf("%-20s best val acc %.3f (%s) after %d trials, %d epochs%n", o.name(), o.best().valAccuracy(),
          o.best().config(), o.rows().size(), o.epochs());
    }
  }
}
