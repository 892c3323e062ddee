package org.minima4j.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.minima4j.nn.init.Init;
import org.minima4j.tensor.Tensor;

class InitTest {
  private static double std(Tensor t) {
    return t.std().item();
  }

  @Test
  void gains() {
    assertThat(Init.calculateGain("linear")).isEqualTo(1.0);
    assertThat(Init.calculateGain("sigmoid")).isEqualTo(1.0);
    assertThat(Init.calculateGain("tanh")).isEqualTo(5.0 / 3);
    assertThat(Init.calculateGain("relu")).isEqualTo(Math.sqrt(2.0));
    assertThat(Init.calculateGain("leaky_relu")).isEqualTo(Math.sqrt(2.0 / (1 + 0.0001)));
    assertThat(Init.calculateGain("leaky_relu", 0.2)).isEqualTo(Math.sqrt(2.0 / 1.04));
    assertThat(Init.calculateGain("selu")).isEqualTo(0.75);
    assertThatThrownBy(() -> Init.calculateGain("swish")).hasMessage("Unsupported nonlinearity swish");
  }

  @Test
  void fans() {
    assertThat(Init.fanInAndFanOut(Tensor.zeros(4, 3))).containsExactly(3, 4);
    assertThat(Init.fanInAndFanOut(Tensor.zeros(8, 3, 5, 5))).containsExactly(75, 200);
    assertThatThrownBy(() -> Init.fanInAndFanOut(Tensor.zeros(4)))
        .hasMessage("Fan in and fan out can not be computed for tensor with fewer than 2 dimensions");
  }

  @Test
  void distributionsHaveTheDocumentedSpread() {
    SplittableRandom rng = new SplittableRandom(3);
    Tensor w = Tensor.zeros(400, 300);
    // xavier uniform: bound sqrt(6/(fan_in+fan_out)), std bound/sqrt(3)
    Init.xavierUniform(w, 1.0, rng);
    double bound = Math.sqrt(6.0 / 700);
    assertThat(w.abs().max().item()).isLessThanOrEqualTo(bound);
    assertThat(std(w)).isCloseTo(bound / Math.sqrt(3), within(0.01 * bound));
    Init.xavierNormal(w, 2.0, rng);
    assertThat(std(w)).isCloseTo(2.0 * Math.sqrt(2.0 / 700), within(0.02 * Math.sqrt(2.0 / 700)));
    Init.kaimingUniform(w, 0.0, "fan_in", "relu", rng);
    assertThat(w.abs().max().item()).isLessThanOrEqualTo(Math.sqrt(2.0) * Math.sqrt(3.0 / 300));
    Init.kaimingNormal(w, 0.0, "fan_out", "relu", rng);
    assertThat(std(w)).isCloseTo(Math.sqrt(2.0 / 400), within(0.02 * Math.sqrt(2.0 / 400)));
    Init.normal(w, 1.0, 0.5, rng);
    assertThat(w.mean().item()).isCloseTo(1.0, within(0.01));
    Init.uniform(w, -2, 3, rng);
    assertThat(w.min().item()).isGreaterThanOrEqualTo(-2);
    assertThat(w.max().item()).isLessThan(3);
    assertThat(Init.constant(Tensor.zeros(2), 4.0).toArray()).containsExactly(4, 4);
    assertThat(Init.ones(Tensor.zeros(2)).toArray()).containsExactly(1, 1);
  }

  @Test
  void orthogonalGivesOrthonormalRowsOrColumns() {
    for (int[] shape : new int[][] {{6, 4}, {4, 6}, {5, 5}, {3, 2, 2}}) {
      Tensor w = Init.orthogonal(Tensor.zeros(shape), 1.5, new SplittableRandom(8));
      Tensor m = w.reshape(shape[0], -1);
      boolean tall = m.size(0) >= m.size(1);
      Tensor gram = tall ? m.t().matmul(m) : m.matmul(m.t());
      int k = Math.min(m.size(0), m.size(1));
      assertThat(gram.allClose(Tensor.eye(k).mul(2.25), 1e-12, 1e-12)).as(java.util.Arrays.toString(shape)).isTrue();
    }
    assertThatThrownBy(() -> Init.orthogonal(Tensor.zeros(3), 1, new SplittableRandom(1)))
        .hasMessage("Only tensors with 2 or more dimensions are supported");
  }

  @Test
  void badArguments() {
    SplittableRandom rng = new SplittableRandom(1);
    assertThatThrownBy(() -> Init.kaimingUniform(Tensor.zeros(2, 2), 0, "fan_avg", "relu", rng))
        .hasMessage("Mode fan_avg not supported, please use one of fan_in, fan_out");
    assertThatThrownBy(() -> Init.uniform(Tensor.zeros(2), 1, 0, rng))
        .hasMessage("uniform_ expects to return a [from, to) range, but found from=1.0 > to=0.0");
    assertThatThrownBy(() -> Init.normal(Tensor.zeros(2), 0, -1, rng))
        .hasMessage("normal expects std >= 0.0, but found std -1.0");
  }

  @Test
  void sameGeneratorSeedSameWeights() {
    Tensor a = Init.kaimingUniform(Tensor.zeros(3, 3), new SplittableRandom(5));
    Tensor b = Init.kaimingUniform(Tensor.zeros(3, 3), new SplittableRandom(5));
    Tensor c = Init.kaimingUniform(Tensor.zeros(3, 3), new SplittableRandom(6));
    assertThat(a.toArray()).containsExactly(b.toArray());
    assertThat(a.toArray()).isNotEqualTo(c.toArray());
  }
}
