package org.minima4j.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.minima4j.autograd.GradMode;
import org.minima4j.autograd.NoGrad;

class TensorTest {
  private static Tensor m(double[][] rows) {
    return Tensor.of(rows);
  }

  @Test
  void factories() {
    assertThat(Tensor.zeros(2, 3).toArray()).containsOnly(0.0).hasSize(6);
    assertThat(Tensor.ones(4).toArray()).containsExactly(1, 1, 1, 1);
    assertThat(Tensor.full(2.5, 2).toArray()).containsExactly(2.5, 2.5);
    assertThat(Tensor.arange(5).toArray()).containsExactly(0, 1, 2, 3, 4);
    assertThat(Tensor.arange(1, 2, 0.25).toArray()).containsExactly(1, 1.25, 1.5, 1.75);
    assertThat(Tensor.linspace(-1, 1, 5).toArray()).containsExactly(-1, -0.5, 0, 0.5, 1);
    assertThat(Tensor.linspace(3, 7, 1).toArray()).containsExactly(3);
    assertThat(Tensor.eye(2, 3).toArray()).containsExactly(1, 0, 0, 0, 1, 0);
    assertThat(Tensor.scalar(4).dim()).isZero();
    assertThat(Tensor.scalar(4).item()).isEqualTo(4);
    Tensor r = Tensor.randint(new SplittableRandom(1), 2, 5, 100);
    for (double v : r.toArray()) {
      assertThat(v).isBetween(2.0, 4.0).isEqualTo(Math.rint(v));
    }
    for (double v : Tensor.rand(new SplittableRandom(3), 50).toArray()) {
      assertThat(v).isBetween(0.0, 1.0);
    }
  }

  @Test
  void sameSeedSameDrawsDifferentSeedDifferent() {
    assertThat(Tensor.randn(new SplittableRandom(5), 10).toArray())
        .containsExactly(Tensor.randn(new SplittableRandom(5), 10).toArray());
    assertThat(Tensor.randn(new SplittableRandom(5), 10).toArray())
        .isNotEqualTo(Tensor.randn(new SplittableRandom(6), 10).toArray());
  }

  @Test
  void elementwiseWithBroadcasting() {
    Tensor a = m(new double[][] {{1, 2, 3}, {4, 5, 6}});
    Tensor b = Tensor.of(10, 20, 30);
    assertThat(a.add(b).toArray()).containsExactly(11, 22, 33, 14, 25, 36);
    assertThat(a.sub(Tensor.of(new double[] {1, 2}, 2, 1)).toArray()).containsExactly(0, 1, 2, 2, 3, 4);
    assertThat(a.mul(b).shape()).containsExactly(2, 3);
    assertThat(a.div(2).toArray()).containsExactly(0.5, 1, 1.5, 2, 2.5, 3);
    assertThat(Tensor.of(new double[] {1, 2}, 2, 1).add(Tensor.of(new double[] {10, 20, 30}, 1, 3)).toArray())
        .containsExactly(11, 21, 31, 12, 22, 32);
    assertThat(a.pow(2).toArray()).containsExactly(1, 4, 9, 16, 25, 36);
    assertThat(a.maximum(Tensor.scalar(3.5)).toArray()).containsExactly(3.5, 3.5, 3.5, 4, 5, 6);
    assertThat(Tensor.of(-1, 0.5, 3).clamp(0, 1).toArray()).containsExactly(0, 0.5, 1);
    assertThat(Tensor.of(-2, 2).relu().toArray()).containsExactly(0, 2);
    assertThat(Tensor.of(0).sigmoid().item()).isEqualTo(0.5);
    assertThat(Tensor.of(-1, 1).leakyRelu(0.1).toArray()).containsExactly(-0.1, 1);
    assertThat(Tensor.of(100.0).softplus().item()).isEqualTo(100.0);
    assertThat(Tensor.of(0.0).softplus().item()).isCloseTo(Math.log(2), within(1e-15));
  }

