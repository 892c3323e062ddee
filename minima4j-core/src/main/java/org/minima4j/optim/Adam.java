package org.minima4j.optim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.minima4j.tensor.Tensor;

/**
 * Adam (Kingma and Ba, 2015, Algorithm 1) with optional AMSGrad (Reddi et al., 2018), as
 * {@code torch.optim.Adam}; numerics follow torch 1.13.1 {@code _single_tensor_adam}.
 *
 * <p>Per element, one pass: {@code g (+ wd*p)}; {@code m = m*b1 + (1-b1)*g};
 * {@code v = v*b2 + (1-b2)*g*g}; {@code vmax = max(vmax, v)} (AMSGrad);
 * {@code denom = sqrt(v or vmax)/sqrt(1-b2^t) + eps}; {@code p = p - (lr/(1-b1^t))*m/denom}.
 * Bias corrections are computed in double from the step count, as torch does.
 */
public final class Adam extends Optimizer<Adam.Options, Adam.State> {

  /** Adam hyperparameters (torch defaults: lr 1e-3, betas (0.9, 0.999), eps 1e-8). */
  public record Options(double lr, double beta1, double beta2, double eps, double weightDecay, boolean amsgrad,
      boolean maximize) implements OptimizerOptions<Options> {
    public static final Options DEFAULTS = new Options(1e-3, 0.9, 0.999, 1e-8, 0, false, false);

    public Options {
      Checks.adamLike(lr, eps, beta1, beta2, weightDecay);
    }

    /** {@code betas} as a new array. */
    public double[] betas() {
      return new double[] {beta1, beta2};
    }

    @Override
    public Options withLr(double v) {
      return new Options(v, beta1, beta2, eps, weightDecay, amsgrad, maximize);
    }

    public Options withBetas(double b1, double b2) {
      return new Options(lr, b1, b2, eps, weightDecay, amsgrad, maximize);
    }

    public Options withEps(double v) {
      return new Options(lr, beta1, beta2, v, weightDecay, amsgrad, maximize);
    }

    public Options withWeightDecay(double v) {
      return new Options(lr, beta1, beta2, eps, v, amsgrad, maximize);
    }

    public Options withAmsgrad(boolean v) {
      return new Options(lr, beta1, beta2, eps, weightDecay, v, maximize);
    }

    public Options withMaximize(boolean v) {
      return new Options(lr, beta1, beta2, eps, weightDecay, amsgrad, v);
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
      m.put("amsgrad", amsgrad);
      m.put("maximize", maximize);
      return m;
    }

    @Override
    public Options fromMap(Map<String, ?> m) {
      double[] b = Hyper.pair(m, "betas", beta1, beta2);
      return new Options(Hyper.d(m, "lr", lr), b[0], b[1], Hyper.d(m, "eps", eps), Hyper.d(m, "weight_decay", weightDecay),
          Hyper.b(m, "amsgrad", amsgrad), Hyper.b(m, "maximize", maximize));
    }
  }

  /** Per-parameter state: {@code step}, {@code exp_avg}, {@code exp_avg_sq}, {@code max_exp_avg_sq} (AMSGrad). */
  public static final class State implements ParamState {
    double step;
    final double[] expAvg;
    final double[] expAvgSq;
    double[] maxExpAvgSq;

    State(double step, double[] expAvg, double[] expAvgSq, double[] maxExpAvgSq) {
      this.step = step;
      this.expAvg = expAvg;
      this.expAvgSq = expAvgSq;
      this.maxExpAvgSq = maxExpAvgSq;
    }

    static State fresh(int n, boolean amsgrad) {
      return new State(0, new double[n], new double[n], amsgrad ? new double[n] : null);
    }

    public double step() {
      return step;
    }

    public double[] expAvg() {
      return expAvg;
    }

    public double[] expAvgSq() {
      return expAvgSq;
    }

    /** The AMSGrad maximum, or null without AMSGrad. */
    public double[] maxExpAvgSq() {
      return maxExpAvgSq;
    }

    @Override
    public Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("step", step);
      m.put("exp_avg", expAvg.clone());
      m.put("exp_avg_sq", expAvgSq.clone());
      if (maxExpAvgSq != null) {
        m.put("max_exp_avg_sq", maxExpAvgSq.clone());
      }
      return m;
    }

