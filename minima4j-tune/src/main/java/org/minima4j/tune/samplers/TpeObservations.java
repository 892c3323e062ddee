package org.minima4j.tune.samplers;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.minima4j.tune.Distribution;
import org.minima4j.tune.FrozenTrial;
import org.minima4j.tune.Study;
import org.minima4j.tune.StudyDirection;
import org.minima4j.tune.TrialState;

/**
 * The observations {@link TPESampler} fits on: per usable trial its scores (objective values, negated for
 * maximized objectives), step key and constraint violation, as Optuna 3.1's {@code _get_observation_pairs}, plus
 * the split into "below" and "above" once it is computed.
 *
 * <p>In independent mode TPE fits one pair of estimators per parameter, and every parameter of one trial sees
 * the same finished trials. Trials are immutable snapshots, so these data are extracted once and reused while
 * the study's trials are the very same objects in the same order ({@link #isFor}); the parameter values of a
 * trial are kept per parameter name and likewise reused for trials that did not change, from one trial to the
 * next. The numbers are those a fresh extraction gives, so sampling is unchanged.
 */
final class TpeObservations {
  private final List<StudyDirection> directions;
  private final List<FrozenTrial> source;
  private final FrozenTrial[] kept;
  final boolean multi;
  final boolean useConstraints;
  final int total;
  /** Trials that are not running (those that count towards the startup trials and gamma). */
  final int n;
  final double[][] scores;
  final double[] steps;
  final double[] violations;
  /** The split for {@link #splitBelow} "below" trials and MOTPE's weights of those, or null before the first. */
  int[][] split;
  int splitBelow = -1;
  double[] weightsBelow;
  /** Parameter values per name, of the trials in {@code kept} (shared with the next observations). */
  private final Map<String, Column> columns;

  private record Column(Distribution distribution, FrozenTrial[] trials, double[] values) {
  }

  /**
   * Extracts the observations from {@code trials} (those of {@code study} in the states the sampler uses).
   *
   * @param constraintsFunc whether the sampler has a constraints function (violations count even when no trial
   *     recorded constraints)
   */
  TpeObservations(Study study, List<FrozenTrial> trials, boolean constraintsFunc, TpeObservations previous) {
    List<StudyDirection> dirs = study.directions();
    this.directions = dirs;
    this.source = trials;
    this.multi = dirs.size() > 1;
    this.columns = previous != null && previous.directions.equals(dirs) ? previous.columns : new HashMap<>();
    int m = dirs.size();
    int cap = trials.size();
    FrozenTrial[] k = new FrozenTrial[cap];
    double[][] sc = new double[cap][];
    double[] st = new double[cap];
    double[] vi = new double[cap];
    boolean constraints = constraintsFunc;
    int t0 = 0;
    int n0 = 0;
    for (FrozenTrial t : trials) {
      double step;
      double[] score = new double[m];
      if (t.state() == TrialState.COMPLETE) {
        if (t.values() == null) {
          continue;
        }
        step = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < m; j++) {
          double v = t.values().get(j);
          score[j] = dirs.get(j) == StudyDirection.MAXIMIZE ? -v : v;
        }
      } else if (t.state() == TrialState.PRUNED) {
        if (multi) {
          continue;
        }
        Integer last = t.lastStep();
        if (last != null) {
          double v = t.intermediateValues().get(last);
          step = -last;
          score[0] = Double.isNaN(v) ? Double.POSITIVE_INFINITY
              : (dirs.get(0) == StudyDirection.MAXIMIZE ? -v : v);
        } else {
          step = 1;
          score[0] = 0.0;
        }
      } else {
        if (multi) {
          continue;
        }
        step = Double.POSITIVE_INFINITY;
        score[0] = Double.POSITIVE_INFINITY;
      }
      if (step < Double.POSITIVE_INFINITY) {
        n0++;
      }
      Object c = t.systemAttrs().isEmpty() ? null : t.systemAttrs().get(Study.CONSTRAINTS_KEY);
      constraints |= c != null;
      vi[t0] = t.state() == TrialState.RUNNING ? Double.POSITIVE_INFINITY : violation(c);
      sc[t0] = score;
      st[t0] = step;
      k[t0] = t;
      t0++;
    }
    this.kept = k;
    this.scores = sc;
    this.steps = st;
    this.violations = vi;
    this.total = t0;
    this.n = n0;
    this.useConstraints = constraints;
  }

  /** Whether these observations were extracted from exactly {@code trials} (the same objects) of this study. */
  boolean isFor(Study study, List<FrozenTrial> trials) {
    if (trials.size() != source.size() || !study.directions().equals(directions)) {
      return false;
    }
    for (int i = 0; i < trials.size(); i++) {
      if (trials.get(i) != source.get(i)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The internal values of the parameters, {@code out[p][i]} for parameter p of observation i: NaN where the
   * trial lacks the parameter or has it from a different distribution whose value lies outside
   * {@code dists[p]}.
   */
  double[][] values(String[] names, Distribution[] dists) {
    double[][] out = new double[names.length][];
    for (int p = 0; p < names.length; p++) {
      Column col = columns.get(names[p]);
      if (col != null && col.trials == kept && col.distribution.equals(dists[p])) {
        out[p] = col.values;
        continue;
      }
      double[] v = new double[total];
      Map<Distribution, Boolean> sameDist = null;
      boolean reuse = col != null && col.distribution.equals(dists[p]);
      for (int i = 0; i < total; i++) {
        FrozenTrial t = kept[i];
        if (reuse && i < col.trials.length && col.trials[i] == t) {
          v[i] = col.values[i];
          continue;
        }
        Double x = t.internalParams().get(names[p]);
        if (x == null) {
          v[i] = Double.NaN;
          continue;
        }
        Distribution have = t.distributions().get(names[p]);
        Boolean same = have == dists[p] ? Boolean.TRUE : null;
        if (same == null) {
          if (sameDist == null) {
            sameDist = new IdentityHashMap<>();
          }
          same = sameDist.get(have);
          if (same == null) {
            same = have.equals(dists[p]);
            sameDist.put(have, same);
          }
        }
        // a value from an earlier, different range is used only if it lies in the current one
        v[i] = same || (have.getClass() == dists[p].getClass() && dists[p].contains(x)) ? x : Double.NaN;
      }
      columns.put(names[p], new Column(dists[p], kept, v));
      out[p] = v;
    }
    return out;
  }

  private static double violation(Object c) {
    if (c == null) {
      return Double.POSITIVE_INFINITY;
    }
    double s = 0;
    for (Object v : (List<?>) c) {
      double x = ((Number) v).doubleValue();
      if (x > 0) {
        s += x;
      }
    }
    return s;
  }
}
