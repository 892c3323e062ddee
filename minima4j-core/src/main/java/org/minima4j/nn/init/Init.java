package org.minima4j.nn.init;

import java.util.Locale;
import java.util.random.RandomGenerator;
import org.minima4j.tensor.Tensor;

/**
 * Parameter initializers after {@code torch.nn.init} (torch 1.13.1, torch/nn/init.py): same
 * formulas, defaults and argument checks. Each fills the tensor in place (without recording a
 * graph), draws from the given {@link RandomGenerator} in row-major order, and returns the tensor.
 * The draws come from Java's generators, so values differ from torch's; the distributions agree.
 */
public final class Init {
  private Init() {}

  /** Fills with samples of U(a, b). */
  public static Tensor uniform(Tensor t, double a, double b, RandomGenerator rng) {
    if (!(a <= b)) {
      throw new IllegalArgumentException("uniform_ expects to return a [from, to) range, but found from=" + a + " > to=" + b);
    }
    double[] d = t.data();
    for (int i = 0; i < d.length; i++) {
      d[i] = a + (b - a) * rng.nextDouble();
    }
    t.markModified();
    return t;
  }

  /** Fills with samples of N(mean, std^2). */
  public static Tensor normal(Tensor t, double mean, double std, RandomGenerator rng) {
    if (!(std >= 0.0)) {
      throw new IllegalArgumentException("normal expects std >= 0.0, but found std " + std);
    }
    double[] d = t.data();
    for (int i = 0; i < d.length; i++) {
      d[i] = mean + std * rng.nextGaussian();
    }
    t.markModified();
    return t;
  }

  public static Tensor constant(Tensor t, double value) {
    java.util.Arrays.fill(t.data(), value);
    t.markModified();
    return t;
  }

  public static Tensor zeros(Tensor t) {
    return constant(t, 0.0);
  }

  public static Tensor ones(Tensor t) {
    return constant(t, 1.0);
  }

  /**
   * The recommended gain for a nonlinearity, as torch.nn.init.calculate_gain: linear, conv*,
   * sigmoid: 1; tanh: 5/3; relu: sqrt(2); leaky_relu: sqrt(2 / (1 + slope^2)) (slope 0.01 when
   * {@code param} is NaN); selu: 3/4.
   */
  public static double calculateGain(String nonlinearity, double param) {
    String n = nonlinearity == null ? "null" : nonlinearity;
    switch (n) {
      case "linear":
      case "conv1d":
      case "conv2d":
      case "conv3d":
      case "conv_transpose1d":
      case "conv_transpose2d":
      case "conv_transpose3d":
      case "sigmoid":
        return 1.0;
      case "tanh":
        return 5.0 / 3.0;
      case "relu":
        return Math.sqrt(2.0);
      case "leaky_relu": {
        if (Double.isInfinite(param)) {
          throw new IllegalArgumentException("negative_slope " + param + " not a valid number");
        }
        double slope = Double.isNaN(param) ? 0.01 : param;
        return Math.sqrt(2.0 / (1.0 + slope * slope));
      }
      case "selu":
        return 3.0 / 4.0;
      default:
        throw new IllegalArgumentException("Unsupported nonlinearity " + n);
    }
  }

  /** {@link #calculateGain(String, double)} with no parameter. */
  public static double calculateGain(String nonlinearity) {
    return calculateGain(nonlinearity, Double.NaN);
  }

  /** {@code {fan_in, fan_out}} of a weight tensor: dims 1 and 0 times the receptive field. */
  public static int[] fanInAndFanOut(Tensor t) {
    int[] s = t.shape();
    if (s.length < 2) {
      throw new IllegalArgumentException("Fan in and fan out can not be computed for tensor with fewer than 2 dimensions");
    }
    int receptive = 1;
    for (int d = 2; d < s.length; d++) {
      receptive *= s[d];
    }
    return new int[] {s[1] * receptive, s[0] * receptive};
  }

  private static int fan(Tensor t, String mode) {
    String m = mode == null ? "null" : mode.toLowerCase(Locale.ROOT);
    int[] f = fanInAndFanOut(t);
    switch (m) {
      case "fan_in":
        return f[0];
      case "fan_out":
        return f[1];
      default:
        throw new IllegalArgumentException("Mode " + mode + " not supported, please use one of fan_in, fan_out");
    }
  }

