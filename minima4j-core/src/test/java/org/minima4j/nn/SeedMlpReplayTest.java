package org.minima4j.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.minima4j.autograd.GradMode;
import org.minima4j.nn.utils.ParameterVector;
import org.minima4j.tensor.Tensor;

/**
 * Replays the reference seed experiment's model (reference/seed_mlp.json, torch 1.13.1):
 * Sequential(Linear(2,2,false), ReLU, Linear(2,2,true)) loaded with x0 in the documented packing
 * [W1 row-major, W2 row-major, b2] gives torch's MSE loss at x0.
 */
class SeedMlpReplayTest {
  private static JsonNode ref;
  private static Tensor input;
  private static Tensor target;
  private static double[] x0;

  @BeforeAll
  static void load() throws IOException {
    try (InputStream in = SeedMlpReplayTest.class.getResourceAsStream("/reference/seed_mlp.json")) {
      ref = new ObjectMapper().readTree(in);
    }
    input = matrix(ref.get("input"));
    target = matrix(ref.get("target"));
    x0 = vector(ref.get("x0"));
  }

  static Tensor matrix(JsonNode rows) {
    double[][] m = new double[rows.size()][];
    for (int i = 0; i < rows.size(); i++) {
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

  private static Sequential model() {
    Sequential m = new Sequential(new Linear(2, 2, false), new ReLU(), new Linear(2, 2, true));
    ParameterVector.vectorToParameters(x0, m.parameters());
    return m;
  }

  @Test
  void packingIsTheParameterOrder() {
    assertThat(model().namedParameters().keySet()).containsExactly("0.weight", "2.weight", "2.bias");
    assertThat(input.shape()).containsExactly(32, 2);
  }

  @Test
  void lossAtX0MatchesTorchToRelative1e12() {
    double expected = ref.get("loss_at_x0").asDouble();
    double loss = Losses.mse(model().forward(input), target).item();
    assertThat(Math.abs(loss - expected) / expected).isLessThanOrEqualTo(1e-12);
  }

  @Test
  void gradientAtX0MatchesCentralDifferences() {
    Sequential m = model();
    List<Parameter> ps = m.parameters();
    Losses.mse(m.forward(input), target).backward();
    double[] g = ParameterVector.gradToArray(ps);
    for (int i = 0; i < x0.length; i++) {
      // The loss is ~3e5, so the difference quotient carries a rounding error of about
      // eps * L / h = 2.2e-16 * 3.1e5 / 1e-6 ~ 7e-5; h stays small because W1's entries multiply
      // inputs of ~1e3 and a larger step could cross a ReLU kink. Tolerance: 3x that bound.
      double h = 1e-6;
      double[] xp = x0.clone();
      xp[i] += h;
      double[] xm = x0.clone();
      xm[i] -= h;
      double fd = (lossAt(xp) - lossAt(xm)) / (2 * h);
      assertThat(g[i]).as("dL/dx[%d]", i).isCloseTo(fd, within(2e-4 + 1e-9 * Math.abs(fd)));
    }
  }

  private static double lossAt(double[] x) {
    Sequential m = new Sequential(new Linear(2, 2, false), new ReLU(), new Linear(2, 2, true));
    ParameterVector.vectorToParameters(x, m.parameters());
    return GradMode.noGrad(() -> Losses.mse(m.forward(input), target).item());
  }
}
