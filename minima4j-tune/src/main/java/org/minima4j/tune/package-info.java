/**
 * Optuna-style hyperparameter optimization (define-by-run), after Optuna 3.1: {@link org.minima4j.tune.Studies}
 * creates a {@link org.minima4j.tune.Study} from immutable {@link org.minima4j.tune.StudyOptions}; the objective
 * receives a {@link org.minima4j.tune.Trial} and builds its search space with {@code suggestFloat},
 * {@code suggestInt} and {@code suggestCategorical}. Samplers live in {@code .samplers}, pruners in
 * {@code .pruners}, storages in {@code .storages}; {@code docs/porting/tune.md} maps Optuna's names.
 *
 * <pre>{@code
 * Study study = Studies.create(StudyOptions.DEFAULTS.withSampler(new TPESampler(42)));
 * study.optimize(trial -> {
 *   double x = trial.suggestFloat("x", -10, 10);
 *   return (x - 2) * (x - 2);
 * }, 100);
 * study.bestParams(); // {x=2.0...}
 * }</pre>
 */
package org.minima4j.tune;
