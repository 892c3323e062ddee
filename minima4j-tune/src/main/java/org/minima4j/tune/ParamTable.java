package org.minima4j.tune;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The parameters of a {@link FrozenTrial}: names in suggestion order with their internal values, external values
 * and distributions, in parallel arrays that are never modified after construction. The three maps a trial
 * exposes are unmodifiable views of one table, and adding a parameter copies four short arrays instead of
 * rebuilding three hash maps (storages copy a trial on every {@code suggest}).
 */
final class ParamTable {
  /** Tables up to this size are searched linearly; larger ones get a hash index. */
  private static final int LINEAR = 12;

  static final ParamTable EMPTY = new ParamTable(new String[0], new Double[0], new Object[0], new Distribution[0],
      null);

  private final String[] names;
  private final Double[] internal;
  private final Object[] external;
  private final Distribution[] dists;
  private final Map<String, Integer> index;
  final Map<String, Double> internalView = new View<>(0);
  final Map<String, Object> externalView = new View<>(1);
  final Map<String, Distribution> distributionView = new View<>(2);

  private ParamTable(String[] names, Double[] internal, Object[] external, Distribution[] dists,
      Map<String, Integer> index) {
    this.names = names;
    this.internal = internal;
    this.external = external;
    this.dists = dists;
    this.index = index;
  }

  /** A table of the given (validated) parameters in the given order. */
  static ParamTable of(String[] names, double[] values, Distribution[] dists) {
    int n = names.length;
    Double[] in = new Double[n];
    Object[] ex = new Object[n];
    for (int i = 0; i < n; i++) {
      in[i] = values[i];
      ex[i] = dists[i].toExternal(values[i]);
    }
    return new ParamTable(names.clone(), in, ex, dists.clone(), n > LINEAR ? indexOf(names) : null);
  }

  int size() {
    return names.length;
  }

  int indexOf(Object name) {
    if (index != null) {
      Integer i = index.get(name);
      return i == null ? -1 : i;
    }
    for (int i = 0; i < names.length; i++) {
      if (names[i] == name) {
        return i;
      }
    }
    if (name == null) {
      return -1;
    }
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * This table with {@code name} set to {@code value} (validated by the caller): appended when new, replaced in
   * place otherwise.
   */
  ParamTable with(String name, double value, Distribution distribution) {
    int at = indexOf(name);
    int n = names.length;
    int size = at < 0 ? n + 1 : n;
    String[] nm = Arrays.copyOf(names, size);
    Double[] in = Arrays.copyOf(internal, size);
    Object[] ex = Arrays.copyOf(external, size);
    Distribution[] ds = Arrays.copyOf(dists, size);
    int i = at < 0 ? n : at;
    nm[i] = name;
    in[i] = value;
    ex[i] = distribution.toExternal(value);
    ds[i] = distribution;
    Map<String, Integer> idx = null;
    if (size > LINEAR) {
      idx = index != null ? new HashMap<>(index) : indexOf(nm);
      idx.put(name, i);
    }
    return new ParamTable(nm, in, ex, ds, idx);
  }

  private static Map<String, Integer> indexOf(String[] names) {
    Map<String, Integer> idx = new HashMap<>(names.length * 2);
    for (int i = 0; i < names.length; i++) {
      idx.put(names[i], i);
    }
    return idx;
  }

  /** An unmodifiable map over one column (0 internal, 1 external, 2 distributions) in suggestion order. */
  private final class View<V> extends AbstractMap<String, V> {
    private final int column;
    private Set<Map.Entry<String, V>> entries;

    View(int column) {
      this.column = column;
    }

    @SuppressWarnings("unchecked")
    private V value(int i) {
      return (V) (column == 0 ? internal[i] : column == 1 ? external[i] : dists[i]);
    }

    @Override
    public int size() {
      return names.length;
    }

    @Override
    public boolean isEmpty() {
      return names.length == 0;
    }

    @Override
    public boolean containsKey(Object key) {
      return indexOf(key) >= 0;
    }

    @Override
    public V get(Object key) {
      int i = indexOf(key);
      return i < 0 ? null : value(i);
    }

    @Override
    public Set<Map.Entry<String, V>> entrySet() {
      Set<Map.Entry<String, V>> e = entries;
      if (e == null) {
        e = new AbstractSet<>() {
          @Override
          public int size() {
            return names.length;
          }

          @Override
          public Iterator<Map.Entry<String, V>> iterator() {
            return new Iterator<>() {
              private int next;

              @Override
              public boolean hasNext() {
                return next < names.length;
              }

              @Override
              public Map.Entry<String, V> next() {
                if (next >= names.length) {
                  throw new NoSuchElementException();
                }
                int i = next++;
                return new AbstractMap.SimpleImmutableEntry<>(names[i], value(i));
              }
            };
          }
        };
        entries = e;
      }
      return e;
    }
  }
}
