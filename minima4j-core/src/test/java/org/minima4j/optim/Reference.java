package org.minima4j.optim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.minima4j.nn.Parameter;
import org.minima4j.tensor.Tensor;

/**
 * The torch reference fixtures (copied from shared/reference, torch 1.13.1, float64) and the test
 * problem of torch_optim.json section 1: f(W, b) and its analytic gradient.
 */
final class Reference {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static JsonNode optim;
  private static JsonNode sched;

  private Reference() {}

  static synchronized JsonNode optim() {
    if (optim == null) {
      optim = load("/reference/torch_optim.json");
    }
    return optim;
  }

  static synchronized JsonNode sched() {
    if (sched == null) {
      sched = load("/reference/torch_sched.json");
    }
    return sched;
  }

  private static JsonNode load(String resource) {
    try (InputStream in = Reference.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      return MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static double[] doubles(JsonNode n) {
    double[] d = new double[n.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = n.get(i).asDouble();
    }
    return d;
  }

  /** A JSON object as a map of plain Java values (lists of numbers as List, numbers as Double/Long). */
  static Map<String, Object> map(JsonNode n) {
    return MAPPER.convertValue(n, MAPPER.getTypeFactory().constructMapType(LinkedHashMap.class, String.class, Object.class));
  }

  static final double[][] W0 = {{0.5, -0.3}, {0.8, 0.1}, {-0.6, 0.4}};
  static final double[] B0 = {0.2, -0.1, 0.7, -0.4};

  static Parameter w() {
    return new Parameter(new double[] {0.5, -0.3, 0.8, 0.1, -0.6, 0.4}, 3, 2);
  }

  static Parameter b() {
    return new Parameter(B0.clone(), 4);
  }

  static double[] flat(Tensor w, Tensor b) {
    double[] x = new double[10];
    System.arraycopy(w.data(), 0, x, 0, 6);
    System.arraycopy(b.data(), 0, x, 6, 4);
    return x;
  }

  /** f of section 1 (Rosenbrock terms with weight 10, sin terms, W/b coupling). */
  static double f(double[] x) {
    double ros = 0;
    for (int i = 0; i < 9; i++) {
      double a = x[i + 1] - x[i] * x[i];
      double c = 1.0 - x[i];
      ros += 10.0 * a * a + c * c;
    }
    double s = 0;
    for (int i = 0; i < 10; i++) {
      s += Math.sin(3.0 * x[i]);
    }
    double cp = 0;
    for (int i = 0; i < 5; i++) {
      cp += x[i] * x[i + 5];
    }
    return ros + 0.1 * s + 0.05 * cp;
  }

  /**
   * grad f, summed per element in the order torch's autograd engine accumulates the branches
   * (coupling, sin, (1-x)^2, the -x^2 inside the Rosenbrock term, then its x[i+1] part), which
   * reproduces torch's gradients bit for bit at nearly every recorded point.
   */
  static double[] grad(double[] x) {
    double[] g = new double[10];
    for (int i = 0; i < 10; i++) {
      double acc = i < 5 ? 0.05 * x[i + 5] : 0.05 * x[i - 5];
      acc = acc + (0.1 * Math.cos(3.0 * x[i])) * 3.0;
      if (i <= 8) {
        double u = x[i + 1] - x[i] * x[i];
        double gu = 10.0 * (2.0 * u);
        acc = acc + -(1.0 * (2.0 * (1.0 - x[i])));
        acc = acc + (-gu) * (2.0 * x[i]);
      }
      if (i >= 1) {
        double u = x[i] - x[i - 1] * x[i - 1];
        acc = acc + 10.0 * (2.0 * u);
      }
      g[i] = acc;
    }
    return g;
  }

  /** Sets the gradients of W and b to sign * grad f at the current point; returns sign * f. */
  static double setGrads(Tensor w, Tensor b, double sign) {
    double[] x = flat(w, b);
    double[] g = grad(x);
    double[] gw = new double[6];
    double[] gb = new double[4];
    for (int i = 0; i < 6; i++) {
      gw[i] = sign * g[i];
    }
    for (int i = 0; i < 4; i++) {
      gb[i] = sign * g[i + 6];
    }
    w.setGrad(Tensor.wrap(gw, 3, 2));
    b.setGrad(Tensor.wrap(gb, 4));
    return sign * f(x);
  }

  /** A relative-plus-absolute closeness check: |a-e| <= atol + rtol*|e|, NaN only against NaN. */
  static boolean close(double a, double e, double rtol, double atol) {
    if (Double.isNaN(e) || Double.isNaN(a)) {
      return Double.isNaN(e) && Double.isNaN(a);
    }
    if (Double.isInfinite(e)) {
      return a == e;
    }
    return Math.abs(a - e) <= atol + rtol * Math.abs(e);
  }

  static String firstMismatch(double[] actual, double[] expected, double rtol, double atol) {
    if (actual.length != expected.length) {
      return "length " + actual.length + " != " + expected.length;
    }
    for (int i = 0; i < actual.length; i++) {
      if (!close(actual[i], expected[i], rtol, atol)) {
        return "index " + i + ": " + actual[i] + " vs torch " + expected[i];
      }
    }
    return null;
  }

  static List<String> names(JsonNode n) {
    List<String> out = new java.util.ArrayList<>();
    n.fieldNames().forEachRemaining(out::add);
    return out;
  }
}
