package org.minima4j.optimize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.minima4j.nn.Module;
import org.minima4j.nn.Parameter;
import org.minima4j.nn.utils.ParameterVector;
import org.minima4j.optimize.internal.ContractViolation;
import org.minima4j.tensor.Tensor;

/**
 * Minimization over named tensors, after twitter/dict_minimize 0.0.4
 * ({@code dict_minimize/core/_scipy.py}): the tensors of {@code x0} are flattened row-major and
 * concatenated in the map's iteration order, bounds maps are flattened the same way (looked up by
 * key), the objective always supplies its gradient, and the solution comes back as a map with the
 * same keys, order and shapes. Unlike dict_minimize, {@link #minimizeWithResult} also returns the
 * {@link OptimizeResult}. {@link #minimize(Module, Supplier, Method, MinimizeOptions)} drives a
 * module's trainable parameters with a loss closure and autograd.
 */
public final class DictMinimize {
  private DictMinimize() {}

  /** The solution as named tensors, with the flat result. */
  public record DictResult(Map<String, Tensor> x, OptimizeResult result) {}

  /**
   * Minimizes {@code fun} from {@code x0}; {@code lb} and {@code ub} are both null or both maps
   * with the keys and shapes of {@code x0} (infinite entries mean unbounded). Returns the solution.
   */
  public static Map<String, Tensor> minimize(DictObjective fun, Map<String, Tensor> x0, Map<String, Tensor> lb,
      Map<String, Tensor> ub, Method method, MinimizeOptions options) {
    return minimizeWithResult(fun, x0, lb, ub, method, options).x();
  }

  /** As {@link #minimize(DictObjective, Map, Map, Map, Method, MinimizeOptions)}, with the result. */
  public static DictResult minimizeWithResult(DictObjective fun, Map<String, Tensor> x0, Map<String, Tensor> lb,
      Map<String, Tensor> ub, Method method, MinimizeOptions options) {
    if (fun == null) {
      throw new IllegalArgumentException("fun must not be null");
    }
    if (options == null) {
      throw new IllegalArgumentException("options must not be null (use MinimizeOptions.DEFAULTS)");
    }
    Layout layout = Layout.of(x0);
    if ((lb == null) != (ub == null)) {
      throw new IllegalArgumentException("lb and ub must be both given or both null");
    }
    MinimizeOptions o = options;
    if (lb != null) {
      if (options.bounds() != null) {
        throw new IllegalArgumentException("give bounds either as lb/ub maps or in options, not both");
      }
      o = options.withBounds(Bounds.of(layout.pack(lb, "lb"), layout.pack(ub, "ub")));
    }
    DifferentiableObjective flat = (x, g) -> {
      DictObjective.ValueAndGrad vg = fun.evaluate(layout.unpack(x));
      if (vg == null) {
        throw new ContractViolation("objective returned null");
      }
      double[] packed = layout.pack(vg.gradient(), "gradient");
      System.arraycopy(packed, 0, g, 0, g.length);
      return vg.value();
    };
    OptimizeResult r = Minimize.minimize(flat, layout.pack(x0, "x0"), method, o);
    return new DictResult(layout.unpack(r.x()), r);
  }

  /**
   * Minimizes a scalar tensor {@code loss} of named tensors with gradients by autograd: each
   * evaluation hands the closure fresh leaf tensors (requiring grad) with the keys and shapes of
   * {@code x0}, runs {@code backward()} on the result and collects the gradients (zeros for a key
   * the loss does not depend on). {@code lb}/{@code ub} as in
   * {@link #minimize(DictObjective, Map, Map, Map, Method, MinimizeOptions)}.
   */
  public static DictResult minimizeAutograd(java.util.function.Function<Map<String, Tensor>, Tensor> loss,
      Map<String, Tensor> x0, Map<String, Tensor> lb, Map<String, Tensor> ub, Method method,
      MinimizeOptions options) {
    if (loss == null) {
      throw new IllegalArgumentException("loss must not be null");
    }
    DictObjective fun = x -> {
      Map<String, Tensor> leaves = new LinkedHashMap<>();
      for (Map.Entry<String, Tensor> e : x.entrySet()) {
        leaves.put(e.getKey(), Tensor.of(e.getValue().toArray(), e.getValue().shape()).requiresGrad(true));
      }
      Tensor l = loss.apply(leaves);
      if (l == null || l.numel() != 1) {
        throw new ContractViolation("loss must return a scalar tensor, got "
            + (l == null ? "null" : "shape " + Arrays.toString(l.shape())));
      }
      l.backward();
      Map<String, Tensor> grad = new LinkedHashMap<>();
      for (Map.Entry<String, Tensor> e : leaves.entrySet()) {
        Tensor g = e.getValue().grad();
        grad.put(e.getKey(), g != null ? g : Tensor.zeros(e.getValue().shape()));
      }
      return new DictObjective.ValueAndGrad(l.item(), grad);
    };
    return minimizeWithResult(fun, x0, lb, ub, method, options);
  }

