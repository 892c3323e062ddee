package org.minima4j.examples;

import java.util.LinkedHashMap;
import java.util.Map;
import org.minima4j.optimize.DictMinimize;
import org.minima4j.optimize.DictObjective;
import org.minima4j.optimize.Method;
import org.minima4j.optimize.MinimizeOptions;
import org.minima4j.tensor.Tensor;

/**
 * README: dict-minimize. The 2-D Rosenbrock function with its coordinates in two named tensors,
 * the gradient from autograd, and bounds given as maps with the same keys.
 */
public final class DictMinimizeRosenbrock {
  private DictMinimizeRosenbrock() {}

  public static void main(String[] args) {
    DictObjective rosen = params -> {
      Tensor a = params.get("a").requiresGrad(true);
      Tensor b = params.get("b").requiresGrad(true);
      Tensor f = b.sub(a.square()).square().mul(100).add(a.rsub(1).square()).sum();
      f.backward();
      return new DictObjective.ValueAndGrad(f.item(), Map.of("a", a.grad(), "b", b.grad()));
    };
    Map<String, Tensor> x0 = new LinkedHashMap<>();
    x0.put("a", Tensor.of(-1.2));
    x0.put("b", Tensor.of(1.0));
    Map<String, Tensor> lb = Map.of("a", Tensor.of(-2.0), "b", Tensor.of(-2.0));
    Map<String, Tensor> ub = Map.of("a", Tensor.of(2.0), "b", Tensor.of(2.0));
    Map<String, Tensor> best = DictMinimize.minimize(rosen, x0, lb, ub, Method.L_BFGS_B, MinimizeOptions.DEFAULTS);
    System.out.printf("a = %.6f, b = %.6f%n", best.get("a").item(), best.get("b").item());
  }
}
