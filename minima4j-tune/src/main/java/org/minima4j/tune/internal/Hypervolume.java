package org.minima4j.tune.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Exact hypervolume of a set of points (minimization) with respect to a reference point, by the WFG
 * algorithm (While, Bradstreet and Barone, IEEE TEC 2012) with a sweep for two objectives, as Optuna 3.1's
 * {@code optuna._hypervolume.WFG}; and the greedy hypervolume subset selection of Optuna's
 * {@code _solve_hssp} (a 1 - 1/e approximation).
 */
public final class Hypervolume {
  private Hypervolume() {
  }

  /** The hypervolume dominated by {@code points} and bounded by {@code ref}. */
  public static double compute(double[][] points, double[] ref) {
    if (points.length == 0) {
      return 0.0;
    }
    if (ref.length == 2) {
      return compute2d(points, ref);
    }
    double[][] s = points.clone();
    Arrays.sort(s, (a, b) -> Double.compare(a[0], b[0]));
    double v = 0;
    for (int i = 0; i < s.length; i++) {
      v += exclusive(s[i], Arrays.copyOfRange(s, i + 1, s.length), ref);
    }
    return v;
  }

  private static double box(double[] p, double[] ref) {
    double v = 1;
    for (int k = 0; k < ref.length; k++) {
      v *= ref[k] - p[k];
    }
    return v;
  }

  private static double exclusive(double[] p, double[][] rest, double[] ref) {
    double v = box(p, ref);
    if (rest.length == 0) {
      return v;
    }
    List<double[]> limited = new ArrayList<>();
    for (double[] q : rest) {
      double[] l = new double[q.length];
      for (int k = 0; k < q.length; k++) {
        l[k] = Math.max(q[k], p[k]);
      }
      limited.add(l);
    }
    List<double[]> nd = new ArrayList<>();
    for (int i = 0; i < limited.size(); i++) {
      double[] a = limited.get(i);
      boolean dominated = false;
      for (int j = 0; j < limited.size() && !dominated; j++) {
        double[] b = limited.get(j);
        if (j != i && weaklyDominates(b, a) && (!Arrays.equals(a, b) || j < i)) {
          dominated = true;
        }
      }
      if (!dominated) {
        nd.add(a);
      }
    }
    return v - compute(nd.toArray(new double[0][]), ref);
  }

  private static boolean weaklyDominates(double[] a, double[] b) {
    for (int k = 0; k < a.length; k++) {
      if (a[k] > b[k]) {
        return false;
      }
    }
    return true;
  }

  private static double compute2d(double[][] points, double[] ref) {
    double[][] s = points.clone();
    Arrays.sort(s, (a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(a[1], b[1]));
    double v = 0;
    double prevY = ref[1];
    for (double[] p : s) {
      if (p[1] < prevY && p[0] < ref[0]) {
        v += (ref[0] - p[0]) * (prevY - p[1]);
        prevY = p[1];
      }
    }
    return v;
  }

  /** Greedy hypervolume subset selection: indices (into {@code points}) of {@code k} points, in selection order. */
  public static int[] selectSubset(double[][] points, int k, double[] ref) {
    int n = points.length;
    double[] contrib = new double[n];
    for (int i = 0; i < n; i++) {
      contrib[i] = box(points[i], ref);
    }
    boolean[] taken = new boolean[n];
    List<double[]> selected = new ArrayList<>();
    int[] out = new int[Math.min(k, n)];
    double hvSelected = 0;
    for (int c = 0; c < out.length; c++) {
      int best = -1;
      for (int i = 0; i < n; i++) {
        if (!taken[i] && (best < 0 || contrib[i] > contrib[best])) {
          best = i;
        }
      }
      taken[best] = true;
      out[c] = best;
      double[] sv = points[best];
      for (int j = 0; j < n; j++) {
        if (taken[j]) {
          continue;
        }
        double[] pmax = new double[sv.length];
        for (int d = 0; d < sv.length; d++) {
          pmax[d] = Math.max(sv[d], points[j][d]);
        }
        List<double[]> with = new ArrayList<>(selected);
        with.add(pmax);
        contrib[j] -= compute(with.toArray(new double[0][]), ref) - hvSelected;
      }
      selected.add(sv);
      hvSelected = compute(selected.toArray(new double[0][]), ref);
    }
    return out;
  }
}
