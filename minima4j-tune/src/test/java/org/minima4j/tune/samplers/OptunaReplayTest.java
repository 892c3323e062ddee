package org.minima4j.tune.samplers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.minima4j.tune.FrozenTrial;
import org.minima4j.tune.Studies;
import org.minima4j.tune.Study;
import org.minima4j.tune.StudyOptions;
import org.minima4j.tune.bench.Problems;

/**
 * Seeded samplers replay Optuna 3.1.0's studies: {@code RandomSampler(seed=s)}, {@code TPESampler(seed=s)} and
 * {@code TPESampler(seed=s, multivariate=True)} on Branin, Hartmann-6 and the mixed categorical/log/int space,
 * seeds 0..2, 40 trials ({@code reference/optuna_replay.json}, written by
 * {@code reference/generators/optuna_replay_ref.py}). Every parameter of every trial must agree: categorical and
 * integer ones exactly, floats to 1e-12 relative; objective values to 1e-9 relative (the objectives are
 * recomputed in Java).
 */
class OptunaReplayTest {
  static final double PARAM_RTOL = 1e-12;
  static final double VALUE_RTOL = 1e-9;
  private static JsonNode doc;

  @BeforeAll
  static void load() throws IOException {
    try (InputStream in = OptunaReplayTest.class.getResourceAsStream("/reference/optuna_replay.json")) {
      doc = new ObjectMapper().readTree(in);
    }
  }

  static Stream<Arguments> studies() throws IOException {
    load();
    List<Arguments> out = new ArrayList<>();
    for (JsonNode s : doc.get("studies")) {
      out.add(Arguments.of(s.get("sampler").asText(), s.get("problem").asText(), s.get("seed").asInt()));
    }
    return out.stream();
  }

  static LongFunction<Sampler> sampler(String name) {
    return switch (name) {
      case "random" -> RandomSampler::new;
      case "tpe" -> TPESampler::new;
      case "tpe_multivariate" -> s -> new TPESampler(TPESampler.Options.DEFAULTS.withSeed(s).withMultivariate(true));
      case "cmaes" -> CmaEsSampler::new;
      default -> throw new IllegalArgumentException(name);
    };
  }

  static Problems.Problem problem(String name) {
    return Problems.ALL.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
  }

  private static JsonNode fixture(String sampler, String problem, int seed) {
    for (JsonNode s : doc.get("studies")) {
      if (s.get("sampler").asText().equals(sampler) && s.get("problem").asText().equals(problem)
          && s.get("seed").asInt() == seed) {
        return s;
      }
    }
    throw new IllegalArgumentException(sampler + "/" + problem + "/" + seed);
  }

  @ParameterizedTest(name = "{0} {1} seed {2}")
  @MethodSource("studies")
  void replaysOptunaStudy(String samplerName, String problemName, int seed) {
    JsonNode expected = fixture(samplerName, problemName, seed).get("trials");
    Problems.Problem p = problem(problemName);
    Study study = Studies.create(StudyOptions.DEFAULTS.withSampler(sampler(samplerName).apply(seed)));
    study.optimize(t -> p.evaluate(p.suggest(t)), expected.size());
    List<FrozenTrial> trials = study.trials();
    assertThat(trials).hasSize(expected.size());
    for (int i = 0; i < trials.size(); i++) {
      JsonNode want = expected.get(i);
      Map<String, Object> got = trials.get(i).params();
      String where = samplerName + " " + problemName + " seed " + seed + " trial " + i;
      List<String> names = new ArrayList<>();
      for (Iterator<String> it = want.get("params").fieldNames(); it.hasNext();) {
        names.add(it.next());
      }
      assertThat(got.keySet()).as(where).containsExactlyInAnyOrderElementsOf(names);
      for (String name : names) {
        JsonNode w = want.get("params").get(name);
        Object g = got.get(name);
        if (w.isTextual()) {
          assertThat(g).as(where + " " + name).isEqualTo(w.asText());
        } else if (w.isIntegralNumber()) {
          assertThat(((Number) g).longValue()).as(where + " " + name).isEqualTo(w.asLong());
        } else {
          double e = w.asDouble();
          double a = ((Number) g).doubleValue();
          assertThat(Math.abs(a - e)).as(where + " " + name + ": " + a + " vs Optuna's " + e)
              .isLessThanOrEqualTo(PARAM_RTOL * Math.abs(e));
        }
      }
      double ev = want.get("value").asDouble();
      double av = trials.get(i).value();
      assertThat(Math.abs(av - ev)).as(where + " value " + av + " vs " + ev)
          .isLessThanOrEqualTo(VALUE_RTOL * Math.max(Math.abs(ev), 1e-300));
    }
  }
}
