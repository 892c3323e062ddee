package org.minima4j.tune.samplers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.minima4j.tune.CategoricalDistribution;
import org.minima4j.tune.Distribution;
import org.minima4j.tune.FloatDistribution;
import org.minima4j.tune.IntDistribution;
import org.minima4j.tune.Studies;
import org.minima4j.tune.Study;
import org.minima4j.tune.StudyOptions;
import org.minima4j.tune.TrialState;
import org.minima4j.tune.internal.ParzenEstimator;

/**
 * The estimators l(x) and g(x) TPE fits for a fixed trial history (pruned trials with and without
 * intermediate values, tied values, a trial lacking a parameter) against Optuna 3.1.0's TPESampler, in
 * independent and multivariate mode ({@code reference/tpe_sampler.json}, written by
 * {@code reference/generators/tpe_sampler_ref.py}).
 */
class TPESamplerOptunaFixtureTest {
  private static JsonNode doc;
  private static Map<String, Distribution> space;
  private static Study study;

  @BeforeAll
  static void load() throws IOException {
    try (InputStream in = TPESamplerOptunaFixtureTest.class.getResourceAsStream("/reference/tpe_sampler.json")) {
      doc = new ObjectMapper().readTree(in);
    }
    space = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = doc.get("space").fields(); it.hasNext();) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode d = e.getValue();
      String t = d.get("type").asText();
      Distribution dist;
      if (t.equals("categorical")) {
        List<Object> ch = new ArrayList<>();
        d.get("choices").forEach(c -> ch.add(c.asText()));
        dist = new CategoricalDistribution(ch);
      } else if (t.equals("float")) {
        dist = new FloatDistribution(d.get("low").asDouble(), d.get("high").asDouble(), d.get("log").asBoolean(),
            d.get("step").isNull() ? null : d.get("step").asDouble());
      } else {
        dist = new IntDistribution(d.get("low").asLong(), d.get("high").asLong(), d.get("log").asBoolean(),
            d.get("step").asLong());
      }
      space.put(e.getKey(), dist);
    }
    study = Studies.create(StudyOptions.DEFAULTS);
    for (JsonNode t : doc.get("trials")) {
      Map<String, Object> params = new LinkedHashMap<>();
      Map<String, Distribution> dists = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = t.get("params").fields(); it.hasNext();) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode v = e.getValue();
        params.put(e.getKey(), v.isTextual() ? v.asText() : v.isInt() ? (Object) v.asInt() : v.asDouble());
        dists.put(e.getKey(), space.get(e.getKey()));
      }
      Map<Integer, Double> inter = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = t.get("intermediate_values").fields(); it.hasNext();) {
        Map.Entry<String, JsonNode> e = it.next();
        inter.put(Integer.parseInt(e.getKey()), e.getValue().asDouble());
      }
      TrialState state = TrialState.valueOf(t.get("state").asText());
      List<Double> values = t.get("value").isNull() ? null : List.of(t.get("value").asDouble());
      study.addTrial(Studies.createTrial(state, values, params, dists, Map.of(), Map.of(), inter));
    }
  }

  private static double[] arr(JsonNode n) {
    double[] out = new double[n.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = n.get(i).asDouble();
    }
    return out;
  }

  /** Compares the estimators of {@code names} (in Java's order) with Optuna's case (params in its order). */
  private static void check(SoftAssertions soft, TPESampler sampler, JsonNode c, String[] names) {
    List<String> optunaNames = new ArrayList<>();
    c.get("params").forEach(p -> optunaNames.add(p.asText()));
    assertThat(optunaNames).containsExactlyInAnyOrder(names);
    Distribution[] dists = new Distribution[names.length];
    double[][] pts = new double[names.length][];
    for (int p = 0; p < names.length; p++) {
      dists[p] = space.get(names[p]);
      pts[p] = arr(c.get("points").get(optunaNames.indexOf(names[p])));
    }
    ParzenEstimator[] pe = sampler.estimators(study, names, dists);
    assertThat(pe).as("past the startup trials").isNotNull();
    String[] which = {"below", "above"};
    for (int b = 0; b < 2; b++) {
      JsonNode ref = c.get(which[b]);
      String what = which[b] + " " + List.of(names);
      soft.assertThat(pe[b].weights()).as("weights " + what).containsExactly(arr(ref.get("weights")),
          offset(1e-12));
      for (int p = 0; p < names.length; p++) {
        int q = optunaNames.indexOf(names[p]);
        if (dists[p] instanceof CategoricalDistribution) {
          continue;
        }
        soft.assertThat(pe[b].mus(p)).as("mus " + names[p] + " " + what).containsExactly(arr(ref.get("mus").get(q)),
            offset(1e-10));
        soft.assertThat(pe[b].sigmas(p)).as("sigmas " + names[p] + " " + what)
            .containsExactly(arr(ref.get("sigmas").get(q)), offset(1e-10));
      }
      soft.assertThat(pe[b].logPdf(pts)).as("log_pdf " + what).containsExactly(arr(ref.get("log_pdf")),
          offset(1e-8));
    }
  }

  @Test
  void independentEstimatorsEqualOptuna31() {
    TPESampler sampler = new TPESampler(0);
    SoftAssertions soft = new SoftAssertions();
    for (JsonNode c : doc.get("independent")) {
      check(soft, sampler, c, new String[] {c.get("params").get(0).asText()});
    }
    soft.assertAll();
  }

  @Test
  void multivariateEstimatorsEqualOptuna31() {
    TPESampler sampler = new TPESampler(TPESampler.Options.DEFAULTS.withMultivariate(true));
    Map<String, Distribution> rel = sampler.inferRelativeSearchSpace(study, null);
    List<String> expected = new ArrayList<>();
    doc.get("multivariate_space").forEach(p -> expected.add(p.asText()));
    assertThat(rel.keySet()).containsExactlyInAnyOrderElementsOf(expected);
    SoftAssertions soft = new SoftAssertions();
    check(soft, sampler, doc.get("multivariate"), rel.keySet().toArray(new String[0]));
    soft.assertAll();
  }
}
