package org.minima4j.cli.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import org.minima4j.nn.Linear;
import org.minima4j.nn.Losses;
import org.minima4j.nn.Parameter;
import org.minima4j.nn.ReLU;
import org.minima4j.nn.Sequential;
import org.minima4j.nn.utils.ParameterVector;
import org.minima4j.tensor.Tensor;

/**
 * The reference seed experiment (reference/seed_mlp.json): Sequential(Linear(2,2,false), ReLU,
 * Linear(2,2,true)) learning the identity on 32 inputs whose second column is scaled by 1e3; 10
 * parameters packed [W1 row-major, W2 row-major, b2]; MSE loss; start x0; bounds [-1, 1]^10.
 *
 * <p>Gradients come from the nn module through autograd. The loss alone, which the gradient-free
 * methods call thousands of times, is evaluated by {@link #loss(double[])}: the same arithmetic
 * written out over the 32 rows (agreement with the module is tested to 1e-14 relative).
 */
public final class SeedMlpProblem implements Problem {
  private final double[][] input;
  private final double[][] target;
  private final double[] x0;
  private final Tensor inputT;
  private final Tensor targetT;
  private final Sequential model;
  private final List<Parameter> params;
  private final JsonNode reference;

  public SeedMlpProblem() {
    reference = ReferenceData.load("seed_mlp.json");
    input = ReferenceData.matrix(reference.get("input"));
    target = ReferenceData.matrix(reference.get("target"));
    x0 = ReferenceData.vector(reference.get("x0"));
    inputT = Tensor.of(input);
    targetT = Tensor.of(target);
    model = new Sequential(new Linear(2, 2, false), new ReLU(), new Linear(2, 2, true));
    params = model.parameters();
  }

  /** The reference file's content (results of the Python anchors). */
  public JsonNode reference() {
    return reference;
  }

  @Override
  public String name() {
    return "seed-mlp";
  }

  @Override
  public String description() {
    return "2-2-2 ReLU network learning the identity (inputs' 2nd column x1e3), 10 parameters, MSE (reference/seed_mlp.json)";
  }

  @Override
  public int dimension() {
    return 10;
  }

  @Override
  public double[] x0() {
    return x0.clone();
  }

  @Override
  public double[] lower() {
    double[] l = new double[10];
    Arrays.fill(l, -1.0);
    return l;
  }

  @Override
  public double[] upper() {
    double[] u = new double[10];
    Arrays.fill(u, 1.0);
    return u;
  }

  @Override
  public List<String> defaultMethods() {
    return List.of("adam", "slsqp", "pso", "cma", "dual-annealing");
  }

  /** Adam with lr 1.0 as the seed article (other methods: lr 1.0 too, torch's defaults otherwise). */
  @Override
  public GradientConfig gradientConfig(String method) {
    return new GradientConfig(1.0, "momentum".equals(method) ? 0.9 : 0.0, 0.99, 0.9, 0.999);
  }

  /** The reference SLSQP run used {@code options={'eps': 1e-3}}. */
  @Override
  public double finiteDifferenceStep() {
    return 1e-3;
  }

  @Override
  public double loss(double[] x) {
    double w00 = x[0];
    double w01 = x[1];
    double w10 = x[2];
    double w11 = x[3];
    double v00 = x[4];
    double v01 = x[5];
    double v10 = x[6];
    double v11 = x[7];
    double b0 = x[8];
    double b1 = x[9];
    double s = 0.0;
    for (int i = 0; i < input.length; i++) {
      double a = input[i][0];
      double b = input[i][1];
      double h0 = w00 * a + w01 * b;
      double h1 = w10 * a + w11 * b;
      h0 = h0 > 0 ? h0 : 0.0;
      h1 = h1 > 0 ? h1 : 0.0;
      double y0 = (v00 * h0 + v01 * h1) + b0;
      double y1 = (v10 * h0 + v11 * h1) + b1;
      double d0 = y0 - target[i][0];
      double d1 = y1 - target[i][1];
      s += d0 * d0;
      s += d1 * d1;
    }
    return s / (2.0 * input.length);
  }

  /** The loss through the nn module (forward only). */
  public double moduleLoss(double[] x) {
    ParameterVector.vectorToParameters(x, params);
    return org.minima4j.autograd.GradMode.noGrad(() -> Losses.mse(model.forward(inputT), targetT).item());
  }

  @Override
  public double stepLossAndGradient(int step, double[] x, double[] gradient) {
    ParameterVector.vectorToParameters(x, params);
    for (Parameter p : params) {
      p.setGrad(null);
    }
    Tensor loss = Losses.mse(model.forward(inputT), targetT);
    loss.backward();
    double[] g = ParameterVector.gradToArray(params);
    System.arraycopy(g, 0, gradient, 0, g.length);
    return loss.item();
  }
}
