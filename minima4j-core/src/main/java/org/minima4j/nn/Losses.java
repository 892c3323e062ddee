package org.minima4j.nn;

import java.util.Arrays;
import org.minima4j.tensor.Tensor;

/**
 * Loss functions with torch.nn.functional's formulas, defaults and reductions (torch 1.13.1,
 * torch/nn/functional.py and aten/src/ATen/native/Loss.cpp). Class-index targets are tensors of
 * integral doubles.
 */
public final class Losses {
  /** torch's {@code reduction} argument. */
  public enum Reduction { NONE, MEAN, SUM }

  /** torch's default {@code ignore_index}. */
  public static final int IGNORE_INDEX = -100;

  private Losses() {}

  private static Tensor reduce(Tensor loss, Reduction r) {
    switch (r) {
      case NONE: return loss;
      case SUM: return loss.sum();
      case MEAN: return loss.mean();
      default: throw new IllegalArgumentException("unknown reduction " + r);
    }
  }

  private static void sameShape(String fn, Tensor input, Tensor target) {
    if (!Arrays.equals(input.shape(), target.shape())) {
      throw new IllegalArgumentException(fn + ": input shape " + Arrays.toString(input.shape())
          + " and target shape " + Arrays.toString(target.shape()) + " differ");
    }
  }

  /** Mean squared error {@code mean((input - target)^2)}. */
  public static Tensor mse(Tensor input, Tensor target) {
    return mse(input, target, Reduction.MEAN);
  }

  public static Tensor mse(Tensor input, Tensor target, Reduction reduction) {
    sameShape("mse_loss", input, target);
    return reduce(input.sub(target).square(), reduction);
  }

  /** Mean absolute error. */
  public static Tensor l1(Tensor input, Tensor target) {
    return l1(input, target, Reduction.MEAN);
  }

  public static Tensor l1(Tensor input, Tensor target, Reduction reduction) {
    sameShape("l1_loss", input, target);
    return reduce(input.sub(target).abs(), reduction);
  }

  /** Smooth L1: {@code 0.5 d^2 / beta} where {@code |d| < beta}, else {@code |d| - 0.5 beta} (default beta 1). */
  public static Tensor smoothL1(Tensor input, Tensor target) {
    return smoothL1(input, target, 1.0, Reduction.MEAN);
  }

  public static Tensor smoothL1(Tensor input, Tensor target, double beta, Reduction reduction) {
    if (beta < 0) {
      throw new IllegalArgumentException("smooth_l1_loss does not support negative values for beta.");
    }
    sameShape("smooth_l1_loss", input, target);
    if (beta == 0.0) {
      return l1(input, target, reduction);
    }
    Tensor d = input.sub(target);
    Tensor ad = d.abs();
    Tensor quad = d.square().mul(0.5 / beta);
    Tensor lin = ad.sub(0.5 * beta);
    return reduce(Tensor.where(ad.lt(beta), quad, lin), reduction);
  }

  /** Huber: {@code 0.5 d^2} where {@code |d| < delta}, else {@code delta (|d| - 0.5 delta)} (default delta 1). */
  public static Tensor huber(Tensor input, Tensor target) {
    return huber(input, target, 1.0, Reduction.MEAN);
  }

  public static Tensor huber(Tensor input, Tensor target, double delta, Reduction reduction) {
    if (!(delta > 0)) {
      throw new IllegalArgumentException("huber_loss does not support non-positive values for delta, got " + delta);
    }
    sameShape("huber_loss", input, target);
    Tensor d = input.sub(target);
    Tensor ad = d.abs();
    Tensor quad = d.square().mul(0.5);
    Tensor lin = ad.sub(0.5 * delta).mul(delta);
    return reduce(Tensor.where(ad.lt(delta), quad, lin), reduction);
  }

  /**
   * Negative log likelihood of class indices under log-probabilities {@code input} of shape
   * {@code (N, C)} or {@code (C)}; mean reduction divides by the summed weights of the targets that
   * are not ignored, as torch.
   */
  public static Tensor nll(Tensor input, Tensor target) {
    return nll(input, target, null, IGNORE_INDEX, Reduction.MEAN);
  }

