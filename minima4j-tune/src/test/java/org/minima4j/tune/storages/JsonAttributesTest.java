package org.minima4j.tune.storages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.minima4j.tune.Distributions;
import org.minima4j.tune.FrozenTrial;
import org.minima4j.tune.Studies;
import org.minima4j.tune.Study;
import org.minima4j.tune.StudyDirection;
import org.minima4j.tune.StudyOptions;
import org.minima4j.tune.TrialPruned;
import org.minima4j.tune.pruners.HyperbandPruner;
import org.minima4j.tune.samplers.CmaEsSampler;
import org.minima4j.tune.samplers.GridSampler;
import org.minima4j.tune.samplers.NSGAIISampler;
import org.minima4j.tune.samplers.QMCSampler;
import org.minima4j.tune.samplers.Sampler;
import org.minima4j.tune.samplers.TPESampler;

/**
 * Everything samplers and pruners write into attributes is plain JSON (as Optuna's
 * {@code *_attributes.value_json} columns need), and every stored distribution has Optuna's JSON form: what a JDBC
 * storage will rely on.
 */
class JsonAttributesTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void attributesAndDistributionsSurviveJson() throws Exception {
    List<Study> studies = new ArrayList<>();
    List<Sampler> samplers = List.of(new GridSampler(Map.of("x", List.of(0.1, 0.5), "y", List.of(0.2), "c", List.of("a", "b")), 0),
        new CmaEsSampler(null, null, 1, false, 4, true, 2, 0), new QMCSampler(QMCSampler.QmcType.HALTON, true, 0),
        new TPESampler(TPESampler.Options.DEFAULTS.withSeed(0).withNStartupTrials(3)
            .withConstraintsFunc(t -> new double[] {0.3 - (Double) t.params().get("x")})));
    for (Sampler sampler : samplers) {
      Study s = Studies.create(StudyOptions.DEFAULTS.withSampler(sampler).withStudyName("json")
          .withPruner(new HyperbandPruner(1, 9, 3, 0)));
      s.enqueueTrial(Map.of("x", 0.5, "y", 0.2, "c", "b"), Map.of("origin", List.of(1, "two")), false);
      s.optimize(t -> {
        double x = t.suggestFloat("x", 0, 1);
        double y = t.suggestFloat("y", 0, 1);
        String c = t.suggestCategorical("c", "a", "b");
        t.setUserAttr("tag", Map.of("c", c));
        for (int step = 0; step < 9; step++) {
          t.report(x + y + step * 0.01, step);
          if (t.shouldPrune()) {
            throw new TrialPruned();
          }
        }
        return x + y + (c.equals("a") ? 0 : 1);
      }, 12);
      studies.add(s);
    }
    Study mo = Studies.create(StudyOptions.DEFAULTS.withSampler(new NSGAIISampler(4, null, 0.9, 0.5, null, 0))
        .withDirections(StudyDirection.MINIMIZE, StudyDirection.MAXIMIZE));
    mo.optimizeMulti(t -> new double[] {t.suggestFloat("x", 0, 1), t.suggestInt("k", 0, 3)}, 12);
    studies.add(mo);
    int checked = 0;
    for (Study s : studies) {
      String studyAttrs = MAPPER.writeValueAsString(s.systemAttrs());
      assertThat(MAPPER.readValue(studyAttrs, Map.class)).hasSameSizeAs(s.systemAttrs());
      for (FrozenTrial t : s.trials()) {
        for (Map<String, Object> attrs : List.of(t.systemAttrs(), t.userAttrs())) {
          String json = MAPPER.writeValueAsString(attrs);
          assertThat(MAPPER.readValue(json, Map.class)).hasSameSizeAs(attrs);
          checked++;
        }
        t.distributions().forEach((k, d) -> assertThat(Distributions.fromJson(Distributions.toJson(d))).isEqualTo(d));
      }
    }
    assertThat(checked).isGreaterThan(70);
  }
}
