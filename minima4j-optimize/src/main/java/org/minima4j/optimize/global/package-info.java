/**
 * Gradient-free global optimizers with one shape: ask/tell underneath
 * ({@link org.minima4j.optimize.global.GlobalOptimizer}), an {@code optimize} convenience with
 * {@link org.minima4j.optimize.global.Termination}, parallel batch evaluation through an
 * {@link java.util.concurrent.Executor}, seeded randomness ({@link org.minima4j.optimize.global.SeededRandom}),
 * state dicts that round-trip through JSON, and a pluggable {@link org.minima4j.optimize.global.LocalSearch}.
 * Algorithms: {@code cmaes} (CMA-ES, restarts), {@code pso}, {@code de} (differential evolution),
 * {@code anneal} (simulated and dual annealing).
 */
package org.minima4j.optimize.global;
