package org.minima4j.examples;

import java.util.List;
import org.minima4j.optimize.global.cmaes.CMA;
import org.minima4j.optimize.problems.BenchmarkFunction;

/** README: CMA-ES driven by hand through ask/tell on the 10-D Rastrigin function. */
public final class CmaAskTell {
  private CmaAskTell() {}

  public static void main(String[] args) {
    double[] x0 = new double[10];
    java.util.Arrays.fill(x0, 3.0);
    CMA es = new CMA(x0, 2.0, CMA.Options.DEFAULTS.withSeed(42));
    while (!es.shouldStop() && es.generation() < 300) {
      List<double[]> xs = es.ask();
      double[] values = new double[xs.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = BenchmarkFunction.RASTRIGIN.value(xs.get(i));
      }
      es.tell(xs, values);
    }
    System.out.printf("best %.4g after %d evaluations (%d generations)%n", es.bestValue(), es.evaluations(), es.generation());
  }
}