    static State load(Tensor param, Map<String, ?> saved, String where) {
      int n = param.numel();
      return new State(Hyper.scalar(saved, "step", where), Hyper.tensor(saved, "exp_avg", n, where),
          Hyper.tensor(saved, "exp_avg_sq", n, where), Hyper.optionalTensor(saved, "max_exp_avg_sq", n, where));
    }
  }

  public Adam(List<? extends Tensor> params, Options options) {
    super(params, options);
  }

  @Override
  protected void update(ParamGroup<Options> group) {
    Options o = group.options();
    for (Tensor p : group.params()) {
      double[] g = gradData(p);
      if (g == null) {
        continue;
      }
      State s = state(p);
      if (s == null) {
        s = State.fresh(p.numel(), o.amsgrad());
        putState(p, s);
      }
      if (o.amsgrad() && s.maxExpAvgSq == null) {
        s.maxExpAvgSq = new double[p.numel()];
      }
      s.step += 1;
      step(p.data(), g, s, o.maximize() ? -1.0 : 1.0, o.lr(), o.beta1(), o.beta2(), o.eps(), o.weightDecay(), false,
          o.amsgrad());
    }
  }

  /**
   * One Adam/AdamW update of one tensor (the step counter already incremented). With
   * {@code decoupled} the weight decay is {@code p *= 1 - lr*wd} before the moments (AdamW);
   * otherwise it is added to the gradient.
   */
  static void step(double[] x, double[] g, State s, double sign, double lr, double b1, double b2, double eps,
      double wd, boolean decoupled, boolean amsgrad) {
    double step = s.step;
    double bc1 = 1 - Math.pow(b1, step);
    double bc2 = 1 - Math.pow(b2, step);
    double stepSize = lr / bc1;
    double negStep = -stepSize;
    double bc2Sqrt = Math.sqrt(bc2);
    double c1 = 1 - b1;
    double c2 = 1 - b2;
    double decay = 1 - lr * wd;
    boolean coupled = wd != 0 && !decoupled;
    boolean scale = wd != 0 && decoupled;
    double[] m = s.expAvg;
    double[] v = s.expAvgSq;
    double[] vmax = s.maxExpAvgSq;
    int n = x.length;
    if (!amsgrad && !coupled) {
      // the common cases (Adam without weight decay, AdamW) as branch-free loops the JIT can vectorize
      if (scale) {
        for (int i = 0; i < n; i++) {
          double xi = x[i] * decay;
          double gi = sign * g[i];
          double mi = m[i] * b1 + c1 * gi;
          double vi = v[i] * b2 + c2 * gi * gi;
          m[i] = mi;
          v[i] = vi;
          x[i] = xi + negStep * mi / (Math.sqrt(vi) / bc2Sqrt + eps);
        }
      } else {
        for (int i = 0; i < n; i++) {
          double gi = sign * g[i];
          double mi = m[i] * b1 + c1 * gi;
          double vi = v[i] * b2 + c2 * gi * gi;
          m[i] = mi;
          v[i] = vi;
          x[i] = x[i] + negStep * mi / (Math.sqrt(vi) / bc2Sqrt + eps);
        }
      }
      return;
    }
    for (int i = 0; i < n; i++) {
      double xi = x[i];
      if (scale) {
        xi = xi * decay;
      }
      double gi = sign * g[i];
      if (coupled) {
        gi = gi + wd * xi;
      }
      double mi = m[i] * b1 + c1 * gi;
      double vi = v[i] * b2 + c2 * gi * gi;
      m[i] = mi;
      v[i] = vi;
      double denom;
      if (amsgrad) {
        double mx = Math.max(vmax[i], vi);
        vmax[i] = mx;
        denom = Math.sqrt(mx) / bc2Sqrt + eps;
      } else {
        denom = Math.sqrt(vi) / bc2Sqrt + eps;
      }
      x[i] = xi + negStep * mi / denom;
    }
  }

  @Override
  protected State loadState(Tensor param, Map<String, ?> saved, String where) {
    return State.load(param, saved, where);
  }
}
