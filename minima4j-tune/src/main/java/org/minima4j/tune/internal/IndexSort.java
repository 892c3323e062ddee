package org.minima4j.tune.internal;

/** Stable sorting of index arrays without boxing. */
public final class IndexSort {
  private IndexSort() {
  }

  /** Compares two indices. */
  @FunctionalInterface
  public interface IntComparator {
    int compare(int a, int b);
  }

  /** Indices 0..n-1 sorted stably by {@code cmp}. */
  public static int[] sorted(int n, IntComparator cmp) {
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    sort(idx, cmp);
    return idx;
  }

  /** Indices 0..n-1 sorted stably by {@code keys} (NaN last, as {@link Double#compare}). */
  public static int[] argsort(double[] keys) {
    int n = keys.length;
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    argsortRange(keys, idx, new int[n], 0, n);
    return idx;
  }

  private static void argsortRange(double[] k, int[] a, int[] tmp, int lo, int hi) {
    if (hi - lo <= 24) {
      for (int i = lo + 1; i < hi; i++) {
        int x = a[i];
        double kx = k[x];
        int j = i - 1;
        while (j >= lo && Double.compare(k[a[j]], kx) > 0) {
          a[j + 1] = a[j];
          j--;
        }
        a[j + 1] = x;
      }
      return;
    }
    int mid = (lo + hi) >>> 1;
    argsortRange(k, a, tmp, lo, mid);
    argsortRange(k, a, tmp, mid, hi);
    if (Double.compare(k[a[mid - 1]], k[a[mid]]) <= 0) {
      return;
    }
    System.arraycopy(a, lo, tmp, lo, hi - lo);
    int i = lo;
    int j = mid;
    for (int t = lo; t < hi; t++) {
      if (i < mid && (j >= hi || Double.compare(k[tmp[i]], k[tmp[j]]) <= 0)) {
        a[t] = tmp[i++];
      } else {
        a[t] = tmp[j++];
      }
    }
  }

  /** Sorts {@code idx} stably by {@code cmp} (merge sort, insertion sort for short runs). */
  public static void sort(int[] idx, IntComparator cmp) {
    int[] tmp = new int[idx.length];
    mergeSort(idx, tmp, 0, idx.length, cmp);
  }

  private static void mergeSort(int[] a, int[] tmp, int lo, int hi, IntComparator cmp) {
    if (hi - lo <= 16) {
      for (int i = lo + 1; i < hi; i++) {
        int x = a[i];
        int j = i - 1;
        while (j >= lo && cmp.compare(a[j], x) > 0) {
          a[j + 1] = a[j];
          j--;
        }
        a[j + 1] = x;
      }
      return;
    }
    int mid = (lo + hi) >>> 1;
    mergeSort(a, tmp, lo, mid, cmp);
    mergeSort(a, tmp, mid, hi, cmp);
    if (cmp.compare(a[mid - 1], a[mid]) <= 0) {
      return;
    }
    System.arraycopy(a, lo, tmp, lo, hi - lo);
    int i = lo;
    int j = mid;
    for (int k = lo; k < hi; k++) {
      if (i < mid && (j >= hi || cmp.compare(tmp[i], tmp[j]) <= 0)) {
        a[k] = tmp[i++];
      } else {
        a[k] = tmp[j++];
      }
    }
  }
}
