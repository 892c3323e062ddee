package org.minima4j.tune.samplers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import org.minima4j.logging.LazyLogger;
import org.minima4j.optimize.global.SeededRandom;
import org.minima4j.tune.Distribution;
import org.minima4j.tune.FrozenTrial;
import org.minima4j.tune.Study;
import org.minima4j.tune.TrialState;

/**
 * Grid search, as Optuna 3.1's {@code GridSampler}: the grid is the Cartesian product of the given values
 * (parameters in name order); each trial takes a random unvisited grid point (points held by running trials
 * are avoided while others remain), and the study is stopped once every point has been evaluated. Grid
 * points are recorded in the system attributes {@code grid_id} and {@code search_space}.
 */
public final class GridSampler implements Sampler {
  private static final System.Logger LOG = LazyLogger.of(GridSampler.class);

  private final Map<String, List<Object>> searchSpace;
  private final List<String> paramNames;
  private final int nGrids;
  private final RandomGenerator rng;

  /**
   * @param searchSpace parameter name to the values to try (null, Boolean, Number or String)
   * @param seed seed for the order in which grid points are visited
   */
  public GridSampler(Map<String, ? extends List<?>> searchSpace, long seed) {
    if (searchSpace == null || searchSpace.isEmpty()) {
      throw new IllegalArgumentException("search_space must not be empty");
    }
    Map<String, List<Object>> ss = new TreeMap<>();
    long n = 1;
    for (Map.Entry<String, ? extends List<?>> e : searchSpace.entrySet()) {
      if (e.getValue() == null || e.getValue().isEmpty()) {
        throw new IllegalArgumentException("The grid of parameter '" + e.getKey() + "' is empty.");
      }
      for (Object v : e.getValue()) {
        if (v != null && !(v instanceof String || v instanceof Number || v instanceof Boolean)) {
          throw new IllegalArgumentException(e.getKey() + " contains a value with the type of " + v.getClass()
              + ", which is not supported by `GridSampler`. Please make sure a value is `str`, `int`, `float`,"
              + " `bool` or `None` for persistent storage.");
        }
      }
      ss.put(e.getKey(), Collections.unmodifiableList(new ArrayList<>(e.getValue())));
      n *= e.getValue().size();
      if (n > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("The grid has more than " + Integer.MAX_VALUE + " points.");
      }
    }
    this.searchSpace = Collections.unmodifiableMap(ss);
    this.paramNames = List.copyOf(ss.keySet());
    this.nGrids = (int) n;
    this.rng = new SeededRandom(seed);
  }

  /** Number of grid points. */
  public int gridSize() {
    return nGrids;
  }

  /** The values of grid point {@code gridId}, by parameter name. */
  public Map<String, Object> gridPoint(int gridId) {
    Map<String, Object> out = new LinkedHashMap<>();
    int rest = gridId;
    for (int p = paramNames.size() - 1; p >= 0; p--) {
      List<Object> vs = searchSpace.get(paramNames.get(p));
      out.put(paramNames.get(p), vs.get(rest % vs.size()));
      rest /= vs.size();
    }
    Map<String, Object> ordered = new LinkedHashMap<>();
    for (String name : paramNames) {
      ordered.put(name, out.get(name));
    }
    return ordered;
  }

  @Override
  public void beforeTrial(Study study, FrozenTrial trial) {
    if (trial.systemAttrs().containsKey("grid_id") || trial.systemAttrs().containsKey(Study.FIXED_PARAMS_KEY)) {
      return;
    }
    List<Integer> target = unvisited(study);
    if (target.isEmpty()) {
      LOG.log(System.Logger.Level.WARNING, "`GridSampler` is re-evaluating a configuration because the grid has"
          + " been exhausted.");
      target = new ArrayList<>();
      for (int i = 0; i < nGrids; i++) {
        target.add(i);
      }
    }
    int gridId = target.get(rng.nextInt(target.size()));
    study.storage().setTrialSystemAttr(trial.trialId(), "search_space", searchSpace);
    study.storage().setTrialSystemAttr(trial.trialId(), "grid_id", gridId);
  }

  @Override
  public double sampleIndependent(Study study, FrozenTrial trial, String paramName, Distribution distribution) {
    Object gid = trial.systemAttrs().get("grid_id");
    if (gid == null) {
      throw new IllegalArgumentException("All parameters must be specified when using GridSampler with "
          + "enqueue_trial.");
    }
    if (!searchSpace.containsKey(paramName)) {
      throw new IllegalArgumentException("The parameter name, " + paramName + ", is not found in the given grid.");
    }
    Object value = gridPoint(((Number) gid).intValue()).get(paramName);
    double internal = distribution.toInternal(value);
    if (!distribution.contains(internal)) {
      throw new IllegalArgumentException("The value `" + value + "` is out of range of the parameter `" + paramName
          + "`: " + distribution + ".");
    }
    return internal;
  }

  @Override
  public void afterTrial(Study study, FrozenTrial trial, TrialState state, List<Double> values) {
    List<Integer> target = unvisited(study);
    if (target.isEmpty()) {
      study.stop();
    } else if (target.size() == 1 && Objects.equals(trial.systemAttrs().get("grid_id"), target.get(0))) {
      study.stop();
    }
  }

  /** Whether every grid point has been evaluated (finished trials only). */
  public boolean isExhausted(Study study) {
    Set<Integer> visited = new LinkedHashSet<>();
    for (FrozenTrial t : study.storage().getAllTrials(study.studyId(), null)) {
      if (t.state().isFinished() && sameGrid(t)) {
        visited.add(((Number) t.systemAttrs().get("grid_id")).intValue());
      }
    }
    return visited.size() >= nGrids;
  }

  private boolean sameGrid(FrozenTrial t) {
    return t.systemAttrs().get("grid_id") instanceof Number && searchSpace.equals(t.systemAttrs().get("search_space"));
  }

  private List<Integer> unvisited(Study study) {
    Set<Integer> visited = new LinkedHashSet<>();
    Set<Integer> running = new LinkedHashSet<>();
    for (FrozenTrial t : study.storage().getAllTrials(study.studyId(), null)) {
      if (!sameGrid(t)) {
        continue;
      }
      int g = ((Number) t.systemAttrs().get("grid_id")).intValue();
      if (t.state().isFinished()) {
        visited.add(g);
      } else if (t.state() == TrialState.RUNNING) {
        running.add(g);
      }
    }
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < nGrids; i++) {
      if (!visited.contains(i) && !running.contains(i)) {
        out.add(i);
      }
    }
    if (out.isEmpty()) {
      for (int i = 0; i < nGrids; i++) {
        if (!visited.contains(i)) {
          out.add(i);
        }
      }
    }
    return out;
  }
}
