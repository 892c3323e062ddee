package org.minima4j.random;

import java.util.Arrays;
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
    r.temper();
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

  private void generate() {
    int i = 0;
    for (; i < N - M; i++) {
      int y = (key[i] & UPPER_MASK) | (key[i + 1] & LOWER_MASK);
      key[i] = key[i + M] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
    }
    for (; i < N - 1; i++) {
      int y = (key[i] & UPPER_MASK) | (key[i + 1] & LOWER_MASK);
      key[i] = key[i + (M - N)] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
    }
    int y = (key[N - 1] & UPPER_MASK) | (key[0] & LOWER_MASK);
    key[N - 1] = key[M - 1] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
    pos = 0;
    temper();
  }

  /** MT19937's tempering of the whole block at once (a simple loop the JIT vectorizes). */
  private void temper() {
    for (int i = 0; i < N; i++) {
      int y = key[i];
      y ^= y >>> 11;
      y ^= (y << 7) & 0x9D2C5680;
      y ^= (y << 15) & 0xEFC60000;
      y ^= y >>> 18;
      out[i] = y;
    }
  }

  /** NumPy's {@code next_uint32} (as a signed int). */
  @Override
  public int nextInt() {
    if (pos == N) {
      generate();
    }
    return out[pos++];
  }

  /** NumPy's {@code next_uint64}: two 32-bit words, the first one high. */
  @Override
  public long nextLong() {
    long hi = nextInt() & 0xFFFFFFFFL;
    return (hi << 32) | (nextInt() & 0xFFFFFFFFL);
  }

  /** NumPy's {@code random_sample()}: 53 random bits from two 32-bit words. */
  @Override
  public double nextDouble() {
    int a = nextInt() >>> 5;
    int b = nextInt() >>> 6;
    return (a * 67108864.0 + b) / 9007199254740992.0;
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
    for (int i = a.length - 1; i > 0; i--) {
      int j = (int) bounded(i);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  /** NumPy's {@code permutation(n)}: {@code arange(n)} shuffled. */
  public int[] permutation(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("n must be non-negative, got " + n);
    }
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    shuffle(a);
    return a;
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
