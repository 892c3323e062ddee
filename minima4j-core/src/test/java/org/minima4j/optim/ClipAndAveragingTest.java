package org.minima4j.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.minima4j.nn.Linear;
import org.minima4j.nn.Parameter;
import org.minima4j.optim.lr.SWALR;
import org.minima4j.tensor.Tensor;

/** Gradient clipping against torch_sched.json's clip cases (rtol 1e-12); SWA/EMA averaging; SWALR. */
class ClipAndAveragingTest {

  static JsonNode clipCases() throws Exception {
    try (InputStream in = ClipAndAveragingTest.class.getResourceAsStream("/reference/torch_sched.json")) {
      return new ObjectMapper().readTree(in).get("clip_grad").get("cases");
    }
  }

  private static double[] flat(JsonNode n) {
    if (!n.isArray()) {
      return new double[] {n.asDouble()};
    }
    java.util.List<Double> out = new java.util.ArrayList<>();
    for (JsonNode x : n) {
      for (double v : flat(x)) {
        out.add(v);
      }
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  @TestFactory
  Stream<DynamicTest> torchClipCases() throws Exception {
    JsonNode cases = clipCases();
    return IntStream.range(0, cases.size()).mapToObj(k -> DynamicTest.dynamicTest(
        cases.get(k).get("function").asText() + " " + cases.get(k).get("kwargs"), () -> replay(cases.get(k))));
  }

  private static void replay(JsonNode c) {
    Parameter p1 = new Parameter(new double[6], 3, 2);
    Parameter p2 = new Parameter(new double[4], 4);
    p1.setGrad(Tensor.wrap(flat(c.get("grads_in").get("p1")), 3, 2));
    p2.setGrad(Tensor.wrap(flat(c.get("grads_in").get("p2")), 4));
    JsonNode kw = c.get("kwargs");
    if (c.get("function").asText().equals("clip_grad_norm_")) {
      JsonNode nt = kw.get("norm_type");
      double normType = nt.isTextual() ? Double.POSITIVE_INFINITY : nt.asDouble();
      double total = GradClipping.clipGradNorm(List.of(p1, p2), kw.get("max_norm").asDouble(), normType);
      double expected = c.get("returned_total_norm").asDouble();
      if (Math.abs(total - expected) > 1e-12 * Math.abs(expected)) {
        fail("total norm " + total + " vs torch " + expected);
      }
    } else {
      GradClipping.clipGradValue(List.of(p1, p2), kw.get("clip_value").asDouble());
    }
    String m1 = Reference.firstMismatch(p1.grad().data(), flat(c.get("grads_out").get("p1")), 1e-12, 1e-15);
    String m2 = Reference.firstMismatch(p2.grad().data(), flat(c.get("grads_out").get("p2")), 1e-12, 1e-15);
    assertThat(m1).as("p1").isNull();
    assertThat(m2).as("p2").isNull();
  }

  @Test
  void nonFiniteNormFailsWhenAskedAndParamsWithoutGradAreIgnored() {
    Parameter p = new Parameter(new double[2], 2);
    Parameter none = new Parameter(new double[2], 2);
    p.setGrad(Tensor.of(Double.NaN, 1.0));
    assertThatThrownBy(() -> GradClipping.clipGradNorm(List.of(p, none), 1.0, 2.0, true))
        .hasMessageStartingWith("The total norm of order 2.0 for gradients from `parameters` is non-finite");
    assertThat(none.grad()).isNull();
    assertThat(GradClipping.clipGradNorm(List.of(none), 1.0)).isEqualTo(0.0);
    Parameter q = new Parameter(new double[3], 3);
    q.setGrad(Tensor.of(3.0, -4.0, 0.0));
    assertThat(GradClipping.clipGradNorm(List.of(q), 1.0, 3.0)).isCloseTo(Math.pow(27 + 64, 1.0 / 3),
        org.assertj.core.data.Offset.offset(1e-14));
    assertThat(GradClipping.norm(new double[] {3, -4, 0}, 0)).isEqualTo(2.0);
    assertThat(GradClipping.norm(new double[] {3, -4, 0.5}, Double.NEGATIVE_INFINITY)).isEqualTo(0.5);
  }

  @Test
  void swaAveragesAndEmaDecays() {
    Linear model = new Linear(2, 2, true, new SplittableRandom(5));
    AveragedModel swa = new AveragedModel(model);
    AveragedModel ema = new AveragedModel(model, AveragedModel.ema(0.9), false);
    double[][] seen = new double[3][];
    for (int k = 0; k < 3; k++) {
      Parameter w = model.namedParameters().get("weight");
      for (int i = 0; i < w.numel(); i++) {
        w.data()[i] = k + 0.25 * i;
      }
      seen[k] = w.toArray();
      swa.updateParameters(model);
      ema.updateParameters(model);
    }
    assertThat(swa.nAveraged()).isEqualTo(3);
    double[] avg = swa.averagedState().get("weight").data();
    double[] e = ema.averagedState().get("weight").data();
    for (int i = 0; i < avg.length; i++) {
      double m1 = seen[0][i] + (seen[1][i] - seen[0][i]) / 2;
      double m2 = m1 + (seen[2][i] - m1) / 3;
      assertThat(avg[i]).isEqualTo(m2);
      double e1 = 0.9 * seen[0][i] + (1 - 0.9) * seen[1][i];
      assertThat(e[i]).isEqualTo(0.9 * e1 + (1 - 0.9) * seen[2][i]);
    }
    AveragedModel resumed = new AveragedModel(model);
    resumed.loadStateDict(StateDicts.fromJson(StateDicts.toJson(swa.stateDict())));
    model.namedParameters().get("weight").data()[0] = 10.0;
    swa.updateParameters(model);
    resumed.updateParameters(model);
    assertThat(resumed.nAveraged()).isEqualTo(4);
    assertThat(resumed.averagedState().get("weight").data()).isEqualTo(swa.averagedState().get("weight").data());
    avg = swa.averagedState().get("weight").data();
    Linear target = new Linear(2, 2, true, new SplittableRandom(9));
    swa.copyTo(target);
    assertThat(target.namedParameters().get("weight").data()).isEqualTo(avg);
    assertThatThrownBy(() -> AveragedModel.ema(1.5)).hasMessageContaining("[0,1]");
  }

  @Test
  void swalrAnnealsToTheSwaLearningRate() {
    // expected values from torch 1.13.1's SWALR formulas evaluated in Python (lr 0.1, swa_lr 0.05, 3 epochs)
    double[] cos = {0.1, 0.08750000000000001, 0.06250000000000001, 0.05, 0.05, 0.05};
    double[] linear = {0.1, 0.08333333333333334, 0.06666666666666668, 0.05, 0.05, 0.05};
    for (String strategy : List.of("cos", "linear")) {
      SGD opt = new SGD(List.of(new Parameter(new double[2], 2)), SGD.Options.DEFAULTS.withLr(0.1));
      SWALR s = new SWALR(opt, new double[] {0.05}, 3, strategy, -1);
      double[] expected = strategy.equals("cos") ? cos : linear;
      assertThat(opt.paramGroups().get(0).lr()).isEqualTo(expected[0]);
      for (int k = 1; k < expected.length; k++) {
        s.step();
        assertThat(opt.paramGroups().get(0).lr()).as(strategy + " step " + k).isCloseTo(expected[k],
            org.assertj.core.data.Offset.offset(1e-16));
      }
      Map<String, Object> sd = s.stateDict();
      assertThat(sd).containsKeys("anneal_epochs", "last_epoch", "_step_count");
    }
    SGD opt = new SGD(List.of(new Parameter(new double[2], 2)), SGD.Options.DEFAULTS);
    assertThatThrownBy(() -> new SWALR(opt, new double[] {0.05}, 3, "step", -1))
        .hasMessage("anneal_strategy must by one of 'cos' or 'linear', instead got step");
  }
}
