package org.minima4j.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.minima4j.nn.Linear;
import org.minima4j.nn.Losses;
import org.minima4j.tensor.Tensor;

/** dict-minimize over named tensors, and the module convenience with autograd. */
class DictMinimizeTest {
  /** f = sum (w - 1)^2 over a 2x2 "w" plus sum (b_i - i)^2 over a 3-vector "b". */
  static DictObjective quadratic() {
    return x -> {
      double[] w = x.get("w").toArray();
      double[] b = x.get("b").toArray();
      double f = 0;
      double[] gw = new double[4];
      double[] gb = new double[3];
      for (int i = 0; i < 4; i++) {
        f += (w[i] - 1) * (w[i] - 1);
        gw[i] = 2 * (w[i] - 1);
      }
      for (int i = 0; i < 3; i++) {
        f += (b[i] - i) * (b[i] - i);
        gb[i] = 2 * (b[i] - i);
      }
      Map<String, Tensor> g = new LinkedHashMap<>();
      g.put("b", Tensor.of(gb, 3));
      g.put("w", Tensor.of(gw, 2, 2));
      return new DictObjective.ValueAndGrad(f, g);
    };
  }

  static Map<String, Tensor> x0() {
    Map<String, Tensor> x0 = new LinkedHashMap<>();
    x0.put("w", Tensor.zeros(2, 2));
    x0.put("b", Tensor.zeros(3));
    return x0;
  }

  @Test
  void solvesAndKeepsKeysOrderAndShapes() {
    for (Method m : new Method[] {Method.L_BFGS_B, Method.BFGS, Method.SLSQP, Method.CG}) {
      Map<String, Tensor> best = Minimize.minimize(quadratic(), x0(), null, null, m, MinimizeOptions.DEFAULTS);
      assertThat(best.keySet()).containsExactly("w", "b");
      assertThat(best.get("w").shape()).containsExactly(2, 2);
      assertThat(best.get("b").shape()).containsExactly(3);
      assertThat(best.get("w").toArray()).containsExactly(new double[] {1, 1, 1, 1}, within(1e-5));
      assertThat(best.get("b").toArray()).containsExactly(new double[] {0, 1, 2}, within(1e-5));
    }
  }

  @Test
  void boundsMapsAreFlattenedByKey() {
    Map<String, Tensor> lb = new LinkedHashMap<>();
    lb.put("b", Tensor.full(Double.NEGATIVE_INFINITY, 3));
    lb.put("w", Tensor.full(Double.NEGATIVE_INFINITY, 2, 2));
    Map<String, Tensor> ub = new LinkedHashMap<>();
    ub.put("w", Tensor.full(0.5, 2, 2));
    ub.put("b", Tensor.of(new double[] {10, 10, 1.5}, 3));
    DictMinimize.DictResult r = DictMinimize.minimizeWithResult(quadratic(), x0(), lb, ub, Method.L_BFGS_B,
        MinimizeOptions.DEFAULTS);
    assertThat(r.result().success()).isTrue();
    assertThat(r.x().get("w").toArray()).containsExactly(new double[] {0.5, 0.5, 0.5, 0.5}, within(1e-8));
    assertThat(r.x().get("b").toArray()).containsExactly(new double[] {0, 1, 1.5}, within(1e-6));
    // the flat result agrees with the map
    assertThat(r.result().x()).hasSize(7);
  }