  @Test
  void geluMatchesKnownValues() {
    // x * Phi(x): Phi(1) = 0.8413447460685429, Phi(-0.5) = 0.3085375387259869
    assertThat(Tensor.of(1.0).gelu(false).item()).isCloseTo(0.8413447460685429, within(1e-15));
    assertThat(Tensor.of(-0.5).gelu(false).item()).isCloseTo(-0.5 * 0.3085375387259869, within(1e-15));
    // Erf is accurate to about 10 ulps (measured against libm's erf on a 0.01 grid over (0, 6)).
    assertThat(Erf.erf(0.5)).isCloseTo(0.5204998778130465, within(2e-15));
    assertThat(Erf.erf(2.5)).isCloseTo(0.999593047982555, within(2e-15));
    assertThat(Erf.erf(3.5)).isCloseTo(0.9999992569016276, within(2e-15));
    assertThat(Erf.erf(-1.0)).isCloseTo(-0.8427007929497149, within(2e-15));
    assertThat(Erf.erf(7.0)).isEqualTo(1.0);
    assertThat(Erf.erf(Double.NaN)).isNaN();
  }

  @Test
  void comparisonsAndWhere() {
    Tensor a = Tensor.of(1, 2, 3);
    assertThat(a.gt(2).toArray()).containsExactly(0, 0, 1);
    assertThat(a.le(Tensor.of(1, 1, 5)).toArray()).containsExactly(1, 0, 1);
    assertThat(a.eq(2).toArray()).containsExactly(0, 1, 0);
    assertThat(Tensor.where(a.ge(2), a, Tensor.scalar(-1)).toArray()).containsExactly(-1, 2, 3);
    Tensor req = Tensor.of(1, 2).requiresGrad(true);
    assertThat(req.gt(1).requiresGrad()).isFalse();
  }

  @Test
  void reductions() {
    Tensor a = m(new double[][] {{1, 5, 3}, {4, 2, 6}});
    assertThat(a.sum().item()).isEqualTo(21);
    assertThat(a.sum(0).toArray()).containsExactly(5, 7, 9);
    assertThat(a.sum(1, true).shape()).containsExactly(2, 1);
    assertThat(a.mean(1).toArray()).containsExactly(3, 4);
    assertThat(a.max().item()).isEqualTo(6);
    assertThat(a.min(1, false).toArray()).containsExactly(1, 2);
    assertThat(a.argmax(1, false).toArray()).containsExactly(1, 2);
    assertThat(a.argmin()).isEqualTo(0);
    assertThat(a.argmax()).isEqualTo(5);
    assertThat(Tensor.of(1, 2, 3, 4).var().item()).isCloseTo(5.0 / 3.0, within(1e-15));
    assertThat(Tensor.of(1, 2, 3, 4).var(0, 0, false).item()).isCloseTo(1.25, within(1e-15));
    assertThat(Tensor.of(1, 2, 3, 4).std().item()).isCloseTo(Math.sqrt(5.0 / 3.0), within(1e-15));
    assertThat(Tensor.of(1000, 1000).logsumexp(0, false).item()).isCloseTo(1000 + Math.log(2), within(1e-12));
    Tensor sm = Tensor.of(1, 2, 3).softmax(0);
    assertThat(sm.sum().item()).isCloseTo(1.0, within(1e-15));
    assertThat(Tensor.of(1, 2, 3).logSoftmax(0).exp().toArray()).containsExactly(sm.toArray(), within(1e-15));
    assertThat(Tensor.of(1, Double.NaN, 3).max().item()).isNaN();
  }

