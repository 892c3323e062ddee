package org.minima4j.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.minima4j.autograd.GradCheck;
import org.minima4j.autograd.GradMode;
import org.minima4j.tensor.Tensor;

/** Normalization layers against torch's formulas, worked out element by element. */
class NormalizationTest {
  private static final Tensor X = Tensor.of(new double[][] {{1, 2}, {3, 6}, {5, 1}, {-1, 3}});

  @Test
  void batchNormTrainingUsesBatchStatisticsAndUpdatesRunningOnes() {
    BatchNorm1d bn = new BatchNorm1d(2);
    Tensor y = bn.forward(X);
    // column 0: mean 2, biased var ((1)+(1)+(9)+(9))/4 = 5; column 1: mean 3, biased var (1+9+4+0)/4 = 3.5
    double s0 = Math.sqrt(5 + 1e-5);
    double s1 = Math.sqrt(3.5 + 1e-5);
    assertThat(y.get(0, 0)).isCloseTo(-1 / s0, within(1e-15));
    assertThat(y.get(1, 1)).isCloseTo(3 / s1, within(1e-15));
    // running: 0.9 * init + 0.1 * batch, with the unbiased variance (n / (n - 1) = 4/3)
    assertThat(bn.runningMean().toArray()).containsExactly(new double[] {0.2, 0.3}, within(1e-15));
    assertThat(bn.runningVar().toArray()).containsExactly(new double[] {0.9 + 0.1 * 5 * 4 / 3, 0.9 + 0.1 * 3.5 * 4 / 3},
        within(1e-15));
    assertThat(bn.stateDict().get("num_batches_tracked").item()).isEqualTo(1.0);
    bn.forward(X);
    assertThat(bn.runningMean().toArray()[0]).isCloseTo(0.9 * 0.2 + 0.1 * 2, within(1e-15));
  }

  @Test
  void batchNormEvalUsesRunningStatistics() {
    BatchNorm1d bn = new BatchNorm1d(2);
    bn.forward(X);
    bn.eval();
    double[] rm = bn.runningMean().toArray();
    double[] rv = bn.runningVar().toArray();
    Tensor y = bn.forward(X);
    assertThat(y.get(2, 1)).isCloseTo((1 - rm[1]) / Math.sqrt(rv[1] + 1e-5), within(1e-15));
    assertThat(bn.runningMean().toArray()).containsExactly(rm);
    // a single sample is fine in eval mode, an error in training mode
    assertThat(bn.forward(Tensor.of(new double[][] {{1, 1}})).shape()).containsExactly(1, 2);
    bn.train();
    assertThatThrownBy(() -> bn.forward(Tensor.of(new double[][] {{1, 1}})))
        .hasMessageContaining("Expected more than 1 value per channel when training");
  }

  @Test
  void batchNormCumulativeAverageAnd3dInput() {
    BatchNorm1d bn = new BatchNorm1d(2, 1e-5, Double.NaN, false, true);
    bn.forward(X);
    bn.forward(X.mul(3));
    // cumulative average of the two batch means: (2 + 6) / 2
    assertThat(bn.runningMean().toArray()[0]).isCloseTo(4.0, within(1e-15));
    Tensor x3 = Tensor.randn(new SplittableRandom(1), 3, 2, 5);
    Tensor y3 = new BatchNorm1d(2).forward(x3);
    assertThat(y3.shape()).containsExactly(3, 2, 5);
    // per channel over (N, L): mean 0, biased variance ~1
    Tensor ch0 = y3.select(1, 0).reshape(-1);
    assertThat(ch0.mean().item()).isCloseTo(0.0, within(1e-14));
    assertThat(ch0.var(0, 0, false).item()).isCloseTo(1.0, within(1e-4));
  }

  @Test
  void layerNormNormalizesEachSample() {
    LayerNorm ln = new LayerNorm(2);
    Tensor y = ln.forward(X);
    // row 1: mean 4.5, biased var 2.25
    assertThat(y.get(1, 0)).isCloseTo(-1.5 / Math.sqrt(2.25 + 1e-5), within(1e-15));
    ln.eval();
    assertThat(ln.forward(X).toArray()).containsExactly(y.toArray());
    assertThatThrownBy(() -> new LayerNorm(3).forward(X))
        .hasMessage("Given normalized_shape=[3], expected input with shape [*, 3], but got input of size[4, 2]");
  }

  @Test
  void weightNormKeepsTheInitialWeightAndSeparatesScale() {
    Linear l = new Linear(3, 2, true, new SplittableRandom(4));
    WeightNorm wn = new WeightNorm(l);
    assertThat(wn.weight().allClose(l.weight(), 1e-15, 1e-15)).isTrue();
    assertThat(wn.namedParameters().keySet()).containsExactly("weight_g", "weight_v", "bias");
    GradMode.noGrad(() -> {
      wn.namedParameters().get("weight_g").mulInPlace(2.0);
    });
    assertThat(wn.weight().allClose(l.weight().mul(2.0), 1e-14, 1e-14)).isTrue();
  }

  @Test
  void localResponseNormFollowsTorchsWindow() {
    Tensor x = Tensor.of(new double[][] {{1, 2, 3, 4}});
    Tensor y = new LocalResponseNorm(3, 0.3, 0.75, 2.0).forward(x);
    // channel 0 window {0, 1} (zero padded): 1 + 4 = 5; channel 2 window {1, 2, 3}: 4 + 9 + 16 = 29
    assertThat(y.get(0, 0)).isCloseTo(1 / Math.pow(2 + 0.3 / 3 * 5, 0.75), within(1e-15));
    assertThat(y.get(0, 2)).isCloseTo(3 / Math.pow(2 + 0.3 / 3 * 29, 0.75), within(1e-15));
    Tensor x3 = Tensor.randn(new SplittableRandom(2), 2, 4, 3);
    assertThat(new LocalResponseNorm(2).forward(x3).shape()).containsExactly(2, 4, 3);
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    SplittableRandom rng = new SplittableRandom(3);
    Tensor x = Tensor.randn(rng, 5, 3);
    assertThat(GradCheck.check(in -> new BatchNorm1d(3).forward(in[0]).square(), x).passed()).isTrue();
    assertThat(GradCheck.check(in -> new LayerNorm(3).forward(in[0]).square(), x).passed()).isTrue();
    assertThat(GradCheck.check(in -> new LocalResponseNorm(2, 0.5, 0.75, 1.0).forward(in[0]), x).passed()).isTrue();
    WeightNorm wn = new WeightNorm(3, 2, true, rng);
    assertThat(GradCheck.check(in -> wn.forward(in[0]), x).passed()).isTrue();
  }

  @Test
  void penalties() {
    List<Tensor> ps = List.of(Tensor.of(1, -2), Tensor.of(new double[][] {{3}}));
    assertThat(Regularization.l1(ps).item()).isEqualTo(6.0);
    assertThat(Regularization.l2(ps).item()).isEqualTo(14.0);
    Tensor p = Tensor.of(1, -2).requiresGrad(true);
    Regularization.l2(List.of(p)).backward();
    assertThat(p.grad().toArray()).containsExactly(2, -4);
  }

  @Test
  void badArguments() {
    assertThatThrownBy(() -> new BatchNorm1d(0)).hasMessageContaining("num_features");
    assertThatThrownBy(() -> new BatchNorm1d(3).forward(X)).hasMessageContaining("(N, 3)").hasMessageContaining("[4, 2]");
    assertThatThrownBy(() -> new LocalResponseNorm(0)).hasMessageContaining("size must be positive");
  }
}
