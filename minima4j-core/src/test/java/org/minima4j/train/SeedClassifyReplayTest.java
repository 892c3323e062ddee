package org.minima4j.train;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.minima4j.data.TensorDataset;
import org.minima4j.nn.Linear;
import org.minima4j.nn.Losses;
import org.minima4j.nn.Parameter;
import org.minima4j.nn.ReLU;
import org.minima4j.nn.Sequential;
import org.minima4j.nn.init.Init;
import org.minima4j.optim.SGD;
import org.minima4j.random.PCG64;
import org.minima4j.tensor.Tensor;

/**
 * Replays reference/seed_classify.json (torch 1.13.1): SimpleNN(h) = Linear(20,h)-ReLU-Linear(h,2)
 * initialized from NumPy's PCG64(seed=h) in the order W1, b1, W2, b2 with bounds 1/sqrt(fan_in),
 * full-batch SGD on cross-entropy for 200 epochs over the grid h x lr.
 */
class SeedClassifyReplayTest {
  private static JsonNode ref;
  private static TensorDataset train;
  private static TensorDataset val;

  @BeforeAll
  static void load() throws IOException {
    try (InputStream in = SeedClassifyReplayTest.class.getResourceAsStream("/reference/seed_classify.json")) {
      ref = new ObjectMapper().readTree(in);
    }
    JsonNode d = ref.get("data");
    train = new TensorDataset(matrix(d.get("Z_train")), Tensor.of(vector(d.get("y_train"))));
    val = new TensorDataset(matrix(d.get("Z_val")), Tensor.of(vector(d.get("y_val"))));
  }

  static Tensor matrix(JsonNode rows) {
    double[][] m = new double[rows.size()][];
    for (int i = 0; i < m.length; i++) {
      m[i] = vector(rows.get(i));
    }
    return Tensor.of(m);
  }

  static double[] vector(JsonNode a) {
    double[] v = new double[a.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = a.get(i).asDouble();
    }
    return v;
  }

  /** SimpleNN(h) with the reference's NumPy-drawn initial weights. */
  static Sequential simpleNN(int h) {
    Linear l1 = new Linear(20, h);
    Linear l2 = new Linear(h, 2);
    PCG64 g = PCG64.seeded(h);
    double k1 = 1.0 / Math.sqrt(20);
    double k2 = 1.0 / Math.sqrt(h);
    Init.uniform(l1.weight(), -k1, k1, g);
    Init.uniform(l1.bias(), -k1, k1, g);
    Init.uniform(l2.weight(), -k2, k2, g);
    Init.uniform(l2.bias(), -k2, k2, g);
    return new Sequential(l1, new ReLU(), l2);
  }

  @Test
  void initialWeightsAreNumpys() {
    Sequential m = simpleNN(16);
    JsonNode w = ref.get("init_weights_h16");
    List<Parameter> ps = m.parameters();
    assertThat(ps.get(0).toArray()).containsExactly(matrix(w.get("W1")).toArray());
    assertThat(ps.get(1).toArray()).containsExactly(vector(w.get("b1")));
    assertThat(ps.get(2).toArray()).containsExactly(matrix(w.get("W2")).toArray());
    assertThat(ps.get(3).toArray()).containsExactly(vector(w.get("b2")));
  }

  @Test
  void everyGridRunMatchesTorchAndTheBestConfigurationIsTheSame() {
    double bestAcc = -1;
    double bestLoss = Double.POSITIVE_INFINITY;
    int bestH = -1;
    double bestLr = Double.NaN;
    for (JsonNode run : ref.get("grid").get("runs")) {
      int h = run.get("h").asInt();
      double lr = run.get("lr").asDouble();
      Sequential model = simpleNN(h);
      SGD sgd = new SGD(model.parameters(), SGD.Options.DEFAULTS.withLr(lr));
      Trainer trainer = new Trainer(model, sgd, Losses::crossEntropy,
          Trainer.Options.DEFAULTS.withEpochs(200).withBatchSize(0).withShuffle(false));
      Trainer.Result r = trainer.fit(train, null, null);
      double[] perEpoch = vector(run.get("loss_per_epoch"));
      for (int e = 0; e < 200; e++) {
        assertThat(rel(r.history().get(e).trainLoss(), perEpoch[e])).as("h=%d lr=%s epoch %d", h, lr, e + 1).isLessThan(1e-9);
      }
      double[] trainEval = trainer.evaluate(train);
      double[] valEval = trainer.evaluate(val);
      String what = "h=" + h + " lr=" + lr;
      assertThat(rel(trainEval[0], run.get("final_train_loss").asDouble())).as(what).isLessThan(1e-9);
      assertThat(rel(valEval[0], run.get("val_loss").asDouble())).as(what).isLessThan(1e-9);
      assertThat(valEval[1]).as(what).isEqualTo(run.get("val_accuracy").asDouble());
      assertThat(trainEval[1]).as(what).isEqualTo(run.get("train_accuracy").asDouble());
      if (valEval[1] > bestAcc || (valEval[1] == bestAcc && valEval[0] < bestLoss)) {
        bestAcc = valEval[1];
        bestLoss = valEval[0];
        bestH = h;
        bestLr = lr;
      }
    }
    assertThat(bestH).isEqualTo(128);
    assertThat(bestLr).isEqualTo(0.1);
    assertThat(bestAcc).isEqualTo(0.955);
  }

  private static double rel(double a, double b) {
    return Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);
  }
}
