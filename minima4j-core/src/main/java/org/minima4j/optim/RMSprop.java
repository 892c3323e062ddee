package org.minima4j.optim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.minima4j.tensor.Tensor;

/**
 * RMSprop (Hinton, Lecture 6e; centered variant of Graves, 2013), as {@code torch.optim.RMSprop};
 * numerics of torch 1.13.1 {@code _single_tensor_rmsprop}.
 *
 * <p>Per element: {@code g (+ wd*p)}; {@code v = v*alpha + (1-alpha)*g*g}; centered:
 * {@code ga = ga*alpha + (1-alpha)*g}, {@code avg = sqrt(v - ga*ga) + eps}, else
 * {@code avg = sqrt(v) + eps} (eps outside the root); momentum: {@code buf = buf*momentum + g/avg},
 * {@code p -= lr*buf}; otherwise {@code p -= lr*g/avg}.
 */
public final class RMSprop extends Optimizer<RMSprop.Options, RMSprop.State> {

  /** RMSprop hyperparameters (torch defaults: lr 1e-2, alpha 0.99, eps 1e-8). */
  public record Options(double lr, double alpha, double eps, double weightDecay, double momentum, boolean centered,
      boolean maximize) implements OptimizerOptions<Options> {
    public static final Options DEFAULTS = new Options(1e-2, 0.99, 1e-8, 0, 0, false, false);

    public Options {
      Checks.lr(lr);
      Checks.eps(eps);
      if (!(momentum >= 0.0)) {
        throw new IllegalArgumentException("Invalid momentum value: " + PyRepr.of(momentum));
      }
      Checks.weightDecay(weightDecay);
      if (!(alpha >= 0.0)) {
        throw new IllegalArgumentException("Invalid alpha value: " + PyRepr.of(alpha));
      }
    }

    @Override
    public Options withLr(double v) {
      return new Options(v, alpha, eps, weightDecay, momentum, centered, maximize);
    }

    public Options withAlpha(double v) {
      return new Options(lr, v, eps, weightDecay, momentum, centered, maximize);
    }

    public Options withEps(double v) {
      return new Options(lr, alpha, v, weightDecay, momentum, centered, maximize);
    }

    public Options withWeightDecay(double v) {
      return new Options(lr, alpha, eps, v, momentum, centered, maximize);
    }

    @Override
    public Options withMomentum(double v) {
      return new Options(lr, alpha, eps, weightDecay, v, centered, maximize);
    }

    public Options withCentered(boolean v) {
      return new Options(lr, alpha, eps, weightDecay, momentum, v, maximize);
    }

    public Options withMaximize(boolean v) {
      return new Options(lr, alpha, eps, weightDecay, momentum, centered, v);
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
      m.put("alpha", alpha);
      m.put("eps", eps);
      m.put("centered", centered);
      m.put("weight_decay", weightDecay);
      m.put("maximize", maximize);
      return m;
    }

    @Override
    public Options fromMap(Map<String, ?> m) {
      return new Options(Hyper.d(m, "lr", lr), Hyper.d(m, "alpha", alpha), Hyper.d(m, "eps", eps),
          Hyper.d(m, "weight_decay", weightDecay), Hyper.d(m, "momentum", momentum), Hyper.b(m, "centered", centered),
          Hyper.b(m, "maximize", maximize));
    }
  }

  /** Per-parameter state: {@code step}, {@code square_avg}, {@code momentum_buffer}, {@code grad_avg}. */
  public static final class State implements ParamState {
    long step;
    final double[] squareAvg;
    double[] momentumBuffer;
    double[] gradAvg;

    State(long step, double[] squareAvg, double[] momentumBuffer, double[] gradAvg) {
      this.step = step;
      this.squareAvg = squareAvg;
      this.momentumBuffer = momentumBuffer;
      this.gradAvg = gradAvg;
    }

    public long step() {
      return step;
    }

    public double[] squareAvg() {
      return squareAvg;
    }

    public double[] momentumBuffer() {
      return momentumBuffer;
    }

    public double[] gradAvg() {
      return gradAvg;
    }

    @Override
    public Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("step", step);
      m.put("square_avg", squareAvg.clone());
      if (momentumBuffer != null) {
        m.put("momentum_buffer", momentumBuffer.clone());
      }
      if (gradAvg != null) {
        m.put("grad_avg", gradAvg.clone());
      }
      return m;
    }
  }

  public RMSprop(List<? extends Tensor> params, Options options) {
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
      int n = p.numel();
      State s = state(p);
      if (s == null) {
        s = new State(0, new double[n], null, null);
        putState(p, s);
      }
      if (o.momentum() > 0 && s.momentumBuffer == null) {
        s.momentumBuffer = new double[n];
      }
      if (o.centered() && s.gradAvg == null) {
        s.gradAvg = new double[n];
      }
      s.step += 1;
      kernel(p.data(), g, s, o);
    }
  }

  private static void kernel(double[] x, double[] g, State s, Options o) {
    double sign = o.maximize() ? -1.0 : 1.0;
    double wd = o.weightDecay();
    double alpha = o.alpha();
    double c = 1 - alpha;
    double eps = o.eps();
    double negLr = -o.lr();
    double mom = o.momentum();
    boolean useMomentum = mom > 0;
    boolean centered = o.centered();
    double[] v = s.squareAvg;
    double[] buf = s.momentumBuffer;
    double[] ga = s.gradAvg;
    int n = x.length;
    if (!centered && !useMomentum && wd == 0) {
      // the common case as a branch-free loop
      for (int i = 0; i < n; i++) {
        double gi = sign * g[i];
        double vi = v[i] * alpha + c * gi * gi;
        v[i] = vi;
        x[i] = x[i] + negLr * gi / (Math.sqrt(vi) + eps);
      }
      return;
    }
    for (int i = 0; i < n; i++) {
      double gi = sign * g[i];
      if (wd != 0) {
        gi = gi + wd * x[i];
      }
      double vi = v[i] * alpha + c * gi * gi;
      v[i] = vi;
      double avg;
      if (centered) {
        double gai = ga[i] * alpha + c * gi;
        ga[i] = gai;
        avg = Math.sqrt(vi + -1.0 * gai * gai) + eps;
      } else {
        avg = Math.sqrt(vi) + eps;
      }
      if (useMomentum) {
        double b = buf[i] * mom + gi / avg;
        buf[i] = b;
        x[i] = x[i] + negLr * b;
      } else {
        x[i] = x[i] + negLr * gi / avg;
      }
    }
  }

  @Override
  protected State loadState(Tensor param, Map<String, ?> saved, String where) {
    int n = param.numel();
    return new State((long) Hyper.scalar(saved, "step", where), Hyper.tensor(saved, "square_avg", n, where),
        Hyper.optionalTensor(saved, "momentum_buffer", n, where), Hyper.optionalTensor(saved, "grad_avg", n, where));
  }
}
