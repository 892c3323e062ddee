package org.minima4j.tune.samplers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.minima4j.tune.CategoricalDistribution;
import org.minima4j.tune.Distribution;
import org.minima4j.tune.FloatDistribution;
import org.minima4j.tune.IntDistribution;
import org.minima4j.tune.internal.IndexSort;
import org.minima4j.tune.internal.ParzenEstimator;

/**
 * TPE's Parzen estimator and observation split against Optuna 3.1.0 on fixed inputs
 * ({@code reference/tpe_parzen.json}, written by {@code reference/generators/tpe_parzen_ref.py}).
 */
class TPEOptunaFixtureTest {
  private static JsonNode doc;

  @BeforeAll
  static void load() throws IOException {
    try (InputStream in = TPEOptunaFixtureTest.class.getResourceAsStream("/reference/tpe_parzen.json")) {
      doc = new ObjectMapper().readTree(in);
    }
  }

  private static double num(JsonNode n) {
    return n.isTextual() ? Double.parseDouble(n.asText().replace("inf", "Infinity")) : n.asDouble();
  }

  private static double[] arr(JsonNode n) {
    double[] out = new double[n.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = num(n.get(i));
    }
    return out;
  }

  private static Distribution dist(JsonNode d) {
    String t = d.get("type").asText();
    if (t.equals("categorical")) {
      List<Object> choices = new ArrayList<>();
      for (int i = 0; i < d.get("n").asInt(); i++) {
        choices.add("c" + i);
      }
      return new CategoricalDistribution(choices);
    }
    boolean log = d.get("log").asBoolean();
    if (t.equals("float")) {
      Double step = d.get("step").isNull() ? null : d.get("step").asDouble();
      return new FloatDistribution(d.get("low").asDouble(), d.get("high").asDouble(), log, step);
    }
    return new IntDistribution(d.get("low").asLong(), d.get("high").asLong(), log, d.get("step").asLong());
  }

  @Test
  void parzenEstimatorEqualsOptuna31() {
    org.assertj.core.api.SoftAssertions soft = new org.assertj.core.api.SoftAssertions();
    int checked = 0;
    for (JsonNode c : doc.get("cases")) {
      int np = c.get("params").size();
      Distribution[] dists = new Distribution[np];
      double[][] obs = new double[np][];
      double[][] pts = new double[np][];
      for (int p = 0; p < np; p++) {
        dists[p] = dist(c.get("distributions").get(p));
        obs[p] = arr(c.get("observations").get(p));
        pts[p] = arr(c.get("points").get(p));
      }
      int n = c.get("n").asInt();
      double[] pred = c.get("predetermined_weights").isNull() ? null : arr(c.get("predetermined_weights"));
      ParzenEstimator pe = new ParzenEstimator(dists, obs, n, c.get("prior_weight").asDouble(),
          c.get("magic_clip").asBoolean(), c.get("endpoints").asBoolean(), c.get("multivariate").asBoolean(),
          org.minima4j.tune.samplers.TPESampler::defaultWeights, pred);
      String what = c.get("params") + " n=" + n + " multivariate=" + c.get("multivariate");
      soft.assertThat(pe.weights()).as("weights " + what).containsExactly(arr(c.get("weights")), offset(1e-12));
      for (int p = 0; p < np; p++) {
        if (dists[p] instanceof CategoricalDistribution) {
          continue;
        }
        double[] mus = arr(c.get("mus").get(p));
        double[] sg = arr(c.get("sigmas").get(p));
        double[] myMus = pe.mus(p);
        soft.assertThat(myMus).as("mus " + p + " " + what).containsExactly(mus, offset(1e-10));
        // in order: which of several equal centres (or the prior's) gets which gap follows numpy's argsort
        soft.assertThat(pe.sigmas(p)).as("sigmas " + p + " " + what).containsExactly(sg, offset(1e-10));
      }
      double[] lp = pe.logPdf(pts);
      soft.assertThat(lp).as("log_pdf " + what).containsExactly(arr(c.get("log_pdf")), offset(1e-8));
      checked++;
    }
    soft.assertAll();
    assertThat(checked).isEqualTo(14);
  }

  @Test
  void splitEqualsOptuna31() {
    for (JsonNode s : doc.get("splits")) {
      double[] steps = arr(s.get("steps"));
      double[] values = arr(s.get("values"));
      List<double[]> scores = new ArrayList<>();
      List<Double> st = new ArrayList<>();
      for (int i = 0; i < values.length; i++) {
        scores.add(new double[] {values[i]});
        st.add(steps[i]);
      }
      int[][] r = TPESampler.split(scores, st, null, s.get("n_below").asInt(), false);
      assertThat(r[0]).containsExactly(toInts(s.get("below")));
      assertThat(r[1]).containsExactly(toInts(s.get("above")));
    }
  }

  @Test
  void numpyArgsortOrderIncludingTies() {
    int n = 0;
    for (JsonNode a : doc.get("argsorts")) {
      assertThat(IndexSort.numpyArgsort(arr(a.get("keys")))).containsExactly(toInts(a.get("argsort")));
      n++;
    }
    assertThat(n).isEqualTo(24);
  }

  private static int[] toInts(JsonNode n) {
    int[] out = new int[n.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = n.get(i).asInt();
    }
    return out;
  }
}
