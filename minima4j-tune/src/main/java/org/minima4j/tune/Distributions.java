package org.minima4j.tune;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Distributions as JSON in Optuna's format ({@code optuna.distributions.distribution_to_json} /
 * {@code json_to_distribution}): {@code {"name": "FloatDistribution", "attributes": {"step": null, "low": 0.0,
 * "high": 1.0, "log": false}}}. This is the {@code distribution_json} column of Optuna's relational schema,
 * so a JDBC storage can share studies with Optuna. Reading also accepts Optuna's deprecated
 * {@code UniformDistribution}, {@code LogUniformDistribution}, {@code DiscreteUniformDistribution},
 * {@code IntUniformDistribution} and {@code IntLogUniformDistribution}. Integral categorical choices are read
 * as {@code Integer} when they fit (else {@code Long}), floating ones as {@code Double}.
 */
public final class Distributions {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Distributions() {
  }

  /** Optuna's JSON for {@code d} (compact; same keys and key order as Optuna 3.1). */
  public static String toJson(Distribution d) {
    ObjectNode root = MAPPER.createObjectNode();
    ObjectNode a = MAPPER.createObjectNode();
    if (d instanceof FloatDistribution f) {
      root.put("name", "FloatDistribution");
      if (f.step() == null) {
        a.putNull("step");
      } else {
        a.put("step", f.step());
      }
      a.put("low", f.low());
      a.put("high", f.high());
      a.put("log", f.log());
    } else if (d instanceof IntDistribution i) {
      root.put("name", "IntDistribution");
      a.put("log", i.log());
      a.put("step", i.step());
      a.put("low", i.low());
      a.put("high", i.high());
    } else {
      CategoricalDistribution c = (CategoricalDistribution) d;
      root.put("name", "CategoricalDistribution");
      ArrayNode choices = a.putArray("choices");
      for (Object o : c.choices()) {
        if (o == null) {
          choices.addNull();
        } else if (o instanceof Boolean b) {
          choices.add(b);
        } else if (o instanceof Double || o instanceof Float) {
          choices.add(((Number) o).doubleValue());
        } else if (o instanceof Number n) {
          choices.add(n.longValue());
        } else {
          choices.add((String) o);
        }
      }
    }
    root.set("attributes", a);
    try {
      return MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize " + d, e);
    }
  }

  /** The distribution of Optuna's JSON; throws {@link IllegalArgumentException} for an unknown one. */
  public static Distribution fromJson(String json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a distribution JSON: " + json, e);
    }
    if (root == null || !root.has("name") || !root.has("attributes")) {
      throw new IllegalArgumentException("not a distribution JSON: " + json);
    }
    String name = root.get("name").asText();
    JsonNode a = root.get("attributes");
    switch (name) {
      case "FloatDistribution":
        return new FloatDistribution(a.get("low").asDouble(), a.get("high").asDouble(),
            a.has("log") && a.get("log").asBoolean(),
            a.has("step") && !a.get("step").isNull() ? a.get("step").asDouble() : null);
      case "IntDistribution":
        return new IntDistribution(a.get("low").asLong(), a.get("high").asLong(),
            a.has("log") && a.get("log").asBoolean(), a.has("step") ? a.get("step").asLong() : 1);
      case "CategoricalDistribution":
        List<Object> choices = new ArrayList<>();
        for (JsonNode c : a.get("choices")) {
          if (c.isNull()) {
            choices.add(null);
          } else if (c.isBoolean()) {
            choices.add(c.asBoolean());
          } else if (c.isIntegralNumber()) {
            long v = c.asLong();
            choices.add(v == (int) v ? (Object) (int) v : (Object) v); // Java code usually suggests Integer choices
          } else if (c.isNumber()) {
            choices.add(c.asDouble());
          } else {
            choices.add(c.asText());
          }
        }
        return new CategoricalDistribution(choices);
      case "UniformDistribution":
        return new FloatDistribution(a.get("low").asDouble(), a.get("high").asDouble(), false, null);
      case "LogUniformDistribution":
        return new FloatDistribution(a.get("low").asDouble(), a.get("high").asDouble(), true, null);
      case "DiscreteUniformDistribution":
        return new FloatDistribution(a.get("low").asDouble(), a.get("high").asDouble(), false,
            a.get("q").asDouble());
      case "IntUniformDistribution":
        return new IntDistribution(a.get("low").asLong(), a.get("high").asLong(), false,
            a.has("step") ? a.get("step").asLong() : 1);
      case "IntLogUniformDistribution":
        return new IntDistribution(a.get("low").asLong(), a.get("high").asLong(), true, 1);
      default:
        throw new IllegalArgumentException("Unknown distribution class: " + name);
    }
  }
}
