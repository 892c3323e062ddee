/**
 * Samplers, after Optuna 3.1's {@code optuna.samplers}: {@link org.minima4j.tune.samplers.RandomSampler},
 * {@link org.minima4j.tune.samplers.TPESampler}, {@link org.minima4j.tune.samplers.GridSampler} and the others.
 */
package org.minima4j.tune.samplers;
