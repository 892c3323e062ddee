package org.minima4j.optim;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.minima4j.nn.Module;
import org.minima4j.nn.Parameter;
import org.minima4j.tensor.Tensor;

/**
 * Running averages of a model's parameters for stochastic weight averaging (Izmailov et al., 2018)
 * or an exponential moving average, as torch's {@code torch.optim.swa_utils.AveragedModel}.
 *
 * <p>The first {@link #updateParameters} copies the model's values; later calls apply the average
 * function ({@link #swa()}: {@code avg + (p - avg)/(n + 1)}; {@link #ema(double)}:
 * {@code decay*avg + (1-decay)*p}, torch 2.x's {@code get_ema_avg_fn}). Buffers are averaged too
 * with {@code useBuffers}, otherwise copied. Deviation: torch deep-copies the module; minima4j
 * keeps the averaged values by parameter name ({@link #averagedState()}) and writes them into a
 * module of the same architecture with {@link #copyTo(Module)}.
 */
public final class AveragedModel {

  /** An averaging rule: the new average from the old one, the model's value and the count so far. */
  @FunctionalInterface
  public interface AvgFn {
    double apply(double averaged, double current, long numAveraged);
  }

  /** The SWA running mean (torch's default {@code avg_fn}). */
  public static AvgFn swa() {
    return (avg, p, n) -> avg + (p - avg) / (n + 1);
  }

  /** An exponential moving average with {@code decay} in [0, 1]. */
  public static AvgFn ema(double decay) {
    if (!(decay >= 0.0 && decay <= 1.0)) {
      throw new IllegalArgumentException("Invalid decay value " + decay + " provided. Please provide a value in [0,1] range.");
    }
    return (avg, p, n) -> decay * avg + (1 - decay) * p;
  }

  private final AvgFn avgFn;
  private final boolean useBuffers;
  private final Map<String, double[]> params = new LinkedHashMap<>();
  private final Map<String, double[]> buffers = new LinkedHashMap<>();
  private final Map<String, int[]> shapes = new LinkedHashMap<>();
  private long nAveraged;

  /** SWA averages of the model's parameters. */
  public AveragedModel(Module model) {
    this(model, swa(), false);
  }

  public AveragedModel(Module model, AvgFn avgFn, boolean useBuffers) {
    this.avgFn = Objects.requireNonNull(avgFn, "avgFn");
    this.useBuffers = useBuffers;
    for (Map.Entry<String, Parameter> e : model.namedParameters().entrySet()) {
      params.put(e.getKey(), e.getValue().toArray());
      shapes.put(e.getKey(), e.getValue().shape());
    }
    for (Map.Entry<String, Tensor> e : model.namedBuffers().entrySet()) {
      buffers.put(e.getKey(), e.getValue().toArray());
      shapes.put(e.getKey(), e.getValue().shape());
    }
  }

  /** How many models have been averaged ({@code n_averaged}). */
  public long nAveraged() {
    return nAveraged;
  }

  /** Folds the model's current values into the averages. */
  public void updateParameters(Module model) {
    Map<String, Parameter> mp = model.namedParameters();
    Map<String, Tensor> mb = model.namedBuffers();
    if (!mp.keySet().equals(params.keySet()) || !mb.keySet().equals(buffers.keySet())) {
      throw new IllegalArgumentException("the model's parameters " + mp.keySet() + " and buffers " + mb.keySet()
          + " differ from the averaged ones " + params.keySet() + " and " + buffers.keySet());
    }
    for (Map.Entry<String, double[]> e : params.entrySet()) {
      fold(e.getKey(), e.getValue(), mp.get(e.getKey()).data());
    }
    for (Map.Entry<String, double[]> e : buffers.entrySet()) {
      double[] src = mb.get(e.getKey()).data();
      if (useBuffers) {
        fold(e.getKey(), e.getValue(), src);
      } else {
        checkSize(e.getKey(), e.getValue(), src);
        System.arraycopy(src, 0, e.getValue(), 0, src.length);
      }
    }
    nAveraged++;
  }

  private void fold(String name, double[] avg, double[] cur) {
    checkSize(name, avg, cur);
    if (nAveraged == 0) {
      System.arraycopy(cur, 0, avg, 0, cur.length);
      return;
    }
    for (int i = 0; i < avg.length; i++) {
      avg[i] = avgFn.apply(avg[i], cur[i], nAveraged);
    }
  }

  private static void checkSize(String name, double[] avg, double[] cur) {
    if (avg.length != cur.length) {
      throw new IllegalArgumentException("'" + name + "' has " + cur.length + " values in the model but "
          + avg.length + " in the average");
    }
  }

  /** The averaged parameters and buffers by name (copies). */
  public Map<String, Tensor> averagedState() {
    Map<String, Tensor> out = new LinkedHashMap<>();
    for (Map.Entry<String, double[]> e : params.entrySet()) {
      out.put(e.getKey(), Tensor.of(e.getValue().clone(), shapes.get(e.getKey())));
    }
    for (Map.Entry<String, double[]> e : buffers.entrySet()) {
      out.put(e.getKey(), Tensor.of(e.getValue().clone(), shapes.get(e.getKey())));
    }
    return out;
  }

  /**
   * {@code n_averaged} and the averaged values by name ({@code params}, {@code buffers}), for
   * {@link StateDicts} files; arrays are copies.
   */
  public Map<String, Object> stateDict() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("n_averaged", nAveraged);
    Map<String, Object> p = new LinkedHashMap<>();
    params.forEach((k, v) -> p.put(k, v.clone()));
    Map<String, Object> b = new LinkedHashMap<>();
    buffers.forEach((k, v) -> b.put(k, v.clone()));
    m.put("params", p);
    m.put("buffers", b);
    return m;
  }

  /** Restores a state saved by {@link #stateDict()}; names and sizes must match. */
  public void loadStateDict(Map<String, ?> state) {
    Object p = state.get("params");
    Object b = state.get("buffers");
    if (!(p instanceof Map) || !(b instanceof Map)) {
      throw new IllegalArgumentException("an AveragedModel state needs 'params' and 'buffers' maps");
    }
    Map<String, double[]> np = read((Map<?, ?>) p, params);
    Map<String, double[]> nb = read((Map<?, ?>) b, buffers);
    long n = (long) Hyper.scalar(state, "n_averaged", "AveragedModel state");
    np.forEach((k, v) -> System.arraycopy(v, 0, params.get(k), 0, v.length));
    nb.forEach((k, v) -> System.arraycopy(v, 0, buffers.get(k), 0, v.length));
    nAveraged = n;
  }

  private static Map<String, double[]> read(Map<?, ?> saved, Map<String, double[]> current) {
    if (!saved.keySet().equals(current.keySet())) {
      throw new IllegalArgumentException("the saved names " + saved.keySet() + " differ from " + current.keySet());
    }
    Map<String, double[]> out = new LinkedHashMap<>();
    for (Map.Entry<String, double[]> e : current.entrySet()) {
      double[] v = Hyper.array(saved.get(e.getKey()), e.getKey());
      if (v.length != e.getValue().length) {
        throw new IllegalArgumentException("'" + e.getKey() + "' has " + v.length + " values in the state but "
            + e.getValue().length + " in the model");
      }
      out.put(e.getKey(), v);
    }
    return out;
  }

  /** Writes the averages into {@code target}, a module with the same parameter and buffer names. */
  public void copyTo(Module target) {
    target.loadStateDict(averagedState());
  }
}
