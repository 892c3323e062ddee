package org.minima4j.tune.storages.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.minima4j.tune.CategoricalDistribution;
import org.minima4j.tune.Distribution;
import org.minima4j.tune.FloatDistribution;
import org.minima4j.tune.IntDistribution;

/**
 * JSON as Optuna 3.1 writes it: {@code distribution_to_json} / {@code json_to_distribution}
 * ({@code optuna/distributions.py}) and attribute values ({@code json.dumps}, which writes NaN and
 * Infinity as bare tokens).
 */
final class OptunaJson {
  private OptunaJson() {
  }

  static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .disable(com.fasterxml.jackson.core.json.JsonWriteFeature.WRITE_NAN_AS_STRINGS)
      .build();

  /** Optuna's {@code distribution_to_json}, attributes in Optuna's order. */
  static String distributionToJson(Distribution d) {
    Map<String, Object> attrs = new LinkedHashMap<>();
    String name;
    if (d instanceof FloatDistribution f) {
      name = "FloatDistribution";
      attrs.put("step", f.step());
      attrs.put("low", f.low());
      attrs.put("high", f.high());
      attrs.put("log", f.log());
    } else if (d instanceof IntDistribution i) {
      name = "IntDistribution";
      attrs.put("log", i.log());
      attrs.put("step", i.step());
      attrs.put("low", i.low());
      attrs.put("high", i.high());
    } else {
      name = "CategoricalDistribution";
      attrs.put("choices", ((CategoricalDistribution) d).choices());
    }
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("name", name);
    root.put("attributes", attrs);
    return write(root);
  }

  /** Optuna's {@code json_to_distribution}, including the pre-3.0 names it still reads. */
  static Distribution jsonToDistribution(String json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Malformed distribution JSON: " + e.getOriginalMessage());
    }
    String name = root.path("name").asText();
    JsonNode a = root.path("attributes");
    switch (name) {
      case "FloatDistribution": {
        JsonNode step = a.path("step");
        return new FloatDistribution(a.path("low").asDouble(), a.path("high").asDouble(), a.path("log").asBoolean(),
            step.isMissingNode() || step.isNull() ? null : step.asDouble());
      }
      case "UniformDistribution":
        return new FloatDistribution(a.path("low").asDouble(), a.path("high").asDouble(), false, null);
      case "LogUniformDistribution":
        return new FloatDistribution(a.path("low").asDouble(), a.path("high").asDouble(), true, null);
      case "DiscreteUniformDistribution":
        return new FloatDistribution(a.path("low").asDouble(), a.path("high").asDouble(), false,
            a.path("q").asDouble());
      case "IntDistribution":
        return new IntDistribution(a.path("low").asLong(), a.path("high").asLong(), a.path("log").asBoolean(),
            a.path("step").isMissingNode() ? 1 : a.path("step").asLong());
      case "IntUniformDistribution":
        return new IntDistribution(a.path("low").asLong(), a.path("high").asLong(), false,
            a.path("step").isMissingNode() ? 1 : a.path("step").asLong());
      case "IntLogUniformDistribution":
        return new IntDistribution(a.path("low").asLong(), a.path("high").asLong(), true, 1);
      case "CategoricalDistribution": {
        List<Object> choices = new ArrayList<>();
        for (JsonNode c : a.path("choices")) {
          choices.add(scalar(c));
        }
        return new CategoricalDistribution(choices);
      }
      default:
        throw new IllegalArgumentException("Unknown distribution '" + name + "' in the storage.");
    }
  }

  private static Object scalar(JsonNode c) {
    if (c.isNull()) {
      return null;
    }
    if (c.isBoolean()) {
      return c.booleanValue();
    }
    if (c.isIntegralNumber()) {
      return c.canConvertToInt() ? (Object) c.intValue() : (Object) c.longValue();
    }
    if (c.isNumber()) {
      return c.doubleValue();
    }
    return c.asText();
  }

  /** An attribute value as JSON text. */
  static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("The value " + value + " is not JSON serializable: "
          + e.getOriginalMessage());
    }
  }

  /** An attribute value from JSON text: null, Boolean, Integer/Long, Double, String, List or Map. */
  static Object read(String json) {
    if (json == null) {
      return null;
    }
    try {
      return MAPPER.readValue(json, Object.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Malformed attribute JSON in the storage: " + e.getOriginalMessage());
    }
  }
}
