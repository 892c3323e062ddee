package org.minima4j.optimize.global;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.minima4j.tensor.internal.SymmetricEigen;

/** The Householder + QL solver used by CMA-ES against the Jacobi one, including degenerate spectra. */
class EigenSolverTest {

  @Test
  void tridiagonalQlMatchesJacobiAndReconstructs() {
    SeededRandom r = new SeededRandom(7);
    for (int trial = 0; trial < 200; trial++) {
      int n = 1 + trial % 12;
      double[][] a = new double[n][n];
      int kind = trial % 4;
      for (int i = 0; i < n; i++) {
        for (int j = 0; j <= i; j++) {
          double v = kind == 0 ? (i == j ? 1.0 : 0.0)          // identity: all eigenvalues equal
              : kind == 1 ? (i == j ? 1e-8 * (i + 1) : 0.0)   // diagonal, tiny
              : r.nextGaussian() * Math.pow(10, (int) (r.nextDouble() * 6) - 3);
          a[i][j] = v;
          a[j][i] = v;
        }
      }
      SymmetricEigen q = SymmetricEigen.ofTridiagonalQl(a);
      SymmetricEigen jac = SymmetricEigen.of(a);
      double scale = 1e-300;
      for (double v : jac.values) {
        scale = Math.max(scale, Math.abs(v));
      }
      for (int k = 0; k < n; k++) {
        assertThat(q.values[k]).isCloseTo(jac.values[k], within(1e-13 * scale));
        if (k > 0) {
          assertThat(q.values[k]).isGreaterThanOrEqualTo(q.values[k - 1]);
        }
      }
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          double rec = 0;
          double dot = 0;
          for (int k = 0; k < n; k++) {
            rec += q.vectors[i][k] * q.values[k] * q.vectors[j][k];
            dot += q.vectors[k][i] * q.vectors[k][j];
          }
          assertThat(rec).isCloseTo(a[i][j], within(1e-13 * scale));
          assertThat(dot).isCloseTo(i == j ? 1.0 : 0.0, within(1e-13));
        }
      }
    }
  }

  @Test
  void nonFiniteInputFallsBackToJacobiInsteadOfThrowing() {
    double[][] a = {{1.0, Double.NaN}, {Double.NaN, 2.0}};
    SymmetricEigen q = SymmetricEigen.ofTridiagonalQl(a);
    SymmetricEigen j = SymmetricEigen.of(a);
    assertThat(q.values).containsExactly(j.values);
  }
}
