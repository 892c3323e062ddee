package org.minima4j.autograd;

import java.util.SplittableRandom;
import java.util.function.Function;
import org.minima4j.tensor.Tensor;

/**
 * Compares autograd's gradients with central finite differences, as
 * {@code torch.autograd.gradcheck} (defaults eps 1e-6, atol 1e-5, rtol 1e-3).
 *
 * <p>A non-scalar output {@code y} is reduced to {@code sum(y * v)} with a fixed pseudo-random
 * cotangent {@code v}, so one backward pass checks the vector-Jacobian product
 * {@code v^T J} against {@code (L(x + h e_i) - L(x - h e_i)) / 2h} for every input element.
 */
public final class GradCheck {
  /** torch.autograd.gradcheck's defaults. */
  public static final double EPS = 1e-6;
  public static final double ATOL = 1e-5;
  public static final double RTOL = 1e-3;

  private GradCheck() {}

  /** The outcome: whether every element agreed, and the largest absolute disagreement. */
  public record Result(boolean passed, double maxAbsError, String detail) {}

  /** Checks {@code f} at {@code inputs} with torch's tolerances; see {@link #check(Function, double, double, double, Tensor...)}. */
  public static Result check(Function<Tensor[], Tensor> f, Tensor... inputs) {
    return check(f, EPS, ATOL, RTOL, inputs);
  }

  /**
   * Checks {@code f}'s gradient with respect to every input (the inputs' values are copied; the
   * originals are not modified). {@code f} must be deterministic.
   */
  public static Result check(Function<Tensor[], Tensor> f, double eps, double atol, double rtol, Tensor... inputs) {
    if (!(eps > 0)) {
      throw new IllegalArgumentException("eps must be positive, got " + eps);
    }
    Tensor[] xs = new Tensor[inputs.length];
    for (int i = 0; i < inputs.length; i++) {
      xs[i] = Tensor.of(inputs[i].toArray(), inputs[i].shape()).requiresGrad(true);
    }
    Tensor y = f.apply(xs);
    double[] v = cotangent(y.numel());
    Tensor weighted = y.numel() == 1 ? y.sum() : y.mul(Tensor.wrap(v, y.shape())).sum();
    if (!weighted.requiresGrad()) {
      throw new IllegalArgumentException("gradcheck: the output does not require grad (no input reaches it)");
    }
    weighted.backward();
    double maxErr = 0.0;
    StringBuilder detail = new StringBuilder();
    boolean ok = true;
    for (int k = 0; k < xs.length; k++) {
      double[] x = xs[k].data();
      double[] analytic = xs[k].grad() == null ? new double[x.length] : xs[k].grad().toArray();
      for (int i = 0; i < x.length; i++) {
        double orig = x[i];
        x[i] = orig + eps;
        double plus = evaluate(f, xs, v);
        x[i] = orig - eps;
        double minus = evaluate(f, xs, v);
        x[i] = orig;
        double numeric = (plus - minus) / (2.0 * eps);
        double err = Math.abs(analytic[i] - numeric);
        if (!(err <= atol + rtol * Math.abs(numeric))) {
          if (ok) {
            detail.append("Jacobian mismatch for input ").append(k).append(" element ").append(i)
                .append(": numerical ").append(numeric).append(", analytical ").append(analytic[i]);
          }
          ok = false;
        }
        if (err > maxErr || Double.isNaN(err)) {
          maxErr = err;
        }
      }
    }
    return new Result(ok, maxErr, ok ? "ok" : detail.toString());
  }

  private static double evaluate(Function<Tensor[], Tensor> f, Tensor[] xs, double[] v) {
    try (NoGrad scope = GradMode.noGrad()) {
      Tensor y = f.apply(xs);
      double[] d = y.data();
      if (d.length == 1) {
        return d[0];
      }
      double s = 0.0;
      for (int i = 0; i < d.length; i++) {
        s += d[i] * v[i];
      }
      return s;
    }
  }

  private static double[] cotangent(int n) {
    SplittableRandom rng = new SplittableRandom(20240601L);
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = 0.5 + rng.nextDouble();
    }
    return v;
  }
}
