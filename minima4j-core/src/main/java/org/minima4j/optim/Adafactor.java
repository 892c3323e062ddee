package org.minima4j.optim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.minima4j.tensor.Tensor;

/**
 * Adafactor (Shazeer and Stern, 2018), as torch 2.5+'s {@code torch.optim.Adafactor} (numerics of
 * its {@code _single_tensor_adafactor}): the second moment of a tensor with two or more dimensions
 * is kept factored over its last two dimensions (row and column means of {@code g*g}, as
 * {@code lerp}s with weight {@code t^beta2_decay}); vectors keep a full {@code variance}.
 *
 * <p>Per step: {@code rho = min(lr, 1/sqrt(t))}; {@code alpha = max(eps2, RMS(p))*rho} (before
 * weight decay); {@code p *= 1 - lr*wd}; {@code V = row_var*col_var/max(mean(row_var), eps1)};
 * {@code U = g/sqrt(max(V, eps1^2))}; {@code p -= alpha/max(1, RMS(U)/d) * U}. {@code eps1}
 * defaults to the float64 machine epsilon. torch's docstring says weight_decay defaults to 1e-2;
 * its code (and this class) use 0.0.
 */
public final class Adafactor extends Optimizer<Adafactor.Options, Adafactor.State> {

  /**
   * Adafactor hyperparameters (torch defaults: lr 1e-2, beta2_decay -0.8, eps (None, 1e-3), d 1.0).
   *
   * @param eps1 null means the machine epsilon of float64
   */
  public record Options(double lr, double beta2Decay, Double eps1, double eps2, double d, double weightDecay,
      boolean maximize) implements OptimizerOptions<Options> {
    public static final Options DEFAULTS = new Options(1e-2, -0.8, null, 1e-3, 1.0, 0.0, false);

    public Options {
      if (!(lr >= 0.0)) {
        throw new IllegalArgumentException("Learning rate should be >= 0 but is: " + PyRepr.of(lr));
      }
      if (!(beta2Decay <= 0.0)) {
        throw new IllegalArgumentException("beta2_decay should be <= 0 but is: " + PyRepr.of(beta2Decay));
      }
      if (eps1 != null && !(eps1 >= 0.0)) {
        throw new IllegalArgumentException("epsilon1 should be >= 0 but is: " + PyRepr.of(eps1));
      }
      if (!(eps2 >= 0.0)) {
        throw new IllegalArgumentException("epsilon2 should be >= 0 but is: " + PyRepr.of(eps2));
      }
      if (!(d >= 1.0)) {
        throw new IllegalArgumentException("Clipping threshold d should be >= 1 but is: " + PyRepr.of(d));
      }
      if (!(weightDecay >= 0.0)) {
        throw new IllegalArgumentException("weight_decay should be >= 0 but is: " + PyRepr.of(weightDecay));
      }
    }

    @Override
    public Options withLr(double v) {
      return new Options(v, beta2Decay, eps1, eps2, d, weightDecay, maximize);
    }

    public Options withBeta2Decay(double v) {
      return new Options(lr, v, eps1, eps2, d, weightDecay, maximize);
    }

    public Options withEps(Double e1, double e2) {
      return new Options(lr, beta2Decay, e1, e2, d, weightDecay, maximize);
    }

    public Options withD(double v) {
      return new Options(lr, beta2Decay, eps1, eps2, v, weightDecay, maximize);
    }

    public Options withWeightDecay(double v) {
      return new Options(lr, beta2Decay, eps1, eps2, d, v, maximize);
    }

    public Options withMaximize(boolean v) {
      return new Options(lr, beta2Decay, eps1, eps2, d, weightDecay, v);
    }

    @Override
    public Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("lr", lr);
      m.put("beta2_decay", beta2Decay);
      m.put("eps", java.util.Arrays.asList(eps1, eps2));
      m.put("d", d);
      m.put("weight_decay", weightDecay);
      m.put("maximize", maximize);
      return m;
    }