  public static Tensor nll(Tensor input, Tensor target, Tensor weight, int ignoreIndex, Reduction reduction) {
    Tensor logp = input.dim() == 1 ? input.unsqueeze(0) : input;
    Tensor tgt = target.dim() == 0 ? target.reshape(1) : target;
    if (logp.dim() != 2) {
      throw new IllegalArgumentException("nll_loss: expected input of shape (N, C) or (C), got " + Arrays.toString(input.shape()));
    }
    int n = logp.size(0);
    int c = logp.size(1);
    if (tgt.dim() != 1 || tgt.numel() != n) {
      throw new IllegalArgumentException("Expected input batch_size (" + n + ") to match target batch_size ("
          + (tgt.dim() == 0 ? 1 : tgt.size(0)) + "), target shape " + Arrays.toString(target.shape()));
    }
    if (weight != null && (weight.dim() != 1 || weight.numel() != c)) {
      throw new IllegalArgumentException("weight tensor should be defined either for all " + c
          + " classes or no classes but got weight tensor of shape: " + Arrays.toString(weight.shape()));
    }
    int[] t = classIndices(tgt, c, ignoreIndex);
    // weights per sample (0 where ignored), used both as the gather mask and the normalizer.
    double[] mask = new double[n * c];
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      if (t[i] != ignoreIndex) {
        w[i] = weight == null ? 1.0 : weight.data()[t[i]];
        mask[i * c + t[i]] = -w[i];
      }
    }
    Tensor per = logp.mul(Tensor.wrap(mask, n, c)).sum(1);
    switch (reduction) {
      case NONE:
        return input.dim() == 1 ? per.reshape() : per;
      case SUM:
        return per.sum();
      case MEAN: {
        double total = 0.0;
        for (double v : w) {
          total += v;
        }
        return per.sum().div(total);
      }
      default:
        throw new IllegalArgumentException("unknown reduction " + reduction);
    }
  }

  private static int[] classIndices(Tensor target, int c, int ignoreIndex) {
    double[] d = target.data();
    int[] t = new int[d.length];
    for (int i = 0; i < d.length; i++) {
      double v = d[i];
      if (v != Math.rint(v)) {
        throw new IllegalArgumentException("class index targets must be integers, got " + v + " at position " + i);
      }
      t[i] = (int) v;
      if (t[i] != ignoreIndex && (t[i] < 0 || t[i] >= c)) {
        throw new IllegalArgumentException("Target " + t[i] + " is out of bounds.");
      }
    }
    return t;
  }

  /** Cross entropy of logits {@code (N, C)} or {@code (C)} against class indices (mean reduction). */
  public static Tensor crossEntropy(Tensor input, Tensor target) {
    return crossEntropy(input, target, null, IGNORE_INDEX, 0.0, Reduction.MEAN);
  }

  /** Cross entropy with label smoothing (torch 1.10+): {@code (1-e) nll + e/C * smooth}. */
  public static Tensor crossEntropy(Tensor input, Tensor target, double labelSmoothing) {
    return crossEntropy(input, target, null, IGNORE_INDEX, labelSmoothing, Reduction.MEAN);
  }

  public static Tensor crossEntropy(Tensor input, Tensor target, Tensor weight, int ignoreIndex, double labelSmoothing,
      Reduction reduction) {
    if (!(labelSmoothing >= 0.0 && labelSmoothing <= 1.0)) {
      throw new IllegalArgumentException("label_smoothing must be between 0.0 and 1.0. Got: " + labelSmoothing);
    }
    int classDim = input.dim() == 1 ? 0 : 1;
    Tensor logp = input.logSoftmax(classDim);
    Tensor nllLoss = nll(logp, target, weight, ignoreIndex, reduction);
    if (labelSmoothing == 0.0) {
      return nllLoss;
    }
    Tensor lp2 = logp.dim() == 1 ? logp.unsqueeze(0) : logp;
    Tensor tgt = target.dim() == 0 ? target.reshape(1) : target;
    int n = lp2.size(0);
    int c = lp2.size(1);
    int[] t = classIndices(tgt, c, ignoreIndex);
    Tensor weighted = weight == null ? lp2 : lp2.mul(weight.reshape(1, c));
    double[] keep = new double[n];
    double wsum = 0.0;
    for (int i = 0; i < n; i++) {
      keep[i] = t[i] == ignoreIndex ? 0.0 : 1.0;
      if (t[i] != ignoreIndex && weight != null) {
        wsum += weight.data()[t[i]];
      }
    }
    Tensor smooth = weighted.sum(1).neg().mul(Tensor.wrap(keep, n));
    Tensor ret;
    switch (reduction) {
      case NONE:
        ret = input.dim() == 1 ? smooth.reshape() : smooth;
        break;
      case SUM:
        ret = smooth.sum();
        break;
      case MEAN:
        ret = weight == null ? smooth.mean() : smooth.sum().div(wsum);
        break;
      default:
        throw new IllegalArgumentException("unknown reduction " + reduction);
    }
    return nllLoss.mul(1.0 - labelSmoothing).add(ret.mul(labelSmoothing / c));
  }

  /**
   * Binary cross entropy on probabilities: {@code -w (t log x + (1-t) log(1-x))} with each log
   * clamped at -100, as torch.
   */
  public static Tensor bce(Tensor input, Tensor target) {
    return bce(input, target, null, Reduction.MEAN);
  }

  public static Tensor bce(Tensor input, Tensor target, Tensor weight, Reduction reduction) {
    sameShape("binary_cross_entropy", input, target);
    double[] x = input.data();
    double[] y = target.data();
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      if (!(x[i] >= 0.0 && x[i] <= 1.0)) {
        throw new IllegalArgumentException("all elements of input should be between 0 and 1 (found " + x[i]
            + " at position " + i + ")");
      }
      double logx = Math.max(Math.log(x[i]), -100.0);
      double log1mx = Math.max(Math.log1p(-x[i]), -100.0);
      out[i] = (y[i] - 1.0) * log1mx - y[i] * logx;
    }
    Tensor loss = Tensor.fromFunction(out, input.shape(), "BinaryCrossEntropyBackward", (g, gin) -> {
      if (gin[0] != null) {
        for (int i = 0; i < x.length; i++) {
          gin[0][i] += g[i] * (x[i] - y[i]) / Math.max((1.0 - x[i]) * x[i], 1e-12);
        }
      }
      if (gin[1] != null) {
        for (int i = 0; i < x.length; i++) {
          gin[1][i] += g[i] * (Math.max(Math.log1p(-x[i]), -100.0) - Math.max(Math.log(x[i]), -100.0));
        }
      }
    }, input, target);
    if (weight != null) {
      loss = loss.mul(weight);
    }
    return reduce(loss, reduction);
  }

  /** Binary cross entropy on logits, in torch's numerically stable form. */
  public static Tensor bceWithLogits(Tensor input, Tensor target) {
    return bceWithLogits(input, target, null, null, Reduction.MEAN);
  }

  /**
   * {@code (1-t) x + lw (log(exp(-m) + exp(-x-m)) + m)} with {@code m = max(-x, 0)} and
   * {@code lw = 1 + (posWeight - 1) t} (1 without posWeight), times {@code weight}.
   */
  public static Tensor bceWithLogits(Tensor input, Tensor target, Tensor weight, Tensor posWeight, Reduction reduction) {
    sameShape("binary_cross_entropy_with_logits", input, target);
    Tensor maxVal = input.neg().clampMin(0.0);
    Tensor logTerm = maxVal.neg().exp().add(input.neg().sub(maxVal).exp()).log();
    Tensor oneMinusT = target.rsub(1.0);
    Tensor loss;
    if (posWeight != null) {
      Tensor logWeight = posWeight.sub(1.0).mul(target).add(1.0);
      loss = oneMinusT.mul(input).add(logWeight.mul(logTerm.add(maxVal)));
    } else {
      // torch's order: (1 - t) x + m + log(exp(-m) + exp(-x - m))
      loss = oneMinusT.mul(input).add(maxVal).add(logTerm);
    }
    if (weight != null) {
      loss = loss.mul(weight);
    }
    return reduce(loss, reduction);
  }
}
