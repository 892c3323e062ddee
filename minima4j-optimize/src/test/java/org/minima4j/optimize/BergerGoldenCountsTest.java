package org.minima4j.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * scipy's golden call counts (scipy/optimize/tests/test_optimize.py, class CheckOptimize, "from
 * SciPy 0.7.0") on the maximum-entropy problem of Berger, Della Pietra and Della Pietra
 * (Computational Linguistics 22(1), 1996) from x0 = 0. As in scipy's tests the counts include the
 * two evaluations the assertion itself makes (f at the result and at the known solution).
 */
class BergerGoldenCountsTest {
  static final double[][] F = {{1, 1, 1}, {1, 1, 0}, {1, 0, 1}, {1, 0, 0}, {1, 0, 0}};
  static final double[] K = {1.0, 0.3, 0.5};
  static final double[] SOLUTION = {0.0, -0.524869316, 0.487525860};

  int funccalls;
  int gradcalls;
  List<double[]> trace;

  @BeforeEach
  void reset() {
    funccalls = 0;
    gradcalls = 0;
    trace = new ArrayList<>();
  }

  static double[] logPdot(double[] x) {
    double[] l = new double[F.length];
    for (int i = 0; i < F.length; i++) {
      l[i] = F[i][0] * x[0] + F[i][1] * x[1] + F[i][2] * x[2];
    }
    return l;
  }

  static double logZ(double[] lp) {
    double s = 0;
    for (double v : lp) {
      s += Math.exp(v);
    }
    return Math.log(s);
  }

  double func(double[] x) {
    funccalls++;
    double[] lp = logPdot(x);
    double f = logZ(lp) - (K[0] * x[0] + K[1] * x[1] + K[2] * x[2]);
    trace.add(x.clone());
    return f;
  }

  double[] grad(double[] x) {
    gradcalls++;
    double[] lp = logPdot(x);
    double lz = logZ(lp);
    double[] g = new double[3];
    for (int i = 0; i < F.length; i++) {
      double p = Math.exp(lp[i] - lz);
      for (int j = 0; j < 3; j++) {
        g[j] += F[i][j] * p;
      }
    }
    for (int j = 0; j < 3; j++) {
      g[j] -= K[j];
    }
    return g;
  }

  double[][] hess(double[] x) {
    double[] lp = logPdot(x);
    double lz = logZ(lp);
    double[] p = new double[F.length];
    for (int i = 0; i < F.length; i++) {
      p[i] = Math.exp(lp[i] - lz);
    }
    double[] ftp = new double[3];
    for (int i = 0; i < F.length; i++) {
      for (int j = 0; j < 3; j++) {
        ftp[j] += F[i][j] * p[i];
      }
    }
    // scipy: F.T @ (diag(p) @ (F - F.T @ p)), the subtraction broadcast over rows
    double[][] h = new double[3][3];
    for (int a = 0; a < 3; a++) {
      for (int b = 0; b < 3; b++) {
        double s = 0;
        for (int i = 0; i < F.length; i++) {
          s += F[i][a] * p[i] * (F[i][b] - ftp[b]);
        }
        h[a][b] = s;
      }
    }
    return h;
  }

  double[] hessp(double[] x, double[] v) {
    double[][] h = hess(x);
    double[] r = new double[3];
    for (int a = 0; a < 3; a++) {
      for (int b = 0; b < 3; b++) {
        r[a] += h[a][b] * v[b];
      }
    }
    return r;
  }

  @Test
  void newtonCg() {
    OptimizeResult r = Minimize.minimize(this::func, this::grad, new double[3], Method.NEWTON_CG,
        MinimizeOptions.DEFAULTS.withMaxiter(1000));
    assertThat(r.success()).isTrue();
    assertOptimal(r);
    assertThat(funccalls).isEqualTo(7);
    assertThat(gradcalls).isLessThanOrEqualTo(22);
    double[][] expected = {{-4.35700753e-07, -5.24869435e-01, 4.87527480e-01},
        {-4.35700753e-07, -5.24869401e-01, 4.87527774e-01}};
    for (int t = 0; t < 2; t++) {
      for (int j = 0; j < 3; j++) {
        assertThat(trace.get(3 + t)[j]).isCloseTo(expected[t][j], within(1e-6 + 1e-7 * Math.abs(expected[t][j])));
      }
    }
  }

  @Test
  void newtonCgWithHessAndHessp() {
    OptimizeResult r = Minimize.minimize(this::func, this::grad, new double[3], Method.NEWTON_CG,
        MinimizeOptions.DEFAULTS.withMaxiter(1000).withHess(this::hess));
    assertThat(r.success()).isTrue();
    assertOptimal(r);
    assertThat(funccalls).isLessThanOrEqualTo(7);
    assertThat(gradcalls).isLessThanOrEqualTo(18);
    reset();
    OptimizeResult rp = Minimize.minimize(this::func, this::grad, new double[3], Method.NEWTON_CG,
        MinimizeOptions.DEFAULTS.withMaxiter(1000).withHessp(this::hessp));
    assertThat(rp.success()).isTrue();
    assertOptimal(rp);
    assertThat(funccalls).isLessThanOrEqualTo(7);
    assertThat(gradcalls).isLessThanOrEqualTo(18);
  }

  private void assertOptimal(OptimizeResult r) {
    assertThat(func(r.x())).isCloseTo(func(SOLUTION), within(1e-6));
  }

  @Test
  void bfgs() {
    OptimizeResult r = Minimize.minimize(this::func, this::grad, new double[3], Method.BFGS,
        MinimizeOptions.DEFAULTS.withMaxiter(1000));
    assertThat(r.success()).isTrue();
    assertOptimal(r);
    assertThat(funccalls).isEqualTo(10);
    assertThat(gradcalls).isEqualTo(8);
    assertThat(r.nfev()).isEqualTo(8);
    assertThat(r.njev()).isEqualTo(8);
  }

  @Test
  void cg() {
    OptimizeResult r = Minimize.minimize(this::func, this::grad, new double[3], Method.CG,
        MinimizeOptions.DEFAULTS.withMaxiter(1000));
    assertThat(r.success()).isTrue();
    assertOptimal(r);
    assertThat(funccalls).isEqualTo(9);
    assertThat(gradcalls).isEqualTo(7);
    // scipy asserts trace[2:4] == [[0, -0.5, 0.5], [0, -5.05700028e-01, 4.95985862e-01]] (rtol 1e-7)
    assertThat(trace.get(2)).containsExactly(new double[] {0, -0.5, 0.5}, within(1e-14));
    assertThat(trace.get(3)[0]).isCloseTo(0.0, within(1e-14));
    assertThat(trace.get(3)[1]).isCloseTo(-5.05700028e-01, within(1e-14 + 1e-7 * 5.05700028e-01));
    assertThat(trace.get(3)[2]).isCloseTo(4.95985862e-01, within(1e-14 + 1e-7 * 4.95985862e-01));
  }

  @Test
  void nelderMead() {
    OptimizeResult r = Minimize.minimize(this::func, new double[3], Method.NELDER_MEAD,
        MinimizeOptions.DEFAULTS.withMaxiter(1000));
    assertThat(r.success()).isTrue();
    assertOptimal(r);
    assertThat(funccalls).isEqualTo(167);
  }

  @Test
  void powellStaysUnderScipysBound() {
    OptimizeResult r = Minimize.minimize(this::func, new double[3], Method.POWELL,
        MinimizeOptions.DEFAULTS.withMaxiter(1000));
    assertThat(r.success()).isTrue();
    assertOptimal(r);
    assertThat(funccalls).isLessThanOrEqualTo(136);
  }
}
