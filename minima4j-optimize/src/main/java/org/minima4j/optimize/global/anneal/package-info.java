/**
 * Annealing: classic {@link org.minima4j.optimize.global.anneal.SimulatedAnnealing} and
 * {@link org.minima4j.optimize.global.anneal.DualAnnealing} after scipy 1.10.1.
 */
package org.minima4j.optimize.global.anneal;
