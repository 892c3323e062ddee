package org.minima4j.tune.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.minima4j.tune.CategoricalDistribution;
import org.minima4j.tune.Distribution;
import org.minima4j.tune.FloatDistribution;
import org.minima4j.tune.FrozenTrial;
import org.minima4j.tune.IntDistribution;
import org.minima4j.tune.Study;
import org.minima4j.tune.TrialState;

/** Search-space helpers shared by samplers: transformed bounds and values, intersection and group spaces. */
public final class SearchSpaces {
  private SearchSpaces() {
  }

  /**
   * The sampling box of a numeric distribution in transformed space (log for log ranges, widened by half a
   * step on each side for stepped ones), as Optuna's {@code _SearchSpaceTransform}: {low, high}.
   */
  public static double[] bounds(Distribution d) {
    if (d instanceof FloatDistribution f) {
      if (f.log()) {
        return new double[] {Math.log(f.low()), Math.log(f.high())};
      }
      if (f.step() != null) {
        return new double[] {f.low() - 0.5 * f.step(), f.high() + 0.5 * f.step()};
      }
      return new double[] {f.low(), f.high()};
    }
    if (d instanceof IntDistribution i) {
      if (i.log()) {
        return new double[] {Math.log(i.low() - 0.5), Math.log(i.high() + 0.5)};
      }
      return new double[] {i.low() - 0.5 * i.step(), i.high() + 0.5 * i.step()};
    }
    CategoricalDistribution c = (CategoricalDistribution) d;
    return new double[] {0, c.choices().size()};
  }

  /** Maps a point of the transformed box back to a valid internal value (rounded to the grid, clipped). */
  public static double untransform(Distribution d, double v) {
    if (d instanceof FloatDistribution f) {
      if (f.log()) {
        return Math.min(Math.max(Math.exp(v), f.low()), f.high());
      }
      if (f.step() != null) {
        double r = Math.rint((v - f.low()) / f.step()) * f.step() + f.low();
        return Math.min(Math.max(r, f.low()), f.high());
      }
      return Math.min(Math.max(v, f.low()), f.high());
    }
    if (d instanceof IntDistribution i) {
      double r;
      if (i.log()) {
        r = Math.rint(Math.exp(v));
      } else {
        r = Math.rint((v - i.low()) / i.step()) * i.step() + i.low();
      }
      return Math.min(Math.max(r, i.low()), i.high());
    }
    int n = ((CategoricalDistribution) d).choices().size();
    return Math.min(Math.max(Math.floor(v), 0), n - 1);
  }

  /** Maps an internal value into the transformed box (log for log ranges). */
  public static double transform(Distribution d, double internal) {
    if ((d instanceof FloatDistribution f && f.log()) || (d instanceof IntDistribution i && i.log())) {
      return Math.log(internal);
    }
    return internal;
  }

  /**
   * The intersection of the search spaces of the study's finished trials, as Optuna's
   * {@code IntersectionSearchSpace}: parameters present in every COMPLETE (and PRUNED, when
   * {@code includePruned}) trial with the same distribution, in name order.
   */
  public static Map<String, Distribution> intersection(Study study, boolean includePruned) {
    EnumSet<TrialState> states = includePruned ? EnumSet.of(TrialState.COMPLETE, TrialState.PRUNED)
        : EnumSet.of(TrialState.COMPLETE);
    Map<String, Distribution> space = null;
    for (FrozenTrial t : study.getTrials(states)) {
      if (space == null) {
        space = new TreeMap<>(t.distributions());
        continue;
      }
      Map<String, Distribution> td = t.distributions();
      space.entrySet().removeIf(e -> {
        Distribution other = td.get(e.getKey());
        return other != e.getValue() && !e.getValue().equals(other);
      });
    }
    return space == null ? new TreeMap<>() : space;
  }

  /**
   * Optuna's {@code _GroupDecomposedSearchSpace}: a partition of all parameters seen in finished trials into
   * groups that always occur together (each group sorted by name, groups in order of first appearance).
   */
  public static List<Map<String, Distribution>> groups(Study study, boolean includePruned) {
    EnumSet<TrialState> states = includePruned ? EnumSet.of(TrialState.COMPLETE, TrialState.PRUNED)
        : EnumSet.of(TrialState.COMPLETE);
    List<Map<String, Distribution>> groups = new ArrayList<>();
    for (FrozenTrial t : study.getTrials(states)) {
      Map<String, Distribution> rest = new LinkedHashMap<>(t.distributions());
      List<Map<String, Distribution>> next = new ArrayList<>();
      for (Map<String, Distribution> g : groups) {
        Map<String, Distribution> inter = new TreeMap<>();
        Map<String, Distribution> outside = new TreeMap<>();
        for (Map.Entry<String, Distribution> e : g.entrySet()) {
          if (rest.containsKey(e.getKey())) {
            inter.put(e.getKey(), e.getValue());
          } else {
            outside.put(e.getKey(), e.getValue());
          }
        }
        for (String k : inter.keySet()) {
          rest.remove(k);
        }
        if (!inter.isEmpty()) {
          next.add(inter);
        }
        if (!outside.isEmpty()) {
          next.add(outside);
        }
      }
      if (!rest.isEmpty()) {
        next.add(new TreeMap<>(rest));
      }
      groups = next;
    }
    return groups;
  }
}