  /** Glorot/Xavier uniform: U(-a, a) with a = gain * sqrt(6 / (fan_in + fan_out)). */
  public static Tensor xavierUniform(Tensor t, double gain, RandomGenerator rng) {
    int[] f = fanInAndFanOut(t);
    double std = gain * Math.sqrt(2.0 / (f[0] + f[1]));
    double a = Math.sqrt(3.0) * std;
    return uniform(t, -a, a, rng);
  }

  /** Glorot/Xavier normal: N(0, std^2) with std = gain * sqrt(2 / (fan_in + fan_out)). */
  public static Tensor xavierNormal(Tensor t, double gain, RandomGenerator rng) {
    int[] f = fanInAndFanOut(t);
    double std = gain * Math.sqrt(2.0 / (f[0] + f[1]));
    return normal(t, 0.0, std, rng);
  }

  /**
   * He/Kaiming uniform: U(-b, b) with b = gain * sqrt(3 / fan), gain =
   * calculateGain(nonlinearity, a); torch's defaults are a = 0, mode "fan_in", nonlinearity
   * "leaky_relu". A tensor with a zero-size dimension is left unchanged, as torch does.
   */
  public static Tensor kaimingUniform(Tensor t, double a, String mode, String nonlinearity, RandomGenerator rng) {
    if (t.numel() == 0) {
      return t;
    }
    int fan = fan(t, mode);
    double gain = calculateGain(nonlinearity, a);
    double std = gain / Math.sqrt(fan);
    double bound = Math.sqrt(3.0) * std;
    return uniform(t, -bound, bound, rng);
  }

  /** {@link #kaimingUniform(Tensor, double, String, String, RandomGenerator)} with torch's defaults. */
  public static Tensor kaimingUniform(Tensor t, RandomGenerator rng) {
    return kaimingUniform(t, 0.0, "fan_in", "leaky_relu", rng);
  }

  /** He/Kaiming normal: N(0, std^2) with std = gain / sqrt(fan). */
  public static Tensor kaimingNormal(Tensor t, double a, String mode, String nonlinearity, RandomGenerator rng) {
    if (t.numel() == 0) {
      return t;
    }
    int fan = fan(t, mode);
    double gain = calculateGain(nonlinearity, a);
    return normal(t, 0.0, gain / Math.sqrt(fan), rng);
  }

  public static Tensor kaimingNormal(Tensor t, RandomGenerator rng) {
    return kaimingNormal(t, 0.0, "fan_in", "leaky_relu", rng);
  }

  /**
   * A (semi-)orthogonal matrix, as torch.nn.init.orthogonal_: QR of a standard normal matrix of
   * shape (rows, numel/rows) (transposed when wider than tall), columns of Q multiplied by the signs
   * of R's diagonal, scaled by {@code gain}.
   */
  public static Tensor orthogonal(Tensor t, double gain, RandomGenerator rng) {
    int[] s = t.shape();
    if (s.length < 2) {
      throw new IllegalArgumentException("Only tensors with 2 or more dimensions are supported");
    }
    if (t.numel() == 0) {
      return t;
    }
    int rows = s[0];
    int cols = t.numel() / rows;
    double[] flat = new double[rows * cols];
    for (int i = 0; i < flat.length; i++) {
      flat[i] = rng.nextGaussian();
    }
    boolean wide = rows < cols;
    int m = wide ? cols : rows;
    int n = wide ? rows : cols;
    double[] a = wide ? transpose(flat, rows, cols) : flat;
    double[] q = Householder.orthonormalColumns(a, m, n);
    double[] out = wide ? transpose(q, m, n) : q;
    double[] d = t.data();
    for (int i = 0; i < d.length; i++) {
      d[i] = out[i] * gain;
    }
    t.markModified();
    return t;
  }

  private static double[] transpose(double[] a, int r, int c) {
    double[] t = new double[a.length];
    for (int i = 0; i < r; i++) {
      for (int j = 0; j < c; j++) {
        t[j * r + i] = a[i * c + j];
      }
    }
    return t;
  }
}
