package org.minima4j.optim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.minima4j.tensor.Tensor;

/**
 * Limited-memory BFGS (Nocedal, 1980; Liu and Nocedal, 1989), as {@code torch.optim.LBFGS},
 * following torch 1.13.1 {@code lbfgs.py} (itself after minFunc): the two-loop recursion over at
 * most {@code history_size} pairs, a fixed step ({@code lr}; the first step of all is
 * {@code min(1, 1/|g|_1)*lr}) or the strong-Wolfe line search of {@code _strong_wolfe}
 * (c1 = 1e-4, c2 = 0.9, with cubic interpolation). All parameters form one flat vector and one
 * group; {@link #step(Closure)} needs a closure and returns the loss of its first evaluation.
 *
 * <p>Deliberate deviation: by default ({@link Options#strictMaxEval()}) one step never calls the
 * closure more than {@code max_eval} times: the line search gets
 * {@code max_ls = max_eval - evaluations so far - 1} (torch 1.13 let it run up to 25 more
 * evaluations, pytorch#91581), and with no evaluation left the step stops before moving (which
 * matters only for {@code max_eval = 1}). Set it to false for torch 1.13's behaviour.
 *
 * <p>The {@code add_(other, alpha)} updates (parameters, and the two-loop recursion) use a fused
 * multiply-add, as torch's vectorized CPU kernels do; dot products are summed in order, as the
 * reference BLAS {@code ddot} does. With these the fixed-step reference run is bit-identical to
 * torch 1.13.1 for its first three steps.
 *
 * <p>The state (torch keeps it under the first parameter, and so does this class) holds
 * {@code func_evals, n_iter, d, t, old_dirs, old_stps, ro, H_diag, prev_flat_grad, prev_loss, al}.
 */
public final class LBFGS extends Optimizer<LBFGS.Options, LBFGS.State> {

  /**
   * LBFGS hyperparameters (torch defaults: lr 1, max_iter 20, max_eval max_iter*5/4,
   * tolerance_grad 1e-7, tolerance_change 1e-9, history_size 100, no line search).
   *
   * @param maxEval null means {@code maxIter * 5 / 4}
   * @param lineSearchFn null or {@code "strong_wolfe"}
   */
  public record Options(double lr, int maxIter, Integer maxEval, double toleranceGrad, double toleranceChange,
      int historySize, String lineSearchFn, boolean strictMaxEval) implements OptimizerOptions<Options> {
    public static final Options DEFAULTS = new Options(1, 20, null, 1e-7, 1e-9, 100, null, true);

    public Options {
      Checks.lr(lr);
      if (maxIter < 1) {
        throw new IllegalArgumentException("Invalid max_iter value: " + maxIter);
      }
      if (maxEval != null && maxEval < 1) {
        throw new IllegalArgumentException("Invalid max_eval value: " + maxEval);
      }
      if (historySize < 1) {
        throw new IllegalArgumentException("Invalid history_size value: " + historySize);
      }
      if (lineSearchFn != null && !"strong_wolfe".equals(lineSearchFn)) {
        throw new IllegalArgumentException("only 'strong_wolfe' is supported");
      }
    }

    /** {@code max_eval}, or {@code max_iter * 5 / 4} when unset. */
    public int effectiveMaxEval() {
      return maxEval != null ? maxEval : maxIter * 5 / 4;
    }

    @Override
    public Options withLr(double v) {
      return new Options(v, maxIter, maxEval, toleranceGrad, toleranceChange, historySize, lineSearchFn,
          strictMaxEval);
    }

    public Options withMaxIter(int v) {
      return new Options(lr, v, maxEval, toleranceGrad, toleranceChange, historySize, lineSearchFn,
          strictMaxEval);
    }

    public Options withMaxEval(Integer v) {
      return new Options(lr, maxIter, v, toleranceGrad, toleranceChange, historySize, lineSearchFn,
          strictMaxEval);
    }

    public Options withToleranceGrad(double v) {
      return new Options(lr, maxIter, maxEval, v, toleranceChange, historySize, lineSearchFn, strictMaxEval);
    }

    public Options withToleranceChange(double v) {
      return new Options(lr, maxIter, maxEval, toleranceGrad, v, historySize, lineSearchFn, strictMaxEval);
    }

    public Options withHistorySize(int v) {
      return new Options(lr, maxIter, maxEval, toleranceGrad, toleranceChange, v, lineSearchFn, strictMaxEval);
    }

    public Options withLineSearchFn(String v) {
      return new Options(lr, maxIter, maxEval, toleranceGrad, toleranceChange, historySize, v, strictMaxEval);
    }

    public Options withStrictMaxEval(boolean v) {
      return new Options(lr, maxIter, maxEval, toleranceGrad, toleranceChange, historySize, lineSearchFn, v);
    }

    @Override
    public Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("lr", lr);
      m.put("max_iter", maxIter);
      m.put("max_eval", effectiveMaxEval());
      m.put("tolerance_grad", toleranceGrad);
      m.put("tolerance_change", toleranceChange);
      m.put("history_size", historySize);
      m.put("line_search_fn", lineSearchFn);
      m.put("strict_max_eval", strictMaxEval);
      return m;
    }

