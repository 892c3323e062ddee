package org.minima4j.optimize.global;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.minima4j.optimize.Objective;
import org.minima4j.optimize.global.internal.State;

/**
 * The seed experiment's 10-parameter MLP loss from reference/seed_mlp.json:
 * {@code y = W2 relu(W1 x_in) + b2} per row, loss = mean over the 32 x 2 entries of (y - target)^2,
 * x = [W1 row-major (4), W2 row-major (4), b2 (2)].
 */
final class SeedMlp implements Objective {
  final double[][] input;
  final double[][] target;
  final double[] x0;
  final Map<String, Object> json;

  private SeedMlp(Map<String, Object> json) {
    this.json = json;
    this.input = State.getMatrix(json, "input");
    this.target = State.getMatrix(json, "target");
    this.x0 = State.getDoubleArray(json, "x0");
  }

  @SuppressWarnings("unchecked")
  static SeedMlp load() {
    try (InputStream in = SeedMlp.class.getResourceAsStream("/reference/seed_mlp.json")) {
      return new SeedMlp(new ObjectMapper().readValue(in, Map.class));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  double lossAtX0() {
    return State.getDouble(json, "loss_at_x0");
  }

  @SuppressWarnings("unchecked")
  double reference(String method, String key) {
    Map<String, Object> results = State.getMap(json, "results");
    return State.getDouble((Map<String, Object>) results.get(method), key);
  }

  @Override
  public double value(double[] x) {
    double sum = 0;
    for (int r = 0; r < input.length; r++) {
      double a = input[r][0];
      double b = input[r][1];
      double h0 = Math.max(0, x[0] * a + x[1] * b);
      double h1 = Math.max(0, x[2] * a + x[3] * b);
      double y0 = x[4] * h0 + x[5] * h1 + x[8];
      double y1 = x[6] * h0 + x[7] * h1 + x[9];
      double d0 = y0 - target[r][0];
      double d1 = y1 - target[r][1];
      sum += d0 * d0 + d1 * d1;
    }
    return sum / (2.0 * input.length);
  }

  static List<String> keys() {
    return List.of("input", "target", "x0");
  }
}
