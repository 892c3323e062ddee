package org.minima4j.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.minima4j.autograd.GradMode;
import org.minima4j.nn.utils.ParameterVector;
import org.minima4j.tensor.Tensor;

class ModuleTest {
  private static Sequential mlp(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    return new Sequential(new Linear(3, 4, true, rng), new ReLU(), new Dropout(0.5, rng), new Linear(4, 2, true, rng));
  }

  @Test
  void namedParametersFollowRegistrationOrder() {
    Sequential m = mlp(1);
    assertThat(m.namedParameters().keySet()).containsExactly("0.weight", "0.bias", "3.weight", "3.bias");
    assertThat(m.parameters()).hasSize(4).allSatisfy(p -> assertThat(p.requiresGrad()).isTrue());
    assertThat(ParameterVector.size(m.parameters())).isEqualTo(12 + 4 + 8 + 2);
  }

  @Test
  void sharedParametersAppearOnce() {
    Linear l = new Linear(2, 2);
    Sequential m = new Sequential(l, new ReLU(), l);
    assertThat(m.parameters()).hasSize(2);
  }

  @Test
  void linearInitFollowsTorchBounds() {
    Linear l = new Linear(16, 50, true, new SplittableRandom(4));
    double bound = 1.0 / Math.sqrt(16);
    for (double v : l.weight().toArray()) {
      assertThat(Math.abs(v)).isLessThanOrEqualTo(bound);
    }
    for (double v : l.bias().toArray()) {
      assertThat(Math.abs(v)).isLessThanOrEqualTo(bound);
    }
    assertThat(l.weight().shape()).containsExactly(50, 16);
    assertThat(new Linear(2, 3, false).bias()).isNull();
    assertThat(new Linear(2, 3).weight().toArray()).containsExactly(new Linear(2, 3).weight().toArray());
    assertThat(l.toString()).isEqualTo("Linear(in_features=16, out_features=50, bias=true)");
  }

  @Test
  void linearComputesXWtPlusB() {
    Linear l = new Linear(2, 3, true, new SplittableRandom(1));
    GradMode.noGrad(() -> {
      l.weight().copyFrom(new double[] {1, 2, 3, 4, 5, 6});
      l.bias().copyFrom(new double[] {0.5, -0.5, 1});
    });
    Tensor y = l.forward(Tensor.of(new double[][] {{1, 1}, {2, -1}}));
    assertThat(y.toArray()).containsExactly(3.5, 6.5, 12, 0.5, 1.5, 5);
    Tensor y3 = l.forward(Tensor.ones(4, 5, 2));
    assertThat(y3.shape()).containsExactly(4, 5, 3);
  }

  @Test
  void trainEvalPropagatesAndDropoutObeysIt() {
    Sequential m = mlp(2);
    Dropout d = (Dropout) m.get(2);
    assertThat(d.isTraining()).isTrue();
    m.eval();
    assertThat(d.isTraining()).isFalse();
    Tensor x = Tensor.ones(1000);
    assertThat(d.forward(x)).isSameAs(x);
    m.train();
    Tensor y = d.forward(x);
    long zeros = 0;
    for (double v : y.toArray()) {
      assertThat(v).isIn(0.0, 2.0);
      zeros += v == 0 ? 1 : 0;
    }
    assertThat(zeros).isBetween(400L, 600L);
  }

  @Test
  void dropoutIsSeededAndPassesGradientThroughTheMask() {
    Tensor a = new Dropout(0.3, new SplittableRandom(9)).forward(Tensor.ones(50));
    Tensor b = new Dropout(0.3, new SplittableRandom(9)).forward(Tensor.ones(50));
    assertThat(a.toArray()).containsExactly(b.toArray());
    Tensor x = Tensor.ones(50).requiresGrad(true);
    Tensor y = new Dropout(0.3, new SplittableRandom(9)).forward(x);
    y.sum().backward();
    assertThat(x.grad().toArray()).containsExactly(a.toArray());
    assertThat(new Dropout(1.0, new SplittableRandom(1)).forward(Tensor.ones(3)).toArray()).containsOnly(0.0);
  }

  @Test
  void stateDictRoundTripsAndIsASnapshot() {
    Sequential a = mlp(1);
    Sequential b = mlp(2);
    Map<String, Tensor> sd = a.stateDict();
    assertThat(sd.keySet()).containsExactly("0.weight", "0.bias", "3.weight", "3.bias");
    b.loadStateDict(sd);
    assertThat(ParameterVector.toArray(b.parameters())).containsExactly(ParameterVector.toArray(a.parameters()));
    a.parameters().get(0).data()[0] += 1.0;
    assertThat(sd.get("0.weight").data()[0]).isNotEqualTo(a.parameters().get(0).data()[0]);
  }

  @Test
  void loadStateDictNamesMissingUnexpectedAndMismatchedKeys() {
    Sequential m = mlp(1);
    Map<String, Tensor> sd = new LinkedHashMap<>(m.stateDict());
    sd.remove("3.bias");
    sd.put("9.weight", Tensor.zeros(1));
    sd.put("0.weight", Tensor.zeros(3, 4));
    double[] before = ParameterVector.toArray(m.parameters());
    assertThatThrownBy(() -> m.loadStateDict(sd))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Missing key(s) in state_dict: [3.bias]")
        .hasMessageContaining("Unexpected key(s) in state_dict: [9.weight]")
        .hasMessageContaining("size mismatch for 0.weight: copying a param with shape [3, 4] from checkpoint, "
            + "the shape in current model is [4, 3]");
    assertThat(ParameterVector.toArray(m.parameters())).containsExactly(before);
    Map<String, Tensor> partial = new LinkedHashMap<>(m.stateDict());
    partial.remove("3.bias");
    m.loadStateDict(partial, false);
  }

  @Test
  void parameterVectorRoundTripAndErrors() {
    Sequential m = mlp(3);
    double[] v = new double[26];
    for (int i = 0; i < v.length; i++) {
      v[i] = i;
    }
    ParameterVector.vectorToParameters(v, m.parameters());
    assertThat(ParameterVector.toArray(m.parameters())).containsExactly(v);
    assertThat(ParameterVector.parametersToVector(m.parameters()).shape()).containsExactly(26);
    assertThat(((Linear) m.get(3)).bias().toArray()).containsExactly(24, 25);
    assertThatThrownBy(() -> ParameterVector.vectorToParameters(new double[5], m.parameters()))
        .hasMessageContaining("vector has 5 values but the parameters hold 26");
    assertThat(ParameterVector.gradToArray(m.parameters())).containsOnly(0.0);
  }

  @Test
  void badLayerArguments() {
    assertThatThrownBy(() -> new Dropout(1.5, new SplittableRandom(1)))
        .hasMessage("dropout probability has to be between 0 and 1, but got 1.5");
    assertThatThrownBy(() -> new GELU("fast")).hasMessageContaining("approximate argument must be either none or tanh");
    assertThatThrownBy(() -> new Linear(-1, 2)).hasMessageContaining("in_features=-1");
    assertThatThrownBy(() -> new Linear(3, 2).forward(Tensor.zeros(4, 2)))
        .hasMessageContaining("[4, 2]").hasMessageContaining("[2, 3]");
  }

  @Test
  void zeroGradClearsGradients() {
    Sequential m = mlp(5);
    m.eval();
    m.forward(Tensor.ones(2, 3)).sum().backward();
    assertThat(m.parameters()).allSatisfy(p -> assertThat(p.grad()).isNotNull());
    m.zeroGrad();
    assertThat(m.parameters()).allSatisfy(p -> assertThat(p.grad()).isNull());
  }
}
