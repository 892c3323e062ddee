package org.minima4j.optimize.global.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes optimizer state maps that round-trip through Jackson: numbers may come back as
 * Integer, Long, Double or BigDecimal, arrays as Lists, and non-finite doubles as the strings
 * {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"} (Jackson's default).
 */
public final class State {
  private State() {
  }

  public static Object get(Map<String, Object> m, String key) {
    if (!m.containsKey(key)) {
      throw new IllegalArgumentException("state dict is missing key '" + key + "'");
    }
    return m.get(key);
  }

  public static double toDouble(Object o) {
    if (o instanceof Number num) {
      return num.doubleValue();
    }
    if (o instanceof String s) {
      switch (s) {
        case "NaN":
          return Double.NaN;
        case "Infinity":
        case "+Infinity":
          return Double.POSITIVE_INFINITY;
        case "-Infinity":
          return Double.NEGATIVE_INFINITY;
        default:
          return Double.parseDouble(s);
      }
    }
    throw new IllegalArgumentException("state value is not a number: " + o);
  }

  public static double getDouble(Map<String, Object> m, String key) {
    return toDouble(get(m, key));
  }

  public static long getLong(Map<String, Object> m, String key) {
    Object o = get(m, key);
    if (o instanceof Number num) {
      return num.longValue();
    }
    throw new IllegalArgumentException("state value '" + key + "' is not an integer: " + o);
  }

  public static int getInt(Map<String, Object> m, String key) {
    return Math.toIntExact(getLong(m, key));
  }

  public static boolean getBoolean(Map<String, Object> m, String key) {
    Object o = get(m, key);
    if (o instanceof Boolean b) {
      return b;
    }
    throw new IllegalArgumentException("state value '" + key + "' is not a boolean: " + o);
  }

  public static String getString(Map<String, Object> m, String key) {
    Object o = get(m, key);
    return o == null ? null : o.toString();
  }

  public static double[] toDoubleArray(Object o) {
    if (o == null) {
      return null;
    }
    if (o instanceof double[] a) {
      return a.clone();
    }
    if (o instanceof List<?> list) {
      double[] r = new double[list.size()];
      for (int i = 0; i < r.length; i++) {
        r[i] = toDouble(list.get(i));
      }
      return r;
    }
    throw new IllegalArgumentException("state value is not an array: " + o);
  }

  public static double[] getDoubleArray(Map<String, Object> m, String key) {
    return toDoubleArray(get(m, key));
  }

  public static long[] getLongArray(Map<String, Object> m, String key) {
    Object o = get(m, key);
    if (o instanceof long[] a) {
      return a.clone();
    }
    if (o instanceof List<?> list) {
      long[] r = new long[list.size()];
      for (int i = 0; i < r.length; i++) {
        r[i] = ((Number) list.get(i)).longValue();
      }
      return r;
    }
    throw new IllegalArgumentException("state value '" + key + "' is not a long array: " + o);
  }

  public static int[] getIntArray(Map<String, Object> m, String key) {
    long[] l = getLongArray(m, key);
    int[] r = new int[l.length];
    for (int i = 0; i < l.length; i++) {
      r[i] = Math.toIntExact(l[i]);
    }
    return r;
  }

  public static double[][] getMatrix(Map<String, Object> m, String key) {
    Object o = get(m, key);
    if (o == null) {
      return null;
    }
    if (o instanceof double[][] a) {
      double[][] r = new double[a.length][];
      for (int i = 0; i < a.length; i++) {
        r[i] = a[i].clone();
      }
      return r;
    }
    if (o instanceof List<?> list) {
      double[][] r = new double[list.size()][];
      for (int i = 0; i < r.length; i++) {
        r[i] = toDoubleArray(list.get(i));
      }
      return r;
    }
    throw new IllegalArgumentException("state value '" + key + "' is not a matrix: " + o);
  }

  /** A copy of {@code a} as a list, so the state map holds no reference to live arrays. */
  public static List<Double> list(double[] a) {
    if (a == null) {
      return null;
    }
    List<Double> r = new ArrayList<>(a.length);
    for (double v : a) {
      r.add(v);
    }
    return r;
  }

  public static List<Long> list(long[] a) {
    List<Long> r = new ArrayList<>(a.length);
    for (long v : a) {
      r.add(v);
    }
    return r;
  }

  public static List<Integer> list(int[] a) {
    List<Integer> r = new ArrayList<>(a.length);
    for (int v : a) {
      r.add(v);
    }
    return r;
  }

  public static List<List<Double>> list(double[][] a) {
    if (a == null) {
      return null;
    }
    List<List<Double>> r = new ArrayList<>(a.length);
    for (double[] row : a) {
      r.add(list(row));
    }
    return r;
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> getMap(Map<String, Object> m, String key) {
    Object o = get(m, key);
    if (o == null) {
      return null;
    }
    if (o instanceof Map<?, ?> map) {
      return (Map<String, Object>) map;
    }
    throw new IllegalArgumentException("state value '" + key + "' is not a map: " + o);
  }
}
