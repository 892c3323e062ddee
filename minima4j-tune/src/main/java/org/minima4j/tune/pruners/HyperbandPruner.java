package org.minima4j.tune.pruners;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Predicate;
import java.util.zip.CRC32;
import org.minima4j.tune.FrozenTrial;
import org.minima4j.tune.Study;
import org.minima4j.tune.TrialState;

/**
 * Hyperband (Li et al., JMLR 2018) as Optuna 3.1's {@code HyperbandPruner}: brackets are not run one after
 * another; each trial is assigned to bracket b by {@code crc32("<study name>_<trial number>") mod total}
 * with bracket weights {@code ceil(nBrackets * eta^s / (s + 1))}, {@code s = nBrackets - 1 - b} (the
 * paper's n for bracket s), and bracket b runs an ASHA {@link SuccessiveHalvingPruner} with
 * {@code minEarlyStoppingRate = b}. Sampler and pruner of a trial only see trials of its bracket (through
 * {@link #trialFilter}). Hyperband therefore depends on the study name: fix it for reproducible runs.
 */
public final class HyperbandPruner implements Pruner {
  private final int minResource;
  private Integer maxResource;
  private final int reductionFactor;
  private final int bootstrapCount;
  private final List<SuccessiveHalvingPruner> pruners = new ArrayList<>();
  private final List<Integer> budgets = new ArrayList<>();
  private int totalBudget;

  /** Optuna's defaults: min_resource 1, max_resource "auto", reduction_factor 3, bootstrap_count 0. */
  public HyperbandPruner() {
    this(1, null, 3, 0);
  }

  /**
   * @param minResource r (>= 1)
   * @param maxResource R, or null for "auto" (largest reported step of COMPLETE trials + 1, once there is one)
   * @param reductionFactor eta (>= 2)
   * @param bootstrapCount as {@link SuccessiveHalvingPruner} (needs an explicit maxResource when > 0)
   */
  public HyperbandPruner(int minResource, Integer maxResource, int reductionFactor, int bootstrapCount) {
    if (minResource < 1) {
      throw new IllegalArgumentException("The value of `min_resource` is " + minResource + ", but must be >= 1");
    }
    if (maxResource != null && maxResource < minResource) {
      throw new IllegalArgumentException("max_resource " + maxResource + " must be >= min_resource " + minResource);
    }
    if (reductionFactor < 2) {
      throw new IllegalArgumentException("The value of `reduction_factor` is " + reductionFactor
          + ", but must be `reduction_factor >= 2`");
    }
    if (bootstrapCount > 0 && maxResource == null) {
      throw new IllegalArgumentException("bootstrap_count > 0 and max_resource == 'auto' are mutually incompatible, "
          + "bootstrap_count is " + bootstrapCount);
    }
    this.minResource = minResource;
    this.maxResource = maxResource;
    this.reductionFactor = reductionFactor;
    this.bootstrapCount = bootstrapCount;
  }

  /** {@code floor(log_eta(R / r)) + 1}, computed on integers. */
  public static int numberOfBrackets(int minResource, int maxResource, int eta) {
    int s = 0;
    long r = minResource;
    while (r * eta <= maxResource) {
      r *= eta;
      s++;
    }
    return s + 1;
  }

  /**
   * Li et al.'s Hyperband schedule for R = {@code maxResource} (in units of r = {@code minResource}): for
   * bracket {@code s = sMax ... 0} (row {@code sMax - s}) and rung i, {@code {n_i, r_i}} with
   * {@code n = ceil((sMax+1)/(s+1) eta^s)}, {@code n_i = floor(n eta^-i)}, {@code r_i = R eta^(i-s)}.
   */
  public static int[][][] bracketTable(int minResource, int maxResource, int eta) {
    int nb = numberOfBrackets(minResource, maxResource, eta);
    int sMax = nb - 1;
    int[][][] out = new int[nb][][];
    for (int s = sMax; s >= 0; s--) {
      long etaS = pow(eta, s);
      int n = (int) Math.ceil((double) (sMax + 1) * etaS / (s + 1));
      int[][] rungs = new int[s + 1][2];
      for (int i = 0; i <= s; i++) {
        rungs[i][0] = (int) (n / pow(eta, i));
        rungs[i][1] = (int) (maxResource / pow(eta, s - i));
      }
      out[sMax - s] = rungs;
    }
    return out;
  }

  private static long pow(int b, int e) {
    long r = 1;
    for (int i = 0; i < e; i++) {
      r *= b;
    }
    return r;
  }

  private synchronized boolean tryInit(Study study) {
    if (!pruners.isEmpty()) {
      return true;
    }
    if (maxResource == null) {
      int last = -1;
      for (FrozenTrial t : study.getTrials(EnumSet.of(TrialState.COMPLETE))) {
        if (t.lastStep() != null) {
          last = Math.max(last, t.lastStep());
        }
      }
      if (last < 0) {
        return false;
      }
      maxResource = last + 1;
    }
    int nb = numberOfBrackets(minResource, maxResource, reductionFactor);
    for (int b = 0; b < nb; b++) {
      int s = nb - 1 - b;
      int budget = (int) Math.ceil(nb * (double) pow(reductionFactor, s) / (s + 1));
      budgets.add(budget);
      totalBudget += budget;
      pruners.add(new SuccessiveHalvingPruner(minResource, reductionFactor, b, bootstrapCount));
    }
    return true;
  }

  /** Trial allocation weight of each bracket (empty until initialized). */
  public synchronized List<Integer> trialAllocationBudgets() {
    return List.copyOf(budgets);
  }

  /** The bracket of trial number {@code trialNumber} in study {@code studyName} (0 before initialization). */
  public synchronized int bracketId(String studyName, int trialNumber) {
    if (pruners.isEmpty()) {
      return 0;
    }
    CRC32 crc = new CRC32();
    crc.update((studyName + "_" + trialNumber).getBytes(StandardCharsets.UTF_8));
    long n = crc.getValue() % totalBudget;
    for (int b = 0; b < budgets.size(); b++) {
      n -= budgets.get(b);
      if (n < 0) {
        return b;
      }
    }
    throw new IllegalStateException("unreachable: bracket allocation exhausted");
  }

  @Override
  public boolean prune(Study study, FrozenTrial trial) {
    if (!tryInit(study)) {
      return false;
    }
    int b = bracketId(study.studyName(), trial.number());
    Study bracket = study.filteredView(bracketFilter(study.studyName(), b));
    return pruners.get(b).prune(bracket, trial);
  }

  private Predicate<FrozenTrial> bracketFilter(String studyName, int bracket) {
    return t -> bracketId(studyName, t.number()) == bracket;
  }

  @Override
  public Predicate<FrozenTrial> trialFilter(Study study, FrozenTrial trial) {
    boolean ready;
    synchronized (this) {
      ready = !pruners.isEmpty();
    }
    if (!ready) {
      return null;
    }
    return bracketFilter(study.studyName(), bracketId(study.studyName(), trial.number()));
  }
}
