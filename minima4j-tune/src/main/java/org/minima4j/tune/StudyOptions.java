package org.minima4j.tune;

import java.util.List;
import org.minima4j.tune.pruners.Pruner;
import org.minima4j.tune.samplers.Sampler;
import org.minima4j.tune.storages.Storage;

/**
 * Options of {@link Studies#create}, Optuna's {@code create_study} keyword arguments as an immutable record.
 * {@link #DEFAULTS}: a fresh in-memory storage, an automatically named study, one MINIMIZE direction,
 * {@code TPESampler(seed 0)} (NSGA-II for several directions, as Optuna 3.1) and {@code MedianPruner()},
 * not loading an existing study.
 *
 * @param studyName the name, or null for {@code no-name-<k>} (the first free k in the storage)
 * @param directions one direction per objective
 * @param sampler the sampler, or null for the default
 * @param pruner the pruner, or null for the default
 * @param storage the storage, or null for a fresh {@link org.minima4j.tune.storages.InMemoryStorage}
 * @param loadIfExists load the study when the name is taken instead of failing
 * @param closeStorage whether {@link Study#close()} closes the storage: true for a database storage
 *     opened by {@link #withStorage(String)}, false for a storage given as an object (whoever made
 *     it closes it)
 */
public record StudyOptions(String studyName, List<StudyDirection> directions, Sampler sampler, Pruner pruner,
    Storage storage, boolean loadIfExists, boolean closeStorage) {

  public static final StudyOptions DEFAULTS = new StudyOptions(null, List.of(StudyDirection.MINIMIZE), null, null,
      null, false, false);

  public StudyOptions {
    if (directions == null || directions.isEmpty()) {
      throw new IllegalArgumentException("The number of objectives must be greater than 0.");
    }
    for (StudyDirection d : directions) {
      if (d == null) {
        throw new IllegalArgumentException("Please set either 'minimize' or 'maximize' to direction.");
      }
    }
    directions = List.copyOf(directions);
  }

  public StudyOptions withStudyName(String v) {
    return new StudyOptions(v, directions, sampler, pruner, storage, loadIfExists, closeStorage);
  }

  public StudyOptions withDirection(StudyDirection v) {
    return new StudyOptions(studyName, List.of(v), sampler, pruner, storage, loadIfExists, closeStorage);
  }

  public StudyOptions withDirections(StudyDirection... v) {
    return new StudyOptions(studyName, List.of(v), sampler, pruner, storage, loadIfExists, closeStorage);
  }

  public StudyOptions withDirections(List<StudyDirection> v) {
    return new StudyOptions(studyName, v, sampler, pruner, storage, loadIfExists, closeStorage);
  }

  public StudyOptions withSampler(Sampler v) {
    return new StudyOptions(studyName, directions, v, pruner, storage, loadIfExists, closeStorage);
  }

  public StudyOptions withPruner(Pruner v) {
    return new StudyOptions(studyName, directions, sampler, v, storage, loadIfExists, closeStorage);
  }

  /** A storage the caller manages (and closes, if it is closeable): {@link Study#close()} leaves it open. */
  public StudyOptions withStorage(Storage v) {
    return new StudyOptions(studyName, directions, sampler, pruner, v, loadIfExists, false);
  }

  /**
   * A storage by URL: {@code null}, {@code ""} and {@code ":memory:"} give a fresh
   * {@link org.minima4j.tune.storages.InMemoryStorage}; {@code jdbc:sqlite:FILE}, {@code jdbc:postgresql://...}
   * (and Optuna's {@code sqlite:///FILE}, {@code postgresql://...}) open a
   * {@link org.minima4j.tune.storages.jdbc.JdbcStorage} in Optuna 3.1's schema; other schemes are rejected.
   * The study owns a database storage opened here: close the study ({@link Study#close()}, e.g. with
   * try-with-resources) to close its connection.
   */
  public StudyOptions withStorage(String url) {
    if (url == null || url.isEmpty() || url.equals(":memory:")) {
      return withStorage(new org.minima4j.tune.storages.InMemoryStorage());
    }
    return new StudyOptions(studyName, directions, sampler, pruner, org.minima4j.tune.storages.jdbc.JdbcStorage.open(url),
        loadIfExists, true);
  }

  public StudyOptions withLoadIfExists(boolean v) {
    return new StudyOptions(studyName, directions, sampler, pruner, storage, v, closeStorage);
  }
}
