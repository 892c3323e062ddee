package org.minima4j.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.minima4j.nn.Parameter;
import org.minima4j.tensor.Tensor;

/**
 * Adafactor and Lion have no torch 1.13 reference; these tests recompute three steps with a plain,
 * unfused transcription of torch 2.5's {@code _single_tensor_adafactor} and of lion_pytorch.
 */
class AdafactorLionTest {

  private static double lerp(double a, double b, double w) {
    return Math.abs(w) < 0.5 ? a + w * (b - a) : b - (b - a) * (1 - w);
  }

  @Test
  void adafactorMatchesTorchsFormulasForAMatrixAndAVector() {
    double[] w0 = {0.5, -0.3, 0.8, 0.1, -0.6, 0.4};
    double[] b0 = {0.2, -0.1, 0.7, -0.4};
    Parameter w = new Parameter(w0, 2, 3);
    Parameter b = new Parameter(b0, 4);
    Adafactor opt = new Adafactor(List.of(w, b), Adafactor.Options.DEFAULTS.withLr(0.05).withWeightDecay(0.1));
    double[] ew = w0.clone();
    double[] eb = b0.clone();
    double[] row = new double[2];
    double[] col = new double[3];
    double[] var = new double[4];
    double eps1 = Math.ulp(1.0);
    for (int t = 1; t <= 3; t++) {
      double[] gw = new double[6];
      double[] gb = new double[4];
      for (int i = 0; i < 6; i++) {
        gw[i] = Math.sin(3 * ew[i] + t) + 0.1 * i;
      }
      for (int i = 0; i < 4; i++) {
        gb[i] = Math.cos(2 * eb[i] - t);
      }
      w.setGrad(Tensor.wrap(gw.clone(), 2, 3));
      b.setGrad(Tensor.wrap(gb.clone(), 4));
      opt.step();
      double beta = Math.pow(t, -0.8);
      double rho = Math.min(0.05, 1 / Math.pow(t, 0.5));
      // matrix
      double ss = 0;
      for (double v : ew) {
        ss += v * v;
      }
      double alpha = Math.max(1e-3, Math.sqrt(ss) / Math.sqrt(6)) * rho;
      for (int i = 0; i < 6; i++) {
        ew[i] *= 1 - 0.05 * 0.1;
      }
      for (int r = 0; r < 2; r++) {
        double s = 0;
        for (int c = 0; c < 3; c++) {
          s += gw[r * 3 + c] * gw[r * 3 + c];
        }
        row[r] = lerp(row[r], Math.pow(Math.sqrt(s), 2) / 3, beta);
      }
      for (int c = 0; c < 3; c++) {
        double s = 0;
        for (int r = 0; r < 2; r++) {
          s += gw[r * 3 + c] * gw[r * 3 + c];
        }
        col[c] = lerp(col[c], Math.pow(Math.sqrt(s), 2) / 2, beta);
      }
      double mean = Math.max((row[0] + row[1]) / 2, eps1);
      double[] u = new double[6];
      double us = 0;
      for (int r = 0; r < 2; r++) {
        for (int c = 0; c < 3; c++) {
          u[r * 3 + c] = gw[r * 3 + c] / Math.sqrt(Math.max(row[r] * col[c] / mean, eps1 * eps1));
          us += u[r * 3 + c] * u[r * 3 + c];
        }
      }
      double denom = Math.max(1.0, Math.sqrt(us) / Math.sqrt(6));
      for (int i = 0; i < 6; i++) {
        ew[i] -= alpha / denom * u[i];
      }
      // vector
      ss = 0;
      for (double v : eb) {
        ss += v * v;
      }
      alpha = Math.max(1e-3, Math.sqrt(ss) / 2) * rho;
      us = 0;
      double[] ub = new double[4];
      for (int i = 0; i < 4; i++) {
        eb[i] *= 1 - 0.05 * 0.1;
        var[i] = lerp(var[i], gb[i] * gb[i], beta);
        ub[i] = gb[i] / Math.sqrt(Math.max(var[i], eps1 * eps1));
        us += ub[i] * ub[i];
      }
      denom = Math.max(1.0, Math.sqrt(us) / 2);
      for (int i = 0; i < 4; i++) {
        eb[i] -= alpha / denom * ub[i];
      }
      assertThat(Reference.firstMismatch(w.data(), ew, 1e-13, 1e-15)).as("W after step " + t).isNull();
      assertThat(Reference.firstMismatch(b.data(), eb, 1e-13, 1e-15)).as("b after step " + t).isNull();
    }
    assertThat(opt.state(w).toMap()).containsKeys("step", "row_var", "col_var");
    assertThat(opt.state(b).toMap()).containsKeys("step", "variance");
    assertThatThrownBy(() -> Adafactor.Options.DEFAULTS.withD(0.5))
        .hasMessage("Clipping threshold d should be >= 1 but is: 0.5");
    assertThatThrownBy(() -> Adafactor.Options.DEFAULTS.withBeta2Decay(0.5))
        .hasMessage("beta2_decay should be <= 0 but is: 0.5");
  }

  @Test
  void lionMatchesTheReferenceUpdate() {
    double[] x0 = {0.5, -0.3, 0.0, 2.0};
    Parameter p = new Parameter(x0, 4);
    Lion opt = new Lion(List.of(p), Lion.Options.DEFAULTS.withLr(0.01).withWeightDecay(0.1));
    double[] x = x0.clone();
    double[] m = new double[4];
    for (int t = 0; t < 4; t++) {
      double[] g = {1.0 - t, -2.0, 0.5 * t, 0.0};
      p.setGrad(Tensor.wrap(g.clone(), 4));
      opt.step();
      for (int i = 0; i < 4; i++) {
        x[i] = x[i] * (1 - 0.01 * 0.1);
        double c = m[i] * 0.9 + g[i] * (1 - 0.9);
        x[i] = x[i] - 0.01 * Math.signum(c);
        m[i] = m[i] * 0.99 + g[i] * (1 - 0.99);
      }
      assertThat(p.data()).as("step " + t).containsExactly(x);
    }
  }
}
