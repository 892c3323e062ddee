/**
 * Pruners, after Optuna 3.1's {@code optuna.pruners}: Nop, Median, Percentile, SuccessiveHalving (ASHA),
 * Hyperband, Threshold and Patient.
 */
package org.minima4j.tune.pruners;