  @Test
  void moduleConvenienceFitsALinearModelWithAutograd() {
    SplittableRandom rng = new SplittableRandom(7);
    int rows = 20;
    double[] xs = new double[rows * 2];
    double[] ys = new double[rows];
    for (int i = 0; i < rows; i++) {
      xs[2 * i] = rng.nextDouble(-1, 1);
      xs[2 * i + 1] = rng.nextDouble(-1, 1);
      ys[i] = 3 * xs[2 * i] - 2 * xs[2 * i + 1] + 0.5;
    }
    Tensor input = Tensor.of(xs, rows, 2);
    Tensor target = Tensor.of(ys, rows, 1);
    Linear model = new Linear(2, 1, true, new SplittableRandom(1));
    OptimizeResult r = DictMinimize.minimize(model, () -> Losses.mse(model.forward(input), target), Method.L_BFGS_B,
        MinimizeOptions.DEFAULTS.withGtol(1e-10));
    assertThat(r.success()).as(r.message()).isTrue();
    assertThat(r.fun()).isLessThan(1e-12);
    Map<String, ? extends Tensor> p = model.namedParameters();
    assertThat(p.get("weight").toArray()).containsExactly(new double[] {3, -2}, within(1e-6));
    assertThat(p.get("bias").toArray()).containsExactly(new double[] {0.5}, within(1e-6));
  }

  @Test
  void autogradClosureOverNamedTensors() {
    Map<String, Tensor> x0 = new LinkedHashMap<>();
    x0.put("w", Tensor.zeros(2, 2));
    x0.put("unused", Tensor.zeros(1));
    Tensor target = Tensor.of(new double[] {1, 2, 3, 4}, 2, 2);
    DictMinimize.DictResult r = DictMinimize.minimizeAutograd(
        x -> x.get("w").sub(target).pow(2).sum(), x0, null, null, Method.L_BFGS_B, MinimizeOptions.DEFAULTS);
    assertThat(r.result().success()).as(r.result().message()).isTrue();
    assertThat(r.x().get("w").toArray()).containsExactly(new double[] {1, 2, 3, 4}, within(1e-6));
    assertThat(r.x().get("unused").toArray()).containsExactly(0.0);
  }

  @Test
  void badInputFailsClearly() {
    DictObjective f = quadratic();
    assertThatThrownBy(() -> DictMinimize.minimize(f, Map.of(), null, null, Method.BFGS, MinimizeOptions.DEFAULTS))
        .hasMessageContaining("non-empty");
    assertThatThrownBy(() -> DictMinimize.minimize(f, x0(), x0(), null, Method.L_BFGS_B, MinimizeOptions.DEFAULTS))
        .hasMessageContaining("both");
    Map<String, Tensor> badShape = x0();
    badShape.put("b", Tensor.zeros(4));
    assertThatThrownBy(() -> DictMinimize.minimize(f, x0(), badShape, x0(), Method.L_BFGS_B,
        MinimizeOptions.DEFAULTS)).hasMessageContaining("lb[\"b\"] must have shape [3], got [4]");
    DictObjective missing = x -> new DictObjective.ValueAndGrad(0.0, Map.of("w", Tensor.zeros(2, 2)));
    assertThatThrownBy(() -> DictMinimize.minimize(missing, x0(), null, null, Method.BFGS, MinimizeOptions.DEFAULTS))
        .hasMessageContaining("gradient must have the keys [w, b]");
    assertThatThrownBy(() -> DictMinimize.minimize(new Linear(2, 1), () -> Tensor.zeros(2), Method.BFGS,
        MinimizeOptions.DEFAULTS)).hasMessageContaining("loss must return a scalar tensor");
    assertThatThrownBy(() -> DictMinimize.minimizeAutograd(x -> x.get("w"), x0(), null, null, Method.BFGS,
        MinimizeOptions.DEFAULTS)).hasMessageContaining("loss must return a scalar tensor, got shape [2, 2]");
    assertThatThrownBy(() -> DictMinimize.minimizeAutograd(null, x0(), null, null, Method.BFGS,
        MinimizeOptions.DEFAULTS)).hasMessageContaining("loss must not be null");
    assertThatThrownBy(() -> Minimize.minimize(f, x0(), null, null, Method.BFGS, null))
        .hasMessageContaining("options must not be null");
    Map<String, Tensor> lbMissing = new LinkedHashMap<>();
    lbMissing.put("w", Tensor.zeros(2, 2));
    assertThatThrownBy(() -> DictMinimize.minimize(f, x0(), lbMissing, x0(), Method.L_BFGS_B,
        MinimizeOptions.DEFAULTS)).hasMessageContaining("lb must have the keys [w, b]");
  }
}
