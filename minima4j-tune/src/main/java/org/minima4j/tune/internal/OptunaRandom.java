package org.minima4j.tune.internal;

import org.minima4j.random.NumpyRandomState;
import org.minima4j.tune.CategoricalDistribution;
import org.minima4j.tune.Distribution;
import org.minima4j.tune.FloatDistribution;
import org.minima4j.tune.IntDistribution;

/**
 * Optuna 3.1's random draws of one parameter, for samplers that replay Optuna's studies: the
 * {@code numpy.random.RandomState} of a seed, and {@code RandomSampler.sample_independent}
 * ({@code optuna/samplers/_random.py}) through {@code _SearchSpaceTransform} ({@code optuna/_transform.py}).
 */
public final class OptunaRandom {
  private OptunaRandom() {
  }

  /**
   * {@code numpy.random.RandomState(seed)} for seeds in [0, 2^32 - 1], the seeds Optuna accepts. Other
   * seeds (NumPy rejects them) are mapped to 32 bits by SplitMix64's output function (the low 32 bits of
   * {@code fmix(seed)}), so that any {@code long} still gives a reproducible stream and nearby seeds such as
   * -1 and 0 do not share one.
   */
  public static NumpyRandomState forSeed(long seed) {
    return new NumpyRandomState(seed32(seed));
  }

  /** The 32-bit seed {@link #forSeed} uses. */
  public static long seed32(long seed) {
    if (seed >= 0 && seed <= 0xFFFFFFFFL) {
      return seed;
    }
    long z = seed;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z = z ^ (z >>> 31);
    return z & 0xFFFFFFFFL;
  }

  /**
   * The internal value Optuna's {@code RandomSampler} draws: a numeric parameter takes one
   * {@code uniform(low, high)} over its transformed bounds (log for log ranges, widened by half a step for
   * stepped and integer ones), mapped back as {@code _untransform_numerical_param} does; a categorical one
   * takes one {@code uniform(0, 1)} per choice (its one-hot columns) and the first largest wins.
   */
  public static double sampleIndependent(Distribution d, NumpyRandomState rng) {
    if (d instanceof CategoricalDistribution c) {
      int k = c.choices().size();
      int best = 0;
      double bestU = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < k; j++) {
        double u = rng.nextDouble(0.0, 1.0);
        if (u > bestU) {
          bestU = u;
          best = j;
        }
      }
      return best;
    }
    double[] b = SearchSpaces.bounds(d);
    return untransform(d, rng.nextDouble(b[0], b[1]));
  }

  /** Optuna's {@code _untransform_numerical_param} with {@code transform_log=True}. */
  public static double untransform(Distribution d, double v) {
    if (d instanceof FloatDistribution f) {
      double x;
      if (f.log()) {
        x = Math.exp(v);
      } else if (f.step() != null) {
        return clip(Math.rint((v - f.low()) / f.step()) * f.step() + f.low(), f.low(), f.high());
      } else {
        x = v;
      }
      if (f.single()) {
        return x;
      }
      // Optuna: min(x, nextafter(high, high - 1)); the lower clip only guards exp's last ulp at log(low)
      return Math.max(Math.min(x, Math.nextDown(f.high())), f.low());
    }
    IntDistribution i = (IntDistribution) d;
    double r = i.log() ? Math.rint(Math.exp(v)) : Math.rint((v - i.low()) / i.step()) * i.step() + i.low();
    return clip(r, i.low(), i.high());
  }

  private static double clip(double x, double lo, double hi) {
    return Math.min(Math.max(x, lo), hi);
  }
}
