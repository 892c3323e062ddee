package org.minima4j.tune.internal;

/**
 * Sorting of index arrays without boxing: stable merge sorts, and {@link #numpyArgsort} which reproduces
 * numpy's default (unstable) {@code argsort} order, ties included.
 */
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

  private static boolean npLess(double a, double b) {
    return a < b || (b != b && a == a);
  }

  /**
   * The permutation numpy 1.24's {@code np.argsort(keys)} returns for float64 keys (its default
   * {@code kind="quicksort"}: an introsort with median-of-3 Hoare partitioning, insertion sort below 17
   * elements and a heapsort fallback), including the order of tied keys, which a stable sort does not
   * reproduce. Optuna's TPE assigns gap-based bandwidths through such an argsort, so which of several
   * equal centres (or the prior's centre) gets which gap depends on it.
   */
  public static int[] numpyArgsort(double[] v) {
    int num = v.length;
    int[] t = new int[num];
    for (int i = 0; i < num; i++) {
      t[i] = i;
    }
    if (num <= 1) {
      return t;
    }
    int pl = 0;
    int pr = num - 1;
    int[] stackL = new int[128];
    int[] stackR = new int[128];
    int[] stackD = new int[128];
    int sp = 0;
    int cdepth = 2 * (31 - Integer.numberOfLeadingZeros(num));
    while (true) {
      if (cdepth < 0) {
        heapsort(v, t, pl, pr - pl + 1);
      } else {
        while (pr - pl > 15) {
          int pm = pl + ((pr - pl) >> 1);
          if (npLess(v[t[pm]], v[t[pl]])) {
            swap(t, pm, pl);
          }
          if (npLess(v[t[pr]], v[t[pm]])) {
            swap(t, pr, pm);
          }
          if (npLess(v[t[pm]], v[t[pl]])) {
            swap(t, pm, pl);
          }
          double vp = v[t[pm]];
          int pi = pl;
          int pj = pr - 1;
          swap(t, pm, pj);
          while (true) {
            do {
              ++pi;
            } while (npLess(v[t[pi]], vp));
            do {
              --pj;
            } while (npLess(vp, v[t[pj]]));
            if (pi >= pj) {
              break;
            }
            swap(t, pi, pj);
          }
          swap(t, pi, pr - 1);
          cdepth--;
          if (pi - pl < pr - pi) {
            stackL[sp] = pi + 1;
            stackR[sp] = pr;
            pr = pi - 1;
          } else {
            stackL[sp] = pl;
            stackR[sp] = pi - 1;
            pl = pi + 1;
          }
          stackD[sp++] = cdepth;
        }
        for (int pi = pl + 1; pi <= pr; ++pi) {
          int vi = t[pi];
          double vv = v[vi];
          int pj = pi;
          int pk = pi - 1;
          while (pj > pl && npLess(vv, v[t[pk]])) {
            t[pj--] = t[pk--];
          }
          t[pj] = vi;
        }
      }
      if (sp == 0) {
        break;
      }
      sp--;
      pl = stackL[sp];
      pr = stackR[sp];
      cdepth = stackD[sp];
    }
    return t;
  }

  /** numpy's {@code aheapsort} on {@code t[off .. off + n - 1]}. */
  private static void heapsort(double[] v, int[] t, int off, int n) {
    int base = off - 1; // a[i] = t[base + i], 1-based
    for (int l = n >> 1; l > 0; --l) {
      int tmp = t[base + l];
      int i = l;
      for (int j = l << 1; j <= n;) {
        if (j < n && npLess(v[t[base + j]], v[t[base + j + 1]])) {
          j += 1;
        }
        if (npLess(v[tmp], v[t[base + j]])) {
          t[base + i] = t[base + j];
          i = j;
          j += j;
        } else {
          break;
        }
      }
      t[base + i] = tmp;
    }
    for (; n > 1;) {
      int tmp = t[base + n];
      t[base + n] = t[base + 1];
      n -= 1;
      int i = 1;
      for (int j = 2; j <= n;) {
        if (j < n && npLess(v[t[base + j]], v[t[base + j + 1]])) {
          j++;
        }
        if (npLess(v[tmp], v[t[base + j]])) {
          t[base + i] = t[base + j];
          i = j;
          j += j;
        } else {
          break;
        }
      }
      t[base + i] = tmp;
    }
  }

  private static void swap(int[] t, int a, int b) {
    int x = t[a];
    t[a] = t[b];
    t[b] = x;
  }
}
