/** Differential evolution after scipy 1.10.1 ({@link org.minima4j.optimize.global.de.DifferentialEvolution}). */
package org.minima4j.optimize.global.de;
