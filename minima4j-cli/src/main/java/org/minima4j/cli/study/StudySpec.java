package org.minima4j.cli.study;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.minima4j.tune.CategoricalDistribution;
import org.minima4j.tune.Distribution;
import org.minima4j.tune.FloatDistribution;
import org.minima4j.tune.IntDistribution;
import org.minima4j.tune.StudyDirection;
import org.minima4j.tune.samplers.GPSampler;
import org.minima4j.tune.samplers.NSGAIISampler;
import org.minima4j.tune.samplers.RandomSampler;
import org.minima4j.tune.samplers.Sampler;
import org.minima4j.tune.samplers.TPESampler;
import org.minima4j.tune.storages.jdbc.TrialSeededSampler;

/**
 * A study specification for {@code minima study worker}: where the study lives, how it samples, its search
 * space and a built-in objective. Example:
 *
 * <pre>{@code
 * {"storage": "jdbc:sqlite:branin.db", "study": "branin", "direction": "minimize",
 *  "sampler": {"type": "tpe", "seed": 1},
 *  "search_space": {"x1": {"type": "float", "low": -5, "high": 10}, "x2": {"type": "float", "low": 0, "high": 15}},
 *  "objective": {"function": "branin"},
 *  "n_trials": 30, "heartbeat_s": 5, "grace_s": 15, "max_retry": 3}
 * }</pre>
 *
 * @param storage storage URL (the command's --storage overrides it)
 * @param study study name (created when absent)
 * @param direction one direction, or null when {@code directions} is given
 * @param directions several directions (multi-objective objectives: "zdt1")
 * @param sampler sampler settings
 * @param searchSpace parameter name to its range, in objective argument order
 * @param objective the built-in objective
 * @param nTrials trials per worker (the command's --n-trials overrides it)
 * @param timeoutS wall-clock limit in seconds, or null
 * @param heartbeatS heartbeat interval in seconds
 * @param graceS grace period in seconds (default twice the interval)
 * @param maxRetry retries of a dead worker's trial (null: no limit; -1: do not retry)
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record StudySpec(String storage, String study, String direction, List<String> directions,
    SamplerSpec sampler, @JsonProperty("search_space") Map<String, ParamSpec> searchSpace,
    ObjectiveSpec objective, @JsonProperty("n_trials") Integer nTrials, @JsonProperty("timeout_s") Double timeoutS,
    @JsonProperty("heartbeat_s") Double heartbeatS, @JsonProperty("grace_s") Double graceS,
    @JsonProperty("max_retry") Integer maxRetry) {

  /**
   * @param type tpe, random, gp, nsga2 or grid
   * @param seed base seed (each trial's sampler is seeded from it and the trial number)
   */
  public record SamplerSpec(String type, Long seed) {
  }

  /**
   * @param type float, int or categorical
   * @param low lower bound
   * @param high upper bound
   * @param log log scale
   * @param step grid step
   * @param choices categorical choices
   */
  public record ParamSpec(String type, Double low, Double high, Boolean log, Double step, List<Object> choices) {
    Distribution distribution(String name) {
      String t = type == null ? "" : type.toLowerCase(Locale.ROOT);
      boolean lg = log != null && log;
      switch (t) {
        case "float":
          need(name, low, high);
          return new FloatDistribution(low, high, lg, step);
        case "int":
          need(name, low, high);
          return new IntDistribution(Math.round(low), Math.round(high), lg, step == null ? 1 : Math.round(step));
        case "categorical":
          if (choices == null || choices.isEmpty()) {
            throw new IllegalArgumentException("search_space." + name + ": categorical needs \"choices\".");
          }
          return new CategoricalDistribution(choices);
        default:
          throw new IllegalArgumentException("search_space." + name + ": unknown type '" + type
              + "' (use float, int or categorical).");
      }
    }

    private static void need(String name, Double low, Double high) {
      if (low == null || high == null) {
        throw new IllegalArgumentException("search_space." + name + ": \"low\" and \"high\" are required.");
      }
    }
  }

  /**
   * @param function sphere, rosenbrock, rastrigin, ackley, levy, branin (2 params), hartmann6 (6 params) or
   *     zdt1 (two objectives)
   * @param sleepMs simulated cost per evaluation in milliseconds
   */
  public record ObjectiveSpec(String function, @JsonProperty("sleep_ms") Long sleepMs) {
  }

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  /** Reads and validates a specification file; every problem is an {@link IllegalArgumentException}. */
  public static StudySpec read(Path file) {
    StudySpec s;
    try {
      s = MAPPER.readValue(Files.readString(file), StudySpec.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("Invalid study specification " + file + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new IllegalArgumentException("Cannot read the study specification " + file + ": " + e.getMessage());
    }
    s.validate();
    return s;
  }

  void validate() {
    if (study == null || study.isBlank()) {
      throw new IllegalArgumentException("The specification needs \"study\".");
    }
    if (searchSpace == null || searchSpace.isEmpty()) {
      throw new IllegalArgumentException("The specification needs a non-empty \"search_space\".");
    }
    distributions();
    if (objective == null || objective.function() == null) {
      throw new IllegalArgumentException("The specification needs \"objective\": {\"function\": ...}.");
    }
    BuiltinObjectives.check(objective.function(), searchSpace.size(), studyDirections().size());
    sampler(0);
  }

  /** The directions (default: one MINIMIZE). */
  public List<StudyDirection> studyDirections() {
    List<String> names = directions != null ? directions : List.of(direction == null ? "minimize" : direction);
    return StudyCommand.parseDirections(names);
  }

  /** The search space as distributions, in the specification's order. */
  public Map<String, Distribution> distributions() {
    Map<String, Distribution> out = new LinkedHashMap<>();
    searchSpace.forEach((k, v) -> {
      try {
        out.put(k, v.distribution(k));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(e.getMessage().startsWith("search_space") ? e.getMessage()
            : "search_space." + k + ": " + e.getMessage());
      }
    });
    return out;
  }

  String samplerType() {
    return sampler == null || sampler.type() == null ? "tpe" : sampler.type().toLowerCase(Locale.ROOT);
  }

  /** The sampler: a fresh one per trial, seeded from the seed and the trial number (so a resumed worker samples alike). */
  Sampler sampler(long defaultSeed) {
    long seed = sampler == null || sampler.seed() == null ? defaultSeed : sampler.seed();
    switch (samplerType()) {
      case "tpe":
        return new TrialSeededSampler(seed, TPESampler::new);
      case "random":
        return new TrialSeededSampler(seed, RandomSampler::new);
      case "gp":
        return new TrialSeededSampler(seed, GPSampler::new);
      case "nsga2":
        return new TrialSeededSampler(seed, NSGAIISampler::new);
      case "grid":
        return new RandomSampler(seed); // never consulted: every grid point is an enqueued trial
      default:
        throw new IllegalArgumentException("Unknown sampler type '" + sampler.type()
            + "': use tpe, random, gp, nsga2 or grid.");
    }
  }

  /** Every grid point (external values), in the order of the Cartesian product; only for a finite space. */
  List<Map<String, Object>> grid() {
    List<Map<String, Object>> points = new ArrayList<>();
    points.add(new LinkedHashMap<>());
    for (Map.Entry<String, Distribution> e : distributions().entrySet()) {
      List<Object> values = new ArrayList<>();
      Distribution d = e.getValue();
      if (d instanceof CategoricalDistribution c) {
        values.addAll(c.choices());
      } else if (d instanceof IntDistribution i && !i.log()) {
        for (long v = i.low(); v <= i.high(); v += i.step()) {
          values.add(v);
        }
      } else if (d instanceof FloatDistribution f && f.step() != null) {
        long n = Math.round((f.high() - f.low()) / f.step());
        for (long k = 0; k <= n; k++) {
          values.add(f.low() + k * f.step());
        }
      } else {
        throw new IllegalArgumentException("search_space." + e.getKey() + ": a grid needs categorical, int or"
            + " stepped float parameters.");
      }
      List<Map<String, Object>> next = new ArrayList<>();
      for (Map<String, Object> p : points) {
        for (Object v : values) {
          Map<String, Object> q = new LinkedHashMap<>(p);
          q.put(e.getKey(), v);
          next.add(q);
        }
      }
      points = next;
      if (points.size() > 100_000) {
        throw new IllegalArgumentException("The grid has more than 100000 points.");
      }
    }
    return points;
  }
}
