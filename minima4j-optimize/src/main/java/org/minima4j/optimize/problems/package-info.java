/**
 * Test problems for optimizers: the classic global-optimization benchmark functions with their
 * domains and optima ({@link org.minima4j.optimize.problems.BenchmarkFunction}).
 */
package org.minima4j.optimize.problems;
