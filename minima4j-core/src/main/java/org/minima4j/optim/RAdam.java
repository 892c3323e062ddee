package org.minima4j.optim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.minima4j.tensor.Tensor;

/**
 * Rectified Adam (Liu et al., 2020), as {@code torch.optim.RAdam}; numerics of torch 1.13.1
 * {@code _single_tensor_radam}, plus torch 2.x's {@code decoupled_weight_decay} and
 * {@code maximize}.
 *
 * <p>With {@code rho_inf = 2/(1-b2) - 1} and {@code rho_t = rho_inf - 2t*b2^t/(1-b2^t)}: when
 * {@code rho_t > 5}, {@code p -= (m/(1-b1^t))*lr*(sqrt(1-b2^t)/(sqrt(v)+eps))*rect}, otherwise
 * {@code p -= (m/(1-b1^t))*lr}.
 */
public final class RAdam extends Optimizer<RAdam.Options, Adam.State> {

  /** RAdam hyperparameters (torch defaults: lr 1e-3, betas (0.9, 0.999), eps 1e-8). */
  public record Options(double lr, double beta1, double beta2, double eps, double weightDecay,
      boolean decoupledWeightDecay, boolean maximize) implements OptimizerOptions<Options> {
    public static final Options DEFAULTS = new Options(1e-3, 0.9, 0.999, 1e-8, 0, false, false);

    public Options {
      Checks.adamLike(lr, eps, beta1, beta2, weightDecay);
    }

    public double[] betas() {
      return new double[] {beta1, beta2};
    }

    @Override
    public Options withLr(double v) {
      return new Options(v, beta1, beta2, eps, weightDecay, decoupledWeightDecay, maximize);
    }

    public Options withBetas(double b1, double b2) {
      return new Options(lr, b1, b2, eps, weightDecay, decoupledWeightDecay, maximize);
    }

    public Options withEps(double v) {
      return new Options(lr, beta1, beta2, v, weightDecay, decoupledWeightDecay, maximize);
    }

    public Options withWeightDecay(double v) {
      return new Options(lr, beta1, beta2, eps, v, decoupledWeightDecay, maximize);
    }

    public Options withDecoupledWeightDecay(boolean v) {
      return new Options(lr, beta1, beta2, eps, weightDecay, v, maximize);
    }

    public Options withMaximize(boolean v) {
      return new Options(lr, beta1, beta2, eps, weightDecay, decoupledWeightDecay, v);
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
      m.put("decoupled_weight_decay", decoupledWeightDecay);
      m.put("maximize", maximize);
      return m;
    }

    @Override
    public Options fromMap(Map<String, ?> m) {
      double[] b = Hyper.pair(m, "betas", beta1, beta2);
      return new Options(Hyper.d(m, "lr", lr), b[0], b[1], Hyper.d(m, "eps", eps), Hyper.d(m, "weight_decay", weightDecay),
          Hyper.b(m, "decoupled_weight_decay", decoupledWeightDecay), Hyper.b(m, "maximize", maximize));
    }
  }

  public RAdam(List<? extends Tensor> params, Options options) {
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
      Adam.State s = state(p);
      if (s == null) {
        s = Adam.State.fresh(p.numel(), false);
        putState(p, s);
      }
      s.step += 1;
      double step = s.step;
      double b1 = o.beta1();
      double b2 = o.beta2();
      double lr = o.lr();
      double bc1 = 1 - Math.pow(b1, step);
      double bc2 = 1 - Math.pow(b2, step);
      double rhoInf = 2 / (1 - b2) - 1;
      double rhoT = rhoInf - 2 * step * Math.pow(b2, step) / bc2;
      boolean rectify = rhoT > 5.0;
      double rect = rectify ? Math.sqrt((rhoT - 4) * (rhoT - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * rhoT)) : 0;
      double bc2Sqrt = Math.sqrt(bc2);
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
        double corrected = mi / bc1;
        if (rectify) {
          double adaptive = bc2Sqrt / (Math.sqrt(vi) + eps);
          x[i] = xi + -1.0 * (corrected * lr * adaptive * rect);
        } else {
          x[i] = xi + -1.0 * (corrected * lr);
        }
      }
    }
  }

  @Override
  protected Adam.State loadState(Tensor param, Map<String, ?> saved, String where) {
    return Adam.State.load(param, saved, where);
  }
}
