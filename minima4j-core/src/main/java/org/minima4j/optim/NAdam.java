package org.minima4j.optim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.minima4j.tensor.Tensor;

/**
 * NAdam: Adam with Nesterov momentum (Dozat, 2016), as {@code torch.optim.NAdam}; numerics of
 * torch 1.13.1 {@code _single_tensor_nadam}, plus torch 2.x's {@code decoupled_weight_decay}
 * (NAdamW: {@code p *= 1 - lr*wd} instead of adding {@code wd*p} to the gradient) and
 * {@code maximize}.
 *
 * <p>With {@code mu_t = b1*(1 - 0.5*0.96^(t*psi))}, {@code mu_product *= mu_t}; per element:
 * {@code m = m*b1 + (1-b1)*g}; {@code v = v*b2 + (1-b2)*g*g};
 * {@code denom = sqrt(v/(1-b2^t)) + eps};
 * {@code p += (-lr*(1-mu_t)/(1-mu_product))*g/denom}, then
 * {@code p += (-lr*mu_{t+1}/(1-mu_product*mu_t*mu_{t+1}))*m/denom}. The extra {@code mu_t} in the last
 * denominator is torch 1.13.1's (torch 2.0 removed it); minima4j keeps 1.13.1's formula so that it
 * matches the reference trajectories.
 */
public final class NAdam extends Optimizer<NAdam.Options, NAdam.State> {

  /** NAdam hyperparameters (torch defaults: lr 2e-3, betas (0.9, 0.999), eps 1e-8, momentum_decay 4e-3). */
  public record Options(double lr, double beta1, double beta2, double eps, double weightDecay, double momentumDecay,
      boolean decoupledWeightDecay, boolean maximize) implements OptimizerOptions<Options> {
    public static final Options DEFAULTS = new Options(2e-3, 0.9, 0.999, 1e-8, 0, 4e-3, false, false);

    public Options {
      Checks.adamLike(lr, eps, beta1, beta2, weightDecay);
      if (!(momentumDecay >= 0.0)) {
        throw new IllegalArgumentException("Invalid momentum_decay value: " + PyRepr.of(momentumDecay));
      }
    }

    public double[] betas() {
      return new double[] {beta1, beta2};
    }

    @Override
    public Options withLr(double v) {
      return new Options(v, beta1, beta2, eps, weightDecay, momentumDecay, decoupledWeightDecay, maximize);
    }

    public Options withBetas(double b1, double b2) {
      return new Options(lr, b1, b2, eps, weightDecay, momentumDecay, decoupledWeightDecay, maximize);
    }

    public Options withEps(double v) {
      return new Options(lr, beta1, beta2, v, weightDecay, momentumDecay, decoupledWeightDecay, maximize);
    }

    public Options withWeightDecay(double v) {
      return new Options(lr, beta1, beta2, eps, v, momentumDecay, decoupledWeightDecay, maximize);
    }

    public Options withMomentumDecay(double v) {
      return new Options(lr, beta1, beta2, eps, weightDecay, v, decoupledWeightDecay, maximize);
    }

    public Options withDecoupledWeightDecay(boolean v) {
      return new Options(lr, beta1, beta2, eps, weightDecay, momentumDecay, v, maximize);
    }

    public Options withMaximize(boolean v) {
      return new Options(lr, beta1, beta2, eps, weightDecay, momentumDecay, decoupledWeightDecay, v);
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
      m.put("momentum_decay", momentumDecay);
      m.put("decoupled_weight_decay", decoupledWeightDecay);
      m.put("maximize", maximize);
      return m;
    }

    @Override
    public Options fromMap(Map<String, ?> m) {
      double[] b = Hyper.pair(m, "betas", beta1, beta2);
      return new Options(Hyper.d(m, "lr", lr), b[0], b[1], Hyper.d(m, "eps", eps), Hyper.d(m, "weight_decay", weightDecay),
          Hyper.d(m, "momentum_decay", momentumDecay), Hyper.b(m, "decoupled_weight_decay", decoupledWeightDecay),
          Hyper.b(m, "maximize", maximize));
    }
  }

  /** Per-parameter state: {@code step}, {@code mu_product}, {@code exp_avg}, {@code exp_avg_sq}. */
  public static final class State implements ParamState {
    double step;
    double muProduct;
    final double[] expAvg;
    final double[] expAvgSq;

    State(double step, double muProduct, double[] expAvg, double[] expAvgSq) {
      this.step = step;
      this.muProduct = muProduct;
      this.expAvg = expAvg;
      this.expAvgSq = expAvgSq;
    }

    public double step() {
      return step;
    }

    public double muProduct() {
      return muProduct;
    }

    public double[] expAvg() {
      return expAvg;
    }

    public double[] expAvgSq() {
      return expAvgSq;
    }

    @Override
    public Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("step", step);
      m.put("mu_product", muProduct);
      m.put("exp_avg", expAvg.clone());
      m.put("exp_avg_sq", expAvgSq.clone());
      return m;
    }
  }

  public NAdam(List<? extends Tensor> params, Options options) {
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
        s = new State(0, 1.0, new double[p.numel()], new double[p.numel()]);
        putState(p, s);
      }
      s.step += 1;
      double step = s.step;
      double b1 = o.beta1();
      double b2 = o.beta2();
      double lr = o.lr();
      double bc2 = 1 - Math.pow(b2, step);
      double mu = b1 * (1.0 - 0.5 * Math.pow(0.96, step * o.momentumDecay()));
      double muNext = b1 * (1.0 - 0.5 * Math.pow(0.96, (step + 1) * o.momentumDecay()));
      s.muProduct *= mu;
      // torch 1.13.1 multiplies by mu twice here (torch 2.0 dropped the extra mu); kept for parity
      double muProductNext = s.muProduct * mu * muNext;
      double gradCoef = -lr * (1.0 - mu) / (1.0 - s.muProduct);
      double avgCoef = (-lr * muNext) / (1.0 - muProductNext);
      double wd = o.weightDecay();
      boolean coupled = wd != 0 && !o.decoupledWeightDecay();
      boolean scale = wd != 0 && o.decoupledWeightDecay();
      double decay = 1 - lr * wd;
      double c1 = 1 - b1;
      double c2 = 1 - b2;
      double eps = o.eps();
      double[] x = p.data();
      double[] m = s.expAvg;
      double[] v = s.expAvgSq;
      int n = x.length;
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
        double denom = Math.sqrt(vi / bc2) + eps;
        xi = xi + gradCoef * gi / denom;
        x[i] = xi + avgCoef * mi / denom;
      }
    }
  }

  @Override
  protected State loadState(Tensor param, Map<String, ?> saved, String where) {
    int n = param.numel();
    return new State(Hyper.scalar(saved, "step", where), Hyper.scalar(saved, "mu_product", where),
        Hyper.tensor(saved, "exp_avg", n, where), Hyper.tensor(saved, "exp_avg_sq", n, where));
  }
}
