package org.minima4j.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.minima4j.nn.Parameter;
import org.minima4j.tensor.Tensor;

/**
 * The sparse problem of torch_optim.json (5x3 embedding table, batches with repeated indices):
 * SparseAdam on the lookup's row-sparse gradient, and dense Adam for contrast; table after every
 * step and final state within rtol 1e-10 / atol 1e-12.
 */
class SparseAdamReferenceTest {
  static final double RTOL = 1e-10;
  static final double ATOL = 1e-12;

  @TestFactory
  Stream<DynamicTest> sparseRuns() {
    JsonNode sp = Reference.optim().get("sparse_problem");
    JsonNode runs = sp.get("runs");
    return IntStream.range(0, runs.size()).mapToObj(k -> DynamicTest.dynamicTest(
        runs.get(k).get("optimizer").asText() + " " + runs.get(k).get("kwargs"), () -> replay(sp, runs.get(k))));
  }

  private static double[] flat(JsonNode rows) {
    double[] out = new double[rows.size() * rows.get(0).size()];
    int at = 0;
    for (JsonNode r : rows) {
      for (JsonNode v : r) {
        out[at++] = v.asDouble();
      }
    }
    return out;
  }

  /** The loss of the lookup: sum over rows of (E - T)^2 + 0.1 sin(2E), built on the autograd graph. */
  private static Tensor loss(Tensor rows, double[] target, int[] idx) {
    double[] t = new double[idx.length * 3];
    for (int k = 0; k < idx.length; k++) {
      System.arraycopy(target, idx[k] * 3, t, k * 3, 3);
    }
    Tensor diff = rows.sub(Tensor.wrap(t, idx.length, 3));
    return diff.mul(diff).add(rows.mul(2.0).sin().mul(0.1)).sum();
  }

  /** The row gradient in torch's accumulation order: (0.1*cos(2E))*2 + 2*(E - T). */
  private static double[] rowGrads(double[] e, double[] target, int[] idx) {
    double[] g = new double[idx.length * 3];
    for (int k = 0; k < idx.length; k++) {
      for (int c = 0; c < 3; c++) {
        double x = e[idx[k] * 3 + c];
        g[k * 3 + c] = (0.1 * Math.cos(2.0 * x)) * 2.0 + 2.0 * (x - target[idx[k] * 3 + c]);
      }
    }
    return g;
  }

  static void replay(JsonNode sp, JsonNode run) {
    double[] e0 = flat(sp.get("E0"));
    double[] target = flat(sp.get("target"));
    JsonNode batches = sp.get("batches");
    Map<String, Object> kwargs = Reference.map(run.get("kwargs"));
    boolean sparse = run.get("sparse_grad").asBoolean();
    SparseEmbedding table = new SparseEmbedding(5, 3, e0);
    Parameter w = table.weight();
    Optimizer<?, ?> opt = sparse ? new SparseAdam(List.of(table), SparseAdam.Options.DEFAULTS.fromMap(kwargs))
        : new Adam(List.of(w), Adam.Options.DEFAULTS.fromMap(kwargs));
    JsonNode steps = run.get("steps");
    for (int k = 0; k < steps.size(); k++) {
      JsonNode b = batches.get(k % batches.size());
      int[] idx = new int[b.size()];
      for (int i = 0; i < idx.length; i++) {
        idx[i] = b.get(i).asInt();
      }
      opt.zeroGrad();
      SparseGradient g = new SparseGradient(5, 3, idx, rowGrads(w.data(), target, idx));
      if (sparse) {
        table.setSparseGrad(g);
      } else {
        w.setGrad(Tensor.wrap(g.toDense(), 5, 3));
      }
      String gm = Reference.firstMismatch(g.toDense(), Reference.doubles(steps.get(k).get("grad_before_dense")), RTOL,
          ATOL);
      if (gm != null) {
        fail("gradient at step " + (k + 1) + ": " + gm);
      }
      opt.step();
      String m = Reference.firstMismatch(w.data(), Reference.doubles(steps.get(k).get("table_after")), RTOL, ATOL);
      if (m != null) {
        fail("table after step " + (k + 1) + ": " + m);
      }
    }
    JsonNode fs = run.get("final_state_values");
    Map<String, Object> st = opt.state(w).toMap();
    assertThat(((Number) st.get("step")).doubleValue()).isEqualTo(fs.get("step").asDouble());
    for (String key : List.of("exp_avg", "exp_avg_sq")) {
      String m = Reference.firstMismatch((double[]) st.get(key), Reference.doubles(fs.get(key)), RTOL, ATOL);
      if (m != null) {
        fail(key + ": " + m);
      }
    }
  }

  @Test
  void embeddingLookupProducesRowSparseGradientWithRepeats() {
    double[] e0 = flat(Reference.optim().get("sparse_problem").get("E0"));
    double[] target = flat(Reference.optim().get("sparse_problem").get("target"));
    SparseEmbedding table = new SparseEmbedding(5, 3, e0);
    int[] idx = {2, 0, 2};
    loss(table.forward(idx), target, idx).backward();
    SparseGradient g = table.sparseGrad();
    assertThat(g.indices()).containsExactly(2, 0, 2);
    assertThat(table.weight().grad()).isNull();
    double[] expected = Reference.doubles(Reference.optim().get("sparse_problem").get("runs").get(0).get("steps").get(0)
        .get("grad_before_dense"));
    assertThat(Reference.firstMismatch(g.toDense(), expected, 1e-14, 1e-14)).isNull();
    assertThat(g.coalesce().indices()).containsExactly(0, 2);
  }

  @Test
  void sparseAdamRefusesDenseGradients() {
    SparseEmbedding table = new SparseEmbedding(2, 2, new double[4]);
    SparseAdam opt = new SparseAdam(List.of(table), SparseAdam.Options.DEFAULTS);
    table.weight().setGrad(Tensor.zeros(2, 2));
    assertThatThrownBy(opt::step).hasMessage("SparseAdam does not support dense gradients, please consider Adam instead");
  }
}
