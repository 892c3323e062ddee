package org.minima4j.optim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.minima4j.tensor.Tensor;

/**
 * AdamW: Adam with decoupled weight decay (Loshchilov and Hutter, 2019), as
 * {@code torch.optim.AdamW}; numerics of torch 1.13.1 {@code _single_tensor_adamw}: per element
 * {@code p *= 1 - lr*wd} first, then the Adam update of {@link Adam} without coupled decay. The
 * decay is scaled by lr, as in torch (not the paper's fully decoupled form).
 */
public final class AdamW extends Optimizer<AdamW.Options, Adam.State> {

  /** AdamW hyperparameters (torch defaults: lr 1e-3, betas (0.9, 0.999), eps 1e-8, weight_decay 1e-2). */
  public record Options(double lr, double beta1, double beta2, double eps, double weightDecay, boolean amsgrad,
      boolean maximize) implements OptimizerOptions<Options> {
    public static final Options DEFAULTS = new Options(1e-3, 0.9, 0.999, 1e-8, 1e-2, false, false);

    public Options {
      Checks.adamLike(lr, eps, beta1, beta2, weightDecay);
    }

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

  public AdamW(List<? extends Tensor> params, Options options) {
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
      Adam.State s = state(p);
      if (s == null) {
        s = Adam.State.fresh(p.numel(), o.amsgrad());
        putState(p, s);
      }
      if (o.amsgrad() && s.maxExpAvgSq == null) {
        s.maxExpAvgSq = new double[p.numel()];
      }
      s.step += 1;
      Adam.step(p.data(), g, s, o.maximize() ? -1.0 : 1.0, o.lr(), o.beta1(), o.beta2(), o.eps(), o.weightDecay(), true,
          o.amsgrad());
    }
  }

  @Override
  protected Adam.State loadState(Tensor param, Map<String, ?> saved, String where) {
    return Adam.State.load(param, saved, where);
  }
}
