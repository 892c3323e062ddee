package org.minima4j.optim.lr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.minima4j.nn.Parameter;
import org.minima4j.optim.Adam;
import org.minima4j.optim.SGD;
import org.minima4j.optim.StateDicts;

/**
 * Every scheduler configuration of torch_sched.json: 7 steps, optimizer and scheduler state dicts
 * through JSON into a fresh optimizer and scheduler, 15 more steps: the learning rates and momenta
 * are bit-identical to 22 uninterrupted steps. Plus argument checks with torch's messages.
 */
class SchedulerContractTest {

  @TestFactory
  Stream<DynamicTest> checkpointRoundTrip() {
    JsonNode runs = TorchSchedReferenceTest.doc().get("runs");
    return IntStream.range(0, runs.size()).mapToObj(k -> DynamicTest.dynamicTest(
        k + " " + runs.get(k).get("scheduler").asText() + " " + runs.get(k).get("kwargs"), () -> roundTrip(runs.get(k))));
  }

  private static void roundTrip(JsonNode run) {
    String name = run.get("scheduler").asText();
    double[] metric = run.has("metric_sequence")
        ? Schedulers.doubles(TorchSchedReferenceTest.doc().get("metric_sequences").get(run.get("metric_sequence").asText()))
        : null;
    SGD opt = TorchSchedReferenceTest.optimizer(run);
    Scheduler s = Schedulers.build(name, run.get("kwargs"), opt);
    int k = 0;
    for (; k < 7; k++) {
      advance(opt, s, metric, k);
    }
    String optJson = StateDicts.toJson(opt.stateDict());
    String schedJson = StateDicts.toJson(s.stateDict());
    SGD opt2 = TorchSchedReferenceTest.optimizer(run);
    Scheduler s2 = Schedulers.build(name, run.get("kwargs"), opt2);
    opt2.loadStateDict(StateDicts.fromJson(optJson));
    s2.loadStateDict(StateDicts.fromJson(schedJson));
    for (; k < 22; k++) {
      advance(opt, s, metric, k);
      advance(opt2, s2, metric, k);
      for (int g = 0; g < opt.paramGroups().size(); g++) {
        assertThat(opt2.paramGroups().get(g).lr()).as("lr at step " + (k + 1)).isEqualTo(opt.paramGroups().get(g).lr());
        assertThat(opt2.paramGroups().get(g).momentum()).as("momentum at step " + (k + 1))
            .isEqualTo(opt.paramGroups().get(g).momentum());
      }
      assertThat(s2.getLastLr()).isEqualTo(s.getLastLr());
    }
    assertThat(StateDicts.toJson(s2.stateDict())).isEqualTo(StateDicts.toJson(s.stateDict()));
  }

  private static void advance(SGD opt, Scheduler s, double[] metric, int k) {
    opt.step();
    if (metric != null) {
      s.step(metric[k]);
    } else {
      s.step();
    }
  }

  private static SGD sgd() {
    return new SGD(List.of(new Parameter(new double[2], 2)), SGD.Options.DEFAULTS.withLr(0.1).withMomentum(0.9));
  }

  @Test
  void argumentChecksUseTorchsMessages() {
    assertThatThrownBy(() -> new ConstantLR(sgd(), 1.5, 3))
        .hasMessage("Constant multiplicative factor expected to be between 0 and 1.");
    assertThatThrownBy(() -> new LinearLR(sgd(), 0.0, 1.0, 3))
        .hasMessage("Starting multiplicative factor expected to be greater than 0 and less or equal to 1.");
    assertThatThrownBy(() -> new LinearLR(sgd(), 0.5, 1.5, 3))
        .hasMessage("Ending multiplicative factor expected to be between 0 and 1.");
    assertThatThrownBy(() -> new CosineAnnealingWarmRestarts(sgd(), 0)).hasMessage("Expected positive integer T_0, but got 0");
    assertThatThrownBy(() -> new CosineAnnealingWarmRestarts(sgd(), 5, 0, 0.0))
        .hasMessage("Expected integer T_mult >= 1, but got 0");
    assertThatThrownBy(() -> ReduceLROnPlateau.Options.DEFAULTS.withFactor(1.0)).hasMessage("Factor should be < 1.0.");
    assertThatThrownBy(() -> ReduceLROnPlateau.Options.DEFAULTS.withMode("median")).hasMessage("mode median is unknown!");
    assertThatThrownBy(() -> OneCycleLR.Options.of(1.0, 10).withAnnealStrategy("step"))
        .hasMessage("anneal_strategy must by one of 'cos' or 'linear', instead got step");
    assertThatThrownBy(() -> OneCycleLR.Options.of(1.0, 0)).hasMessage("Expected positive integer total_steps, but got 0");
    assertThatThrownBy(() -> new StepLR(sgd(), 3, 0.1, 4))
        .hasMessage("param 'initial_lr' is not specified in param_groups[0] when resuming an optimizer");
    SGD opt = sgd();
    assertThatThrownBy(() -> new SequentialLR(opt, List.of(new StepLR(opt, 2), new StepLR(opt, 3)), new int[] {1, 2}))
        .hasMessageStartingWith("Sequential Schedulers expects number of schedulers provided to be one more");
    assertThatThrownBy(() -> new SequentialLR(opt, List.of(new StepLR(sgd(), 2)), new int[0]))
        .hasMessageContaining("schedulers at index 0 to be different than the optimizer passed in");
  }

