package org.minima4j.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.minima4j.nn.Linear;
import org.minima4j.nn.Parameter;
import org.minima4j.nn.Sequential;
import org.minima4j.tensor.Tensor;

/**
 * Properties every optimizer must have, on the reference problem f: a checkpoint written to JSON
 * and loaded into a fresh optimizer resumes bit-identically; {@code maximize} on -f equals
 * minimizing f bit for bit; a parameter without a gradient is untouched and gets no state.
 */
class OptimizerContractTest {

  /** A named optimizer configuration; {@code maximizing} builds the maximize=true twin (null if none). */
  record Config(String name, Function<List<Tensor>, Optimizer<?, ?>> create,
      Function<List<Tensor>, Optimizer<?, ?>> maximizing, boolean needsClosure) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Config> configs() {
    List<Config> c = new ArrayList<>();
    c.add(new Config("SGD", p -> new SGD(p, SGD.Options.DEFAULTS.withLr(1e-3)),
        p -> new SGD(p, SGD.Options.DEFAULTS.withLr(1e-3).withMaximize(true)), false));
    c.add(new Config("SGD nesterov wd", p -> new SGD(p, SGD.Options.DEFAULTS.withMomentum(0.9).withNesterov(true).withWeightDecay(0.01)),
        p -> new SGD(p, SGD.Options.DEFAULTS.withMomentum(0.9).withNesterov(true).withWeightDecay(0.01).withMaximize(true)), false));
    c.add(new Config("ASGD", p -> new ASGD(p, ASGD.Options.DEFAULTS.withT0(2).withWeightDecay(0.01)),
        p -> new ASGD(p, ASGD.Options.DEFAULTS.withT0(2).withWeightDecay(0.01).withMaximize(true)), false));
    c.add(new Config("Adagrad", p -> new Adagrad(p, Adagrad.Options.DEFAULTS.withLrDecay(0.01).withWeightDecay(0.01)),
        p -> new Adagrad(p, Adagrad.Options.DEFAULTS.withLrDecay(0.01).withWeightDecay(0.01).withMaximize(true)), false));
    c.add(new Config("Adadelta", p -> new Adadelta(p, Adadelta.Options.DEFAULTS.withWeightDecay(0.01)),
        p -> new Adadelta(p, Adadelta.Options.DEFAULTS.withWeightDecay(0.01).withMaximize(true)), false));
    c.add(new Config("RMSprop centered", p -> new RMSprop(p, RMSprop.Options.DEFAULTS.withMomentum(0.5).withCentered(true)),
        p -> new RMSprop(p, RMSprop.Options.DEFAULTS.withMomentum(0.5).withCentered(true).withMaximize(true)), false));
    c.add(new Config("Adam amsgrad", p -> new Adam(p, Adam.Options.DEFAULTS.withLr(0.01).withAmsgrad(true).withWeightDecay(0.01)),
        p -> new Adam(p, Adam.Options.DEFAULTS.withLr(0.01).withAmsgrad(true).withWeightDecay(0.01).withMaximize(true)), false));
    c.add(new Config("AdamW", p -> new AdamW(p, AdamW.Options.DEFAULTS.withLr(0.01)),
        p -> new AdamW(p, AdamW.Options.DEFAULTS.withLr(0.01).withMaximize(true)), false));
    c.add(new Config("Adamax", p -> new Adamax(p, Adamax.Options.DEFAULTS.withWeightDecay(0.01)),
        p -> new Adamax(p, Adamax.Options.DEFAULTS.withWeightDecay(0.01).withMaximize(true)), false));
    c.add(new Config("NAdam decoupled", p -> new NAdam(p, NAdam.Options.DEFAULTS.withWeightDecay(0.01).withDecoupledWeightDecay(true)),
        p -> new NAdam(p, NAdam.Options.DEFAULTS.withWeightDecay(0.01).withDecoupledWeightDecay(true).withMaximize(true)), false));
    c.add(new Config("RAdam decoupled", p -> new RAdam(p, RAdam.Options.DEFAULTS.withWeightDecay(0.01).withDecoupledWeightDecay(true)),
        p -> new RAdam(p, RAdam.Options.DEFAULTS.withWeightDecay(0.01).withDecoupledWeightDecay(true).withMaximize(true)), false));
    c.add(new Config("Rprop", p -> new Rprop(p, Rprop.Options.DEFAULTS),
        p -> new Rprop(p, Rprop.Options.DEFAULTS.withMaximize(true)), false));
    c.add(new Config("LBFGS", p -> new LBFGS(p, LBFGS.Options.DEFAULTS.withMaxIter(4).withHistorySize(3)), null, true));
    c.add(new Config("LBFGS strong_wolfe", p -> new LBFGS(p, LBFGS.Options.DEFAULTS.withMaxIter(4).withLineSearchFn("strong_wolfe")),
        null, true));
    c.addAll(ExtraOptimizers.configs());
    return c;
  }

