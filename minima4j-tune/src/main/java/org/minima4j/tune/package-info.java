/**
 * Optuna-style hyperparameter optimization: studies, define-by-run trials, distributions;
 * samplers in {@code .samplers}, pruners in {@code .pruners}, storages in {@code .storages}.
 */
package org.minima4j.tune;
