package org.minima4j.tune;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.minima4j.tune.pruners.MedianPruner;
import org.minima4j.tune.pruners.Pruner;
import org.minima4j.tune.samplers.NSGAIISampler;
import org.minima4j.tune.samplers.Sampler;
import org.minima4j.tune.samplers.TPESampler;
import org.minima4j.tune.storages.InMemoryStorage;
import org.minima4j.tune.storages.Storage;

/** Entry points, as Optuna's module functions {@code create_study}, {@code load_study}, {@code create_trial}. */
public final class Studies {
  private Studies() {
  }

  /** Creates (or, with {@code loadIfExists}, loads) a study. */
  public static Study create(StudyOptions options) {
    StudyOptions o = options == null ? StudyOptions.DEFAULTS : options;
    Storage storage = o.storage() == null ? new InMemoryStorage() : o.storage();
    try {
      return create(o, storage);
    } catch (RuntimeException e) {
      if (o.closeStorage() && storage instanceof AutoCloseable c) {
        closeQuietly(c, e);
      }
      throw e;
    }
  }

  private static void closeQuietly(AutoCloseable c, RuntimeException cause) {
    try {
      c.close();
    } catch (Exception suppressed) {
      cause.addSuppressed(suppressed);
    }
  }

  private static Study create(StudyOptions o, Storage storage) {
    String name = o.studyName();
    if (name == null) {
      Set<String> taken = new HashSet<>(storage.getAllStudyNames());
      int k = 0;
      while (taken.contains("no-name-" + k)) {
        k++;
      }
      name = "no-name-" + k;
    }
    int id;
    try {
      id = storage.createNewStudy(o.directions(), name);
    } catch (IllegalArgumentException taken) {
      if (!o.loadIfExists()) {
        throw taken;
      }
      id = storage.getStudyIdFromName(name);
      if (!storage.getStudyDirections(id).equals(o.directions())) {
        throw new IllegalArgumentException("Cannot overwrite study direction from " + storage.getStudyDirections(id)
            + " to " + o.directions() + ".");
      }
    }
    return new Study(storage, id, name, sampler(o.sampler(), o.directions().size()), pruner(o.pruner()), o.closeStorage());
  }

  /** Loads an existing study by name. */
  public static Study load(String studyName, Storage storage, Sampler sampler, Pruner pruner) {
    if (storage == null) {
      throw new IllegalArgumentException("storage must not be null");
    }
    int id = storage.getStudyIdFromName(studyName);
    return new Study(storage, id, studyName, sampler(sampler, storage.getStudyDirections(id).size()), pruner(pruner));
  }

  /** Deletes a study and its trials; throws {@link NoSuchElementException} if absent. */
  public static void delete(String studyName, Storage storage) {
    storage.deleteStudy(storage.getStudyIdFromName(studyName));
  }

  /** Names of all studies in a storage. */
  public static List<String> studyNames(Storage storage) {
    return storage.getAllStudyNames();
  }

  private static Sampler sampler(Sampler s, int nObjectives) {
    if (s != null) {
      return s;
    }
    return nObjectives > 1 ? new NSGAIISampler(0) : new TPESampler(0);
  }

  private static Pruner pruner(Pruner p) {
    return p == null ? new MedianPruner() : p;
  }

  /** A COMPLETE trial with one value, for {@link Study#addTrial} (warm start). */
  public static FrozenTrial createTrial(double value, Map<String, Object> params,
      Map<String, Distribution> distributions) {
    return createTrial(TrialState.COMPLETE, List.of(value), params, distributions, Map.of(), Map.of(), Map.of());
  }

  /**
   * A trial for {@link Study#addTrial}, as Optuna's {@code create_trial}. Params are external values.
   *
   * @param state COMPLETE, PRUNED, FAIL or WAITING
   * @param values objective values (null unless COMPLETE; PRUNED may carry one)
   * @param params external parameter values
   * @param distributions their distributions (same keys)
   * @param userAttrs user attributes
   * @param systemAttrs system attributes
   * @param intermediateValues reports by step
   */
  public static FrozenTrial createTrial(TrialState state, List<Double> values, Map<String, Object> params,
      Map<String, Distribution> distributions, Map<String, Object> userAttrs, Map<String, Object> systemAttrs,
      Map<Integer, Double> intermediateValues) {
    if (state == TrialState.RUNNING) {
      throw new IllegalArgumentException("Cannot create a RUNNING trial.");
    }
    if (state == TrialState.COMPLETE && values == null) {
      throw new IllegalArgumentException("values must be set for a COMPLETE trial.");
    }
    if (state != TrialState.COMPLETE && state != TrialState.PRUNED && values != null) {
      throw new IllegalArgumentException("values must be null for a " + state + " trial.");
    }
    if (!params.keySet().equals(distributions.keySet())) {
      throw new IllegalArgumentException("Inconsistent parameters " + params.keySet() + " and distributions "
          + distributions.keySet() + ".");
    }
    Map<String, Double> internal = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : params.entrySet()) {
      internal.put(e.getKey(), distributions.get(e.getKey()).toInternal(e.getValue()));
    }
    return new FrozenTrial(-1, -1, state, values, null, null, internal, distributions, userAttrs, systemAttrs,
        intermediateValues);
  }
}
