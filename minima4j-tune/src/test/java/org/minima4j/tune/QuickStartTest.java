package org.minima4j.tune;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.minima4j.tune.pruners.MedianPruner;
import org.minima4j.tune.samplers.TPESampler;

/** The README's study quick start, verbatim apart from the assertions. */
class QuickStartTest {

  @Test
  void quickStart() {
    Study study = Studies.create(StudyOptions.DEFAULTS
        .withSampler(new TPESampler(42))
        .withPruner(new MedianPruner()));
    study.optimize(trial -> {
      double lr = trial.suggestFloat("lr", 1e-5, 1e-1, true);        // log scale
      int layers = trial.suggestInt("layers", 1, 4);
      String act = trial.suggestCategorical("activation", "relu", "tanh");
      double loss = Double.NaN;
      for (int epoch = 0; epoch < 10; epoch++) {                   // stand-in for a training loop
        loss = Math.pow(Math.log10(lr) + 3, 2) + 0.1 * layers + (act.equals("relu") ? 0 : 0.5) + 1.0 / (epoch + 1);
        trial.report(loss, epoch);
        if (trial.shouldPrune()) {
          throw new TrialPruned();
        }
      }
      return loss;
    }, 50);
    // study.bestParams() -> {lr=0.001..., layers=1, activation=relu}; study.bestValue(), study.trials()
    assertThat(study.bestParams()).containsEntry("activation", "relu").containsEntry("layers", 1L); // int params are stored as Long
    assertThat((Double) study.bestParams().get("lr")).isBetween(1e-4, 1e-2);
    assertThat(study.getTrials(TrialState.PRUNED)).isNotEmpty();
  }
}
