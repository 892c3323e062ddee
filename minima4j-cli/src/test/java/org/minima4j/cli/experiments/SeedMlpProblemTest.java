package org.minima4j.cli.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.minima4j.random.PCG64;

/**
 * The written-out loss and gradient of the seed network against the nn module through autograd,
 * at x0 (torch's loss there: 307090.483492672) and at random points and where a hidden unit is dead on every row.
 */
class SeedMlpProblemTest {
  private final SeedMlpProblem p = new SeedMlpProblem();

  private void agree(double[] x) {
    double[] g = new double[10];
    double[] gm = new double[10];
    double f = p.stepLossAndGradient(0, x, g);
    double fm = p.moduleLossAndGradient(x, gm);
    assertThat(p.loss(x)).isEqualTo(f);
    assertThat(Math.abs(f - fm)).isLessThanOrEqualTo(1e-12 * Math.abs(fm));
    assertThat(Math.abs(p.moduleLoss(x) - fm)).isLessThanOrEqualTo(1e-12 * Math.abs(fm));
    double scale = 0.0;
    for (double v : gm) {
      scale = Math.max(scale, Math.abs(v));
    }
    for (int i = 0; i < 10; i++) {
      assertThat(Math.abs(g[i] - gm[i])).as("gradient %d at %s", i, java.util.Arrays.toString(x))
          .isLessThanOrEqualTo(1e-12 * scale);
    }
  }

  @Test
  void lossAndGradientEqualTheModuleThroughAutograd() {
    double[] x0 = p.x0();
    assertThat(Math.abs(p.loss(x0) - 307090.483492672) / 307090.483492672).isLessThan(1e-12);
    agree(x0);
    PCG64 rng = PCG64.seeded(5);
    for (int k = 0; k < 50; k++) {
      double[] x = new double[10];
      for (int i = 0; i < 10; i++) {
        x[i] = 2.0 * rng.nextDouble() - 1.0;
      }
      agree(x);
    }
    // hidden unit 0 dead on every row (z0 = 0, ReLU's gradient 0 there, as torch's)
    double[] dead = x0.clone();
    dead[0] = 0.0;
    dead[1] = 0.0;
    agree(dead);
    double[] g = new double[10];
    p.stepLossAndGradient(0, dead, g);
    assertThat(g[0]).isZero();
    assertThat(g[1]).isZero();
    assertThat(g[4]).isZero();
  }
}
