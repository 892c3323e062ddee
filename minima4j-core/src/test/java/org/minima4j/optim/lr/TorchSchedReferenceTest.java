package org.minima4j.optim.lr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.minima4j.nn.Parameter;
import org.minima4j.optim.SGD;

/**
 * Replays every scheduler run of torch_sched.json (torch 1.13.1): SGD(lr 0.1, momentum 0.9), the
 * learning rate and momentum of every group after construction and after each of 40
 * {@code optimizer.step(); scheduler.step()} pairs, within rtol 1e-12 (the recursive forms are the
 * same expressions as torch's; the tolerance covers libm's last bit in cos and pow).
 */
class TorchSchedReferenceTest {
  static final double RTOL = 1e-12;
  static final double ATOL = 1e-15;
  static JsonNode doc;

  static synchronized JsonNode doc() {
    if (doc == null) {
      try (InputStream in = TorchSchedReferenceTest.class.getResourceAsStream("/reference/torch_sched.json")) {
        doc = new ObjectMapper().readTree(in);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    return doc;
  }

  static SGD optimizer(JsonNode run) {
    JsonNode groups = run.get("param_groups_init");
    SGD.Options base = SGD.Options.DEFAULTS.withLr(0.1).withMomentum(0.9);
    if (groups.size() == 1) {
      return new SGD(List.of(new Parameter(new double[2], 2), new Parameter(new double[3], 3)), base);
    }
    SGD opt = new SGD(List.of(new Parameter(new double[2], 2)), base.withLr(groups.get(0).get("lr").asDouble()));
    opt.addParamGroup(List.of(new Parameter(new double[3], 3)), base.withLr(groups.get(1).get("lr").asDouble()));
    return opt;
  }

  @TestFactory
  Stream<DynamicTest> schedulerRuns() {
    JsonNode runs = doc().get("runs");
    return IntStream.range(0, runs.size()).mapToObj(k -> DynamicTest.dynamicTest(
        k + " " + runs.get(k).get("scheduler").asText() + " " + runs.get(k).get("kwargs"), () -> replay(runs.get(k))));
  }

  static boolean close(double a, double e) {
    return Math.abs(a - e) <= ATOL + RTOL * Math.abs(e);
  }

  static void check(String what, int step, double actual, double expected) {
    if (!close(actual, expected)) {
      fail(what + " at step " + step + ": " + actual + " vs torch " + expected);
    }
  }

  static void replay(JsonNode run) {
    SGD opt = optimizer(run);
    String name = run.get("scheduler").asText();
    Scheduler s = Schedulers.build(name, run.get("kwargs"), opt);
    int groups = opt.paramGroups().size();
    double[] metric = run.has("metric_sequence")
        ? Schedulers.doubles(doc().get("metric_sequences").get(run.get("metric_sequence").asText())) : null;
    for (int k = 0; k <= 40; k++) {
      if (k > 0) {
        opt.step();
        if (metric != null) {
          s.step(metric[k - 1]);
          JsonNode ps = run.get("plateau_state_after_step").get(k - 1);
          ReduceLROnPlateau p = (ReduceLROnPlateau) s;
          check("best", k, p.best(), ps.get("best").asDouble());
          assertThat(p.numBadEpochs()).as("num_bad_epochs at " + k).isEqualTo(ps.get("num_bad_epochs").asInt());
          assertThat(p.cooldownCounter()).as("cooldown_counter at " + k).isEqualTo(ps.get("cooldown_counter").asInt());
        } else {
          s.step();
        }
      }
      for (int g = 0; g < groups; g++) {
        double lr = groups == 1 ? run.get("lr").get(k).asDouble() : run.get("lr_groups").get(k).get(g).asDouble();
        double mom = groups == 1 ? run.get("momentum").get(k).asDouble()
            : run.get("momentum_groups").get(k).get(g).asDouble();
        check("lr of group " + g, k, opt.paramGroups().get(g).lr(), lr);
        check("momentum of group " + g, k, opt.paramGroups().get(g).momentum(), mom);
      }
      if (metric == null && k > 0 && run.get("get_last_lr_equals_param_groups").asBoolean()) {
        double[] last = s.getLastLr();
        for (int g = 0; g < groups; g++) {
          assertThat(last[g]).isEqualTo(opt.paramGroups().get(g).lr());
        }
      }
    }
  }
}