  /**
   * Minimizes {@code loss} (a closure computing a scalar tensor from the module's current
   * parameters) over the module's trainable parameters, with gradients by autograd; the flat
   * vector follows {@link Module#parameters()} order. On return the module holds the solution.
   * Bounds in {@code options} apply to that flat vector.
   */
  public static OptimizeResult minimize(Module model, Supplier<Tensor> loss, Method method, MinimizeOptions options) {
    if (model == null || loss == null) {
      throw new IllegalArgumentException("model and loss must not be null");
    }
    List<Parameter> params = new ArrayList<>();
    for (Parameter p : model.parameters()) {
      if (p.requiresGrad()) {
        params.add(p);
      }
    }
    if (params.isEmpty()) {
      throw new IllegalArgumentException("the module has no trainable parameters");
    }
    DifferentiableObjective flat = (x, g) -> {
      ParameterVector.vectorToParameters(x, params);
      model.zeroGrad();
      Tensor l = loss.get();
      if (l == null || l.numel() != 1) {
        throw new ContractViolation("loss must return a scalar tensor, got "
            + (l == null ? "null" : "shape " + Arrays.toString(l.shape())));
      }
      l.backward();
      double[] grad = ParameterVector.gradToArray(params);
      System.arraycopy(grad, 0, g, 0, g.length);
      return l.item();
    };
    OptimizeResult r = Minimize.minimize(flat, ParameterVector.toArray(params), method, options);
    ParameterVector.vectorToParameters(r.x(), params);
    model.zeroGrad();
    return r;
  }

  /** Keys, shapes and offsets of the flattened layout (dict_minimize's {@code _pack}/{@code _unpack}). */
  private record Layout(List<String> keys, List<int[]> shapes, List<Boolean> requiresGrad, int size) {
    static Layout of(Map<String, Tensor> x0) {
      if (x0 == null || x0.isEmpty()) {
        throw new IllegalArgumentException("x0 must be a non-empty map of named tensors");
      }
      List<String> keys = new ArrayList<>();
      List<int[]> shapes = new ArrayList<>();
      List<Boolean> rg = new ArrayList<>();
      int size = 0;
      for (Map.Entry<String, Tensor> e : x0.entrySet()) {
        if (e.getKey() == null || e.getValue() == null) {
          throw new IllegalArgumentException("x0 has a null key or tensor");
        }
        keys.add(e.getKey());
        shapes.add(e.getValue().shape());
        rg.add(e.getValue().requiresGrad());
        size += e.getValue().numel();
      }
      if (size == 0) {
        throw new IllegalArgumentException("x0 holds no values");
      }
      return new Layout(keys, shapes, rg, size);
    }

    double[] pack(Map<String, Tensor> m, String what) {
      if (m == null) {
        throw new ContractViolation(what + " must not be null");
      }
      if (m.size() != keys.size() || !m.keySet().containsAll(keys)) {
        throw new ContractViolation(what + " must have the keys " + keys + ", got " + m.keySet());
      }
      double[] out = new double[size];
      int at = 0;
      for (int k = 0; k < keys.size(); k++) {
        Tensor t = m.get(keys.get(k));
        if (t == null || !Arrays.equals(t.shape(), shapes.get(k))) {
          throw new ContractViolation(what + "[\"" + keys.get(k) + "\"] must have shape "
              + Arrays.toString(shapes.get(k)) + ", got " + (t == null ? "null" : Arrays.toString(t.shape())));
        }
        double[] d = t.toArray();
        System.arraycopy(d, 0, out, at, d.length);
        at += d.length;
      }
      return out;
    }

    Map<String, Tensor> unpack(double[] flat) {
      Map<String, Tensor> out = new LinkedHashMap<>();
      int at = 0;
      for (int k = 0; k < keys.size(); k++) {
        int[] shape = shapes.get(k);
        int n = 1;
        for (int s : shape) {
          n *= s;
        }
        Tensor t = Tensor.of(Arrays.copyOfRange(flat, at, at + n), shape);
        if (requiresGrad.get(k)) {
          t.requiresGrad(true);
        }
        out.put(keys.get(k), t);
        at += n;
      }
      return out;
    }
  }
}
