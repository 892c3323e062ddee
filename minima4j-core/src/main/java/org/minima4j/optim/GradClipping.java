package org.minima4j.optim;

import java.util.ArrayList;
import java.util.List;
import org.minima4j.tensor.Tensor;

/**
 * Gradient clipping, as torch 1.13.1's {@code torch.nn.utils.clip_grad_norm_} and
 * {@code clip_grad_value_} (here, because the optimizers use it and {@code nn} belongs to another
 * part of the project). Parameters without a gradient are ignored.
 */
public final class GradClipping {
  private GradClipping() {}

  /** {@code clipGradNorm(params, maxNorm, 2.0, false)}. */
  public static double clipGradNorm(List<? extends Tensor> params, double maxNorm) {
    return clipGradNorm(params, maxNorm, 2.0, false);
  }

  /** {@code clipGradNorm(params, maxNorm, normType, false)}. */
  public static double clipGradNorm(List<? extends Tensor> params, double maxNorm, double normType) {
    return clipGradNorm(params, maxNorm, normType, false);
  }

  /**
   * Scales all gradients together so that their total {@code normType}-norm (the norm of the
   * per-tensor norms; {@code Double.POSITIVE_INFINITY} for the max norm) is at most {@code maxNorm}:
   * every gradient is multiplied by {@code min(1, maxNorm/(total + 1e-6))}, as torch does (also when
   * the factor is 1). Returns the total norm before clipping.
   *
   * @throws IllegalStateException if {@code errorIfNonfinite} and the total norm is NaN or infinite
   */
  public static double clipGradNorm(List<? extends Tensor> params, double maxNorm, double normType,
      boolean errorIfNonfinite) {
    List<double[]> grads = new ArrayList<>();
    for (Tensor p : params) {
      if (p.grad() != null) {
        grads.add(p.grad().data());
      }
    }
    if (grads.isEmpty()) {
      return 0.0;
    }
    double total = totalNorm(grads, normType);
    if (errorIfNonfinite && (Double.isNaN(total) || Double.isInfinite(total))) {
      throw new IllegalStateException("The total norm of order " + PyRepr.of(normType) + " for gradients from "
          + "`parameters` is non-finite, so it cannot be clipped. To disable this error and scale the gradients by "
          + "the non-finite norm anyway, set `error_if_nonfinite=False`");
    }
    double coef = maxNorm / (total + 1e-6);
    double clamped = coef > 1.0 ? 1.0 : coef; // torch.clamp(max=1.0) keeps NaN
    for (double[] g : grads) {
      for (int i = 0; i < g.length; i++) {
        g[i] = g[i] * clamped;
      }
    }
    return total;
  }

  /** The {@code normType}-norm of the per-tensor norms ({@code get_total_norm}). */
  public static double totalNorm(List<double[]> grads, double normType) {
    double[] norms = new double[grads.size()];
    for (int k = 0; k < norms.length; k++) {
      norms[k] = norm(grads.get(k), normType);
    }
    return norm(norms, normType);
  }

  /** The vector {@code p}-norm: 1, 2, any p > 0, 0 (count of non-zeros), +inf (max |x|), -inf (min |x|). */
  public static double norm(double[] x, double p) {
    if (p == Double.POSITIVE_INFINITY) {
      double m = 0;
      for (double v : x) {
        double a = Math.abs(v);
        if (!(a <= m)) {
          m = a;
        }
      }
      return m;
    }
    if (p == Double.NEGATIVE_INFINITY) {
      double m = Double.POSITIVE_INFINITY;
      for (double v : x) {
        double a = Math.abs(v);
        if (!(a >= m)) {
          m = a;
        }
      }
      return x.length == 0 ? 0 : m;
    }
    if (p == 0) {
      double c = 0;
      for (double v : x) {
        c += v != 0 ? 1 : 0;
      }
      return c;
    }
    if (p == 1) {
      double s = 0;
      for (double v : x) {
        s += Math.abs(v);
      }
      return s;
    }
    if (p == 2) {
      double s = 0;
      for (double v : x) {
        s += v * v;
      }
      return Math.sqrt(s);
    }
    if (!(p > 0)) {
      throw new IllegalArgumentException("norm_type must be positive, 0 or infinite, got " + p);
    }
    double s = 0;
    for (double v : x) {
      s += Math.pow(Math.abs(v), p);
    }
    return Math.pow(s, 1.0 / p);
  }

  /** Clamps every gradient entry to {@code [-clipValue, clipValue]} ({@code clip_grad_value_}). */
  public static void clipGradValue(List<? extends Tensor> params, double clipValue) {
    double lo = -clipValue;
    for (Tensor p : params) {
      if (p.grad() == null) {
        continue;
      }
      double[] g = p.grad().data();
      for (int i = 0; i < g.length; i++) {
        g[i] = Math.min(Math.max(g[i], lo), clipValue);
      }
    }
  }
}
