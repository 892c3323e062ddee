package org.minima4j.optim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.minima4j.tensor.Tensor;

/**
 * Stochastic gradient descent with optional (Nesterov) momentum, as {@code torch.optim.SGD}
 * (numerics of torch 1.13.1 {@code _single_tensor_sgd}; {@code maximize} negates the gradient
 * first, as torch 2.x).
 *
 * <p>Per element: {@code d = g (+ wd*p)}; with momentum, {@code buf = d} on the first step, then
 * {@code buf = buf*momentum + (1-dampening)*d}; {@code d = d + momentum*buf} (Nesterov) or
 * {@code d = buf}; {@code p = p - lr*d}. State ({@code momentum_buffer}) exists only when
 * momentum is non-zero.
 */
public final class SGD extends Optimizer<SGD.Options, SGD.State> {

  /** SGD hyperparameters ({@code lr=1e-3}, as torch 2.x; torch 1.13 has no default lr). */
  public record Options(double lr, double momentum, double dampening, double weightDecay, boolean nesterov,
      boolean maximize) implements OptimizerOptions<Options> {
    public static final Options DEFAULTS = new Options(1e-3, 0, 0, 0, false, false);

    public Options {
      if (!(lr >= 0.0)) {
        throw new IllegalArgumentException("Invalid learning rate: " + PyRepr.of(lr));
      }
      if (!(momentum >= 0.0)) {
        throw new IllegalArgumentException("Invalid momentum value: " + PyRepr.of(momentum));
      }
      if (!(weightDecay >= 0.0)) {
        throw new IllegalArgumentException("Invalid weight_decay value: " + PyRepr.of(weightDecay));
      }
      if (nesterov && (momentum <= 0 || dampening != 0)) {
        throw new IllegalArgumentException("Nesterov momentum requires a momentum and zero dampening");
      }
    }

    @Override
    public Options withLr(double v) {
      return new Options(v, momentum, dampening, weightDecay, nesterov, maximize);
    }

    public Options withMomentum(double v) {
      return new Options(lr, v, dampening, weightDecay, nesterov, maximize);
    }

    public Options withDampening(double v) {
      return new Options(lr, momentum, v, weightDecay, nesterov, maximize);
    }

    public Options withWeightDecay(double v) {
      return new Options(lr, momentum, dampening, v, nesterov, maximize);
    }

    public Options withNesterov(boolean v) {
      return new Options(lr, momentum, dampening, weightDecay, v, maximize);
    }

    public Options withMaximize(boolean v) {
      return new Options(lr, momentum, dampening, weightDecay, nesterov, v);
    }

    @Override
    public boolean hasMomentum() {
      return true;
    }

    @Override
    public Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("lr", lr);
      m.put("momentum", momentum);
      m.put("dampening", dampening);
      m.put("weight_decay", weightDecay);
      m.put("nesterov", nesterov);
      m.put("maximize", maximize);
      return m;
    }

    @Override
    public Options fromMap(Map<String, ?> m) {
      return new Options(Hyper.d(m, "lr", lr), Hyper.d(m, "momentum", momentum), Hyper.d(m, "dampening", dampening),
          Hyper.d(m, "weight_decay", weightDecay), Hyper.b(m, "nesterov", nesterov), Hyper.b(m, "maximize", maximize));
    }
  }

  /** Per-parameter state: {@code momentum_buffer}. */
  public static final class State implements ParamState {
    double[] momentumBuffer;

    State(double[] momentumBuffer) {
      this.momentumBuffer = momentumBuffer;
    }

    /** The momentum buffer (live array). */
    public double[] momentumBuffer() {
      return momentumBuffer;
    }

    @Override
    public Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("momentum_buffer", momentumBuffer.clone());
      return m;
    }
  }

  public SGD(List<? extends Tensor> params, Options options) {
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
      double[] x = p.data();
      if (o.momentum() == 0) {
        plain(x, g, sign, o.lr(), o.weightDecay());
        continue;
      }
      State s = state(p);
      if (s == null) {
        s = new State(new double[x.length]);
        putState(p, s);
        momentum(x, g, s.momentumBuffer, true, sign, o);
      } else {
        momentum(x, g, s.momentumBuffer, false, sign, o);
      }
    }
  }

  private static void plain(double[] x, double[] g, double sign, double lr, double wd) {
    double alpha = -lr;
    int n = x.length;
    if (wd != 0) {
      for (int i = 0; i < n; i++) {
        double d = sign * g[i] + wd * x[i];
        x[i] = x[i] + alpha * d;
      }
    } else {
      for (int i = 0; i < n; i++) {
        x[i] = x[i] + alpha * (sign * g[i]);
      }
    }
  }

  private static void momentum(double[] x, double[] g, double[] buf, boolean first, double sign, Options o) {
    double wd = o.weightDecay();
    double mom = o.momentum();
    double keep = 1 - o.dampening();
    boolean nesterov = o.nesterov();
    double alpha = -o.lr();
    int n = x.length;
    if (!first && !nesterov && wd == 0) {
      // the common case as a branch-free loop
      for (int i = 0; i < n; i++) {
        double b = buf[i] * mom + keep * (sign * g[i]);
        buf[i] = b;
        x[i] = x[i] + alpha * b;
      }
      return;
    }
    for (int i = 0; i < n; i++) {
      double d = sign * g[i];
      if (wd != 0) {
        d = d + wd * x[i];
      }
      double b = first ? d : buf[i] * mom + keep * d;
      buf[i] = b;
      if (nesterov) {
        d = d + mom * b;
      } else {
        d = b;
      }
      x[i] = x[i] + alpha * d;
    }
  }

  @Override
  protected State loadState(Tensor param, Map<String, ?> saved, String where) {
    double[] buf = Hyper.optionalTensor(saved, "momentum_buffer", param.numel(), where);
    return buf == null ? null : new State(buf);
  }
}
