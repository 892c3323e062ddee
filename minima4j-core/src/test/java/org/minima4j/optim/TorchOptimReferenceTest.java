package org.minima4j.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.minima4j.nn.Parameter;
import org.minima4j.tensor.Tensor;

/**
 * Replays every run of torch_optim.json (torch 1.13.1, float64): parameters after each of the 25
 * steps and the final state within rtol 1e-10 / atol 1e-12. The tolerance allows for the last-bit
 * differences of fused multiply-adds and libm between torch's kernels and Java, amplified over 25
 * steps; the update formulas follow torch's operation order.
 */
class TorchOptimReferenceTest {
  static final double RTOL = 1e-10;
  static final double ATOL = 1e-12;

  @Test
  void analyticGradientMatchesTorchAutograd() {
    JsonNode problem = Reference.optim().get("problem");
    double[] x0 = Reference.doubles(problem.get("x0_flat"));
    assertThat(Reference.f(x0)).isCloseTo(problem.get("f0").asDouble(), org.assertj.core.data.Offset.offset(1e-12));
    assertThat(Reference.firstMismatch(Reference.grad(x0), Reference.doubles(problem.get("grad0_autograd")), 1e-13, 1e-13))
        .isNull();
  }

  @TestFactory
  Stream<DynamicTest> referenceRuns() {
    JsonNode runs = Reference.optim().get("runs");
    return IntStream.range(0, runs.size()).mapToObj(k -> {
      JsonNode run = runs.get(k);
      String label = k + " " + run.get("optimizer").asText() + " " + run.get("kwargs");
      return DynamicTest.dynamicTest(label, () -> replay(run));
    });
  }

  static void replay(JsonNode run) {
    String name = run.get("optimizer").asText();
    Map<String, Object> kwargs = Reference.map(run.get("kwargs"));
    Parameter w = Reference.w();
    Parameter b = Reference.b();
    Optimizer<?, ?> opt;
    if (run.has("param_groups_spec")) {
      opt = groupsRun(run, kwargs, w, b);
    } else {
      opt = Optimizers.create(name, kwargs, List.of(w, b));
    }
    assertThat(opt).as("optimizer " + name + " is implemented").isNotNull();
    double sign = run.get("objective").asText().startsWith("-f") ? -1.0 : 1.0;
    JsonNode steps = run.get("steps");
    for (int k = 0; k < steps.size(); k++) {
      JsonNode st = steps.get(k);
      double loss;
      if (name.equals("LBFGS")) {
        int[] evals = {0};
        loss = opt.step(() -> {
          evals[0]++;
          return Reference.setGrads(w, b, sign);
        });
        assertThat(evals[0]).as("closure evaluations at step " + (k + 1)).isEqualTo(st.get("closure_evals").asInt());
      } else {
        opt.zeroGrad();
        loss = Reference.setGrads(w, b, sign);
        opt.step();
      }
      double expLoss = st.get("loss_before").asDouble();
      if (!Reference.close(loss, expLoss, RTOL, ATOL)) {
        fail("loss before step " + (k + 1) + ": " + loss + " vs torch " + expLoss);
      }
      String mismatch = Reference.firstMismatch(Reference.flat(w, b), Reference.doubles(st.get("params_after")), RTOL, ATOL);
      if (mismatch != null) {
        fail("params after step " + (k + 1) + ": " + mismatch);
      }
    }
    compareState(run, opt, w, b);
  }

  private static Optimizer<?, ?> groupsRun(JsonNode run, Map<String, Object> kwargs, Parameter w, Parameter b) {
    JsonNode spec = run.get("param_groups_spec");
    SGD.Options defaults = SGD.Options.DEFAULTS.fromMap(kwargs);
    SGD opt = new SGD(List.of(w), defaults.fromMap(Reference.map(spec.get(0))));
    opt.addParamGroup(List.of(b), defaults.fromMap(Reference.map(spec.get(1))));
    return opt;
  }

  static void compareState(JsonNode run, Optimizer<?, ?> opt, Tensor w, Tensor b) {
    JsonNode values = run.get("final_state_values");
    Tensor[] params = {w, b};
    String[] names = {"W", "b"};
    for (int pi = 0; pi < 2; pi++) {
      JsonNode expected = values.get(names[pi]);
      ParamState st = opt.state(params[pi]);
      Map<String, Object> actual = st == null ? Map.of() : st.toMap();
      List<String> keys = new ArrayList<>();
      expected.fieldNames().forEachRemaining(keys::add);
      for (String key : keys) {
        JsonNode e = expected.get(key);
        if (e.isNull()) {
          // torch 1.13 keeps momentum_buffer = None for SGD without momentum; minima4j keeps no state
          assertThat(actual.get(key)).as(names[pi] + "." + key).isNull();
          continue;
        }
        Object a = actual.get(key);
        assertThat(a).as(names[pi] + "." + key + " present").isNotNull();
        compareValue(names[pi] + "." + key, a, e);
      }
    }
  }

  static void compareValue(String what, Object a, JsonNode e) {
    if (e.isNumber()) {
      double av = ((Number) a).doubleValue();
      if (!Reference.close(av, e.asDouble(), RTOL, ATOL)) {
        fail(what + ": " + av + " vs torch " + e.asDouble());
      }
    } else if (e.isArray() && e.size() > 0 && e.get(0).isArray()) {
      @SuppressWarnings("unchecked")
      List<double[]> list = (List<double[]>) a;
      assertThat(list).as(what + " length").hasSize(e.size());
      for (int i = 0; i < e.size(); i++) {
        String m = Reference.firstMismatch(list.get(i), Reference.doubles(e.get(i)), RTOL, ATOL);
        if (m != null) {
          fail(what + "[" + i + "]: " + m);
        }
      }
    } else if (e.isArray()) {
      double[] av = (double[]) a;
      int used = 0;
      while (used < e.size() && !e.get(used).isNull()) {
        used++;
      }
      double[] ev = new double[used];
      for (int i = 0; i < used; i++) {
        ev[i] = e.get(i).asDouble();
      }
      double[] head = java.util.Arrays.copyOf(av, Math.min(av.length, used));
      String m = Reference.firstMismatch(head, ev, RTOL, ATOL);
      if (m != null) {
        fail(what + ": " + m);
      }
    } else {
      fail(what + ": unexpected reference value " + e);
    }
  }
}
