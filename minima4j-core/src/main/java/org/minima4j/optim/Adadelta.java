package org.minima4j.optim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.minima4j.tensor.Tensor;

/**
 * Adadelta (Zeiler, 2012), as {@code torch.optim.Adadelta}; numerics of torch 1.13.1
 * {@code _single_tensor_adadelta}.
 *
 * <p>Per element: {@code g (+ wd*p)}; {@code v = v*rho + (1-rho)*g*g};
 * {@code delta = sqrt(acc + eps)/sqrt(v + eps)*g}; {@code acc = acc*rho + (1-rho)*delta*delta};
 * {@code p -= lr*delta}.
 */
public final class Adadelta extends Optimizer<Adadelta.Options, Adadelta.State> {

  /** Adadelta hyperparameters (torch defaults: lr 1.0, rho 0.9, eps 1e-6). */
  public record Options(double lr, double rho, double eps, double weightDecay, boolean maximize)
      implements OptimizerOptions<Options> {
    public static final Options DEFAULTS = new Options(1.0, 0.9, 1e-6, 0, false);

    public Options {
      Checks.lr(lr);
      if (!(rho >= 0.0 && rho <= 1.0)) {
        throw new IllegalArgumentException("Invalid rho value: " + PyRepr.of(rho));
      }
      Checks.eps(eps);
      Checks.weightDecay(weightDecay);
    }

    @Override
    public Options withLr(double v) {
      return new Options(v, rho, eps, weightDecay, maximize);
    }

    public Options withRho(double v) {
      return new Options(lr, v, eps, weightDecay, maximize);
    }

    public Options withEps(double v) {
      return new Options(lr, rho, v, weightDecay, maximize);
    }

    public Options withWeightDecay(double v) {
      return new Options(lr, rho, eps, v, maximize);
    }

    public Options withMaximize(boolean v) {
      return new Options(lr, rho, eps, weightDecay, v);
    }

    @Override
    public Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("lr", lr);
      m.put("rho", rho);
      m.put("eps", eps);
      m.put("weight_decay", weightDecay);
      m.put("maximize", maximize);
      return m;
    }

    @Override
    public Options fromMap(Map<String, ?> m) {
      return new Options(Hyper.d(m, "lr", lr), Hyper.d(m, "rho", rho), Hyper.d(m, "eps", eps),
          Hyper.d(m, "weight_decay", weightDecay), Hyper.b(m, "maximize", maximize));
    }
  }

  /** Per-parameter state: {@code step}, {@code square_avg}, {@code acc_delta}. */
  public static final class State implements ParamState {
    long step;
    final double[] squareAvg;
    final double[] accDelta;

    State(long step, double[] squareAvg, double[] accDelta) {
      this.step = step;
      this.squareAvg = squareAvg;
      this.accDelta = accDelta;
    }

    public long step() {
      return step;
    }

    public double[] squareAvg() {
      return squareAvg;
    }

    public double[] accDelta() {
      return accDelta;
    }

    @Override
    public Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("step", step);
      m.put("square_avg", squareAvg.clone());
      m.put("acc_delta", accDelta.clone());
      return m;
    }
  }

  public Adadelta(List<? extends Tensor> params, Options options) {
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
      double rho = o.rho();
      double c = 1 - rho;
      double eps = o.eps();
      double wd = o.weightDecay();
      double negLr = -o.lr();
      double[] x = p.data();
      double[] v = s.squareAvg;
      double[] acc = s.accDelta;
      int n = x.length;
      for (int i = 0; i < n; i++) {
        double gi = sign * g[i];
        if (wd != 0) {
          gi = gi + wd * x[i];
        }
        double vi = v[i] * rho + c * gi * gi;
        v[i] = vi;
        double std = Math.sqrt(vi + eps);
        double delta = Math.sqrt(acc[i] + eps) / std * gi;
        acc[i] = acc[i] * rho + c * delta * delta;
        x[i] = x[i] + negLr * delta;
      }
    }
  }

  @Override
  protected State loadState(Tensor param, Map<String, ?> saved, String where) {
    int n = param.numel();
    return new State((long) Hyper.scalar(saved, "step", where), Hyper.tensor(saved, "square_avg", n, where),
        Hyper.tensor(saved, "acc_delta", n, where));
  }
}
