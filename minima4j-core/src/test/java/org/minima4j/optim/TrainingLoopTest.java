package org.minima4j.optim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minima4j.nn.Linear;
import org.minima4j.nn.Losses;
import org.minima4j.nn.Parameter;
import org.minima4j.nn.ReLU;
import org.minima4j.nn.Sequential;
import org.minima4j.optim.lr.LRScheduler;
import org.minima4j.optim.lr.SWALR;
import org.minima4j.optim.lr.StepLR;
import org.minima4j.tensor.Tensor;

/**
 * The torch-style loop of DESIGN.md on a small seeded regression (autograd, Adam, StepLR), and
 * checkpoint round trips of SparseAdam and SWALR.
 */
class TrainingLoopTest {

  private static Sequential model(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    return new Sequential(new Linear(2, 8, true, rng), new ReLU(), new Linear(8, 1, true, rng));
  }

  private static double train(Sequential model, Adam opt, LRScheduler sched, Tensor x, Tensor y, int steps) {
    double loss = Double.NaN;
    for (int it = 0; it < steps; it++) {
      opt.zeroGrad();
      Tensor l = Losses.mse(model.forward(x), y);
      l.backward();
      opt.step();
      sched.step();
      loss = l.item();
    }
    return loss;
  }

  @Test
  void adamWithStepLrFitsAndResumesBitIdentically(@TempDir Path dir) throws Exception {
    SplittableRandom data = new SplittableRandom(1);
    double[] xs = new double[64 * 2];
    double[] ys = new double[64];
    for (int i = 0; i < 64; i++) {
      xs[2 * i] = data.nextDouble(-1, 1);
      xs[2 * i + 1] = data.nextDouble(-1, 1);
      ys[i] = xs[2 * i] * xs[2 * i] - 0.5 * xs[2 * i + 1];
    }
    Tensor x = Tensor.of(xs, 64, 2);
    Tensor y = Tensor.of(ys, 64, 1);

    Sequential a = model(7);
    Adam optA = new Adam(a.parameters(), Adam.Options.DEFAULTS.withLr(0.05));
    StepLR schedA = new StepLR(optA, 40, 0.5);
    double first = Losses.mse(a.forward(x), y).item();
    train(a, optA, schedA, x, y, 60);
    optA.saveStateDict(dir.resolve("opt.json"));
    Map<String, Tensor> weights = a.stateDict();
    Map<String, Object> sched = schedA.stateDict();
    double lossA = train(a, optA, schedA, x, y, 60);
    assertThat(lossA).isLessThan(first * 0.2);

    Sequential b = model(99);
    b.loadStateDict(weights);
    Adam optB = new Adam(b.parameters(), Adam.Options.DEFAULTS);
    StepLR schedB = new StepLR(optB, 40, 0.5);
    optB.loadStateDict(dir.resolve("opt.json"));
    schedB.loadStateDict(StateDicts.fromJson(StateDicts.toJson(sched)));
    double lossB = train(b, optB, schedB, x, y, 60);
    assertThat(lossB).isEqualTo(lossA);
    for (Map.Entry<String, Parameter> e : a.namedParameters().entrySet()) {
      assertThat(b.namedParameters().get(e.getKey()).data()).isEqualTo(e.getValue().data());
    }
    assertThat(optB.paramGroups().get(0).lr()).isEqualTo(optA.paramGroups().get(0).lr());
  }

  @Test
  void sparseAdamResumesBitIdentically() {
    double[] e0 = {0.1, -0.2, 0.3, 0.4, 0.0, -0.1, -0.3, 0.2, 0.5};
    int[][] batches = {{0, 2, 2}, {1}, {2, 0}};
    SparseEmbedding t1 = new SparseEmbedding(3, 3, e0);
    SparseAdam o1 = new SparseAdam(List.of(t1), SparseAdam.Options.DEFAULTS.withLr(0.05));
    for (int k = 0; k < 4; k++) {
      sparseStep(t1, o1, batches[k % 3]);
    }
    String json = StateDicts.toJson(o1.stateDict());
    SparseEmbedding t2 = new SparseEmbedding(3, 3, t1.weight().toArray());
    SparseAdam o2 = new SparseAdam(List.of(t2), SparseAdam.Options.DEFAULTS);
    o2.loadStateDict(StateDicts.fromJson(json));
    for (int k = 4; k < 9; k++) {
      sparseStep(t1, o1, batches[k % 3]);
      sparseStep(t2, o2, batches[k % 3]);
    }
    assertThat(t2.weight().data()).isEqualTo(t1.weight().data());
  }

  @Test
  void sparseAdamLeavesTablesWithoutGradientAlone() {
    SparseEmbedding used = new SparseEmbedding(2, 2, new double[] {1, 2, 3, 4});
    SparseEmbedding idle = new SparseEmbedding(2, 2, new double[] {5, 6, 7, 8});
    SparseAdam opt = new SparseAdam(List.of(used, idle), SparseAdam.Options.DEFAULTS.withLr(0.1));
    for (int k = 0; k < 3; k++) {
      sparseStep(used, opt, new int[] {1});
    }
    assertThat(idle.weight().data()).containsExactly(5, 6, 7, 8);
    assertThat(opt.state(idle.weight())).isNull();
    assertThat(used.weight().data()[0]).isEqualTo(1.0); // row 0 never looked up: lazy update
    assertThat(used.weight().data()[2]).isNotEqualTo(3.0);
  }

  private static void sparseStep(SparseEmbedding t, SparseAdam o, int[] idx) {
    o.zeroGrad();
    Tensor rows = t.forward(idx);
    rows.mul(rows).sum().add(rows.sin().sum()).backward();
    o.step();
  }

  @Test
  void swalrResumesBitIdentically() {
    SGD o1 = new SGD(List.of(new Parameter(new double[2], 2)), SGD.Options.DEFAULTS.withLr(0.1));
    SWALR s1 = new SWALR(o1, new double[] {0.02}, 5, "cos", -1);
    for (int k = 0; k < 2; k++) {
      o1.step();
      s1.step();
    }
    String oj = StateDicts.toJson(o1.stateDict());
    String sj = StateDicts.toJson(s1.stateDict());
    SGD o2 = new SGD(List.of(new Parameter(new double[2], 2)), SGD.Options.DEFAULTS.withLr(0.1));
    SWALR s2 = new SWALR(o2, new double[] {0.02}, 5, "cos", -1);
    o2.loadStateDict(StateDicts.fromJson(oj));
    s2.loadStateDict(StateDicts.fromJson(sj));
    for (int k = 0; k < 6; k++) {
      s1.step();
      s2.step();
      assertThat(o2.paramGroups().get(0).lr()).isEqualTo(o1.paramGroups().get(0).lr());
    }
  }
}