  static Stream<Arguments> all() {
    return configs().stream().map(Arguments::of);
  }

  static Stream<Arguments> maximizable() {
    return configs().stream().filter(c -> c.maximizing() != null).map(Arguments::of);
  }

  private static void run(Optimizer<?, ?> opt, Tensor w, Tensor b, double sign, boolean closure, int steps) {
    for (int k = 0; k < steps; k++) {
      if (closure) {
        opt.step(() -> Reference.setGrads(w, b, sign));
      } else {
        opt.zeroGrad();
        Reference.setGrads(w, b, sign);
        opt.step();
      }
    }
  }

  private static Parameter copy(Tensor t) {
    return new Parameter(t);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("all")
  void checkpointThroughJsonResumesBitIdentically(Config config, @TempDir Path dir) throws Exception {
    Parameter w = Reference.w();
    Parameter b = Reference.b();
    Optimizer<?, ?> straight = config.create().apply(List.of(w, b));
    run(straight, w, b, 1.0, config.needsClosure(), 4);
    Path file = dir.resolve("opt.json");
    straight.saveStateDict(file);
    Parameter w2 = copy(w);
    Parameter b2 = copy(b);
    Optimizer<?, ?> resumed = config.create().apply(List.of(w2, b2));
    resumed.loadStateDict(file);
    run(straight, w, b, 1.0, config.needsClosure(), 5);
    run(resumed, w2, b2, 1.0, config.needsClosure(), 5);
    assertThat(w2.data()).isEqualTo(w.data());
    assertThat(b2.data()).isEqualTo(b.data());
    assertThat(StateDicts.toJson(resumed.stateDict())).isEqualTo(StateDicts.toJson(straight.stateDict()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("maximizable")
  void maximizeOnMinusFEqualsMinimizingF(Config config) {
    Parameter w = Reference.w();
    Parameter b = Reference.b();
    run(config.create().apply(List.of(w, b)), w, b, 1.0, false, 8);
    Parameter w2 = Reference.w();
    Parameter b2 = Reference.b();
    run(config.maximizing().apply(List.of(w2, b2)), w2, b2, -1.0, false, 8);
    assertThat(w2.data()).isEqualTo(w.data());
    assertThat(b2.data()).isEqualTo(b.data());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("all")
  void parameterWithoutGradientIsUntouchedAndGetsNoState(Config config) {
    Parameter w = Reference.w();
    Parameter b = Reference.b();
    Parameter idle = new Parameter(new double[] {1.5, -2.5, 0.25}, 3);
    Optimizer<?, ?> opt = config.create().apply(List.of(w, idle, b));
    boolean eager = opt instanceof Adagrad;
    Map<String, Object> before = opt.state(idle) == null ? null : opt.state(idle).toMap();
    run(opt, w, b, 1.0, config.needsClosure(), 3);
    assertThat(idle.data()).containsExactly(1.5, -2.5, 0.25);
    if (eager) {
      // Adagrad creates state at construction, as torch; it must not change without a gradient
      assertThat(StateDicts.toJson(opt.state(idle).toMap())).isEqualTo(StateDicts.toJson(before));
    } else if (!(opt instanceof LBFGS)) {
      assertThat(opt.state(idle)).isNull();
    }
  }

  @Test
  void nonFiniteStateRoundTripsThroughJson() {
    Parameter p = new Parameter(new double[] {1, 2, 3}, 3);
    Adam opt = new Adam(List.of(p), Adam.Options.DEFAULTS);
    p.setGrad(Tensor.of(Double.POSITIVE_INFINITY, Double.NaN, -0.0));
    opt.step();
    Map<String, Object> sd = opt.stateDict();
    String json = StateDicts.toJson(sd);
    Map<String, Object> back = StateDicts.fromJson(json);
    assertThat(StateDicts.toJson(back)).isEqualTo(json);
    Parameter q = new Parameter(new double[] {1, 2, 3}, 3);
    Adam other = new Adam(List.of(q), Adam.Options.DEFAULTS);
    other.loadStateDict(back);
    double[] a = opt.state(p).expAvgSq();
    double[] c = other.state(q).expAvgSq();
    assertThat(Double.isInfinite(c[0])).isTrue();
    assertThat(Double.isNaN(c[1])).isTrue();
    for (int i = 0; i < 3; i++) {
      assertThat(Double.doubleToLongBits(c[i])).isEqualTo(Double.doubleToLongBits(a[i]));
    }
  }

  @Test
  void doublesRoundTripBitExactly() {
    SplittableRandom rng = new SplittableRandom(11);
    double[] v = new double[2000];
    for (int i = 0; i < v.length; i++) {
      v[i] = Double.longBitsToDouble(rng.nextLong());
      if (Double.isNaN(v[i])) {
        v[i] = Math.ulp(1.0) * i;
      }
    }
    v[0] = Double.MIN_VALUE;
    v[1] = -Double.MAX_VALUE;
    v[2] = 0.1 + 0.2;
    v[3] = -0.0;
    Map<String, Object> sd = Map.of("state", Map.of("0", Map.of("x", v)), "param_groups", List.of());
    double[] back = (double[]) ((Map<?, ?>) ((Map<?, ?>) StateDicts.fromJson(StateDicts.toJson(sd)).get("state")).get("0")).get("x");
    for (int i = 0; i < v.length; i++) {
      assertThat(Double.doubleToRawLongBits(back[i])).as("element " + i).isEqualTo(Double.doubleToRawLongBits(v[i]));
    }
  }

  @Test
  void nameKeyedStateDictFollowsNamesNotPositions() {
    Sequential model = new Sequential(new Linear(2, 3, true, new SplittableRandom(3)), new Linear(3, 1, true,
        new SplittableRandom(4)));
    Map<String, Parameter> named = model.namedParameters();
    List<Parameter> params = new ArrayList<>(named.values());
    Adam opt = new Adam(params, Adam.Options.DEFAULTS.withLr(0.1));
    for (Parameter p : params) {
      double[] g = new double[p.numel()];
      Arrays.fill(g, 0.5);
      p.setGrad(Tensor.wrap(g, p.shape()));
    }
    opt.step();
    Map<String, Object> sd = opt.stateDict(named);
    assertThat(((Map<?, ?>) sd.get("state")).keySet().toString()).isEqualTo("[0.weight, 0.bias, 1.weight, 1.bias]");
    List<Parameter> reversed = new ArrayList<>(params);
    java.util.Collections.reverse(reversed);
    Adam other = new Adam(reversed, Adam.Options.DEFAULTS);
    other.loadStateDict(StateDicts.fromJson(StateDicts.toJson(sd)), named);
    for (Parameter p : params) {
      assertThat(other.state(p).expAvg()).isEqualTo(opt.state(p).expAvg());
    }
    assertThat(other.paramGroups().get(0).lr()).isEqualTo(0.1);
    // positionally the reversed order does not fit: the shapes are named in the message
    Adam positional = new Adam(reversed, Adam.Options.DEFAULTS);
    assertThatThrownBy(() -> positional.loadStateDict(opt.stateDict()))
        .hasMessageContaining("state of parameter 0 (group 0, shape [1])")
        .hasMessageContaining("'exp_avg' of 6 elements but the parameter has 1 elements");
  }

  @Test
  void mismatchedGroupsAreNamedWithTheirSizes() {
    Parameter w = Reference.w();
    Parameter b = Reference.b();
    SGD one = new SGD(List.of(w, b), SGD.Options.DEFAULTS.withMomentum(0.9));
    SGD two = new SGD(List.of(w), SGD.Options.DEFAULTS.withMomentum(0.9));
    two.addParamGroup(List.of(b));
    assertThatThrownBy(() -> two.loadStateDict(one.stateDict()))
        .hasMessage("loaded state dict has a different number of parameter groups: 1 in the state dict, 2 in the optimizer");
    SGD small = new SGD(List.of(w), SGD.Options.DEFAULTS);
    assertThatThrownBy(() -> small.loadStateDict(one.stateDict()))
        .hasMessage("loaded state dict contains a parameter group that doesn't match the size of optimizer's group: "
            + "group 0 has 2 parameters in the state dict and 1 in the optimizer");
  }

  @Test
  void loadingReplacesHyperparametersAndKeepsSchedulerEntries() {
    Parameter w = Reference.w();
    SGD a = new SGD(List.of(w), SGD.Options.DEFAULTS.withLr(0.5).withMomentum(0.9));
    a.paramGroups().get(0).setExtra("initial_lr", 0.5);
    SGD b = new SGD(List.of(Reference.w()), SGD.Options.DEFAULTS);
    b.loadStateDict(StateDicts.fromJson(StateDicts.toJson(a.stateDict())));
    assertThat(b.paramGroups().get(0).options()).isEqualTo(a.paramGroups().get(0).options());
    assertThat(b.paramGroups().get(0).extra("initial_lr")).hasValue(0.5);
  }

  @Test
  void duplicateParametersAndEmptyListsAreRefused() {
    Parameter w = Reference.w();
    assertThatThrownBy(() -> new SGD(List.of(), SGD.Options.DEFAULTS)).hasMessage("optimizer got an empty parameter list");
    SGD opt = new SGD(List.of(w), SGD.Options.DEFAULTS);
    assertThatThrownBy(() -> opt.addParamGroup(List.of(w)))
        .hasMessage("some parameters appear in more than one parameter group");
    assertThatThrownBy(() -> new LBFGS(List.of(w), LBFGS.Options.DEFAULTS).addParamGroup(List.of(Reference.b())))
        .hasMessage("LBFGS doesn't support per-parameter options (parameter groups)");
  }

  @Test
  void zeroGradSetsToNoneByDefaultOrZeroes() {
    Parameter w = Reference.w();
    SGD opt = new SGD(List.of(w), SGD.Options.DEFAULTS);
    w.setGrad(Tensor.ones(3, 2));
    opt.zeroGrad(false);
    assertThat(w.grad().data()).containsOnly(0.0);
    opt.zeroGrad();
    assertThat(w.grad()).isNull();
  }

  @Test
  void closureIsEvaluatedAndItsLossReturned() {
    Parameter w = Reference.w();
    Parameter b = Reference.b();
    Adam opt = new Adam(List.of(w, b), Adam.Options.DEFAULTS);
    double loss = opt.step(() -> Reference.setGrads(w, b, 1.0));
    assertThat(loss).isEqualTo(Reference.f(new double[] {0.5, -0.3, 0.8, 0.1, -0.6, 0.4, 0.2, -0.1, 0.7, -0.4}));
    assertThat(Double.isNaN(opt.step(null))).isTrue();
  }

  @Test
  void strongWolfeNeverExceedsMaxEvalByDefault() {
    for (int maxEval : new int[] {1, 2, 3, 6, 10}) {
      Parameter w = Reference.w();
      Parameter b = Reference.b();
      LBFGS opt = new LBFGS(List.of(w, b), LBFGS.Options.DEFAULTS.withMaxIter(5).withMaxEval(maxEval)
          .withLineSearchFn("strong_wolfe"));
      for (int k = 0; k < 10; k++) {
        int[] evals = {0};
        opt.step(() -> {
          evals[0]++;
          return Reference.setGrads(w, b, 1.0);
        });
        assertThat(evals[0]).as("max_eval " + maxEval + " step " + k).isLessThanOrEqualTo(maxEval);
      }
    }
  }

  @Test
  void nanFromTheClosureEndsTheStepWithinItsBudget() {
    for (String ls : new String[] {null, "strong_wolfe"}) {
      Parameter w = Reference.w();
      LBFGS opt = new LBFGS(List.of(w), LBFGS.Options.DEFAULTS.withLineSearchFn(ls));
      int[] evals = {0};
      double loss = opt.step(() -> {
        evals[0]++;
        w.setGrad(Tensor.full(evals[0] == 1 ? 1.0 : Double.NaN, 3, 2));
        return evals[0] == 1 ? 1.0 : Double.NaN;
      });
      assertThat(loss).isEqualTo(1.0);
      assertThat(evals[0]).isLessThanOrEqualTo(25);
    }
    // first-order optimizers propagate NaN gradients into the parameters, as torch does
    Parameter p = new Parameter(new double[] {1, 2}, 2);
    Adam adam = new Adam(List.of(p), Adam.Options.DEFAULTS);
    p.setGrad(Tensor.of(Double.NaN, 1.0));
    adam.step();
    assertThat(Double.isNaN(p.data()[0])).isTrue();
    assertThat(p.data()[1]).isLessThan(2.0);
  }

  @Test
  void closureExceptionsPropagateAndRestoreGradMode() {
    Parameter w = Reference.w();
    SGD opt = new SGD(List.of(w), SGD.Options.DEFAULTS);
    boolean before = org.minima4j.autograd.GradMode.isEnabled();
    assertThatThrownBy(() -> opt.step(() -> {
      throw new IllegalStateException("user code failed");
    })).hasMessage("user code failed");
    assertThat(org.minima4j.autograd.GradMode.isEnabled()).isEqualTo(before);
  }

  @Test
  void stateDictFileIsJson(@TempDir Path dir) throws Exception {
    Parameter w = Reference.w();
    Adam opt = new Adam(List.of(w), Adam.Options.DEFAULTS);
    w.setGrad(Tensor.ones(3, 2));
    opt.step();
    Path f = dir.resolve("s.json");
    opt.saveStateDict(f);
    String text = Files.readString(f);
    assertThat(text).contains("\"exp_avg_sq\"").contains("\"param_groups\"").contains("\"betas\"");
  }
}
