package org.minima4j.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.minima4j.nn.Losses.Reduction;
import org.minima4j.tensor.Tensor;

/** Loss values on small cases worked out by hand from torch's formulas. */
class LossesTest {
  private static final Tensor X = Tensor.of(0.5, -1.0, 2.0);
  private static final Tensor Y = Tensor.of(0.0, 1.0, 1.5);

  @Test
  void regressionLosses() {
    // differences 0.5, -2, 0.5
    assertThat(Losses.mse(X, Y).item()).isCloseTo((0.25 + 4 + 0.25) / 3, within(1e-15));
    assertThat(Losses.mse(X, Y, Reduction.SUM).item()).isCloseTo(4.5, within(1e-15));
    assertThat(Losses.mse(X, Y, Reduction.NONE).toArray()).containsExactly(0.25, 4, 0.25);
    assertThat(Losses.l1(X, Y).item()).isCloseTo(1.0, within(1e-15));
    // smooth L1, beta 1: 0.5*0.25, 2 - 0.5, 0.5*0.25
    assertThat(Losses.smoothL1(X, Y).item()).isCloseTo((0.125 + 1.5 + 0.125) / 3, within(1e-15));
    // beta 0.4: |0.5| >= 0.4 -> 0.5 - 0.2 = 0.3; 2 - 0.2 = 1.8
    assertThat(Losses.smoothL1(X, Y, 0.4, Reduction.SUM).item()).isCloseTo(0.3 + 1.8 + 0.3, within(1e-15));
    assertThat(Losses.smoothL1(X, Y, 0.0, Reduction.SUM).item()).isCloseTo(3.0, within(1e-15));
    // huber delta 1.5: 0.125, 1.5*(2 - 0.75) = 1.875, 0.125
    assertThat(Losses.huber(X, Y, 1.5, Reduction.SUM).item()).isCloseTo(2.125, within(1e-15));
  }

  @Test
  void crossEntropyAndNll() {
    Tensor logits = Tensor.of(new double[][] {{1, 2, 3}, {1, 1, 1}});
    Tensor target = Tensor.of(2, 0);
    double lse0 = Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3));
    double l0 = lse0 - 3;
    double l1 = Math.log(3);
    assertThat(Losses.crossEntropy(logits, target).item()).isCloseTo((l0 + l1) / 2, within(1e-15));
    assertThat(Losses.nll(logits.logSoftmax(1), target).item()).isCloseTo((l0 + l1) / 2, within(1e-15));
    // class weights: mean divides by the summed weights of the targets
    Tensor w = Tensor.of(2.0, 1.0, 0.5);
    double weighted = (0.5 * l0 + 2.0 * l1) / 2.5;
    assertThat(Losses.crossEntropy(logits, target, w, -100, 0.0, Reduction.MEAN).item()).isCloseTo(weighted, within(1e-15));
    // ignore_index drops the sample from sum and count
    assertThat(Losses.crossEntropy(logits, Tensor.of(2, -100), null, -100, 0.0, Reduction.MEAN).item())
        .isCloseTo(l0, within(1e-15));
    // label smoothing eps: (1-eps) nll + eps/C * mean_i(-sum_c logp_ic)
    double eps = 0.1;
    double smooth0 = 3 * lse0 - 6;
    double smooth1 = 3 * Math.log(3);
    double expected = (1 - eps) * (l0 + l1) / 2 + eps / 3 * (smooth0 + smooth1) / 2;
    assertThat(Losses.crossEntropy(logits, target, eps).item()).isCloseTo(expected, within(1e-15));
  }

  @Test
  void binaryCrossEntropy() {
    Tensor p = Tensor.of(0.8, 0.3, 1.0);
    Tensor t = Tensor.of(1.0, 0.0, 0.0);
    // third term: -(log(1 - 1)) clamped at -100 -> 100
    double expected = (-Math.log(0.8) - Math.log(0.7) + 100) / 3;
    assertThat(Losses.bce(p, t).item()).isCloseTo(expected, within(1e-14));
    Tensor z = Tensor.of(2.0, -1.0, 30.0);
    Tensor tz = Tensor.of(1.0, 0.0, 0.5);
    double e0 = Math.log1p(Math.exp(-2.0));
    double e1 = -1.0 + Math.log1p(Math.exp(1.0));
    double e2 = 0.5 * 30 + Math.log1p(Math.exp(-30.0));
    assertThat(Losses.bceWithLogits(z, tz).item()).isCloseTo((e0 + e1 + e2) / 3, within(1e-14));
    // pos_weight 3 scales the positive part: loss = (1-t) x + (1 + 2t) softplus(-x)
    double pw = (0 + 3 * Math.log1p(Math.exp(-2.0)));
    assertThat(Losses.bceWithLogits(Tensor.of(2.0), Tensor.of(1.0), null, Tensor.of(3.0), Reduction.SUM).item())
        .isCloseTo(pw, within(1e-15));
    // agrees with bce on sigmoid for moderate logits
    assertThat(Losses.bceWithLogits(Tensor.of(0.3, -0.7), Tensor.of(1, 0)).item())
        .isCloseTo(Losses.bce(Tensor.of(0.3, -0.7).sigmoid(), Tensor.of(1, 0)).item(), within(1e-15));
  }

  @Test
  void badArguments() {
    assertThatThrownBy(() -> Losses.mse(Tensor.zeros(3), Tensor.zeros(2, 3)))
        .hasMessageContaining("[3]").hasMessageContaining("[2, 3]");
    assertThatThrownBy(() -> Losses.crossEntropy(Tensor.zeros(2, 3), Tensor.of(0, 3)))
        .hasMessage("Target 3 is out of bounds.");
    assertThatThrownBy(() -> Losses.crossEntropy(Tensor.zeros(2, 3), Tensor.of(0, 1, 1)))
        .hasMessageContaining("Expected input batch_size (2) to match target batch_size (3)");
    assertThatThrownBy(() -> Losses.crossEntropy(Tensor.zeros(2, 3), Tensor.of(0, 1), 1.5))
        .hasMessageContaining("label_smoothing must be between 0.0 and 1.0. Got: 1.5");
    assertThatThrownBy(() -> Losses.bce(Tensor.of(1.2), Tensor.of(1)))
        .hasMessageContaining("all elements of input should be between 0 and 1");
    assertThatThrownBy(() -> Losses.smoothL1(X, Y, -1, Reduction.MEAN))
        .hasMessage("smooth_l1_loss does not support negative values for beta.");
    assertThatThrownBy(() -> Losses.nll(Tensor.zeros(2, 3), Tensor.of(0.5, 1)))
        .hasMessageContaining("integers");
  }
}
