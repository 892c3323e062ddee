/**
 * Studies in a relational database, readable and writable by Optuna 3.1: {@link
 * org.minima4j.tune.storages.jdbc.JdbcStorage} (SQLite embedded, PostgreSQL for many machines, Optuna's RDB
 * schema), heartbeats of running trials ({@link org.minima4j.tune.storages.jdbc.Heartbeat}), retries of
 * trials whose worker died ({@link org.minima4j.tune.storages.jdbc.RetryFailedTrialCallback}), the loop of a
 * worker process ({@link org.minima4j.tune.storages.jdbc.StudyWorker}) and a sampler wrapper that makes a
 * resumed study sample as one that never stopped ({@link org.minima4j.tune.storages.jdbc.TrialSeededSampler}).
 */
package org.minima4j.tune.storages.jdbc;
