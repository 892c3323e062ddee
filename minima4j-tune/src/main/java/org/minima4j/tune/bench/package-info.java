/**
 * Benchmark mains (they print; library code never does): {@link org.minima4j.tune.bench.OptunaProtocol} reruns
 * the protocol of {@code reference/optuna.json}; {@link org.minima4j.tune.bench.Problems} holds its test
 * functions.
 */
package org.minima4j.tune.bench;
