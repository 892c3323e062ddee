/**
 * Particle swarm optimization: {@link org.minima4j.optimize.global.pso.PSO} after pyswarm 0.7 (defaults)
 * and pyswarms 1.3.0 (GlobalBestPSO / LocalBestPSO options), and {@link org.minima4j.optimize.global.pso.SPSO2011}.
 */
package org.minima4j.optimize.global.pso;
