package org.minima4j.cli.walkthrough;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.SplittableRandom;
import org.minima4j.cli.experiments.ReferenceData;
import org.minima4j.data.Datasets;
import org.minima4j.data.Iris;
import org.minima4j.data.TensorDataset;
import org.minima4j.data.preprocessing.StandardScaler;
import org.minima4j.nn.Linear;
import org.minima4j.nn.Losses;
import org.minima4j.nn.Module;
import org.minima4j.nn.ReLU;
import org.minima4j.nn.Sequential;
import org.minima4j.nn.init.Init;
import org.minima4j.optim.SGD;
import org.minima4j.random.PCG64;
import org.minima4j.tensor.Tensor;
import org.minima4j.train.EpochStats;
import org.minima4j.train.Trainer;

/**
 * A classification data set split into standardized training and validation parts, and the
 * walkthrough's model: SimpleNN(h) = Linear(d, h) - ReLU - Linear(h, classes) trained full-batch
 * by SGD. Initial weights come from NumPy's PCG64(seed = h) in the order W1, b1, W2, b2 with
 * bounds 1/sqrt(fan_in), as the reference run (reference/seed_classify.json), so the same h always
 * starts from the same weights.
 */
final class ClassificationTask {
  final String name;
  final TensorDataset train;
  final TensorDataset validation;
  final int features;
  final int classes;
  /** Epochs trained (the walkthrough counts every one, pruned trials included). */
  long epochsTrained;

  private ClassificationTask(String name, TensorDataset train, TensorDataset validation, int features, int classes) {
    this.name = name;
    this.train = train;
    this.validation = validation;
    this.features = features;
    this.classes = classes;
  }

  /** The reference classification data (800 training / 200 validation rows, 20 features, standardized as stored). */
  static ClassificationTask reference() {
    JsonNode d = ReferenceData.load("seed_classify.json").get("data");
    Tensor zTrain = Tensor.of(ReferenceData.matrix(d.get("Z_train")));
    Tensor zVal = Tensor.of(ReferenceData.matrix(d.get("Z_val")));
    return new ClassificationTask("classify", new TensorDataset(zTrain, Tensor.of(ReferenceData.vector(d.get("y_train")))),
        new TensorDataset(zVal, Tensor.of(ReferenceData.vector(d.get("y_val")))), 20, 2);
  }

  /** Iris: a seeded 70/30 split, standardized with the training statistics. */
  static ClassificationTask iris(long seed) {
    Tensor[] iris = Iris.load();
    var parts = Datasets.trainValidationSplit(new TensorDataset(iris[0], iris[1]), 0.3, new SplittableRandom(seed));
    int[] tr = parts.get(0).indices();
    int[] va = parts.get(1).indices();
    StandardScaler scaler = new StandardScaler();
    Tensor xTrain = scaler.fitTransform(iris[0].indexSelect(0, tr));
    Tensor xVal = scaler.transform(iris[0].indexSelect(0, va));
    return new ClassificationTask("iris", new TensorDataset(xTrain, iris[1].indexSelect(0, tr)),
        new TensorDataset(xVal, iris[1].indexSelect(0, va)), 4, 3);
  }

  Sequential simpleNN(int h) {
    Linear l1 = new Linear(features, h);
    Linear l2 = new Linear(h, classes);
    PCG64 g = PCG64.seeded(h);
    double k1 = 1.0 / Math.sqrt(features);
    double k2 = 1.0 / Math.sqrt(h);
    Init.uniform(l1.weight(), -k1, k1, g);
    Init.uniform(l1.bias(), -k1, k1, g);
    Init.uniform(l2.weight(), -k2, k2, g);
    Init.uniform(l2.bias(), -k2, k2, g);
    return new Sequential(l1, new ReLU(), l2);
  }

  /**
   * Trains {@code model} full-batch with SGD(lr) for up to {@code epochs} epochs; after each epoch
   * {@code afterEpoch} receives the epoch number and the validation accuracy and may stop the run.
   * Returns {@code {validation accuracy, validation loss}} at the end.
   */
  double[] fit(Module model, double lr, int epochs, EpochHook afterEpoch) {
    Trainer t = new Trainer(model, new SGD(model.parameters(), SGD.Options.DEFAULTS.withLr(lr)), Losses::crossEntropy,
        Trainer.Options.DEFAULTS.withEpochs(epochs).withBatchSize(0).withShuffle(false));
    Trainer.Result r = t.fit(train, validation, s -> {
      synchronized (this) {
        epochsTrained++;
      }
      return afterEpoch != null && afterEpoch.stop(s);
    });
    EpochStats last = r.last();
    return new double[] {last.valAccuracy(), last.valLoss()};
  }

  /** Called after each epoch; returning true stops training. */
  @FunctionalInterface
  interface EpochHook {
    boolean stop(EpochStats stats);
  }

}
