package org.minima4j.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * The seed MLP experiment of reference/seed_mlp.json: SLSQP with eps = 1e-3 and maxiter = 100 from
 * x0 on the mean squared error of y = W2 relu(W1 x) + b2 over 32 rows.
 */
class SeedMlpTest {
  static JsonNode fixture() throws IOException {
    try (InputStream in = SeedMlpTest.class.getResourceAsStream("/reference/seed_mlp.json")) {
      return new ObjectMapper().readTree(in);
    }
  }

  static double[][] matrix(JsonNode a) {
    double[][] m = new double[a.size()][];
    for (int i = 0; i < m.length; i++) {
      m[i] = ScipyReferenceTest.arr(a.get(i));
    }
    return m;
  }

  /** The loss as the JSON's "model", "packing" and "loss" describe it. */
  static Objective loss(double[][] input, double[][] target) {
    return x -> {
      double s = 0;
      for (int r = 0; r < input.length; r++) {
        double h0 = Math.max(0.0, x[0] * input[r][0] + x[1] * input[r][1]);
        double h1 = Math.max(0.0, x[2] * input[r][0] + x[3] * input[r][1]);
        double y0 = x[4] * h0 + x[5] * h1 + x[8];
        double y1 = x[6] * h0 + x[7] * h1 + x[9];
        s += (y0 - target[r][0]) * (y0 - target[r][0]) + (y1 - target[r][1]) * (y1 - target[r][1]);
      }
      return s / (2.0 * input.length);
    };
  }

  @Test
  void slsqpReachesScipysLossWithNoMoreEvaluations() throws IOException {
    JsonNode d = fixture();
    Objective f = loss(matrix(d.get("input")), matrix(d.get("target")));
    double[] x0 = ScipyReferenceTest.arr(d.get("x0"));
    assertThat(f.value(x0)).isCloseTo(d.get("loss_at_x0").asDouble(), org.assertj.core.data.Offset.offset(1e-6));
    JsonNode ref = d.get("results").get("slsqp");
    OptimizeResult r = Minimize.minimize(f, x0, Method.SLSQP, MinimizeOptions.DEFAULTS.withEps(1e-3).withMaxiter(100));
    // The loss is summed here in row order, not in torch's order, so iterates may differ in the
    // last bits; 1e-6 relative covers that rounding on a loss of about 3.1.
    assertThat(r.fun()).isLessThanOrEqualTo(ref.get("fun").asDouble() * (1 + 1e-6));
    assertThat(r.nfev()).isLessThanOrEqualTo(ref.get("nfev").asInt());
    assertThat(r.nit()).isEqualTo(ref.get("nit").asInt());
    assertThat(r.status()).isEqualTo(ref.get("status").asInt());
    assertThat(r.message()).isEqualTo(ref.get("message").asText());
    assertThat(r.success()).isFalse();
  }
}
