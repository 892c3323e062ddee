package org.minima4j.optimize;

import org.minima4j.optimize.bench.ReferenceProblems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * {@code hess_inv} of BFGS and L-BFGS-B against Debian's scipy 1.10.1 ({@code res.hess_inv},
 * {@code res.hess_inv.todense()}, {@code res.hess_inv.dot(np.arange(10.0))} on scipy's rosen with
 * rosen_der), and SLSQP's Lagrange multipliers against the KKT conditions.
 */
class ResultExtensionsTest {
  @Test
  void bfgsInverseHessianMatchesScipy() {
    OptimizeResult r = Minimize.minimize(TestProblems::rosen, TestProblems::rosenDer, new double[] {-1.2, 1.0},
        Method.BFGS, MinimizeOptions.DEFAULTS);
    double[][] h = r.hessInv().toMatrix();
    // same iterates; the dense update here uses plain loops where numpy uses dgemm (rounding ~1e-9)
    assertThat(h[0]).containsExactly(new double[] {0.5018600871400011, 1.0031532553030003}, within(1e-8));
    assertThat(h[1]).containsExactly(new double[] {1.0031532553029952, 2.0102746518490346}, within(1e-8));
    assertThat(r.hessInv().apply(new double[] {1, 0})).containsExactly(h[0][0], h[1][0]);
  }

  @Test
  void lbfgsbInverseHessianMatchesScipy() {
    OptimizeResult r = Minimize.minimize(TestProblems::rosen, TestProblems::rosenDer, new double[] {-1.2, 1.0},
        Method.L_BFGS_B, MinimizeOptions.DEFAULTS);
    double[][] h = r.hessInv().toMatrix();
    assertThat(h[0]).containsExactly(new double[] {0.3758209551643613, 0.6942799834902965}, within(1e-9));
    assertThat(h[1]).containsExactly(new double[] {0.694279983490297, 1.2868636264516788}, within(1e-9));
  }

  @Test
  void lbfgsbInverseHessianKeepsScipysStorageOrderAfterWrapAround() {
    // rosenbrock10: 71 iterations > maxcor = 10, so the ring buffer has wrapped
    double[] x0 = new double[10];
    for (int i = 0; i < 10; i++) {
      x0[i] = i % 2 == 0 ? -1.2 : 1.0;
    }
    OptimizeResult r = Minimize.minimize(TestProblems::rosen, TestProblems::rosenDer, x0, Method.L_BFGS_B,
        MinimizeOptions.DEFAULTS);
    double[] v = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    double[] expected = {-19.204316411518267, -31.98158217389319, 21.725773152310865, 76.43824334089022,
        94.66372410317008, 175.03463301610944, 262.50686871559196, 422.3568156873789, 749.018850014228,
        1499.2229469273373};
    assertThat(r.nit()).isEqualTo(71);
    assertThat(r.hessInv().apply(v)).containsExactly(expected, within(1e-6));
    assertThat(r.hessInv().dimension()).isEqualTo(10);
  }

  @Test
  void slsqpMultipliersSatisfyTheKktConditions() {
    // eq_quadratic: grad f = r * grad c at x* = (6, 3, 2)/11, so r = 12/11
    ReferenceProblems.Spec s = TestProblems.spec("eq_quadratic");
    OptimizeResult r = Minimize.minimize(s.f(), s.g(), new double[] {1, 1, 1}, Method.SLSQP,
        MinimizeOptions.DEFAULTS.withConstraints(s.withJac()));
    assertThat(r.multipliers()).containsExactly(new double[] {12.0 / 11}, within(1e-6));
    // hs035: the inequality 3 - x1 - x2 - 2 x3 >= 0 is active with r = 2/9 (grad f = -r * (1, 1, 2))
    ReferenceProblems.Spec h = TestProblems.spec("hs035");
    OptimizeResult q = Minimize.minimize(h.f(), h.g(), new double[] {0.5, 0.5, 0.5}, Method.SLSQP,
        MinimizeOptions.DEFAULTS.withConstraints(h.withJac()).withBounds(Bounds.uniform(3, 0,
            Double.POSITIVE_INFINITY)));
    assertThat(q.multipliers()).containsExactly(new double[] {2.0 / 9}, within(1e-5));
    assertThat(q.hessInv()).isNull();
  }

  @Test
  void methodsWithoutExtensionsLeaveThemNull() {
    OptimizeResult r = Minimize.minimize(TestProblems::rosen, TestProblems::rosenDer, new double[] {-1.2, 1.0},
        Method.CG, MinimizeOptions.DEFAULTS);
    assertThat(r.hessInv()).isNull();
    assertThat(r.multipliers()).isNull();
  }
}