    @Override
    public Options fromMap(Map<String, ?> m) {
      Double e1 = eps1;
      double e2 = eps2;
      Object e = m.get("eps");
      if (e instanceof List) {
        List<?> l = (List<?>) e;
        if (l.size() != 2) {
          throw new IllegalArgumentException("state dict entry 'eps' must have 2 values, got " + l.size());
        }
        e1 = l.get(0) == null ? null : Hyper.num(l.get(0), "eps");
        e2 = Hyper.num(l.get(1), "eps");
      } else if (e instanceof double[]) {
        double[] a = (double[]) e;
        e1 = a[0];
        e2 = a[1];
      }
      return new Options(Hyper.d(m, "lr", lr), Hyper.d(m, "beta2_decay", beta2Decay), e1, e2, Hyper.d(m, "d", d),
          Hyper.d(m, "weight_decay", weightDecay), Hyper.b(m, "maximize", maximize));
    }
  }

  /** Per-parameter state: {@code step}, and {@code row_var} + {@code col_var} (2+ dims) or {@code variance}. */
  public static final class State implements ParamState {
    double step;
    final double[] rowVar;
    final double[] colVar;
    final double[] variance;

    State(double step, double[] rowVar, double[] colVar, double[] variance) {
      this.step = step;
      this.rowVar = rowVar;
      this.colVar = colVar;
      this.variance = variance;
    }

    public double step() {
      return step;
    }

    @Override
    public Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("step", step);
      if (rowVar != null) {
        m.put("row_var", rowVar.clone());
        m.put("col_var", colVar.clone());
      } else {
        m.put("variance", variance.clone());
      }
      return m;
    }
  }

  public Adafactor(List<? extends Tensor> params, Options options) {
    super(params, options);
  }

  /** torch.lerp: {@code a + w*(b-a)} for {@code |w| < 0.5}, else {@code b - (b-a)*(1-w)}. */
  static double lerp(double a, double b, double w) {
    return Math.abs(w) < 0.5 ? a + w * (b - a) : b - (b - a) * (1 - w);
  }

  @Override
  protected void update(ParamGroup<Options> group) {
    Options o = group.options();
    double sign = o.maximize() ? -1.0 : 1.0;
    double eps1 = o.eps1() != null ? o.eps1() : Math.ulp(1.0);
    for (Tensor p : group.params()) {
      double[] g = gradData(p);
      if (g == null) {
        continue;
      }
      int[] shape = p.shape();
      boolean factored = shape.length > 1;
      int rows = factored ? shape[shape.length - 2] : 0;
      int cols = factored ? shape[shape.length - 1] : 0;
      int batch = factored ? p.numel() / Math.max(1, rows * cols) : 0;
      State s = state(p);
      if (s == null) {
        s = factored ? new State(0, new double[batch * rows], new double[batch * cols], null)
            : new State(0, null, null, new double[p.numel()]);
        putState(p, s);
      }
      s.step += 1;
      double t = s.step;
      double lr = o.lr();
      double w = Math.pow(t, o.beta2Decay());
      double rho = Math.min(lr, 1 / Math.pow(t, 0.5));
      double[] x = p.data();
      int n = x.length;
      double rms = Math.sqrt(sumSquares(x)) / Math.pow(n, 0.5);
      double alpha = (rms > o.eps2() ? rms : o.eps2()) * rho;
      if (o.weightDecay() != 0) {
        double decay = 1 - lr * o.weightDecay();
        for (int i = 0; i < n; i++) {
          x[i] = x[i] * decay;
        }
      }
      double eps1Sq = eps1 * eps1;
      double updSumSq = 0;
      if (factored) {
        double[] rv = s.rowVar;
        double[] cv = s.colVar;
        for (int b = 0; b < batch; b++) {
          int base = b * rows * cols;
          for (int r = 0; r < rows; r++) {
            double ss = 0;
            for (int c = 0; c < cols; c++) {
              double gi = sign * g[base + r * cols + c];
              ss += gi * gi;
            }
            double norm = Math.sqrt(ss);
            rv[b * rows + r] = lerp(rv[b * rows + r], norm * norm / cols, w);
          }
          for (int c = 0; c < cols; c++) {
            double ss = 0;
            for (int r = 0; r < rows; r++) {
              double gi = sign * g[base + r * cols + c];
              ss += gi * gi;
            }
            double norm = Math.sqrt(ss);
            cv[b * cols + c] = lerp(cv[b * cols + c], norm * norm / rows, w);
          }
          double mean = 0;
          for (int r = 0; r < rows; r++) {
            mean += rv[b * rows + r];
          }
          mean = Math.max(mean / rows, eps1);
          for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
              double v = rv[b * rows + r] * cv[b * cols + c] / mean;
              double u = 1 / Math.sqrt(Math.max(v, eps1Sq)) * (sign * g[base + r * cols + c]);
              updSumSq += u * u;
            }
          }
        }
        double denom = Math.max(1.0, Math.sqrt(updSumSq) / (Math.pow(n, 0.5) * o.d()));
        double step = -alpha / denom;
        for (int b = 0; b < batch; b++) {
          int base = b * rows * cols;
          double mean = 0;
          for (int r = 0; r < rows; r++) {
            mean += rv[b * rows + r];
          }
          mean = Math.max(mean / rows, eps1);
          for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
              int i = base + r * cols + c;
              double v = rv[b * rows + r] * cv[b * cols + c] / mean;
              double u = 1 / Math.sqrt(Math.max(v, eps1Sq)) * (sign * g[i]);
              x[i] = x[i] + step * u;
            }
          }
        }
      } else {
        double[] var = s.variance;
        for (int i = 0; i < n; i++) {
          double gi = sign * g[i];
          var[i] = lerp(var[i], gi * gi, w);
          double u = 1 / Math.sqrt(Math.max(var[i], eps1Sq)) * gi;
          updSumSq += u * u;
        }
        double denom = Math.max(1.0, Math.sqrt(updSumSq) / (Math.pow(n, 0.5) * o.d()));
        double step = -alpha / denom;
        for (int i = 0; i < n; i++) {
          double gi = sign * g[i];
          double u = 1 / Math.sqrt(Math.max(var[i], eps1Sq)) * gi;
          x[i] = x[i] + step * u;
        }
      }
    }
  }

  private static double sumSquares(double[] a) {
    double s = 0;
    for (double v : a) {
      s += v * v;
    }
    return s;
  }

  @Override
  protected State loadState(Tensor param, Map<String, ?> saved, String where) {
    int[] shape = param.shape();
    double step = Hyper.scalar(saved, "step", where);
    if (shape.length > 1) {
      int rows = shape[shape.length - 2];
      int cols = shape[shape.length - 1];
      int batch = param.numel() / Math.max(1, rows * cols);
      return new State(step, Hyper.tensor(saved, "row_var", batch * rows, where),
          Hyper.tensor(saved, "col_var", batch * cols, where), null);
    }
    return new State(step, null, null, Hyper.tensor(saved, "variance", param.numel(), where));
  }
}
