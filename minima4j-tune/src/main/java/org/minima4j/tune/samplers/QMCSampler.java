package org.minima4j.tune.samplers;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.minima4j.optimize.global.SeededRandom;
import org.minima4j.tune.CategoricalDistribution;
import org.minima4j.tune.Distribution;
import org.minima4j.tune.FrozenTrial;
import org.minima4j.tune.Study;
import org.minima4j.tune.TrialState;
import org.minima4j.tune.internal.LowDiscrepancy;
import org.minima4j.tune.internal.SearchSpaces;

/**
 * Quasi-Monte Carlo sampling, as Optuna 3.1's {@code QMCSampler}: the search space is fixed by the first
 * COMPLETE trial (sampled by the independent {@link RandomSampler}); each later trial takes the next point of a
 * Sobol or Halton sequence, mapped onto the transformed box (log ranges in log space, steps rounded). The
 * sequence position is counted in the study's system attributes, so trials sharing a study share one sequence.
 * Optuna's default {@code scramble=false} is kept.
 *
 * <p>Deliberate deviations: a categorical parameter takes one QMC coordinate ({@code floor(u k)}) instead of
 * Optuna's one-hot block; Sobol is available up to {@value LowDiscrepancy#SOBOL_MAX_DIM} dimensions (beyond,
 * construction fails); sequences are not scipy's bit for bit when scrambled.
 */
public final class QMCSampler implements Sampler {
  /** The low-discrepancy sequence. */
  public enum QmcType { SOBOL, HALTON }

  private final QmcType type;
  private final boolean scramble;
  private final long seed;
  private final RandomSampler independent;
  private Map<String, Distribution> initialSpace;
  private LowDiscrepancy engine;

  /** Optuna's defaults (Sobol, no scrambling) with the given seed for the independent sampler. */
  public QMCSampler(long seed) {
    this(QmcType.SOBOL, false, seed);
  }

  public QMCSampler(QmcType type, boolean scramble, long seed) {
    if (type == null) {
      throw new IllegalArgumentException("The `qmc_type`, null, is not a valid type.");
    }
    this.type = type;
    this.scramble = scramble;
    this.seed = seed;
    this.independent = new RandomSampler(seed);
  }

  private String counterKey() {
    return "qmc (" + type.name().toLowerCase(java.util.Locale.ROOT) + "):scramble=" + scramble + ",seed=" + seed
        + ":sample_id";
  }

  @Override
  public Map<String, Distribution> inferRelativeSearchSpace(Study study, FrozenTrial trial) {
    if (initialSpace != null) {
      return initialSpace;
    }
    List<FrozenTrial> complete = study.getTrials(EnumSet.of(TrialState.COMPLETE));
    if (complete.isEmpty()) {
      return Map.of();
    }
    Map<String, Distribution> space = new TreeMap<>();
    complete.get(0).distributions().forEach((k, v) -> {
      if (!v.single()) {
        space.put(k, v);
      }
    });
    initialSpace = new LinkedHashMap<>(space);
    return initialSpace;
  }

  @Override
  public Map<String, Double> sampleRelative(Study study, FrozenTrial trial, Map<String, Distribution> space) {
    if (space.isEmpty()) {
      return Map.of();
    }
    if (engine == null) {
      SeededRandom rng = new SeededRandom(seed);
      engine = type == QmcType.SOBOL ? LowDiscrepancy.sobol(space.size(), scramble, rng)
          : LowDiscrepancy.halton(space.size(), scramble, rng);
    }
    Object c = study.systemAttrs().get(counterKey());
    long id = c == null ? 0 : ((Number) c).longValue();
    study.setSystemAttr(counterKey(), id + 1);
    double[] u = engine.point(id);
    Map<String, Double> out = new LinkedHashMap<>();
    int i = 0;
    for (Map.Entry<String, Distribution> e : space.entrySet()) {
      Distribution d = e.getValue();
      double[] b = SearchSpaces.bounds(d);
      double x = d instanceof CategoricalDistribution cd ? Math.floor(u[i] * cd.choices().size())
          : b[0] + (b[1] - b[0]) * u[i];
      out.put(e.getKey(), SearchSpaces.untransform(d, x));
      i++;
    }
    return out;
  }

  @Override
  public double sampleIndependent(Study study, FrozenTrial trial, String paramName, Distribution distribution) {
    return independent.sampleIndependent(study, trial, paramName, distribution);
  }
}