  @Test
  void shapeOperations() {
    Tensor a = Tensor.arange(6).reshape(2, 3);
    assertThat(a.transpose(0, 1).toArray()).containsExactly(0, 3, 1, 4, 2, 5);
    assertThat(a.t().shape()).containsExactly(3, 2);
    assertThat(a.reshape(-1, 2).shape()).containsExactly(3, 2);
    assertThat(a.reshape(3, 2).data()).isSameAs(a.data());
    Tensor b = Tensor.arange(24).reshape(2, 3, 4);
    assertThat(b.permute(2, 0, 1).shape()).containsExactly(4, 2, 3);
    assertThat(b.permute(2, 0, 1).get(1, 1, 2)).isEqualTo(b.get(1, 2, 1));
    assertThat(Tensor.zeros(1, 3, 1).squeeze().shape()).containsExactly(3);
    assertThat(Tensor.zeros(1, 3, 1).squeeze(0).shape()).containsExactly(3, 1);
    assertThat(Tensor.zeros(3).unsqueeze(-1).shape()).containsExactly(3, 1);
    assertThat(b.flatten(1, 2).shape()).containsExactly(2, 12);
    assertThat(Tensor.of(1, 2).expand(3, 2).toArray()).containsExactly(1, 2, 1, 2, 1, 2);
    assertThat(Tensor.cat(List.of(a, a), 0).shape()).containsExactly(4, 3);
    assertThat(Tensor.cat(List.of(a, Tensor.zeros(2, 1)), 1).toArray()).containsExactly(0, 1, 2, 0, 3, 4, 5, 0);
    assertThat(Tensor.stack(List.of(Tensor.of(1, 2), Tensor.of(3, 4)), 1).toArray()).containsExactly(1, 3, 2, 4);
    assertThat(a.narrow(1, 1, 2).toArray()).containsExactly(1, 2, 4, 5);
    assertThat(Tensor.arange(10).slice(0, 1, -1, 3).toArray()).containsExactly(1, 4, 7);
    assertThat(a.select(0, -1).toArray()).containsExactly(3, 4, 5);
    assertThat(a.indexSelect(1, 2, 0).toArray()).containsExactly(2, 0, 5, 3);
    assertThat(a.gather(1, Tensor.of(new double[] {2, 2, 0, 1}, 2, 2)).toArray()).containsExactly(2, 2, 3, 4);
  }

  @Test
  void matmulCases() {
    Tensor a = Tensor.arange(6).reshape(2, 3);
    Tensor b = Tensor.arange(12).reshape(3, 4);
    assertThat(a.matmul(b).toArray()).containsExactly(20, 23, 26, 29, 56, 68, 80, 92);
    assertThat(Tensor.of(1, 2, 3).matmul(Tensor.of(4, 5, 6)).item()).isEqualTo(32);
    assertThat(a.matmul(Tensor.of(1, 1, 1)).toArray()).containsExactly(3, 12);
    assertThat(Tensor.of(1, 1).matmul(a).toArray()).containsExactly(3, 5, 7);
    Tensor batched = Tensor.stack(List.of(a, a.mul(2)), 0).matmul(b);
    assertThat(batched.shape()).containsExactly(2, 2, 4);
    assertThat(batched.select(0, 1).toArray()).containsExactly(a.matmul(b).mul(2).toArray());
    // Large enough to take the transposing path of A B^T in the backward pass.
    SplittableRandom rng = new SplittableRandom(11);
    Tensor x = Tensor.randn(rng, 64, 100).requiresGrad(true);
    Tensor w = Tensor.randn(rng, 100, 70);
    x.matmul(w).sum().backward();
    Tensor expected = Tensor.ones(64, 70).matmul(w.t());
    assertThat(x.grad().allClose(expected, 1e-12, 1e-12)).isTrue();
  }

