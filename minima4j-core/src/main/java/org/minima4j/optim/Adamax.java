package org.minima4j.optim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.minima4j.tensor.Tensor;

/**
 * Adamax, the infinity-norm variant of Adam (Kingma and Ba, 2015, section 7), as
 * {@code torch.optim.Adamax}; numerics of torch 1.13.1 {@code _single_tensor_adamax}.
 *
 * <p>Per element: {@code g (+ wd*p)}; {@code m = m*b1 + (1-b1)*g};
 * {@code u = max(u*b2, |g| + eps)} (eps inside the max); {@code p -= (lr/(1-b1^t))*m/u}.
 */
public final class Adamax extends Optimizer<Adamax.Options, Adamax.State> {

  /** Adamax hyperparameters (torch defaults: lr 2e-3, betas (0.9, 0.999), eps 1e-8). */
  public record Options(double lr, double beta1, double beta2, double eps, double weightDecay, boolean maximize)
      implements OptimizerOptions<Options> {
    public static final Options DEFAULTS = new Options(2e-3, 0.9, 0.999, 1e-8, 0, false);

    public Options {
      Checks.adamLike(lr, eps, beta1, beta2, weightDecay);
    }

    public double[] betas() {
      return new double[] {beta1, beta2};
    }

    @Override
    public Options withLr(double v) {
      return new Options(v, beta1, beta2, eps, weightDecay, maximize);
    }

    public Options withBetas(double b1, double b2) {
      return new Options(lr, b1, b2, eps, weightDecay, maximize);
    }

    public Options withEps(double v) {
      return new Options(lr, beta1, beta2, v, weightDecay, maximize);
    }

    public Options withWeightDecay(double v) {
      return new Options(lr, beta1, beta2, eps, v, maximize);
    }

    public Options withMaximize(boolean v) {
      return new Options(lr, beta1, beta2, eps, weightDecay, v);
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
      m.put("eps", eps);
      m.put("weight_decay", weightDecay);
      m.put("maximize", maximize);
      return m;
    }

    @Override
    public Options fromMap(Map<String, ?> m) {
      double[] b = Hyper.pair(m, "betas", beta1, beta2);
      return new Options(Hyper.d(m, "lr", lr), b[0], b[1], Hyper.d(m, "eps", eps), Hyper.d(m, "weight_decay", weightDecay),
          Hyper.b(m, "maximize", maximize));
    }
  }

  /** Per-parameter state: {@code step}, {@code exp_avg}, {@code exp_inf}. */
  public static final class State implements ParamState {
    double step;
    final double[] expAvg;
    final double[] expInf;

    State(double step, double[] expAvg, double[] expInf) {
      this.step = step;
      this.expAvg = expAvg;
      this.expInf = expInf;
    }

    public double step() {
      return step;
    }

    public double[] expAvg() {
      return expAvg;
    }

    public double[] expInf() {
      return expInf;
    }

    @Override
    public Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("step", step);
      m.put("exp_avg", expAvg.clone());
      m.put("exp_inf", expInf.clone());
      return m;
    }
  }

  public Adamax(List<? extends Tensor> params, Options options) {
    super(params, options);
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
        s = new State(0, new double[p.numel()], new double[p.numel()]);
        putState(p, s);
      }
      s.step += 1;
      double b1 = o.beta1();
      double b2 = o.beta2();
      double c1 = 1 - b1;
      double eps = o.eps();
      double wd = o.weightDecay();
      double clr = o.lr() / (1 - Math.pow(b1, s.step));
      double negClr = -clr;
      double[] x = p.data();
      double[] m = s.expAvg;
      double[] u = s.expInf;
      int n = x.length;
      for (int i = 0; i < n; i++) {
        double gi = sign * g[i];
        if (wd != 0) {
          gi = gi + wd * x[i];
        }
        double mi = m[i] * b1 + c1 * gi;
        m[i] = mi;
        double a = u[i] * b2;
        double bb = Math.abs(gi) + eps;
        double ui = (a >= bb || Double.isNaN(a)) ? a : bb;
        u[i] = ui;
        x[i] = x[i] + negClr * mi / ui;
      }
    }
  }

  @Override
  protected State loadState(Tensor param, Map<String, ?> saved, String where) {
    int n = param.numel();
    return new State(Hyper.scalar(saved, "step", where), Hyper.tensor(saved, "exp_avg", n, where),
        Hyper.tensor(saved, "exp_inf", n, where));
  }
}
