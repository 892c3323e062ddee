package org.minima4j.cli.experiments;

/**
 * An optimization problem the compare command runs methods on: a flat parameter vector with a
 * start point, box bounds for the gradient-free methods, the objective, and a (mini-batch)
 * gradient for the gradient methods.
 */
public interface Problem {
  /** The name used on the command line. */
  String name();

  /** One line for the help text and the result file. */
  String description();

  int dimension();

  /** The start point (a fresh copy). */
  double[] x0();

  /** Lower bounds for methods that need a box. */
  double[] lower();

  /** Upper bounds for methods that need a box. */
  double[] upper();

  /** The objective at {@code x}. */
  double loss(double[] x);

  /**
   * The loss and gradient a gradient method uses at its step {@code step} (0-based): the full
   * objective for full-batch problems, the step's mini-batch loss otherwise.
   */
  double stepLossAndGradient(int step, double[] x, double[] gradient);

  /** Iterations when {@code --maxiter} is not given (epochs for mini-batch problems). */
  default int defaultMaxiter() {
    return 100;
  }

  /**
   * True when gradient methods see mini-batch losses: their reported best loss is then the full
   * objective at the final point, not the smallest batch loss.
   */
  default boolean stochastic() {
    return false;
  }

  /** The methods run when none are named. */
  java.util.List<String> defaultMethods();

  /** Hyperparameters of a gradient method on this problem (default: torch's defaults with lr 0.01). */
  default GradientConfig gradientConfig(String method) {
    return new GradientConfig(0.01, "momentum".equals(method) ? 0.9 : 0.0, 0.99, 0.9, 0.999);
  }

  /** Objective evaluations one {@link #stepLossAndGradient} costs (1 when the gradient is analytic). */
  default int gradientEvaluationCost() {
    return 1;
  }

  /** The finite-difference step for methods without a gradient, or NaN for the method's default. */
  default double finiteDifferenceStep() {
    return Double.NaN;
  }

  /** Number of gradient steps per run for {@code maxiter} iterations (epochs x batches for mini-batch problems). */
  default int gradientSteps(int maxiter) {
    return maxiter;
  }
}
