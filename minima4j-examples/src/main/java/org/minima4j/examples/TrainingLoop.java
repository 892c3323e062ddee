package org.minima4j.examples;

import java.util.Map;
import java.util.SplittableRandom;
import org.minima4j.nn.Linear;
import org.minima4j.nn.Losses;
import org.minima4j.nn.ReLU;
import org.minima4j.nn.Sequential;
import org.minima4j.optim.Adam;
import org.minima4j.optim.lr.StepLR;
import org.minima4j.tensor.Tensor;

/** README: a torch-style training loop with Adam, a StepLR schedule and a checkpoint. */
public final class TrainingLoop {
  private TrainingLoop() {}

  public static void main(String[] args) {
    SplittableRandom rng = new SplittableRandom(42);
    Tensor x = Tensor.randn(rng, 32, 2);
    Tensor y = x.copy();                                   // learn the identity
    Sequential model = new Sequential(new Linear(2, 2, false, rng), new ReLU(), new Linear(2, 2, true, rng));
    Adam opt = new Adam(model.parameters(), Adam.Options.DEFAULTS.withLr(0.05));
    StepLR sched = new StepLR(opt, 30, 0.1);
    double first = Double.NaN;
    double last = Double.NaN;
    for (int it = 0; it < 100; it++) {
      opt.zeroGrad();
      Tensor loss = Losses.mse(model.forward(x), y);
      loss.backward();
      opt.step();
      sched.step();
      if (it == 0) {
        first = loss.item();
      }
      last = loss.item();
    }
    Map<String, Object> checkpoint = opt.stateDict();     // round-trips bit-identically through loadStateDict
    System.out.printf("loss %.4f -> %.4f; checkpoint keys %s%n", first, last, checkpoint.keySet());
  }
}
