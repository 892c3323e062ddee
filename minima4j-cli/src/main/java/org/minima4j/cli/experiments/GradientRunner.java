package org.minima4j.cli.experiments;

import java.util.List;
import java.util.function.BiFunction;
import org.minima4j.nn.Parameter;
import org.minima4j.optim.Optimizer;
import org.minima4j.tensor.Tensor;

/**
 * A torch.optim optimizer driving the problem's flat parameter vector: at each step it takes the
 * step's loss and gradient from the problem, records the loss (before the step, as the reference
 * runs do), and steps. The update rules are element-wise, so one flat parameter gives exactly the
 * trajectory torch computes over the model's separate tensors.
 */
final class GradientRunner implements MethodRunner {
  private final String name;
  private final String description;
  private final BiFunction<List<Parameter>, GradientConfig, Optimizer<?, ?>> factory;
  private final BiFunction<String, GradientConfig, String> config;

  GradientRunner(String name, String description, BiFunction<List<Parameter>, GradientConfig, Optimizer<?, ?>> factory,
      BiFunction<String, GradientConfig, String> config) {
    this.name = name;
    this.description = description;
    this.factory = factory;
    this.config = config;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public Trace run(Problem problem, int maxiter, long seed, int threads) {
    GradientConfig cfg = problem.gradientConfig(name);
    long t0 = System.nanoTime();
    Parameter p = new Parameter(problem.x0(), problem.dimension());
    Optimizer<?, ?> opt = factory.apply(List.of(p), cfg);
    int steps = problem.gradientSteps(maxiter);
    double[] loss = new double[steps];
    double[] g = new double[problem.dimension()];
    double best = Double.POSITIVE_INFINITY;
    double[] bestX = p.toArray();
    for (int k = 0; k < steps; k++) {
      opt.zeroGrad();
      double[] x = p.data();
      loss[k] = problem.stepLossAndGradient(k, x, g);
      if (loss[k] < best) {
        best = loss[k];
        bestX = x.clone();
      }
      p.setGrad(Tensor.of(g, problem.dimension()));
      opt.step();
    }
    if (problem.stochastic()) {
      // mini-batch losses are noisy: report the full objective at the final point
      bestX = p.toArray();
      best = problem.loss(bestX);
    }
    double seconds = (System.nanoTime() - t0) * 1e-9;
    long evals = (long) steps * problem.gradientEvaluationCost();
    return new Trace(name, config.apply(name, cfg), loss, Trace.runningMin(loss), best, evals, steps, seconds, bestX,
        steps + " steps");
  }
}
