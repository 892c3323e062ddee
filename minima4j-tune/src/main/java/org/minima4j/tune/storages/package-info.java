/**
 * Storages of studies and trials: the {@link org.minima4j.tune.storages.Storage} interface (shaped so that a
 * JDBC storage in Optuna's relational schema can implement it) and the thread-safe
 * {@link org.minima4j.tune.storages.InMemoryStorage}.
 */
package org.minima4j.tune.storages;
