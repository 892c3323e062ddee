package org.minima4j.optimize.global;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.minima4j.optimize.Bounds;
import org.minima4j.optimize.global.internal.State;

/** Test helpers: fixture loading and the JSON round trip of state dicts. */
final class Fixtures {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private Fixtures() {
  }

  /** The box of a fixture run ({@code "bounds": [[lo, hi], ...]}). */
  static Bounds bounds(Map<String, Object> r) {
    double[][] b = State.getMatrix(r, "bounds");
    double[] lb = new double[b.length];
    double[] ub = new double[b.length];
    for (int i = 0; i < b.length; i++) {
      lb[i] = b[i][0];
      ub[i] = b[i][1];
    }
    return Bounds.of(lb, ub);
  }

  private static final Map<String, Map<String, Object>> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

  /** Parsed fixture, cached: callers must not modify it. */
  static Map<String, Object> load(String name) {
    return CACHE.computeIfAbsent(name, Fixtures::read);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> read(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/reference/" + name)) {
      return MAPPER.readValue(in, Map.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String toJson(Object o) {
    try {
      return MAPPER.writeValueAsString(o);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> roundTrip(Map<String, Object> state) {
    try {
      return MAPPER.readValue(toJson(state), Map.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
