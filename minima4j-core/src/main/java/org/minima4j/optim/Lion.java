package org.minima4j.optim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.minima4j.tensor.Tensor;

/**
 * Lion, EvoLved Sign Momentum (Chen et al., 2023, Algorithm 2), following the authors' reference
 * {@code lion_pytorch.py} (google/automl); not part of torch. Per element: {@code p *= 1 - lr*wd};
 * {@code c = m*b1 + (1-b1)*g}; {@code p -= lr*sign(c)}; {@code m = m*b2 + (1-b2)*g}.
 */
public final class Lion extends Optimizer<Lion.Options, Lion.State> {

  /** Lion hyperparameters (reference defaults: lr 1e-4, betas (0.9, 0.99), weight_decay 0). */
  public record Options(double lr, double beta1, double beta2, double weightDecay, boolean maximize)
      implements OptimizerOptions<Options> {
    public static final Options DEFAULTS = new Options(1e-4, 0.9, 0.99, 0.0, false);

    public Options {
      Checks.lr(lr);
      Checks.beta(0, beta1);
      Checks.beta(1, beta2);
      Checks.weightDecay(weightDecay);
    }

    public double[] betas() {
      return new double[] {beta1, beta2};
    }

    @Override
    public Options withLr(double v) {
      return new Options(v, beta1, beta2, weightDecay, maximize);
    }

    public Options withBetas(double b1, double b2) {
      return new Options(lr, b1, b2, weightDecay, maximize);
    }

    public Options withWeightDecay(double v) {
      return new Options(lr, beta1, beta2, v, maximize);
    }

    public Options withMaximize(boolean v) {
      return new Options(lr, beta1, beta2, weightDecay, v);
    }

    @Override
    public boolean hasBetas() {
      return true;
    }

    @Override
    public Options withBeta1(double v) {
      return withBetas(v, beta2);
    }

    @Override
    public Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("lr", lr);
      m.put("betas", betas());
      m.put("weight_decay", weightDecay);
      m.put("maximize", maximize);
      return m;
    }

    @Override
    public Options fromMap(Map<String, ?> m) {
      double[] b = Hyper.pair(m, "betas", beta1, beta2);
      return new Options(Hyper.d(m, "lr", lr), b[0], b[1], Hyper.d(m, "weight_decay", weightDecay),
          Hyper.b(m, "maximize", maximize));
    }
  }

  /** Per-parameter state: {@code exp_avg}. */
  public static final class State implements ParamState {
    final double[] expAvg;

    State(double[] expAvg) {
      this.expAvg = expAvg;
    }

    public double[] expAvg() {
      return expAvg;
    }

    @Override
    public Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("exp_avg", expAvg.clone());
      return m;
    }
  }

  public Lion(List<? extends Tensor> params, Options options) {
    super(params, options);
  }

  @Override
  protected void update(ParamGroup<Options> group) {
    Options o = group.options();
    double sign = o.maximize() ? -1.0 : 1.0;
    double lr = o.lr();
    double negLr = -lr;
    double decay = 1 - lr * o.weightDecay();
    boolean decays = o.weightDecay() != 0;
    double b1 = o.beta1();
    double b2 = o.beta2();
    double c1 = 1 - b1;
    double c2 = 1 - b2;
    for (Tensor p : group.params()) {
      double[] g = gradData(p);
      if (g == null) {
        continue;
      }
      State s = state(p);
      if (s == null) {
        s = new State(new double[p.numel()]);
        putState(p, s);
      }
      double[] x = p.data();
      double[] m = s.expAvg;
      int n = x.length;
      for (int i = 0; i < n; i++) {
        double gi = sign * g[i];
        double xi = decays ? x[i] * decay : x[i];
        double c = m[i] * b1 + c1 * gi;
        x[i] = xi + negLr * Math.signum(c);
        m[i] = m[i] * b2 + c2 * gi;
      }
    }
  }

  @Override
  protected State loadState(Tensor param, Map<String, ?> saved, String where) {
    return new State(Hyper.tensor(saved, "exp_avg", param.numel(), where));
  }
}
