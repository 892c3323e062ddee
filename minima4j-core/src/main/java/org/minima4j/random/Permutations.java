package org.minima4j.random;

import java.util.random.RandomGenerator;

/**
 * Fisher-Yates shuffles in NumPy's order ({@code numpy/random/mtrand.pyx}, {@code shuffle}): from the
 * top, {@code j = randint(0, i + 1)} for {@code i = n - 1 .. 1}. With a {@link NumpyRandomState},
 * whose {@code nextInt(bound)} is NumPy's masked {@code randint}, this is NumPy's shuffle draw for
 * draw; with any other generator it is a uniform shuffle.
 */
public final class Permutations {
  private Permutations() {}

  /** Shuffles {@code a} in place. */
  public static void shuffle(int[] a, RandomGenerator rng) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  /** {@code arange(n)} shuffled, as NumPy's {@code permutation(n)}. */
  public static int[] permutation(int n, RandomGenerator rng) {
    if (n < 0) {
      throw new IllegalArgumentException("n must be non-negative, got " + n);
    }
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    shuffle(a, rng);
    return a;
  }
}
