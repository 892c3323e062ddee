package org.minima4j.tune.internal;

import java.util.random.RandomGenerator;

/**
 * Sobol (Joe and Kuo's direction numbers, new-joe-kuo-6.21201, first 21 dimensions) and Halton sequences in
 * [0, 1)^d (Sobol in Gray-code order, so the unscrambled points equal scipy's {@code qmc.Sobol(scramble=False)}),
 * optionally scrambled: Sobol by a random linear matrix scramble plus digital shift (as scipy's
 * {@code qmc.Sobol(scramble=True)}), Halton by random permutations of the digits at each position. Points
 * are computed directly from their index, so any index can be drawn without the earlier ones.
 */
public final class LowDiscrepancy {
  private static final int BITS = 52;
  private static final double SCALE = 1.0 / (1L << BITS);
  /** s, a, m_1..m_s for dimensions 2..21 (dimension 1 is van der Corput). */
  private static final int[][] JOE_KUO = {
      {1, 0, 1}, {2, 1, 1, 3}, {3, 1, 1, 3, 1}, {3, 2, 1, 1, 1}, {4, 1, 1, 1, 3, 3}, {4, 4, 1, 3, 5, 13},
      {5, 2, 1, 1, 5, 5, 17}, {5, 4, 1, 1, 5, 5, 5}, {5, 7, 1, 1, 7, 11, 19}, {5, 11, 1, 1, 5, 1, 1},
      {5, 13, 1, 1, 1, 3, 11}, {5, 14, 1, 3, 5, 5, 31}, {6, 1, 1, 3, 3, 9, 7, 49}, {6, 13, 1, 1, 1, 15, 21, 21},
      {6, 16, 1, 3, 1, 13, 27, 49}, {6, 19, 1, 1, 1, 15, 7, 5}, {6, 22, 1, 3, 1, 15, 13, 25},
      {6, 25, 1, 1, 5, 5, 19, 61}, {7, 1, 1, 3, 7, 11, 23, 15, 103}, {7, 4, 1, 3, 7, 13, 13, 15, 69}};
  /** Largest dimension of the Sobol sequence. */
  public static final int SOBOL_MAX_DIM = JOE_KUO.length + 1;
  private static final int[] PRIMES = primes(1000);

  private final boolean sobol;
  private final int dim;
  private final long[][] v; // Sobol direction numbers (dim x BITS), scrambled
  private final long[] shift;
  private final int[][][] perm; // Halton digit permutations (dim x digit x base)
  private final int[] digits;

  private LowDiscrepancy(boolean sobol, int dim, boolean scramble, RandomGenerator rng) {
    if (dim < 1) {
      throw new IllegalArgumentException("dimension must be >= 1, got " + dim);
    }
    this.sobol = sobol;
    this.dim = dim;
    if (sobol) {
      if (dim > SOBOL_MAX_DIM) {
        throw new IllegalArgumentException("Sobol is available up to " + SOBOL_MAX_DIM + " dimensions, got " + dim);
      }
      v = new long[dim][BITS];
      shift = new long[dim];
      for (int j = 0; j < dim; j++) {
        long[] m = new long[BITS];
        if (j == 0) {
          for (int k = 0; k < BITS; k++) {
            m[k] = 1;
          }
        } else {
          int[] row = JOE_KUO[j - 1];
          int s = row[0];
          int a = row[1];
          for (int k = 0; k < s; k++) {
            m[k] = row[2 + k];
          }
          for (int k = s; k < BITS; k++) {
            long mk = m[k - s] ^ (m[k - s] << s);
            for (int i = 1; i < s; i++) {
              if (((a >> (s - 1 - i)) & 1) == 1) {
                mk ^= m[k - i] << i;
              }
            }
            m[k] = mk;
          }
        }
        for (int k = 0; k < BITS; k++) {
          v[j][k] = m[k] << (BITS - 1 - k);
        }
        if (scramble) {
          // lower-triangular (in bit order from the most significant bit) random matrix with unit diagonal
          long[] rows = new long[BITS];
          for (int r = 0; r < BITS; r++) {
            long bits = rng.nextLong() & ((1L << BITS) - 1);
            long keep = r == 0 ? 0 : ((1L << BITS) - 1) & ~((1L << (BITS - r)) - 1); // bits above row r (MSB side)
            rows[r] = (bits & keep) | (1L << (BITS - 1 - r));
          }
          for (int k = 0; k < BITS; k++) {
            long x = v[j][k];
            long y = 0;
            for (int r = 0; r < BITS; r++) {
              if ((Long.bitCount(rows[r] & x) & 1) == 1) {
                y |= 1L << (BITS - 1 - r);
              }
            }
            v[j][k] = y;
          }
          shift[j] = rng.nextLong() & ((1L << BITS) - 1);
        }
      }
      perm = null;
      digits = null;
    } else {
      v = null;
      shift = null;
      perm = new int[dim][][];
      digits = new int[dim];
      for (int j = 0; j < dim; j++) {
        int b = PRIMES[j];
        int nd = (int) Math.ceil(BITS * Math.log(2) / Math.log(b));
        digits[j] = nd;
        perm[j] = new int[nd][b];
        for (int d = 0; d < nd; d++) {
          for (int i = 0; i < b; i++) {
            perm[j][d][i] = i;
          }
          if (scramble) {
            for (int i = b - 1; i > 0; i--) {
              int k = rng.nextInt(i + 1);
              int t = perm[j][d][i];
              perm[j][d][i] = perm[j][d][k];
              perm[j][d][k] = t;
            }
          }
        }
      }
    }
  }

  /** A Sobol sequence in {@code dim} dimensions (scrambled with {@code rng} when {@code scramble}). */
  public static LowDiscrepancy sobol(int dim, boolean scramble, RandomGenerator rng) {
    return new LowDiscrepancy(true, dim, scramble, rng);
  }

  /** A Halton sequence in {@code dim} dimensions (digit-permuted with {@code rng} when {@code scramble}). */
  public static LowDiscrepancy halton(int dim, boolean scramble, RandomGenerator rng) {
    return new LowDiscrepancy(false, dim, scramble, rng);
  }

  public int dimension() {
    return dim;
  }

  /** Point number {@code index} (0-based). */
  public double[] point(long index) {
    if (index < 0) {
      throw new IllegalArgumentException("index must be >= 0, got " + index);
    }
    double[] out = new double[dim];
    for (int j = 0; j < dim; j++) {
      if (sobol) {
        long x = shift[j];
        long n = index ^ (index >>> 1); // Gray-code order, as scipy's qmc.Sobol
        int k = 0;
        while (n != 0) {
          if ((n & 1) == 1) {
            x ^= v[j][k];
          }
          n >>>= 1;
          k++;
        }
        out[j] = x * SCALE;
      } else {
        int b = PRIMES[j];
        long n = index;
        double f = 1.0 / b;
        double x = 0;
        for (int d = 0; d < digits[j]; d++) {
          int digit = (int) (n % b);
          n /= b;
          x += perm[j][d][digit] * f;
          f /= b;
        }
        out[j] = Math.min(x, Math.nextDown(1.0));
      }
    }
    return out;
  }

  private static int[] primes(int n) {
    int[] out = new int[n];
    int c = 0;
    for (int k = 2; c < n; k++) {
      boolean prime = true;
      for (int i = 0; i < c && out[i] * out[i] <= k; i++) {
        if (k % out[i] == 0) {
          prime = false;
          break;
        }
      }
      if (prime) {
        out[c++] = k;
      }
    }
    return out;
  }
}
