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
 * <p>The loss ({@link #loss(double[])}, called thousands of times by the gradient-free methods) and
 * its gradient ({@link #stepLossAndGradient}) are the network's arithmetic written out over the 32
 * rows, as {@link SeedRegressionProblem} does; both are checked against the nn module through
 * autograd ({@link #moduleLoss}, {@link #moduleLossAndGradient}). No mutable state, so methods can
 * run concurrently on one instance.
 */
public final class SeedMlpProblem implements Problem {
  /** The inputs and targets interleaved per row, {@code [a0, b0, t00, t01, a1, b1, ...]}, for the loss loops. */
  private final double[] rows;
  /** The number of entries the MSE averages over (32 rows x 2 outputs). */
  private final double entries;
  private final double[] x0;
  private final Tensor inputT;
  private final Tensor targetT;
  private final Sequential model;
  private final List<Parameter> params;
  private final JsonNode reference;

  public SeedMlpProblem() {
    reference = ReferenceData.load("seed_mlp.json");
    double[][] input = ReferenceData.matrix(reference.get("input"));
    double[][] target = ReferenceData.matrix(reference.get("target"));
    entries = 2.0 * input.length;
    rows = new double[4 * input.length];
    for (int i = 0; i < input.length; i++) {
      rows[4 * i] = input[i][0];
      rows[4 * i + 1] = input[i][1];
      rows[4 * i + 2] = target[i][0];
      rows[4 * i + 3] = target[i][1];
    }
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
    return lossAndGradient(x, null);
  }

  /** The loss through the nn module (forward only; not thread-safe, see {@link #moduleLossAndGradient}). */
  public synchronized double moduleLoss(double[] x) {
    ParameterVector.vectorToParameters(x, params);
    return org.minima4j.autograd.GradMode.noGrad(() -> Losses.mse(model.forward(inputT), targetT).item());
  }

  /**
   * The MSE loss and its gradient with backpropagation written out over the 32 rows (the same
   * forward arithmetic as {@link #loss}; torch's MSE backward {@code 2 (y - t) / N} and ReLU backward
   * {@code grad * (z > 0)}). Stateless, so methods may run on several threads at once; agreement
   * with the nn module through autograd ({@link #moduleLossAndGradient}) is tested to 1e-12.
   */
  @Override
  public double stepLossAndGradient(int step, double[] x, double[] gradient) {
    return lossAndGradient(x, gradient);
  }

  /** The loss, and its gradient into {@code gradient} unless that is null (then forward only). */
  private double lossAndGradient(double[] x, double[] gradient) {
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
    double n = entries;
    double s = 0.0;
    double gw00 = 0.0;
    double gw01 = 0.0;
    double gw10 = 0.0;
    double gw11 = 0.0;
    double gv00 = 0.0;
    double gv01 = 0.0;
    double gv10 = 0.0;
    double gv11 = 0.0;
    double gb0 = 0.0;
    double gb1 = 0.0;
    double[] r = rows;
    for (int k = 0; k < r.length; k += 4) {
      double a = r[k];
      double b = r[k + 1];
      double z0 = w00 * a + w01 * b;
      double z1 = w10 * a + w11 * b;
      double h0 = z0 > 0 ? z0 : 0.0;
      double h1 = z1 > 0 ? z1 : 0.0;
      double d0 = ((v00 * h0 + v01 * h1) + b0) - r[k + 2];
      double d1 = ((v10 * h0 + v11 * h1) + b1) - r[k + 3];
      s += d0 * d0;
      s += d1 * d1;
      if (gradient == null) {
        continue;
      }
      double r0 = 2.0 * d0 / n;
      double r1 = 2.0 * d1 / n;
      gv00 += r0 * h0;
      gv01 += r0 * h1;
      gv10 += r1 * h0;
      gv11 += r1 * h1;
      gb0 += r0;
      gb1 += r1;
      if (z0 > 0) {
        double dz0 = r0 * v00 + r1 * v10;
        gw00 += dz0 * a;
        gw01 += dz0 * b;
      }
      if (z1 > 0) {
        double dz1 = r0 * v01 + r1 * v11;
        gw10 += dz1 * a;
        gw11 += dz1 * b;
      }
    }
    if (gradient == null) {
      return s / n;
    }
    gradient[0] = gw00;
    gradient[1] = gw01;
    gradient[2] = gw10;
    gradient[3] = gw11;
    gradient[4] = gv00;
    gradient[5] = gv01;
    gradient[6] = gv10;
    gradient[7] = gv11;
    gradient[8] = gb0;
    gradient[9] = gb1;
    return s / n;
  }

  /**
   * The loss and gradient through the nn module and autograd (what {@link #stepLossAndGradient}
   * is checked against). Not thread-safe: it loads {@code x} into the module's parameters.
   */
  public synchronized double moduleLossAndGradient(double[] x, double[] gradient) {
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