  @Test
  void autogradAccumulatesAndDetaches() {
    Tensor x = Tensor.of(1, 2, 3).requiresGrad(true);
    x.mul(x).sum().backward();
    assertThat(x.grad().toArray()).containsExactly(2, 4, 6);
    x.sum().backward();
    assertThat(x.grad().toArray()).containsExactly(3, 5, 7);
    assertThat(x.detach().requiresGrad()).isFalse();
    assertThat(x.detach().data()).isSameAs(x.data());
    Tensor y = x.mul(2);
    assertThat(y.isLeaf()).isFalse();
    assertThat(y.gradFnName()).isEqualTo("MulBackward");
    y.retainGrad();
    y.sum().backward();
    assertThat(y.grad().toArray()).containsExactly(1, 1, 1);
    Tensor v = x.mul(3);
    v.backward(Tensor.of(1, 0, 2));
    assertThat(x.grad().toArray()).containsExactly(3 + 2 + 3, 5 + 2, 7 + 2 + 6);
  }

  @Test
  void diamondGraphsSumTheirPaths() {
    Tensor x = Tensor.of(2.0).requiresGrad(true);
    Tensor a = x.mul(3);
    Tensor b = x.exp();
    a.mul(b).add(a).sum().backward();
    // d/dx [3x e^x + 3x] = 3 e^x + 3x e^x + 3
    assertThat(x.grad().item()).isCloseTo(3 * Math.exp(2) + 6 * Math.exp(2) + 3, within(1e-12));
  }

  @Test
  void longChainsDoNotOverflowTheStack() {
    Tensor x = Tensor.of(1.0).requiresGrad(true);
    Tensor y = x;
    for (int i = 0; i < 100_000; i++) {
      y = y.add(1e-6);
    }
    y.sum().backward();
    assertThat(x.grad().item()).isEqualTo(1.0);
  }

  @Test
  void noGradScopeRecordsNothing() {
    Tensor x = Tensor.of(1, 2).requiresGrad(true);
    try (NoGrad scope = GradMode.noGrad()) {
      assertThat(GradMode.isEnabled()).isFalse();
      assertThat(x.mul(2).requiresGrad()).isFalse();
      x.addInPlace(Tensor.of(1, 1));
    }
    assertThat(GradMode.isEnabled()).isTrue();
    assertThat(x.toArray()).containsExactly(2, 3);
    assertThat(GradMode.noGrad(() -> x.mul(2)).requiresGrad()).isFalse();
  }

  @Test
  void inPlaceOperations() {
    Tensor a = Tensor.of(1, 2, 3);
    a.addInPlace(Tensor.of(1, 1, 1), 2).mulInPlace(0.5).addcmulInPlace(Tensor.of(1, 2, 3), Tensor.of(1, 1, 1), 1)
        .addcdivInPlace(Tensor.of(2, 2, 2), Tensor.of(1, 2, 4), 1);
    assertThat(a.toArray()).containsExactly(1.5 + 1 + 2, 2 + 2 + 1, 2.5 + 3 + 0.5);
    a.clampInPlace(4, 5).fillInPlace(7).divInPlace(Tensor.of(7, 7, 7));
    assertThat(a.toArray()).containsExactly(1, 1, 1);
    assertThat(a.copyFrom(new double[] {4, 5, 6}).toArray()).containsExactly(4, 5, 6);
  }

  // ------------------------------------------------------------ bad input

