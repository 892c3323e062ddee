package org.minima4j.optim;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.minima4j.tensor.Tensor;

/**
 * Resilient backpropagation (Riedmiller and Braun, 1993; the Rprop- variant), as
 * {@code torch.optim.Rprop}; numerics of torch 1.13.1 {@code _single_tensor_rprop}.
 *
 * <p>Per element: {@code s = sign(g*prev)}; the step size is multiplied by {@code etaplus} when
 * {@code s > 0}, {@code etaminus} when {@code s < 0}, 1 when {@code s == 0}, then clamped to
 * {@code step_sizes}; where the sign flipped the gradient is taken as 0;
 * {@code p -= sign(g)*step_size}; {@code prev = g}. The learning rate only initializes the
 * per-element step sizes (as in torch, a scheduler changing {@code lr} later has no effect).
 */
public final class Rprop extends Optimizer<Rprop.Options, Rprop.State> {

  /** Rprop hyperparameters (torch defaults: lr 1e-2, etas (0.5, 1.2), step_sizes (1e-6, 50)). */
  public record Options(double lr, double etaMinus, double etaPlus, double stepSizeMin, double stepSizeMax,
      boolean maximize) implements OptimizerOptions<Options> {
    public static final Options DEFAULTS = new Options(1e-2, 0.5, 1.2, 1e-6, 50, false);

    public Options {
      Checks.lr(lr);
      if (!(0.0 < etaMinus && etaMinus < 1.0 && 1.0 < etaPlus)) {
        throw new IllegalArgumentException("Invalid eta values: " + PyRepr.of(etaMinus) + ", " + PyRepr.of(etaPlus));
      }
    }

    @Override
    public Options withLr(double v) {
      return new Options(v, etaMinus, etaPlus, stepSizeMin, stepSizeMax, maximize);
    }

    public Options withEtas(double minus, double plus) {
      return new Options(lr, minus, plus, stepSizeMin, stepSizeMax, maximize);
    }

    public Options withStepSizes(double min, double max) {
      return new Options(lr, etaMinus, etaPlus, min, max, maximize);
    }

    public Options withMaximize(boolean v) {
      return new Options(lr, etaMinus, etaPlus, stepSizeMin, stepSizeMax, v);
    }

    @Override
    public Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("lr", lr);
      m.put("etas", new double[] {etaMinus, etaPlus});
      m.put("step_sizes", new double[] {stepSizeMin, stepSizeMax});
      m.put("maximize", maximize);
      return m;
    }

    @Override
    public Options fromMap(Map<String, ?> m) {
      double[] etas = Hyper.pair(m, "etas", etaMinus, etaPlus);
      double[] sizes = Hyper.pair(m, "step_sizes", stepSizeMin, stepSizeMax);
      return new Options(Hyper.d(m, "lr", lr), etas[0], etas[1], sizes[0], sizes[1], Hyper.b(m, "maximize", maximize));
    }
  }

  /** Per-parameter state: {@code step}, {@code prev}, {@code step_size}. */
  public static final class State implements ParamState {
    long step;
    final double[] prev;
    final double[] stepSize;

    State(long step, double[] prev, double[] stepSize) {
      this.step = step;
      this.prev = prev;
      this.stepSize = stepSize;
    }

    public long step() {
      return step;
    }

    public double[] prev() {
      return prev;
    }

    public double[] stepSize() {
      return stepSize;
    }

    @Override
    public Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("step", step);
      m.put("prev", prev.clone());
      m.put("step_size", stepSize.clone());
      return m;
    }
  }

  public Rprop(List<? extends Tensor> params, Options options) {
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
        double[] sizes = new double[p.numel()];
        Arrays.fill(sizes, o.lr());
        s = new State(0, new double[p.numel()], sizes);
        putState(p, s);
      }
      s.step += 1;
      double etaMinus = o.etaMinus();
      double etaPlus = o.etaPlus();
      double lo = o.stepSizeMin();
      double hi = o.stepSizeMax();
      double[] x = p.data();
      double[] prev = s.prev;
      double[] size = s.stepSize;
      int n = x.length;
      for (int i = 0; i < n; i++) {
        double gi = sign * g[i];
        double sg = Math.signum(gi * prev[i]);
        double factor;
        if (sg > 0) {
          factor = etaPlus;
        } else if (sg < 0) {
          factor = etaMinus;
        } else if (sg == 0) {
          factor = 1;
        } else {
          factor = sg; // NaN stays NaN
        }
        double si = size[i] * factor;
        // clamp_(min, max): max(min(x, hi), lo) with NaN propagated
        si = Math.min(Math.max(si, lo), hi);
        size[i] = si;
        if (factor == etaMinus) {
          gi = 0;
        }
        x[i] = x[i] + -1.0 * Math.signum(gi) * si;
        prev[i] = gi;
      }
    }
  }

  @Override
  protected State loadState(Tensor param, Map<String, ?> saved, String where) {
    int n = param.numel();
    return new State((long) Hyper.scalar(saved, "step", where), Hyper.tensor(saved, "prev", n, where),
        Hyper.tensor(saved, "step_size", n, where));
  }
}
