package org.minima4j.optim;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.minima4j.tensor.Tensor;

/**
 * Lazy Adam for row-sparse gradients, as {@code torch.optim.SparseAdam}: only the rows present in
 * the (coalesced) gradient of a {@link SparseEmbedding} update their moments and values. Numerics of
 * torch 1.13.1 {@code _functional.sparse_adam}: per stored element, {@code m += (g - m)*(1-b1)},
 * {@code v += (g*g - v)*(1-b2)}, {@code p -= (lr*sqrt(1-b2^t)/(1-b1^t))*m/(sqrt(v) + eps)} (eps not
 * divided by the bias correction, unlike {@link Adam}).
 */
public final class SparseAdam extends Optimizer<SparseAdam.Options, SparseAdam.State> {

  /** SparseAdam hyperparameters (torch defaults: lr 1e-3, betas (0.9, 0.999), eps 1e-8). */
  public record Options(double lr, double beta1, double beta2, double eps, boolean maximize)
      implements OptimizerOptions<Options> {
    public static final Options DEFAULTS = new Options(1e-3, 0.9, 0.999, 1e-8, false);

    public Options {
      if (!(lr > 0.0)) {
        throw new IllegalArgumentException("Invalid learning rate: " + PyRepr.of(lr));
      }
      if (!(eps > 0.0)) {
        throw new IllegalArgumentException("Invalid epsilon value: " + PyRepr.of(eps));
      }
      Checks.beta(0, beta1);
      Checks.beta(1, beta2);
    }

    public double[] betas() {
      return new double[] {beta1, beta2};
    }

    @Override
    public Options withLr(double v) {
      return new Options(v, beta1, beta2, eps, maximize);
    }

    public Options withBetas(double b1, double b2) {
      return new Options(lr, b1, b2, eps, maximize);
    }

    public Options withEps(double v) {
      return new Options(lr, beta1, beta2, v, maximize);
    }

    public Options withMaximize(boolean v) {
      return new Options(lr, beta1, beta2, eps, v);
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
      m.put("maximize", maximize);
      return m;
    }

    @Override
    public Options fromMap(Map<String, ?> m) {
      double[] b = Hyper.pair(m, "betas", beta1, beta2);
      return new Options(Hyper.d(m, "lr", lr), b[0], b[1], Hyper.d(m, "eps", eps), Hyper.b(m, "maximize", maximize));
    }
  }

  /** Per-table state: {@code step} (an integer, as torch), {@code exp_avg}, {@code exp_avg_sq}. */
  public static final class State implements ParamState {
    long step;
    final double[] expAvg;
    final double[] expAvgSq;

    State(long step, double[] expAvg, double[] expAvgSq) {
      this.step = step;
      this.expAvg = expAvg;
      this.expAvgSq = expAvgSq;
    }

    public long step() {
      return step;
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
      m.put("exp_avg", expAvg.clone());
      m.put("exp_avg_sq", expAvgSq.clone());
      return m;
    }
  }

  private final Map<Tensor, SparseEmbedding> tables = new IdentityHashMap<>();

  public SparseAdam(List<SparseEmbedding> tables, Options options) {
    super(weights(tables), options);
    for (SparseEmbedding t : tables) {
      this.tables.put(t.weight(), t);
    }
  }

  private static List<Tensor> weights(List<SparseEmbedding> tables) {
    List<Tensor> out = new ArrayList<>();
    if (tables != null) {
      for (SparseEmbedding t : tables) {
        out.add(t.weight());
      }
    }
    return out;
  }

  /** Adds a group of embedding tables. */
  public void addTables(List<SparseEmbedding> more, Options options) {
    addParamGroup(weights(more), options);
    for (SparseEmbedding t : more) {
      tables.put(t.weight(), t);
    }
  }

  @Override
  public void zeroGrad(boolean setToNone) {
    super.zeroGrad(setToNone);
    for (SparseEmbedding t : tables.values()) {
      t.zeroGrad();
    }
  }

  @Override
  protected void update(ParamGroup<Options> group) {
    Options o = group.options();
    double sign = o.maximize() ? -1.0 : 1.0;
    for (Tensor p : group.params()) {
      SparseEmbedding table = tables.get(p);
      SparseGradient sg = table == null ? null : table.sparseGrad();
      if (sg == null) {
        if (p.grad() != null) {
          throw new IllegalStateException("SparseAdam does not support dense gradients, please consider Adam instead");
        }
        continue;
      }
      State s = state(p);
      if (s == null) {
        s = new State(0, new double[p.numel()], new double[p.numel()]);
        putState(p, s);
      }
      s.step += 1;
      SparseGradient c = sg.coalesce();
      if (c.nnzRows() == 0) {
        continue;
      }
      double b1 = o.beta1();
      double b2 = o.beta2();
      double c1 = 1 - b1;
      double c2 = 1 - b2;
      double bc1 = 1 - Math.pow(b1, s.step);
      double bc2 = 1 - Math.pow(b2, s.step);
      double stepSize = o.lr() * Math.sqrt(bc2) / bc1;
      double negStep = -stepSize;
      double eps = o.eps();
      int[] rows = c.indices();
      double[] vals = c.values();
      int width = c.rowWidth();
      double[] x = p.data();
      double[] m = s.expAvg;
      double[] v = s.expAvgSq;
      for (int k = 0; k < rows.length; k++) {
        int base = rows[k] * width;
        for (int col = 0; col < width; col++) {
          int i = base + col;
          double g = sign * vals[k * width + col];
          double oldM = m[i];
          double updM = (g - oldM) * c1;
          m[i] = oldM + updM;
          double oldV = v[i];
          double updV = (g * g - oldV) * c2;
          v[i] = oldV + updV;
          double numer = updM + oldM;
          double denom = Math.sqrt(updV + oldV) + eps;
          x[i] = x[i] + negStep * (numer / denom);
        }
      }
    }
  }

  @Override
  protected State loadState(Tensor param, Map<String, ?> saved, String where) {
    int n = param.numel();
    return new State((long) Hyper.scalar(saved, "step", where), Hyper.tensor(saved, "exp_avg", n, where),
        Hyper.tensor(saved, "exp_avg_sq", n, where));
  }
}
