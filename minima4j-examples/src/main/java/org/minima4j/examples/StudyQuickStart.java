package org.minima4j.examples;

import org.minima4j.tune.Studies;
import org.minima4j.tune.Study;
import org.minima4j.tune.StudyOptions;
import org.minima4j.tune.samplers.TPESampler;

/** README: an Optuna-style study with the TPE sampler (a quadratic stands in for training). */
public final class StudyQuickStart {
  private StudyQuickStart() {}

  static double train(double lr, int hidden) {
    return Math.pow(Math.log10(lr) + 2, 2) + Math.pow((hidden - 128) / 64.0, 2);   // best at lr 1e-2, 128 units
  }

  public static void main(String[] args) {
    Study study = Studies.create(StudyOptions.DEFAULTS.withSampler(new TPESampler(42)));
    study.optimize(trial -> train(trial.suggestFloat("lr", 1e-4, 1e-1, true), trial.suggestInt("hidden", 16, 256)), 100);
    System.out.printf("best value %.4f with %s after %d trials%n", study.bestValue(), study.bestParams(), study.trials().size());
  }
}
