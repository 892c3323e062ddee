/**
 * Implementation helpers of minima4j-tune (normal-distribution numerics, Parzen estimators, Gaussian process,
 * low-discrepancy sequences, hypervolume, search-space utilities). Not public API: no type of this package
 * appears in a public signature outside it.
 */
package org.minima4j.tune.internal;
