package org.minima4j.random;

import java.math.BigInteger;
import java.util.random.RandomGenerator;

/**
 * NumPy's default bit generator, {@code numpy.random.PCG64} (PCG XSL-RR 128/64, O'Neill 2014),
 * seeded as {@code numpy.random.default_rng(seed)} through NumPy's {@code SeedSequence}, so Java
 * code can replay experiments whose random draws came from NumPy. {@link #nextDouble()} is NumPy's
 * {@code Generator.random()} ({@code (next_u64 >> 11) * 2^-53}), so
 * {@code lo + (hi - lo) * nextDouble()} is {@code Generator.uniform(lo, hi)} bit for bit.
 *
 * <p>Follows numpy 1.24 ({@code numpy/random/_pcg64.pyx}, {@code bit_generator.pyx}); only
 * {@code nextLong} and {@code nextDouble} are NumPy-compatible: other draws (Gaussians, bounded
 * integers) use {@link RandomGenerator}'s defaults, not NumPy's algorithms. Not thread-safe.
 */
public final class PCG64 implements RandomGenerator {
  private static final long MULT_HI = 0x2360ED051FC65DA4L;
  private static final long MULT_LO = 0x4385DF649FCCF645L;
  private long stateHi;
  private long stateLo;
  private long incHi;
  private long incLo;

  private PCG64(long stateHi, long stateLo, long incHi, long incLo) {
    this.stateHi = stateHi;
    this.stateLo = stateLo;
    this.incHi = incHi;
    this.incLo = incLo;
  }

  /** The generator of {@code numpy.random.default_rng(seed)} for a non-negative seed. */
  public static PCG64 seeded(long seed) {
    if (seed < 0) {
      throw new IllegalArgumentException("seed must be non-negative (NumPy rejects negative seeds), got " + seed);
    }
    int[] w = SeedSequence.generateState(SeedSequence.pool(seed), 8);
    long[] u64 = new long[4];
    for (int k = 0; k < 4; k++) {
      u64[k] = (w[2 * k] & 0xFFFFFFFFL) | ((long) w[2 * k + 1] << 32);
    }
    // initstate = u64[0]:u64[1], initseq = u64[2]:u64[3] (high:low); inc = (initseq << 1) | 1
    long incHi = (u64[2] << 1) | (u64[3] >>> 63);
    long incLo = (u64[3] << 1) | 1L;
    PCG64 g = new PCG64(0, 0, incHi, incLo);
    g.step();
    long lo = g.stateLo + u64[1];
    long carry = Long.compareUnsigned(lo, g.stateLo) < 0 ? 1 : 0;
    g.stateHi = g.stateHi + u64[0] + carry;
    g.stateLo = lo;
    g.step();
    return g;
  }

  /** A generator at an explicit 128-bit state and increment, e.g. NumPy's {@code bit_generator.state}. */
  public static PCG64 ofState(BigInteger state, BigInteger inc) {
    return new PCG64(state.shiftRight(64).longValue(), state.longValue(), inc.shiftRight(64).longValue(), inc.longValue());
  }

  /** The 128-bit state (NumPy's {@code state['state']['state']}). */
  public BigInteger state() {
    return toUnsigned128(stateHi, stateLo);
  }

  /** The 128-bit increment (NumPy's {@code state['state']['inc']}). */
  public BigInteger inc() {
    return toUnsigned128(incHi, incLo);
  }

  private static BigInteger toUnsigned128(long hi, long lo) {
    return new BigInteger(Long.toUnsignedString(hi)).shiftLeft(64).or(new BigInteger(Long.toUnsignedString(lo)));
  }

  /** state = state * MULT + inc (mod 2^128). */
  private void step() {
    long lo = stateLo * MULT_LO;
    long hi = unsignedMultiplyHigh(stateLo, MULT_LO) + stateLo * MULT_HI + stateHi * MULT_LO;
    long lo2 = lo + incLo;
    long carry = Long.compareUnsigned(lo2, lo) < 0 ? 1 : 0;
    stateHi = hi + incHi + carry;
    stateLo = lo2;
  }

  private static long unsignedMultiplyHigh(long a, long b) {
    return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
  }

  /** NumPy's {@code next_uint64}: advance, then XSL-RR output. */
  @Override
  public long nextLong() {
    step();
    int rot = (int) (stateHi >>> 58);
    return Long.rotateRight(stateHi ^ stateLo, rot);
  }

  /** NumPy's {@code Generator.random()}: {@code (next_u64 >> 11) * 2^-53}. */
  @Override
  public double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** NumPy's SeedSequence (numpy/random/bit_generator.pyx) for an integer entropy, no spawn key. */
  static final class SeedSequence {
    private static final int INIT_A = 0x43B0D7E5;
    private static final int MULT_A = 0x931E8875;
    private static final int INIT_B = 0x8B51F9DD;
    private static final int MULT_B = 0x58F38DED;
    private static final int MIX_MULT_L = 0xCA01F9DD;
    private static final int MIX_MULT_R = 0x4973F715;
    private static final int POOL_SIZE = 4;

    private SeedSequence() {}

    static int[] pool(long seed) {
      int[] entropy = seed >>> 32 == 0 ? new int[] {(int) seed} : new int[] {(int) seed, (int) (seed >>> 32)};
      int[] hc = {INIT_A};
      int[] pool = new int[POOL_SIZE];
      for (int i = 0; i < POOL_SIZE; i++) {
        pool[i] = hashmix(i < entropy.length ? entropy[i] : 0, hc);
      }
      for (int src = 0; src < POOL_SIZE; src++) {
        for (int dst = 0; dst < POOL_SIZE; dst++) {
          if (src != dst) {
            pool[dst] = mix(pool[dst], hashmix(pool[src], hc));
          }
        }
      }
      for (int src = POOL_SIZE; src < entropy.length; src++) {
        for (int dst = 0; dst < POOL_SIZE; dst++) {
          pool[dst] = mix(pool[dst], hashmix(entropy[src], hc));
        }
      }
      return pool;
    }

    private static int hashmix(int value, int[] hc) {
      value ^= hc[0];
      hc[0] *= MULT_A;
      value *= hc[0];
      return value ^ (value >>> 16);
    }

    private static int mix(int x, int y) {
      int r = MIX_MULT_L * x - MIX_MULT_R * y;
      return r ^ (r >>> 16);
    }

    static int[] generateState(int[] pool, int nWords) {
      int hc = INIT_B;
      int[] out = new int[nWords];
      for (int i = 0; i < nWords; i++) {
        int v = pool[i % pool.length];
        v ^= hc;
        hc *= MULT_B;
        v *= hc;
        out[i] = v ^ (v >>> 16);
      }
      return out;
    }
  }
}
