package org.minima4j.optim.lr;

import java.util.List;
import java.util.Map;

/** Reading scheduler state maps (package helper). */
final class Values {
  private Values() {}

  static double num(Object v, String key) {
    if (v instanceof Number) {
      return ((Number) v).doubleValue();
    }
    if ("NaN".equals(v)) {
      return Double.NaN;
    }
    if ("Infinity".equals(v)) {
      return Double.POSITIVE_INFINITY;
    }
    if ("-Infinity".equals(v)) {
      return Double.NEGATIVE_INFINITY;
    }
    throw new IllegalArgumentException("scheduler state entry '" + key + "' must be a number, got " + v);
  }

  static double d(Map<String, ?> m, String key) {
    Object v = m.get(key);
    if (v == null) {
      throw new IllegalArgumentException("scheduler state lacks '" + key + "'");
    }
    return num(v, key);
  }

  static int integer(Map<String, ?> m, String key) {
    double x = d(m, key);
    if (x != Math.rint(x)) {
      throw new IllegalArgumentException("scheduler state entry '" + key + "' must be an integer, got " + x);
    }
    return (int) x;
  }

  static boolean bool(Map<String, ?> m, String key) {
    Object v = m.get(key);
    if (!(v instanceof Boolean)) {
      throw new IllegalArgumentException("scheduler state entry '" + key + "' must be a boolean, got " + v);
    }
    return (Boolean) v;
  }

  static double[] array(Map<String, ?> m, String key) {
    Object v = m.get(key);
    if (v instanceof double[]) {
      return ((double[]) v).clone();
    }
    if (v instanceof List) {
      List<?> l = (List<?>) v;
      double[] out = new double[l.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = num(l.get(i), key);
      }
      return out;
    }
    throw new IllegalArgumentException("scheduler state entry '" + key + "' must be a list of numbers, got " + v);
  }

  @SuppressWarnings("unchecked")
  static Map<String, ?> map(Object v, String what) {
    if (!(v instanceof Map)) {
      throw new IllegalArgumentException(what + " must be a map, got " + v);
    }
    return (Map<String, ?>) v;
  }
}
