package org.minima4j.optim;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.minima4j.tensor.Tensor;

/**
 * Adagrad (Duchi, Hazan and Singer, 2011), as {@code torch.optim.Adagrad}; numerics of torch
 * 1.13.1 {@code _single_tensor_adagrad}. State ({@code step}, {@code sum}) is created when a
 * group is added, as torch does, not at the first step.
 *
 * <p>Per element: {@code g (+ wd*p)}; {@code clr = lr/(1 + (t-1)*lr_decay)};
 * {@code sum += g*g}; {@code p -= clr*g/(sqrt(sum) + eps)}.
 */
public final class Adagrad extends Optimizer<Adagrad.Options, Adagrad.State> {

  /** Adagrad hyperparameters (torch defaults: lr 1e-2, eps 1e-10). */
  public record Options(double lr, double lrDecay, double weightDecay, double initialAccumulatorValue, double eps,
      boolean maximize) implements OptimizerOptions<Options> {
    public static final Options DEFAULTS = new Options(1e-2, 0, 0, 0, 1e-10, false);

    public Options {
      Checks.lr(lr);
      if (!(lrDecay >= 0.0)) {
        throw new IllegalArgumentException("Invalid lr_decay value: " + PyRepr.of(lrDecay));
      }
      Checks.weightDecay(weightDecay);
      if (!(initialAccumulatorValue >= 0.0)) {
        throw new IllegalArgumentException("Invalid initial_accumulator_value value: " + PyRepr.of(initialAccumulatorValue));
      }
      Checks.eps(eps);
    }

    @Override
    public Options withLr(double v) {
      return new Options(v, lrDecay, weightDecay, initialAccumulatorValue, eps, maximize);
    }

    public Options withLrDecay(double v) {
      return new Options(lr, v, weightDecay, initialAccumulatorValue, eps, maximize);
    }

    public Options withWeightDecay(double v) {
      return new Options(lr, lrDecay, v, initialAccumulatorValue, eps, maximize);
    }

    public Options withInitialAccumulatorValue(double v) {
      return new Options(lr, lrDecay, weightDecay, v, eps, maximize);
    }

    public Options withEps(double v) {
      return new Options(lr, lrDecay, weightDecay, initialAccumulatorValue, v, maximize);
    }

    public Options withMaximize(boolean v) {
      return new Options(lr, lrDecay, weightDecay, initialAccumulatorValue, eps, v);
    }

    @Override
    public Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("lr", lr);
      m.put("lr_decay", lrDecay);
      m.put("eps", eps);
      m.put("weight_decay", weightDecay);
      m.put("initial_accumulator_value", initialAccumulatorValue);
      m.put("maximize", maximize);
      return m;
    }

    @Override
    public Options fromMap(Map<String, ?> m) {
      return new Options(Hyper.d(m, "lr", lr), Hyper.d(m, "lr_decay", lrDecay), Hyper.d(m, "weight_decay", weightDecay),
          Hyper.d(m, "initial_accumulator_value", initialAccumulatorValue), Hyper.d(m, "eps", eps),
          Hyper.b(m, "maximize", maximize));
    }
  }

  /** Per-parameter state: {@code step}, {@code sum}. */
  public static final class State implements ParamState {
    double step;
    final double[] sum;

    State(double step, double[] sum) {
      this.step = step;
      this.sum = sum;
    }

    public double step() {
      return step;
    }

    public double[] sum() {
      return sum;
    }

    @Override
    public Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("step", step);
      m.put("sum", sum.clone());
      return m;
    }
  }

  public Adagrad(List<? extends Tensor> params, Options options) {
    super(params, options);
  }

  @Override
  protected void onParamGroupAdded(ParamGroup<Options> group) {
    for (Tensor p : group.params()) {
      double[] sum = new double[p.numel()];
      Arrays.fill(sum, group.options().initialAccumulatorValue());
      putState(p, new State(0, sum));
    }
  }

  @Override
  protected void update(ParamGroup<Options> group) {
    Options o = group.options();
    double sign = o.maximize() ? -1.0 : 1.0;
    for (Tensor p : group.params()) {
      double[] g = gradData(p);
      if (g == null) {
        continue;
      }
      State s = state(p);
      if (s == null) {
        double[] sum = new double[p.numel()];
        Arrays.fill(sum, o.initialAccumulatorValue());
        s = new State(0, sum);
        putState(p, s);
      }
      s.step += 1;
      double clr = o.lr() / (1 + (s.step - 1) * o.lrDecay());
      double negClr = -clr;
      double wd = o.weightDecay();
      double eps = o.eps();
      double[] x = p.data();
      double[] sum = s.sum;
      int n = x.length;
      if (wd == 0) {
        // the common case as a branch-free loop
        for (int i = 0; i < n; i++) {
          double gi = sign * g[i];
          double si = sum[i] + 1.0 * gi * gi;
          sum[i] = si;
          x[i] = x[i] + negClr * gi / (Math.sqrt(si) + eps);
        }
        continue;
      }
      for (int i = 0; i < n; i++) {
        double gi = sign * g[i];
        if (wd != 0) {
          gi = gi + wd * x[i];
        }
        double si = sum[i] + 1.0 * gi * gi;
        sum[i] = si;
        x[i] = x[i] + negClr * gi / (Math.sqrt(si) + eps);
      }
    }
  }

  @Override
  protected State loadState(Tensor param, Map<String, ?> saved, String where) {
    return new State(Hyper.scalar(saved, "step", where), Hyper.tensor(saved, "sum", param.numel(), where));
  }
}
