package org.minima4j.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Invalid hyperparameters fail in the options' constructors with torch's message text. */
class HyperparameterValidationTest {

  private static void fails(ThrowingCallable c, String message) {
    assertThatThrownBy(c).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }

  @Test
  void sgd() {
    fails(() -> SGD.Options.DEFAULTS.withLr(-1.0), "Invalid learning rate: -1.0");
    fails(() -> SGD.Options.DEFAULTS.withMomentum(-0.5), "Invalid momentum value: -0.5");
    fails(() -> SGD.Options.DEFAULTS.withWeightDecay(-1e-4), "Invalid weight_decay value: -0.0001");
    fails(() -> SGD.Options.DEFAULTS.withNesterov(true), "Nesterov momentum requires a momentum and zero dampening");
    fails(() -> SGD.Options.DEFAULTS.withMomentum(0.9).withDampening(0.1).withNesterov(true),
        "Nesterov momentum requires a momentum and zero dampening");
    fails(() -> SGD.Options.DEFAULTS.withLr(Double.NaN), "Invalid learning rate: nan");
  }

  @Test
  void adamFamily() {
    fails(() -> Adam.Options.DEFAULTS.withLr(-1.0), "Invalid learning rate: -1.0");
    fails(() -> Adam.Options.DEFAULTS.withEps(-1e-8), "Invalid epsilon value: -1e-08");
    fails(() -> Adam.Options.DEFAULTS.withBetas(1.0, 0.999), "Invalid beta parameter at index 0: 1.0");
    fails(() -> Adam.Options.DEFAULTS.withBetas(0.9, -0.1), "Invalid beta parameter at index 1: -0.1");
    fails(() -> Adam.Options.DEFAULTS.withWeightDecay(-1.0), "Invalid weight_decay value: -1.0");
    fails(() -> AdamW.Options.DEFAULTS.withBetas(0.9, 1.0), "Invalid beta parameter at index 1: 1.0");
    fails(() -> Adamax.Options.DEFAULTS.withBetas(-0.5, 0.9), "Invalid beta parameter at index 0: -0.5");
    fails(() -> NAdam.Options.DEFAULTS.withMomentumDecay(-1.0), "Invalid momentum_decay value: -1.0");
    fails(() -> RAdam.Options.DEFAULTS.withEps(-1.0), "Invalid epsilon value: -1.0");
    fails(() -> SparseAdam.Options.DEFAULTS.withLr(0.0), "Invalid learning rate: 0.0");
    fails(() -> SparseAdam.Options.DEFAULTS.withEps(0.0), "Invalid epsilon value: 0.0");
  }

  @Test
  void others() {
    fails(() -> Adagrad.Options.DEFAULTS.withLrDecay(-1.0), "Invalid lr_decay value: -1.0");
    fails(() -> Adagrad.Options.DEFAULTS.withInitialAccumulatorValue(-1.0),
        "Invalid initial_accumulator_value value: -1.0");
    fails(() -> Adadelta.Options.DEFAULTS.withRho(1.5), "Invalid rho value: 1.5");
    fails(() -> RMSprop.Options.DEFAULTS.withAlpha(-1.0), "Invalid alpha value: -1.0");
    fails(() -> RMSprop.Options.DEFAULTS.withMomentum(-1.0), "Invalid momentum value: -1.0");
    fails(() -> Rprop.Options.DEFAULTS.withEtas(1.5, 1.2), "Invalid eta values: 1.5, 1.2");
    fails(() -> ASGD.Options.DEFAULTS.withWeightDecay(-1.0), "Invalid weight_decay value: -1.0");
    fails(() -> LBFGS.Options.DEFAULTS.withLineSearchFn("armijo"), "only 'strong_wolfe' is supported");
  }

  @Test
  void defaultsAreTorchs() {
    assertThat(Adam.Options.DEFAULTS).isEqualTo(new Adam.Options(1e-3, 0.9, 0.999, 1e-8, 0, false, false));
    assertThat(AdamW.Options.DEFAULTS.weightDecay()).isEqualTo(1e-2);
    assertThat(Adamax.Options.DEFAULTS.lr()).isEqualTo(2e-3);
    assertThat(NAdam.Options.DEFAULTS.momentumDecay()).isEqualTo(4e-3);
    assertThat(Adagrad.Options.DEFAULTS.eps()).isEqualTo(1e-10);
    assertThat(Adadelta.Options.DEFAULTS.eps()).isEqualTo(1e-6);
    assertThat(RMSprop.Options.DEFAULTS.alpha()).isEqualTo(0.99);
    assertThat(ASGD.Options.DEFAULTS.t0()).isEqualTo(1e6);
    assertThat(LBFGS.Options.DEFAULTS.effectiveMaxEval()).isEqualTo(25);
    assertThat(Rprop.Options.DEFAULTS.stepSizeMax()).isEqualTo(50);
  }

  @Test
  void torchParamGroupsResolveToTheSameHyperparameters() {
    // the reference's param_groups_resolved, read back through fromMap, gives the same values
    var runs = Reference.optim().get("runs");
    for (var run : runs) {
      var resolved = Reference.map(run.get("param_groups_resolved").get(0));
      Optimizer<?, ?> opt = Optimizers.create(run.get("optimizer").asText(), Reference.map(run.get("kwargs")),
          List.of(Reference.w(), Reference.b()));
      var ours = opt.paramGroups().get(0).options().toMap();
      for (var e : ours.entrySet()) {
        Object theirs = resolved.get(e.getKey());
        if (theirs == null || e.getKey().equals("params")) {
          continue; // a torch 2.x or minima4j key that torch 1.13 does not have
        }
        if (run.has("param_groups_spec") && e.getKey().equals("lr")) {
          continue;
        }
        Object mine = e.getValue();
        if (mine instanceof double[]) {
          assertThat((double[]) mine).as(run.get("optimizer") + " " + e.getKey())
              .containsExactly(Hyper.array(theirs, e.getKey()));
        } else if (mine instanceof Number) {
          assertThat(((Number) mine).doubleValue()).as(run.get("optimizer") + " " + e.getKey())
              .isEqualTo(((Number) theirs).doubleValue());
        } else {
          assertThat(mine).as(run.get("optimizer") + " " + e.getKey()).isEqualTo(theirs);
        }
      }
    }
  }
}
