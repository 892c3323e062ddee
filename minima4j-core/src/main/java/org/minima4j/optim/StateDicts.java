package org.minima4j.optim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON files for optimizer and scheduler state dicts (Jackson).
 *
 * <p>Doubles are written in Java's round-trip decimal form, so reading gives back the same bits;
 * non-finite values are written as the strings {@code "NaN"}, {@code "Infinity"} and
 * {@code "-Infinity"} (the convention of the reference data). Reading turns an array of numbers
 * that holds a floating-point value (or a non-finite string) into a {@code double[]}, an array of
 * integers into a {@code List<Long>}, objects into ordered maps, and a number into a {@code Long}
 * when it was written without a fraction or exponent, a {@code Double} otherwise.
 */
public final class StateDicts {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private StateDicts() {}

  /** Writes a state dict as JSON. */
  public static void write(Map<String, ?> stateDict, Path file) throws IOException {
    Files.writeString(file, toJson(stateDict));
  }

  /** Reads a JSON state dict. */
  public static Map<String, Object> read(Path file) throws IOException {
    return fromJson(Files.readString(file));
  }

  /** A state dict as JSON text. */
  public static String toJson(Map<String, ?> stateDict) {
    try {
      return MAPPER.writeValueAsString(toNode(stateDict));
    } catch (IOException e) {
      throw new IllegalStateException("could not write state dict JSON", e);
    }
  }

  /** A state dict from JSON text. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> fromJson(String json) {
    try {
      JsonNode node = MAPPER.readTree(json);
      if (!node.isObject()) {
        throw new IllegalArgumentException("a state dict must be a JSON object");
      }
      return (Map<String, Object>) fromNode(node);
    } catch (IOException e) {
      throw new IllegalArgumentException("invalid state dict JSON: " + e.getMessage(), e);
    }
  }

  private static JsonNode toNode(Object v) {
    if (v == null) {
      return NODES.nullNode();
    }
    if (v instanceof Map) {
      ObjectNode o = NODES.objectNode();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        o.set(String.valueOf(e.getKey()), toNode(e.getValue()));
      }
      return o;
    }
    if (v instanceof double[]) {
      ArrayNode a = NODES.arrayNode();
      for (double x : (double[]) v) {
        a.add(number(x));
      }
      return a;
    }
    if (v instanceof int[]) {
      ArrayNode a = NODES.arrayNode();
      for (int x : (int[]) v) {
        a.add(x);
      }
      return a;
    }
    if (v instanceof Iterable) {
      ArrayNode a = NODES.arrayNode();
      for (Object x : (Iterable<?>) v) {
        a.add(toNode(x));
      }
      return a;
    }
    if (v instanceof Double || v instanceof Float) {
      return number(((Number) v).doubleValue());
    }
    if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return NODES.numberNode(((Number) v).longValue());
    }
    if (v instanceof Boolean) {
      return NODES.booleanNode((Boolean) v);
    }
    if (v instanceof String) {
      return NODES.textNode((String) v);
    }
    if (v instanceof Enum) {
      return NODES.textNode(((Enum<?>) v).name());
    }
    throw new IllegalArgumentException("cannot write " + v.getClass().getName() + " into a state dict");
  }

  private static JsonNode number(double x) {
    if (Double.isNaN(x)) {
      return NODES.textNode("NaN");
    }
    if (Double.isInfinite(x)) {
      return NODES.textNode(x > 0 ? "Infinity" : "-Infinity");
    }
    return NODES.numberNode(x);
  }

  private static boolean nonFiniteText(JsonNode n) {
    if (!n.isTextual()) {
      return false;
    }
    String s = n.textValue();
    return "NaN".equals(s) || "Infinity".equals(s) || "-Infinity".equals(s);
  }

  private static Object fromNode(JsonNode n) {
    if (n.isObject()) {
      Map<String, Object> m = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : n.properties()) {
        m.put(e.getKey(), fromNode(e.getValue()));
      }
      return m;
    }
    if (n.isArray()) {
      boolean allNumeric = n.size() > 0;
      boolean anyFloat = false;
      for (JsonNode x : n) {
        if (x.isNumber()) {
          anyFloat |= x.isFloatingPointNumber();
        } else if (nonFiniteText(x)) {
          anyFloat = true;
        } else {
          allNumeric = false;
          break;
        }
      }
      if (allNumeric && anyFloat) {
        double[] d = new double[n.size()];
        for (int k = 0; k < d.length; k++) {
          d[k] = scalar(n.get(k));
        }
        return d;
      }
      List<Object> l = new ArrayList<>(n.size());
      for (JsonNode x : n) {
        l.add(fromNode(x));
      }
      return l;
    }
    if (n.isNull()) {
      return null;
    }
    if (n.isBoolean()) {
      return n.booleanValue();
    }
    if (n.isIntegralNumber()) {
      return n.longValue();
    }
    if (n.isNumber() || nonFiniteText(n)) {
      return scalar(n);
    }
    return n.textValue();
  }

  private static double scalar(JsonNode x) {
    if (x.isNumber()) {
      return x.doubleValue();
    }
    switch (x.textValue()) {
      case "NaN":
        return Double.NaN;
      case "Infinity":
        return Double.POSITIVE_INFINITY;
      default:
        return Double.NEGATIVE_INFINITY;
    }
  }
}