  @Test
  void shapeMismatchNamesBothShapes() {
    assertThatThrownBy(() -> Tensor.zeros(2, 3).add(Tensor.zeros(4)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[2, 3]").hasMessageContaining("[4]");
    assertThatThrownBy(() -> Tensor.zeros(2, 3).matmul(Tensor.zeros(2, 3)))
        .hasMessageContaining("[2, 3]").hasMessageContaining("cannot be multiplied");
    assertThatThrownBy(() -> Tensor.zeros(6).reshape(4, -1)).hasMessageContaining("invalid for input of size 6");
    assertThatThrownBy(() -> Tensor.zeros(2, 3).addInPlace(Tensor.zeros(3, 2)))
        .hasMessageContaining("[3, 2]").hasMessageContaining("[2, 3]");
    assertThatThrownBy(() -> Tensor.cat(List.of(Tensor.zeros(2, 3), Tensor.zeros(3, 2)), 0))
        .hasMessageContaining("[2, 3]").hasMessageContaining("[3, 2]");
    assertThatThrownBy(() -> Tensor.of(new double[] {1, 2, 3}, 2, 2)).hasMessageContaining("does not fit shape [2, 2]");
    assertThatThrownBy(() -> Tensor.zeros(2, 3).sum(2)).isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessageContaining("Dimension out of range (expected to be in range of [-2, 1], but got 2)");
  }

  @Test
  void backwardOnANonScalarWithoutGradientSaysSo() {
    Tensor x = Tensor.of(1, 2).requiresGrad(true);
    assertThatThrownBy(() -> x.mul(2).backward()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("grad can be implicitly created only for scalar outputs")
        .hasMessageContaining("[2]");
    assertThatThrownBy(() -> x.mul(2).backward(Tensor.of(1, 2, 3)))
        .hasMessageContaining("gradient has shape [3]").hasMessageContaining("[2]");
    assertThatThrownBy(() -> Tensor.of(1, 2).sum().backward())
        .hasMessageContaining("does not require grad");
  }

  @Test
  void inPlaceOnALeafRequiringGradIsRefused() {
    Tensor x = Tensor.of(1, 2).requiresGrad(true);
    assertThatThrownBy(() -> x.mulInPlace(2)).hasMessageContaining("leaf Variable that requires grad");
    assertThatThrownBy(() -> x.mul(2).requiresGrad(false)).hasMessageContaining("leaf variables");
  }

  @Test
  void otherBadArguments() {
    assertThatThrownBy(() -> Tensor.arange(0, 1, 0)).hasMessageContaining("step");
    assertThatThrownBy(() -> Tensor.randint(new SplittableRandom(1), 3, 3, 2)).hasMessageContaining("high (3)");
    assertThatThrownBy(() -> Tensor.zeros(2).item()).hasMessageContaining("2 elements");
    assertThatThrownBy(() -> Tensor.zeros(2, 2).get(2, 0)).isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessageContaining("index 2 is out of bounds for dimension 0 with size 2");
    assertThatThrownBy(() -> Tensor.of(1, 2).clamp(1, 0)).hasMessageContaining("min (1.0) must not exceed max (0.0)");
    assertThatThrownBy(() -> Tensor.of(1, 2).indexSelect(0, 2)).hasMessageContaining("out of bounds");
    assertThatThrownBy(() -> Tensor.of(1, 2).gather(0, Tensor.of(0.5))).hasMessageContaining("integer");
    assertThatThrownBy(() -> Tensor.zeros(2, 3).permute(0, 0)).hasMessageContaining("duplicate dims");
  }

  @Test
  void modifyingSavedValuesInPlaceBeforeBackwardIsRefused() {
    Tensor w = Tensor.of(1, 2).requiresGrad(true);
    Tensor x = Tensor.of(3, 4);
    Tensor y = w.mul(x).sum();
    x.mulInPlace(2);
    assertThatThrownBy(y::backward).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("modified by an inplace operation").hasMessageContaining("expected version 0");
    // a view shares the version counter of its storage
    Tensor v = Tensor.of(new double[] {1, 2}, 2, 1);
    Tensor z = w.mul(v.reshape(2)).sum();
    v.addInPlace(1.0);
    assertThatThrownBy(z::backward).hasMessageContaining("modified by an inplace operation");
    // raw writes through data() count once marked, as optimizers do
    Tensor p = Tensor.of(1, 2).requiresGrad(true);
    Tensor q = p.exp().sum();
    GradMode.noGrad(() -> {
      p.data()[0] = 5;
      p.markModified();
    });
    assertThatThrownBy(q::backward).hasMessageContaining("is at version 1; expected version 0");
    // unrelated in-place work is fine
    Tensor ok = w.mul(Tensor.of(1, 1)).sum();
    Tensor.of(9, 9).mulInPlace(3);
    ok.backward();
    assertThat(w.grad().toArray()).containsExactly(1, 1);
  }
}
