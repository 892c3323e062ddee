package org.minima4j.random;

import java.util.Arrays;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * NumPy's legacy generator, {@code numpy.random.RandomState(seed)} (Mersenne Twister MT19937,
 * Matsumoto and Nishimura 1998), with the legacy distributions the anchors draw from, so that
 * {@code seed=s} here replays scipy's, pyswarms', cmaes' and Optuna's {@code seed=s} bit for bit
 * (scipy 1.10 {@code check_random_state}, Optuna 3.1's samplers and cmaes 0.9 all build a
 * {@code RandomState}; pyswarms uses the global one that {@code np.random.seed(s)} reseeds).
 *
 * <p>Follows numpy 1.24 ({@code numpy/random/src/mt19937/mt19937.c}, {@code legacy-distributions.c},
 * {@code distributions.c}, {@code _bounded_integers.pyx.in}):
 *
 * <ul>
 *   <li>{@link #nextInt()} is {@code next_uint32}; {@link #nextLong()} is {@code next_uint64} (two
 *       32-bit words, the first one high);
 *   <li>{@link #nextDouble()} is {@code random_sample()}: {@code ((a >> 5) * 2^26 + (b >> 6)) / 2^53};
 *       {@link #nextDouble(double, double)} is {@code uniform(low, high)} = {@code low + (high - low) * u};
 *       {@link #nextDoubles(double[], int, int)} and {@link #nextDoubles(double[], int, int, double, double)}
 *       are {@code random_sample(size)} and {@code uniform(low, high, size)}, the same stream as single
 *       calls, drawn in bulk (fewer steps per value, most of all before the JIT has compiled the code);
 *   <li>{@link #nextGaussian()} is {@code standard_normal()} / {@code randn()}: the polar method that
 *       caches its second value ({@code legacy_gauss});
 *   <li>{@link #nextInt(int)} is {@code randint(0, bound)} (also {@code choice(n)} and each step of
 *       {@code shuffle}/{@code permutation}): masked rejection on {@code next_uint32}.
 * </ul>
 *
 * <p>The logarithm in the polar method is {@link Math#log} (HotSpot's intrinsic), which differs from
 * the C library's in the last bit for rare arguments: 7 of 20,004 Gaussians in the test fixture
 * differ by one ulp ({@link StrictMath#log} misses far more often). Not thread-safe. {@link #state()} / {@link #fromState} save and restore
 * the whole stream, including the cached Gaussian.
 */
public final class NumpyRandomState implements RandomGenerator {
  private static final int N = 624;
  private static final int M = 397;
  private static final int MATRIX_A = 0x9908B0DF;
  private static final int UPPER_MASK = 0x80000000;
  private static final int LOWER_MASK = 0x7FFFFFFF;
  // words per call of twist, doubles per call of fill (see generate)
  private static final int CHUNK = 32;
  private static final int FILL_CHUNK = 64;

  private final int[] key = new int[N];
  // the tempered outputs of key (a cache, recomputed with the key; not part of the state)
  private final int[] out = new int[N];
  private int pos;
  private boolean hasGauss;
  private double gauss;

  private NumpyRandomState() {}

  /**
   * The generator of {@code numpy.random.RandomState(seed)} (and of {@code np.random.seed(seed)}).
   *
   * @throws IllegalArgumentException if the seed is outside [0, 2^32 - 1], as NumPy
   */
  public NumpyRandomState(long seed) {
    if (seed < 0 || seed > 0xFFFFFFFFL) {
      throw new IllegalArgumentException("seed must be between 0 and 2**32 - 1 (NumPy's RandomState rule), got " + seed);
    }
    long s = seed;
    for (int i = 0; i < N; i++) {
      key[i] = (int) s;
      s = (1812433253L * (s ^ (s >>> 30)) + i + 1) & 0xFFFFFFFFL;
    }
    pos = N;
  }

  /** A copy of the whole state: 624 key words, position, and the cached Gaussian. */
  public State state() {
    return new State(key.clone(), pos, hasGauss, gauss);
  }

  /** Continues the stream saved by {@link #state()}. */
  public static NumpyRandomState fromState(State state) {
    if (state.key().length != N) {
      throw new IllegalArgumentException("NumpyRandomState key must have " + N + " words, got " + state.key().length);
    }
    if (state.pos() < 0 || state.pos() > N) {
      throw new IllegalArgumentException("NumpyRandomState pos must be in [0, " + N + "], got " + state.pos());
    }
    NumpyRandomState r = new NumpyRandomState();
    System.arraycopy(state.key(), 0, r.key, 0, N);
    r.pos = state.pos();
    temper(r.key, r.out, 0, N);
    r.hasGauss = state.hasGauss();
    r.gauss = state.gauss();
    return r;
  }

  /**
   * NumPy's {@code get_state()} content: the MT19937 key (as signed ints), the position, and the
   * Gaussian cached by the polar method ({@code has_gauss}, {@code cached_gaussian}).
   */
  public record State(int[] key, int pos, boolean hasGauss, double gauss) {
    /** Copies the key. */
    public State {
      key = key.clone();
    }

    @Override
    public int[] key() {
      return key.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof State s && Arrays.equals(key, s.key) && pos == s.pos && hasGauss == s.hasGauss
          && Double.compare(gauss, s.gauss) == 0;
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(key) * 31 + pos;
    }

    @Override
    public String toString() {
      return "NumpyRandomState.State[pos=" + pos + ", hasGauss=" + hasGauss + "]";
    }
  }

  /**
   * MT19937's twist of the whole key ({@code mt19937_gen} in numpy's {@code mt19937.c}), each new
   * word tempered into {@code out} as it is made. The work is done in calls of at most 32 words: a
   * method runs interpreted until it has been called about a hundred times, so small calls made
   * often are compiled after a few blocks, where one call per block would stay in the interpreter
   * for the first 60,000 words or so (C2 inlines them again once the code is hot).
   */
  private void generate() {
    int[] mt = key;
    int[] o = out;
    for (int i = 0; i < N - M; i += CHUNK) {
      twist(mt, o, i, Math.min(i + CHUNK, N - M), M);
    }
    for (int i = N - M; i < N - 1; i += CHUNK) {
      twist(mt, o, i, Math.min(i + CHUNK, N - 1), M - N);
    }
    int y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
    mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
    temper(mt, o, N - 1, N);
    pos = 0;
  }

  /**
   * The twist of words {@code [from, to)} in order, the partner word of word i being
   * {@code mt[i + offset]} ({@code M} below {@code N - M}, {@code M - N} above, already twisted),
   * and their tempering ({@link #temper}) into {@code o}.
   */
  private static void twist(int[] mt, int[] o, int from, int to, int offset) {
    int cur = mt[from];
    for (int i = from; i < to; i++) {
      int next = mt[i + 1];
      int y = (cur & UPPER_MASK) | (next & LOWER_MASK);
      y = mt[i + offset] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
      mt[i] = y;
      y ^= y >>> 11;
      y ^= (y << 7) & 0x9D2C5680;
      y ^= (y << 15) & 0xEFC60000;
      o[i] = y ^ (y >>> 18);
      cur = next;
    }
  }

  /** MT19937's tempering of {@code mt[from, to)} into {@code o}. */
  private static void temper(int[] mt, int[] o, int from, int to) {
    for (int i = from; i < to; i++) {
      int y = mt[i];
      y ^= y >>> 11;
      y ^= (y << 7) & 0x9D2C5680;
      y ^= (y << 15) & 0xEFC60000;
      y ^= y >>> 18;
      o[i] = y;
    }
  }

  /** NumPy's {@code next_uint32} (as a signed int). */
  @Override
  public int nextInt() {
    int p = pos;
    if (p == N) {
      generate();
      p = 0;
    }
    pos = p + 1;
    return out[p];
  }

  /** NumPy's {@code next_uint64}: two 32-bit words, the first one high. */
  @Override
  public long nextLong() {
    long hi = nextInt() & 0xFFFFFFFFL;
    return (hi << 32) | (nextInt() & 0xFFFFFFFFL);
  }

  /**
   * NumPy's {@code random_sample()} ({@code legacy_double} / {@code mt19937_next_double}): 53 random
   * bits from two 32-bit words, {@code ((a >> 5) * 2^26 + (b >> 6)) / 2^53}. Both words are read from
   * the tempered block directly unless the pair straddles a twist.
   */
  @Override
  public double nextDouble() {
    int p = pos;
    if (p < N - 1) {
      int[] o = out;
      pos = p + 2;
      return ((o[p] >>> 5) * 67108864.0 + (o[p + 1] >>> 6)) / 9007199254740992.0;
    }
    int a = nextInt() >>> 5;
    int b = nextInt() >>> 6;
    return (a * 67108864.0 + b) / 9007199254740992.0;
  }

  /**
   * {@code length} draws of {@link #nextDouble()} into {@code dst[offset ..]}: NumPy's
   * {@code random_sample(size=length)} ({@code random_standard_uniform_fill} in numpy's
   * {@code distributions.c}, one {@code next_double} per element in order). The values, their order
   * and the state afterwards (the cached Gaussian untouched) are those of {@code length} single
   * calls; the words are read from the tempered block directly, in calls of at most 64 values
   * (small calls made often are compiled early), and the key is twisted only when a block is used up.
   *
   * @throws IndexOutOfBoundsException if {@code [offset, offset + length)} is not inside {@code dst}
   */
  public void nextDoubles(double[] dst, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, dst.length);
    int[] o = out;
    int p = pos;
    int i = offset;
    int end = offset + length;
    while (i < end) {
      if (p >= N - 1) {
        if (p == N - 1) {
          // the pair straddles the twist: the last word of this block, the first of the next
          int a = o[p] >>> 5;
          generate();
          dst[i++] = (a * 67108864.0 + (o[0] >>> 6)) / 9007199254740992.0;
          p = 1;
          continue;
        }
        generate();
        p = 0;
      }
      int stop = Math.min(end, i + Math.min((N - p) >> 1, FILL_CHUNK));
      fill(dst, i, stop, o, p);
      p += 2 * (stop - i);
      i = stop;
    }
    pos = p;
  }

  /** {@code random_sample()} from the words {@code o[p], o[p + 1], ...} into {@code dst[from, to)}. */
  private static void fill(double[] dst, int from, int to, int[] o, int p) {
    for (int i = from; i < to; i++) {
      dst[i] = ((o[p] >>> 5) * 67108864.0 + (o[p + 1] >>> 6)) / 9007199254740992.0;
      p += 2;
    }
  }

  /**
   * {@code length} draws of {@link #nextDouble(double, double)} into {@code dst[offset ..]}: NumPy's
   * {@code uniform(low, high, size=length)}, each value {@code low + (high - low) * random_sample()}
   * in order ({@code random_uniform} applied per element by {@code cont} in numpy's {@code mtrand.pyx}),
   * with the state afterwards of {@code length} single calls.
   *
   * @throws IndexOutOfBoundsException if {@code [offset, offset + length)} is not inside {@code dst}
   */
  public void nextDoubles(double[] dst, int offset, int length, double low, double high) {
    nextDoubles(dst, offset, length);
    double range = high - low;
    int end = offset + length;
    for (int i = offset; i < end; i++) {
      dst[i] = low + range * dst[i];
    }
  }

  /** NumPy's {@code uniform(low, high)}: {@code low + (high - low) * random_sample()} (may equal high by rounding). */
  @Override
  public double nextDouble(double origin, double bound) {
    return origin + (bound - origin) * nextDouble();
  }

  /** NumPy's {@code standard_normal()} ({@code legacy_gauss}, the polar method with one cached value). */
  @Override
  public double nextGaussian() {
    if (hasGauss) {
      hasGauss = false;
      double g = gauss;
      gauss = 0.0;
      return g;
    }
    double x1;
    double x2;
    double r2;
    do {
      x1 = 2.0 * nextDouble() - 1.0;
      x2 = 2.0 * nextDouble() - 1.0;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1.0 || r2 == 0.0);
    double f = Math.sqrt(-2.0 * Math.log(r2) / r2);
    gauss = f * x1;
    hasGauss = true;
    return f * x2;
  }

  /** NumPy's {@code normal(loc, scale)} = {@code loc + scale * standard_normal()}. */
  @Override
  public double nextGaussian(double mean, double stddev) {
    if (!(stddev >= 0.0)) {
      throw new IllegalArgumentException("scale must be non-negative, got " + stddev);
    }
    return mean + stddev * nextGaussian();
  }

  /**
   * NumPy's {@code randint(0, bound)}: the smallest all-ones mask covering {@code bound - 1}, then
   * {@code next_uint32 & mask} until the value is at most {@code bound - 1}.
   */
  @Override
  public int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("high <= 0: bound must be positive, got " + bound);
    }
    // bounded(bound - 1) in int arithmetic (the mask is below 2^31, so every value is non-negative)
    int max = bound - 1;
    if (max == 0) {
      return 0;
    }
    int mask = -1 >>> Integer.numberOfLeadingZeros(max);
    int v;
    do {
      v = nextInt() & mask;
    } while (v > max);
    return v;
  }

  /** NumPy's {@code randint(origin, bound)} (half-open). */
  @Override
  public int nextInt(int origin, int bound) {
    if (origin >= bound) {
      throw new IllegalArgumentException("low >= high: origin " + origin + " must be below bound " + bound);
    }
    return (int) (origin + bounded((long) bound - origin - 1L));
  }

  /** NumPy's {@code randint(0, bound)} for 64-bit ranges (masked {@code next_uint64} above 2^32 - 1). */
  @Override
  public long nextLong(long bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("high <= 0: bound must be positive, got " + bound);
    }
    return bounded(bound - 1L);
  }

  /** A value in [0, rng] as NumPy's {@code random_bounded_uint64_fill} with {@code use_masked}. */
  private long bounded(long rng) {
    if (rng == 0) {
      return 0;
    }
    if (rng <= 0xFFFFFFFFL) {
      if (rng == 0xFFFFFFFFL) {
        return nextInt() & 0xFFFFFFFFL;
      }
      long mask = mask(rng);
      long v;
      do {
        v = nextInt() & mask;
      } while (v > rng);
      return v;
    }
    long mask = mask(rng);
    long v;
    do {
      v = nextLong() & mask;
    } while (Long.compareUnsigned(v, rng) > 0);
    return v;
  }

  private static long mask(long max) {
    long m = max;
    m |= m >>> 1;
    m |= m >>> 2;
    m |= m >>> 4;
    m |= m >>> 8;
    m |= m >>> 16;
    m |= m >>> 32;
    return m;
  }

  /**
   * NumPy's {@code shuffle} of a 1-D array: Fisher-Yates from the top, {@code j = randint(0, i + 1)}
   * for {@code i = n - 1 .. 1}.
   */
  public void shuffle(int[] a) {
    Permutations.shuffle(a, this);
  }


  /** NumPy's {@code permutation(n)}: {@code arange(n)} shuffled. */
  public int[] permutation(int n) {
    return Permutations.permutation(n, this);
  }


  /**
   * NumPy's {@code choice(len(p), p=p)} for one draw: the cumulative sum of {@code p}, divided by its
   * last entry, searched (side right) for one {@code random_sample()}.
   */
  public int choice(double[] p) {
    if (p.length == 0) {
      throw new IllegalArgumentException("p must be non-empty");
    }
    double[] cdf = new double[p.length];
    double acc = 0.0;
    for (int i = 0; i < p.length; i++) {
      if (!(p[i] >= 0.0)) {
        throw new IllegalArgumentException("probabilities must be non-negative, got p[" + i + "] = " + p[i]);
      }
      acc += p[i];
      cdf[i] = acc;
    }
    double last = cdf[p.length - 1];
    for (int i = 0; i < cdf.length; i++) {
      cdf[i] /= last;
    }
    return searchRight(cdf, nextDouble());
  }

  /** The first index whose value exceeds {@code u} (NumPy's {@code searchsorted(side='right')}). */
  static int searchRight(double[] sorted, double u) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] <= u) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
