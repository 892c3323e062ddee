package org.minima4j.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.minima4j.data.Synthetic;
import org.minima4j.data.TensorDataset;
import org.minima4j.nn.Linear;
import org.minima4j.nn.Losses;
import org.minima4j.nn.ReLU;
import org.minima4j.nn.Sequential;
import org.minima4j.optim.Adam;
import org.minima4j.optim.SGD;
import org.minima4j.tensor.Tensor;

class TrainerTest {
  private static Sequential net(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    return new Sequential(new Linear(2, 16, true, rng), new ReLU(), new Linear(16, 3, true, rng));
  }

  /** Part 0 (first 300 samples) or part 1 (last 100) of one draw of three blobs. */
  private static TensorDataset blobs(int part) {
    Tensor[] d = Synthetic.classification(400, 2, 3, 4.0, new SplittableRandom(11));
    int from = part == 0 ? 0 : 300;
    int len = part == 0 ? 300 : 100;
    return new TensorDataset(d[0].narrow(0, from, len), d[1].narrow(0, from, len));
  }

  @Test
  void learnsSeparableBlobsAndIsDeterministic() {
    Trainer.Result a = run(1);
    Trainer.Result b = run(1);
    assertThat(a.last().valAccuracy()).isGreaterThan(0.8); // chance is 1/3; the blobs overlap a little
    assertThat(a.last().trainLoss()).isLessThan(a.history().get(0).trainLoss());
    assertThat(a.history()).isEqualTo(b.history());
    assertThat(run(2).history()).isNotEqualTo(a.history());
  }

  private static Trainer.Result run(long seed) {
    Sequential m = net(7);
    Trainer t = new Trainer(m, new Adam(m.parameters(), Adam.Options.DEFAULTS.withLr(0.01)), Losses::crossEntropy,
        Trainer.Options.DEFAULTS.withEpochs(15).withBatchSize(32).withSeed(seed));
    return t.fit(blobs(0), blobs(1), null);
  }

  @Test
  void earlyStoppingAndCallbackStop() {
    Sequential m = net(7);
    // lr 0: the loss never improves, so patience 3 stops after epoch 4
    Trainer t = new Trainer(m, new SGD(m.parameters(), SGD.Options.DEFAULTS.withLr(0.0)), Losses::crossEntropy,
        Trainer.Options.DEFAULTS.withEpochs(50).withEarlyStopping(3, 0.0));
    Trainer.Result r = t.fit(blobs(0), blobs(1), null);
    assertThat(r.history()).hasSize(4);
    assertThat(r.stopReason()).contains("early stopping after epoch 4 (best epoch 1)");
    Sequential m2 = net(7);
    Trainer t2 = new Trainer(m2, new SGD(m2.parameters(), SGD.Options.DEFAULTS.withLr(0.1)), Losses::crossEntropy,
        Trainer.Options.DEFAULTS.withEpochs(50));
    Trainer.Result r2 = t2.fit(blobs(0), null, s -> s.epoch() == 2);
    assertThat(r2.history()).hasSize(2);
    assertThat(r2.stopReason()).contains("callback");
  }

  @Test
  void divergenceStopsWithTheReason() {
    Sequential m = net(7);
    Trainer t = new Trainer(m, new SGD(m.parameters(), SGD.Options.DEFAULTS.withLr(1e6)), Losses::crossEntropy,
        Trainer.Options.DEFAULTS.withEpochs(50));
    Trainer.Result r = t.fit(blobs(0), null, null);
    assertThat(r.stopReason()).contains("the training loss is");
  }

  @Test
  void badOptions() {
    assertThatThrownBy(() -> Trainer.Options.DEFAULTS.withBatchSize(-1)).hasMessageContaining("batch_size");
    assertThatThrownBy(() -> Trainer.Options.DEFAULTS.withEpochs(0)).hasMessageContaining("epochs must be at least 1");
    assertThatThrownBy(() -> new EarlyStopping(0, 0)).hasMessageContaining("patience");
  }

  @Test
  void checkpointResumeIsBitIdenticalToAnUnbrokenRun(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
    Trainer.Options opts = Trainer.Options.DEFAULTS.withEpochs(6).withBatchSize(32).withSeed(5);
    Sequential a = net(7);
    Trainer full = new Trainer(a, new Adam(a.parameters(), Adam.Options.DEFAULTS.withLr(0.01)), Losses::crossEntropy, opts);
    Trainer.Result unbroken = full.fit(blobs(0), blobs(1), null);

    Sequential b = net(7);
    Trainer first = new Trainer(b, new Adam(b.parameters(), Adam.Options.DEFAULTS.withLr(0.01)), Losses::crossEntropy, opts);
    first.fit(blobs(0), blobs(1), s -> s.epoch() == 3);
    java.nio.file.Path ckpt = tmp.resolve("ckpt.json");
    first.saveCheckpoint(ckpt);

    Sequential c = net(99); // different initial weights: the checkpoint must replace them
    Trainer resumed = new Trainer(c, new Adam(c.parameters(), Adam.Options.DEFAULTS.withLr(0.01)), Losses::crossEntropy, opts);
    resumed.loadCheckpoint(ckpt);
    Trainer.Result r = resumed.fit(blobs(0), blobs(1), null);
    assertThat(r.history()).isEqualTo(unbroken.history());
    assertThat(org.minima4j.nn.utils.ParameterVector.toArray(c.parameters()))
        .containsExactly(org.minima4j.nn.utils.ParameterVector.toArray(a.parameters()));
    java.nio.file.Path bad = java.nio.file.Files.writeString(tmp.resolve("bad.json"), "{\"format\": \"other\"}");
    assertThatThrownBy(() -> resumed.loadCheckpoint(bad)).hasMessageContaining("not a minima4j trainer checkpoint");
  }
}
