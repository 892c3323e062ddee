package org.minima4j.optim;

import java.util.List;
import java.util.Map;

/** Reading hyperparameters and state entries out of state-dict maps (package helpers). */
final class Hyper {
  private Hyper() {}

  static double d(Map<String, ?> m, String key, double dflt) {
    Object v = m.get(key);
    return v == null ? dflt : num(v, key);
  }

  static int i(Map<String, ?> m, String key, int dflt) {
    Object v = m.get(key);
    if (v == null) {
      return dflt;
    }
    double x = num(v, key);
    if (x != Math.rint(x) || Math.abs(x) > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("state dict entry '" + key + "' must be an integer, got " + v);
    }
    return (int) x;
  }

  static boolean b(Map<String, ?> m, String key, boolean dflt) {
    Object v = m.get(key);
    if (v == null) {
      return dflt;
    }
    if (v instanceof Boolean) {
      return (Boolean) v;
    }
    throw new IllegalArgumentException("state dict entry '" + key + "' must be a boolean, got " + v);
  }

  static double[] pair(Map<String, ?> m, String key, double first, double second) {
    Object v = m.get(key);
    if (v == null) {
      return new double[] {first, second};
    }
    double[] p = array(v, key);
    if (p.length != 2) {
      throw new IllegalArgumentException("state dict entry '" + key + "' must have 2 values, got " + p.length);
    }
    return p;
  }

  static double num(Object v, String key) {
    if (v instanceof Number) {
      return ((Number) v).doubleValue();
    }
    if (v instanceof String) {
      switch ((String) v) {
        case "NaN":
          return Double.NaN;
        case "Infinity":
          return Double.POSITIVE_INFINITY;
        case "-Infinity":
          return Double.NEGATIVE_INFINITY;
        default:
          break;
      }
    }
    throw new IllegalArgumentException("state dict entry '" + key + "' must be a number, got " + v);
  }

  /** A fresh double[] from a double[] or a list of numbers. */
  static double[] array(Object v, String key) {
    if (v instanceof double[]) {
      return ((double[]) v).clone();
    }
    if (v instanceof List) {
      List<?> l = (List<?>) v;
      double[] out = new double[l.size()];
      for (int k = 0; k < out.length; k++) {
        out[k] = num(l.get(k), key);
      }
      return out;
    }
    throw new IllegalArgumentException("state dict entry '" + key + "' must be an array of numbers, got " + v);
  }

  /** The array entry {@code key} of a parameter's saved state, checked against the parameter's size. */
  static double[] tensor(Map<String, ?> st, String key, int numel, String where) {
    Object v = st.get(key);
    if (v == null) {
      throw new IllegalArgumentException(where + " lacks '" + key + "'");
    }
    double[] a = array(v, key);
    if (a.length != numel) {
      throw new IllegalArgumentException(where + " has '" + key + "' of " + a.length
          + " elements but the parameter has " + numel + " elements");
    }
    return a;
  }

  static double[] optionalTensor(Map<String, ?> st, String key, int numel, String where) {
    return st.get(key) == null ? null : tensor(st, key, numel, where);
  }

  static double scalar(Map<String, ?> st, String key, String where) {
    Object v = st.get(key);
    if (v == null) {
      throw new IllegalArgumentException(where + " lacks '" + key + "'");
    }
    return num(v, key);
  }
}