    @Override
    public Options fromMap(Map<String, ?> m) {
      int mi = Hyper.i(m, "max_iter", maxIter);
      Integer me = m.get("max_eval") != null ? Integer.valueOf(Hyper.i(m, "max_eval", 0))
          : (m.containsKey("max_iter") ? null : maxEval);
      String ls = m.containsKey("line_search_fn") ? (String) m.get("line_search_fn") : lineSearchFn;
      return new Options(Hyper.d(m, "lr", lr), mi, me, Hyper.d(m, "tolerance_grad", toleranceGrad),
          Hyper.d(m, "tolerance_change", toleranceChange), Hyper.i(m, "history_size", historySize), ls,
          Hyper.b(m, "strict_max_eval", strictMaxEval));
    }
  }

  /** The optimizer's global state (kept under the first parameter, as torch). */
  public static final class State implements ParamState {
    long funcEvals;
    long nIter;
    double[] d;
    double t = Double.NaN;
    List<double[]> oldDirs;
    List<double[]> oldStps;
    List<Double> ro;
    double hDiag = Double.NaN;
    double[] prevFlatGrad;
    double prevLoss = Double.NaN;
    double[] al;

    public long funcEvals() {
      return funcEvals;
    }

    public long nIter() {
      return nIter;
    }

    @Override
    public Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("func_evals", funcEvals);
      m.put("n_iter", nIter);
      if (d != null) {
        m.put("d", d.clone());
        m.put("t", t);
        m.put("old_dirs", copyList(oldDirs));
        m.put("old_stps", copyList(oldStps));
        double[] r = new double[ro.size()];
        for (int i = 0; i < r.length; i++) {
          r[i] = ro.get(i);
        }
        m.put("ro", r);
        m.put("H_diag", hDiag);
        m.put("prev_flat_grad", prevFlatGrad.clone());
        m.put("prev_loss", prevLoss);
      }
      if (al != null) {
        m.put("al", al.clone());
      }
      return m;
    }

    private static List<double[]> copyList(List<double[]> l) {
      List<double[]> out = new ArrayList<>(l.size());
      for (double[] a : l) {
        out.add(a.clone());
      }
      return out;
    }
  }

  private final List<Tensor> params;
  private final int numel;

  public LBFGS(List<? extends Tensor> params, Options options) {
    super(params, options);
    this.params = paramGroups().get(0).params();
    int n = 0;
    for (Tensor p : this.params) {
      n += p.numel();
    }
    this.numel = n;
  }

  @Override
  protected void checkNewGroup(ParamGroup<Options> group) {
    if (!paramGroups().isEmpty()) {
      throw new IllegalArgumentException("LBFGS doesn't support per-parameter options (parameter groups)");
    }
  }

  @Override
  protected void update(ParamGroup<Options> group) {
    throw new IllegalStateException("LBFGS needs a closure: call step(closure)");
  }

  /** Not available: LBFGS re-evaluates the objective, so it needs {@link #step(Closure)}. */
  @Override
  public void step() {
    throw new IllegalStateException("LBFGS needs a closure: call step(closure)");
  }

  @Override
  public double step(Closure closure) {
    if (closure == null) {
      throw new IllegalArgumentException("LBFGS needs a closure that re-evaluates the model and returns the loss");
    }
    Options o = paramGroups().get(0).options();
    double lr = o.lr();
    int maxIter = o.maxIter();
    int maxEval = o.effectiveMaxEval();
    double tolGrad = o.toleranceGrad();
    double tolChange = o.toleranceChange();
    boolean wolfe = o.lineSearchFn() != null;
    int historySize = o.historySize();

    Tensor first = params.get(0);
    State st = state(first);
    if (st == null) {
      st = new State();
      putState(first, st);
    }
    double origLoss = evaluate(closure);
    double loss = origLoss;
    int currentEvals = 1;
    st.funcEvals += 1;
    double[] flatGrad = gatherFlatGrad();
    boolean optCond = maxAbs(flatGrad) <= tolGrad;
    if (optCond) {
      return origLoss;
    }
    double[] d = st.d;
    double t = st.t;
    List<double[]> oldDirs = st.oldDirs;
    List<double[]> oldStps = st.oldStps;
    List<Double> ro = st.ro;
    double hDiag = st.hDiag;
    double[] prevFlatGrad = st.prevFlatGrad;
    double prevLoss = st.prevLoss;

    int nIter = 0;
    while (nIter < maxIter) {
      nIter++;
      st.nIter++;
      if (st.nIter == 1) {
        d = neg(flatGrad);
        oldDirs = new ArrayList<>();
        oldStps = new ArrayList<>();
        ro = new ArrayList<>();
        hDiag = 1;
      } else {
        double[] y = new double[numel];
        double[] s = new double[numel];
        for (int i = 0; i < numel; i++) {
          y[i] = flatGrad[i] - prevFlatGrad[i];
          s[i] = d[i] * t;
        }
        double ys = dot(y, s);
        if (ys > 1e-10) {
          if (oldDirs.size() == historySize) {
            oldDirs.remove(0);
            oldStps.remove(0);
            ro.remove(0);
          }
          oldDirs.add(y);
          oldStps.add(s);
          ro.add(1.0 / ys);
          hDiag = ys / dot(y, y);
        }
        int numOld = oldDirs.size();
        if (st.al == null || st.al.length != historySize) {
          double[] al = new double[historySize];
          Arrays.fill(al, Double.NaN);
          if (st.al != null) {
            System.arraycopy(st.al, 0, al, 0, Math.min(st.al.length, historySize));
          }
          st.al = al;
        }
        double[] al = st.al;
        double[] q = neg(flatGrad);
        for (int i = numOld - 1; i >= 0; i--) {
          al[i] = dot(oldStps.get(i), q) * ro.get(i);
          double a = -al[i];
          double[] yi = oldDirs.get(i);
          for (int k = 0; k < numel; k++) {
            q[k] = Math.fma(a, yi[k], q[k]);
          }
        }
        double[] r = new double[numel];
        for (int k = 0; k < numel; k++) {
          r[k] = q[k] * hDiag;
        }
        for (int i = 0; i < numOld; i++) {
          double be = dot(oldDirs.get(i), r) * ro.get(i);
          double a = al[i] - be;
          double[] si = oldStps.get(i);
          for (int k = 0; k < numel; k++) {
            r[k] = Math.fma(a, si[k], r[k]);
          }
        }
        d = r;
      }
      prevFlatGrad = flatGrad.clone();
      prevLoss = loss;

      if (st.nIter == 1) {
        double inv = 1.0 / sumAbs(flatGrad);
        t = (inv < 1.0 ? inv : 1.0) * lr;
      } else {
        t = lr;
      }
      double gtd = dot(flatGrad, d);
      if (gtd > -tolChange) {
        break;
      }
      int lsFuncEvals = 0;
      if (o.strictMaxEval() && currentEvals >= maxEval) {
        // no evaluation left for this step: stop before moving (max_eval of 1)
        break;
      }
      if (wolfe) {
        double[][] xInit = cloneParams();
        int maxLs = o.strictMaxEval() ? Math.max(0, maxEval - currentEvals - 1) : 25;
        double[] dir = d;
        StrongWolfe.Result ls = StrongWolfe.search(tt -> directionalEvaluate(closure, xInit, tt, dir), () -> directionalF, t, d,
            loss, flatGrad, gtd, maxLs);
        loss = ls.f();
        flatGrad = ls.g();
        t = ls.t();
        lsFuncEvals = ls.evals();
        addGrad(t, d);
        optCond = maxAbs(flatGrad) <= tolGrad;
      } else {
        addGrad(t, d);
        if (nIter != maxIter) {
          loss = evaluate(closure);
          flatGrad = gatherFlatGrad();
          optCond = maxAbs(flatGrad) <= tolGrad;
          lsFuncEvals = 1;
        }
      }
      currentEvals += lsFuncEvals;
      st.funcEvals += lsFuncEvals;

      if (nIter == maxIter) {
        break;
      }
      if (currentEvals >= maxEval) {
        break;
      }
      if (optCond) {
        break;
      }
      double moved = 0;
      for (int k = 0; k < numel; k++) {
        double a = Math.abs(d[k] * t);
        if (!(a <= moved)) {
          moved = a;
        }
      }
      if (moved <= tolChange) {
        break;
      }
      if (Math.abs(loss - prevLoss) < tolChange) {
        break;
      }
    }
    st.d = d;
    st.t = t;
    st.oldDirs = oldDirs;
    st.oldStps = oldStps;
    st.ro = ro;
    st.hDiag = hDiag;
    st.prevFlatGrad = prevFlatGrad;
    st.prevLoss = prevLoss;
    return origLoss;
  }

  private double directionalF;

  /** Evaluates at {@code x + t*d}, restores x, and returns the gradient (the loss in directionalF). */
  private double[] directionalEvaluate(Closure closure, double[][] x, double t, double[] d) {
    addGrad(t, d);
    directionalF = evaluate(closure);
    double[] g = gatherFlatGrad();
    for (int i = 0; i < params.size(); i++) {
      System.arraycopy(x[i], 0, params.get(i).data(), 0, x[i].length);
    }
    return g;
  }

  private double[] gatherFlatGrad() {
    double[] out = new double[numel];
    int at = 0;
    for (Tensor p : params) {
      Tensor g = p.grad();
      if (g != null) {
        System.arraycopy(g.data(), 0, out, at, p.numel());
      }
      at += p.numel();
    }
    return out;
  }

  private void addGrad(double stepSize, double[] update) {
    int at = 0;
    for (Tensor p : params) {
      double[] x = p.data();
      for (int i = 0; i < x.length; i++) {
        x[i] = Math.fma(stepSize, update[at + i], x[i]);
      }
      at += x.length;
    }
  }

  private double[][] cloneParams() {
    double[][] out = new double[params.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = params.get(i).data().clone();
    }
    return out;
  }

  private static double[] neg(double[] a) {
    double[] out = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = -a[i];
    }
    return out;
  }

  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  private static double sumAbs(double[] a) {
    double s = 0;
    for (double v : a) {
      s += Math.abs(v);
    }
    return s;
  }

  static double maxAbs(double[] a) {
    double m = 0;
    for (double v : a) {
      double x = Math.abs(v);
      if (!(x <= m)) {
        m = x;
      }
    }
    return m;
  }

  @Override
  protected State loadState(Tensor param, Map<String, ?> saved, String where) {
    State s = new State();
    s.funcEvals = (long) Hyper.scalar(saved, "func_evals", where);
    s.nIter = (long) Hyper.scalar(saved, "n_iter", where);
    if (saved.get("d") != null) {
      s.d = Hyper.tensor(saved, "d", numelForLoad(), where);
      s.t = Hyper.scalar(saved, "t", where);
      s.oldDirs = loadList(saved.get("old_dirs"), "old_dirs", where);
      s.oldStps = loadList(saved.get("old_stps"), "old_stps", where);
      double[] r = Hyper.array(saved.get("ro"), "ro");
      s.ro = new ArrayList<>();
      for (double v : r) {
        s.ro.add(v);
      }
      if (s.oldDirs.size() != s.oldStps.size() || s.ro.size() != s.oldDirs.size()) {
        throw new IllegalArgumentException(where + " has history lists of different lengths: old_dirs "
            + s.oldDirs.size() + ", old_stps " + s.oldStps.size() + ", ro " + s.ro.size());
      }
      s.hDiag = Hyper.scalar(saved, "H_diag", where);
      s.prevFlatGrad = Hyper.tensor(saved, "prev_flat_grad", numelForLoad(), where);
      s.prevLoss = Hyper.scalar(saved, "prev_loss", where);
    }
    if (saved.get("al") != null) {
      s.al = Hyper.array(saved.get("al"), "al");
    }
    return s;
  }

  private int numelForLoad() {
    int n = 0;
    for (Tensor p : paramGroups().get(0).params()) {
      n += p.numel();
    }
    return n;
  }

  private List<double[]> loadList(Object v, String key, String where) {
    List<double[]> out = new ArrayList<>();
    if (v == null) {
      throw new IllegalArgumentException(where + " lacks '" + key + "'");
    }
    if (!(v instanceof List)) {
      throw new IllegalArgumentException(where + " has '" + key + "' that is not a list of vectors");
    }
    int n = numelForLoad();
    for (Object e : (List<?>) v) {
      double[] a = Hyper.array(e, key);
      if (a.length != n) {
        throw new IllegalArgumentException(where + " has a vector in '" + key + "' of " + a.length
            + " elements but the parameters have " + n + " elements in all");
      }
      out.add(a);
    }
    return out;
  }
}
