package org.minima4j.optim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.minima4j.tensor.Tensor;

/**
 * Averaged stochastic gradient descent (Polyak and Juditsky, 1992), as {@code torch.optim.ASGD};
 * numerics of torch 1.13.1 {@code _single_tensor_asgd}.
 *
 * <p>Per element: {@code g (+ wd*p)}; {@code p *= 1 - lambd*eta}; {@code p -= eta*g}; the average
 * {@code ax += (p - ax)*mu} (or {@code ax = p} while {@code mu == 1}). After the element pass,
 * {@code eta = lr/(1 + lambd*lr*t)^alpha} and {@code mu = 1/max(1, t - t0)}: step t uses the eta
 * and mu computed at the end of step t-1 (eta starts at lr, mu at 1). The averaged parameters live
 * in the state ({@code ax}).
 */
public final class ASGD extends Optimizer<ASGD.Options, ASGD.State> {

  /** ASGD hyperparameters (torch defaults: lr 1e-2, lambd 1e-4, alpha 0.75, t0 1e6). */
  public record Options(double lr, double lambd, double alpha, double t0, double weightDecay, boolean maximize)
      implements OptimizerOptions<Options> {
    public static final Options DEFAULTS = new Options(1e-2, 1e-4, 0.75, 1e6, 0, false);

    public Options {
      Checks.lr(lr);
      Checks.weightDecay(weightDecay);
    }

    @Override
    public Options withLr(double v) {
      return new Options(v, lambd, alpha, t0, weightDecay, maximize);
    }

    public Options withLambd(double v) {
      return new Options(lr, v, alpha, t0, weightDecay, maximize);
    }

    public Options withAlpha(double v) {
      return new Options(lr, lambd, v, t0, weightDecay, maximize);
    }

    public Options withT0(double v) {
      return new Options(lr, lambd, alpha, v, weightDecay, maximize);
    }

    public Options withWeightDecay(double v) {
      return new Options(lr, lambd, alpha, t0, v, maximize);
    }

    public Options withMaximize(boolean v) {
      return new Options(lr, lambd, alpha, t0, weightDecay, v);
    }

    @Override
    public Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("lr", lr);
      m.put("lambd", lambd);
      m.put("alpha", alpha);
      m.put("t0", t0);
      m.put("weight_decay", weightDecay);
      m.put("maximize", maximize);
      return m;
    }

    @Override
    public Options fromMap(Map<String, ?> m) {
      return new Options(Hyper.d(m, "lr", lr), Hyper.d(m, "lambd", lambd), Hyper.d(m, "alpha", alpha),
          Hyper.d(m, "t0", t0), Hyper.d(m, "weight_decay", weightDecay), Hyper.b(m, "maximize", maximize));
    }
  }

  /** Per-parameter state: {@code step}, {@code eta}, {@code mu}, {@code ax}. */
  public static final class State implements ParamState {
    double step;
    double eta;
    double mu;
    final double[] ax;

    State(double step, double eta, double mu, double[] ax) {
      this.step = step;
      this.eta = eta;
      this.mu = mu;
      this.ax = ax;
    }

    public double step() {
      return step;
    }

    public double eta() {
      return eta;
    }

    public double mu() {
      return mu;
    }

    /** The averaged parameters. */
    public double[] ax() {
      return ax;
    }

    @Override
    public Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("step", step);
      m.put("eta", eta);
      m.put("mu", mu);
      m.put("ax", ax.clone());
      return m;
    }
  }

  public ASGD(List<? extends Tensor> params, Options options) {
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
        s = new State(0, o.lr(), 1.0, new double[p.numel()]);
        putState(p, s);
      }
      s.step += 1;
      double wd = o.weightDecay();
      double eta = s.eta;
      double decay = 1 - o.lambd() * eta;
      double negEta = -eta;
      double mu = s.mu;
      boolean copy = mu == 1;
      double[] x = p.data();
      double[] ax = s.ax;
      int n = x.length;
      for (int i = 0; i < n; i++) {
        double gi = sign * g[i];
        double xi = x[i];
        if (wd != 0) {
          gi = gi + wd * xi;
        }
        xi = xi * decay;
        xi = xi + negEta * gi;
        x[i] = xi;
        ax[i] = copy ? xi : ax[i] + (xi - ax[i]) * mu;
      }
      double lr = o.lr();
      s.eta = lr / Math.pow(1 + o.lambd() * lr * s.step, o.alpha());
      s.mu = 1 / Math.max(1, s.step - o.t0());
    }
  }

  @Override
  protected State loadState(Tensor param, Map<String, ?> saved, String where) {
    return new State(Hyper.scalar(saved, "step", where), Hyper.scalar(saved, "eta", where),
        Hyper.scalar(saved, "mu", where), Hyper.tensor(saved, "ax", param.numel(), where));
  }
}
