package org.minima4j.tensor.internal;

/**
 * NumPy 1.24's summation order, for results that must round as Optuna's do: {@code ndarray.sum()} of a
 * contiguous float64 array is a pairwise sum ({@code pairwise_sum_DOUBLE} in {@code loops_utils.h.src}):
 * below 8 terms a plain loop, up to 128 terms eight interleaved partial sums combined as
 * {@code ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7))} plus the remainder, above that halves (rounded down to a
 * multiple of 8) summed recursively; the reduction starts from 0. Used wherever a result must round as
 * NumPy's does: Optuna's TPE weights (minima4j-tune), scipy's {@code rosen} and the trust-constr barrier
 * term and Newton-CG's L1 norm (minima4j-optimize).
 */
public final class NumpySum {
  private static final int BLOCK = 128;

  private NumpySum() {
  }

  /** {@code numpy.sum(a[from:to])}. */
  public static double sum(double[] a, int from, int to) {
    return 0.0 + pairwise(a, from, to - from);
  }

  /** {@code numpy.sum(a)}. */
  public static double sum(double[] a) {
    return sum(a, 0, a.length);
  }

  /** The pairwise sum of {@code a[off .. off + n)} itself (without the reduction's initial 0). */
  public static double pairwise(double[] a, int off, int n) {
    if (n < 8) {
      double res = 0.0;
      for (int i = 0; i < n; i++) {
        res += a[off + i];
      }
      return res;
    }
    if (n <= BLOCK) {
      double r0 = a[off];
      double r1 = a[off + 1];
      double r2 = a[off + 2];
      double r3 = a[off + 3];
      double r4 = a[off + 4];
      double r5 = a[off + 5];
      double r6 = a[off + 6];
      double r7 = a[off + 7];
      int i = 8;
      int end = n - n % 8;
      for (; i < end; i += 8) {
        r0 += a[off + i];
        r1 += a[off + i + 1];
        r2 += a[off + i + 2];
        r3 += a[off + i + 3];
        r4 += a[off + i + 4];
        r5 += a[off + i + 5];
        r6 += a[off + i + 6];
        r7 += a[off + i + 7];
      }
      double res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
      for (; i < n; i++) {
        res += a[off + i];
      }
      return res;
    }
    int n2 = n / 2;
    n2 -= n2 % 8;
    return pairwise(a, off, n2) + pairwise(a, off + n2, n - n2);
  }
}