  @Test
  void oneCycleRefusesToStepPastTotalSteps() {
    SGD opt = sgd();
    OneCycleLR s = new OneCycleLR(opt, OneCycleLR.Options.of(1.0, 3));
    s.step();
    s.step();
    s.step();
    assertThatThrownBy(s::step).hasMessage("Tried to step 5 times. The specified number of total steps is 3");
  }

  @Test
  void cyclingMomentumOfAdamUsesBeta1AndRefusesOptimizersWithout() {
    Parameter p = new Parameter(new double[2], 2);
    Adam adam = new Adam(List.of(p), Adam.Options.DEFAULTS);
    new OneCycleLR(adam, OneCycleLR.Options.of(0.01, 10));
    assertThat(adam.paramGroups().get(0).beta1()).isEqualTo(0.95);
    assertThat(adam.paramGroups().get(0).options().beta2()).isEqualTo(0.999);
    org.minima4j.optim.Adagrad ada = new org.minima4j.optim.Adagrad(List.of(new Parameter(new double[2], 2)),
        org.minima4j.optim.Adagrad.Options.DEFAULTS);
    assertThatThrownBy(() -> new CyclicLR(ada, CyclicLR.Options.of(0.01, 0.1)))
        .hasMessage("optimizer must support momentum or beta1 with `cycle_momentum` option enabled");
  }

  @Test
  void plateauWorksInsideSequentialAndChainedSchedulers() {
    SGD opt = sgd();
    ReduceLROnPlateau plateau = new ReduceLROnPlateau(opt, ReduceLROnPlateau.Options.DEFAULTS.withPatience(1)
        .withFactor(0.5));
    SequentialLR seq = new SequentialLR(opt, List.of(new LinearLR(opt, 0.5, 1.0, 2), plateau), new int[] {2});
    assertThat(opt.paramGroups().get(0).lr()).isEqualTo(0.05);
    seq.step(1.0); // LinearLR: 0.05 * 1.5
    seq.step(1.0); // milestone: the plateau scheduler sees its first metric (the best so far)
    seq.step(1.0); // one bad epoch: within patience
    assertThat(opt.paramGroups().get(0).lr()).isCloseTo(0.075, org.assertj.core.data.Offset.offset(1e-15));
    seq.step(1.0); // two bad epochs: halved
    assertThat(opt.paramGroups().get(0).lr()).isCloseTo(0.0375, org.assertj.core.data.Offset.offset(1e-15));
    assertThatThrownBy(seq::step).hasMessage("ReduceLROnPlateau needs the monitored metric: call step(metric)");

    SGD opt2 = sgd();
    ChainedScheduler chain = new ChainedScheduler(List.of(new ExponentialLR(opt2, 0.9),
        new ReduceLROnPlateau(opt2, ReduceLROnPlateau.Options.DEFAULTS.withPatience(0).withFactor(0.5))));
    chain.step(1.0);
    chain.step(1.0);
    assertThat(opt2.paramGroups().get(0).lr()).isCloseTo(0.1 * 0.9 * 0.9 * 0.5, org.assertj.core.data.Offset.offset(1e-15));
  }

  @Test
  void warmRestartsAcceptFractionalEpochs() {
    SGD opt = sgd();
    CosineAnnealingWarmRestarts s = new CosineAnnealingWarmRestarts(opt, 10, 2, 0.0);
    s.stepTo(2.5);
    assertThat(opt.paramGroups().get(0).lr()).isCloseTo(0.05 * (1 + Math.cos(Math.PI * 2.5 / 10)),
        org.assertj.core.data.Offset.offset(1e-15));
    s.stepTo(12.0); // second cycle of length 20 starts at epoch 10
    assertThat(opt.paramGroups().get(0).lr()).isCloseTo(0.05 * (1 + Math.cos(Math.PI * 2.0 / 20)),
        org.assertj.core.data.Offset.offset(1e-15));
  }
}
