package org.minima4j.optimize.global.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link NumpyEigh} against numpy 1.24.2's {@code eigh} (reference/numpy_eigh.json, made by
 * reference/generators/numpy_eigh_ref.py with Debian's numpy and OpenBLAS): eigenvalues to 1e-13 of the
 * largest magnitude; eigenvectors, signs included, to 1e-10 (random and CMA-ES matrices: OpenBLAS's BLAS kernels
 * sum in another order, so the last bits differ). With repeated eigenvalues only the eigenspaces are
 * determined by the matrix, so there the projectors onto them are compared.
 */
class NumpyEighTest {

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> cases() throws IOException {
    try (InputStream in = NumpyEighTest.class.getResourceAsStream("/reference/numpy_eigh.json")) {
      Map<String, Object> doc = new ObjectMapper().readValue(in, Map.class);
      return (List<Map<String, Object>>) doc.get("cases");
    }
  }

  @Test
  void matchesNumpyEighSignsIncluded() throws IOException {
    int vectorCases = 0;
    for (Map<String, Object> c : cases()) {
      String kind = (String) c.get("kind");
      double[][] a = State.getMatrix(c, "a");
      double[] w = State.getDoubleArray(c, "values");
      double[][] v = State.getMatrix(c, "vectors");
      int n = a.length;
      NumpyEigh e = NumpyEigh.of(a);
      assertThat(e.converged).isTrue();
      double scale = 0;
      for (double x : w) {
        scale = Math.max(scale, Math.abs(x));
      }
      for (int k = 0; k < n; k++) {
        assertThat(e.values[k]).as("%s n=%d value %d", kind, n, k).isCloseTo(w[k], within(1e-13 * scale));
      }
      if (kind.equals("repeated")) {
        // projector onto the eigenspace of the first n/2 eigenvalues
        int h = n / 2;
        for (int i = 0; i < n; i++) {
          for (int j = 0; j < n; j++) {
            double p = 0;
            double q = 0;
            for (int k = 0; k < h; k++) {
              p += e.vectors[i][k] * e.vectors[j][k];
              q += v[i][k] * v[j][k];
            }
            assertThat(p).isCloseTo(q, within(1e-10));
          }
        }
        continue;
      }
      vectorCases++;
      for (int i = 0; i < n; i++) {
        for (int k = 0; k < n; k++) {
          assertThat(e.vectors[i][k]).as("%s n=%d vector %d component %d", kind, n, k, i)
              .isCloseTo(v[i][k], within(1e-10));
        }
      }
    }
    assertThat(vectorCases).isGreaterThan(50);
  }

  @Test
  void reconstructsTheMatrix() throws IOException {
    for (Map<String, Object> c : cases()) {
      double[][] a = State.getMatrix(c, "a");
      int n = a.length;
      NumpyEigh e = NumpyEigh.of(a);
      double scale = 0;
      for (double x : e.values) {
        scale = Math.max(scale, Math.abs(x));
      }
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          double s = 0;
          for (int k = 0; k < n; k++) {
            s += e.vectors[i][k] * e.values[k] * e.vectors[j][k];
          }
          assertThat(s).isCloseTo(a[i][j], within(1e-12 * scale));
        }
      }
    }
  }

  @Test
  void reportsNonConvergenceForNaN() {
    NumpyEigh e = NumpyEigh.of(new double[][] {{1, Double.NaN, 0}, {Double.NaN, 2, 1}, {0, 1, 3}});
    assertThat(e.converged).isFalse();
  }
}
