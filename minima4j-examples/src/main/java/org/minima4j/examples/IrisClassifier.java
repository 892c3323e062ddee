package org.minima4j.examples;

import java.util.SplittableRandom;
import org.minima4j.data.Datasets;
import org.minima4j.data.Iris;
import org.minima4j.data.TensorDataset;
import org.minima4j.data.preprocessing.StandardScaler;
import org.minima4j.nn.Linear;
import org.minima4j.nn.Losses;
import org.minima4j.nn.ReLU;
import org.minima4j.nn.Sequential;
import org.minima4j.optim.Adam;
import org.minima4j.tensor.Tensor;
import org.minima4j.train.Trainer;

/** README: the bundled Iris data, standardized with training statistics, a one-hidden-layer network and the Trainer. */
public final class IrisClassifier {
  private IrisClassifier() {}

  public static void main(String[] args) {
    SplittableRandom rng = new SplittableRandom(7);
    Tensor[] iris = Iris.load();
    var split = Datasets.trainValidationSplit(new TensorDataset(iris[0], iris[1]), 0.3, rng);
    int[] trainIdx = split.get(0).indices();
    int[] valIdx = split.get(1).indices();
    StandardScaler scaler = new StandardScaler();
    Tensor xTrain = scaler.fitTransform(iris[0].indexSelect(0, trainIdx));
    Tensor xVal = scaler.transform(iris[0].indexSelect(0, valIdx));
    TensorDataset train = new TensorDataset(xTrain, iris[1].indexSelect(0, trainIdx));
    TensorDataset val = new TensorDataset(xVal, iris[1].indexSelect(0, valIdx));
    Sequential model = new Sequential(new Linear(4, 16, true, rng), new ReLU(), new Linear(16, 3, true, rng));
    Trainer trainer = new Trainer(model, new Adam(model.parameters(), Adam.Options.DEFAULTS.withLr(0.01)),
        Losses::crossEntropy, Trainer.Options.DEFAULTS.withEpochs(60).withBatchSize(16).withSeed(1));
    Trainer.Result r = trainer.fit(train, val, null);
    System.out.printf("validation accuracy %.3f, loss %.4f (%s)%n", r.last().valAccuracy(), r.last().valLoss(), r.stopReason());
  }
}
