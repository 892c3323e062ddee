package org.minima4j.optimize.global.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.minima4j.optimize.Objective;

/**
 * Evaluates a batch, in the calling thread or through an {@link Executor}. Values are returned in
 * batch order whatever the scheduling, so results do not depend on the number of threads.
 */
public final class Evaluator {
  private Evaluator() {
  }

  public static double[] evaluate(Objective f, List<double[]> batch, Executor executor) {
    double[] out = new double[batch.size()];
    if (executor == null || batch.size() == 1) {
      for (int i = 0; i < out.length; i++) {
        out[i] = valueOfCopy(f, batch.get(i));
      }
      return out;
    }
    List<CompletableFuture<Double>> futures = new ArrayList<>(batch.size());
    for (double[] x : batch) {
      double[] copy = x.clone();
      futures.add(CompletableFuture.supplyAsync(() -> f.value(copy), executor));
    }
    for (int i = 0; i < out.length; i++) {
      try {
        out[i] = futures.get(i).join();
      } catch (CompletionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException re) {
          throw re;
        }
        if (cause instanceof Error err) {
          throw err;
        }
        throw e;
      }
    }
    return out;
  }

  /**
   * {@code f} at a copy of {@code x}. A method of its own: called once per evaluation it is compiled
   * early (the array copy then intrinsic), while the loop over a batch runs interpreted for the
   * first hundred batches or so.
   */
  private static double valueOfCopy(Objective f, double[] x) {
    return f.value(x.clone());
  }
}
