package org.minima4j.optimize.global;

import java.util.random.RandomGenerator;

/**
 * A small, fast, seedable generator (xoshiro256**, Blackman and Vigna 2018) whose whole state is
 * four longs, so that every global optimizer can save and resume its random stream exactly.
 *
 * <p>The seed is expanded into the state with SplitMix64, as the xoshiro authors recommend.
 * {@link #nextDouble()}, {@link #nextGaussian()} and the bounded draws are the
 * {@link RandomGenerator} defaults built on {@link #nextLong()}, so they are deterministic too.
 */
public final class SeededRandom implements RandomGenerator {
  private long s0;
  private long s1;
  private long s2;
  private long s3;

  /** A generator whose stream is fully determined by {@code seed}. */
  public SeededRandom(long seed) {
    long z = seed;
    long[] s = new long[4];
    for (int i = 0; i < 4; i++) {
      z += 0x9E3779B97F4A7C15L;
      long t = z;
      t = (t ^ (t >>> 30)) * 0xBF58476D1CE4E5B9L;
      t = (t ^ (t >>> 27)) * 0x94D049BB133111EBL;
      s[i] = t ^ (t >>> 31);
    }
    s0 = s[0];
    s1 = s[1];
    s2 = s[2];
    s3 = s[3];
  }

  private SeededRandom(long[] state) {
    if (state.length != 4) {
      throw new IllegalArgumentException("SeededRandom state must have 4 longs, got " + state.length);
    }
    if ((state[0] | state[1] | state[2] | state[3]) == 0L) {
      throw new IllegalArgumentException("SeededRandom state must not be all zero");
    }
    s0 = state[0];
    s1 = state[1];
    s2 = state[2];
    s3 = state[3];
  }

  /** Restores a generator from {@link #state()}. */
  public static SeededRandom fromState(long[] state) {
    return new SeededRandom(state.clone());
  }

  /** The four state words; {@link #fromState} continues the stream exactly from here. */
  public long[] state() {
    return new long[] {s0, s1, s2, s3};
  }

  @Override
  public long nextLong() {
    long result = Long.rotateLeft(s1 * 5, 7) * 9;
    long t = s1 << 17;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = Long.rotateLeft(s3, 45);
    return result;
  }
}
