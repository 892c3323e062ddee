package org.minima4j.tune.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.minima4j.optimize.global.internal.NumpyEigh;

/**
 * {@link NumpyEigh} (minima4j-optimize, what the CMA-ES sampler decomposes with) against {@code numpy.linalg.eigh} (LAPACK {@code dsyevd}) on 150 covariance-like matrices of
 * sizes 2 to 6 ({@code reference/eigh.json}, written by {@code reference/generators/eigh_ref.py}): the same
 * eigenvalues and the same eigenvectors, signs and order included.
 */
class NumpyEighAgainstTuneFixtureTest {

  private static double[][] matrix(JsonNode m) {
    double[][] out = new double[m.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = new double[m.get(i).size()];
      for (int j = 0; j < out[i].length; j++) {
        out[i][j] = m.get(i).get(j).asDouble();
      }
    }
    return out;
  }

  @Test
  void eigenvectorsAndTheirSignsEqualNumpys() throws IOException {
    JsonNode doc;
    try (InputStream in = NumpyEighAgainstTuneFixtureTest.class.getResourceAsStream("/reference/eigh.json")) {
      doc = new ObjectMapper().readTree(in);
    }
    int k = 0;
    for (JsonNode c : doc.get("cases")) {
      double[][] a = matrix(c.get("c"));
      double[][] want = matrix(c.get("b"));
      int n = a.length;
      NumpyEigh e = NumpyEigh.of(a);
      assertThat(e.converged).isTrue();
      double[] w = e.values;
      double[][] b = e.vectors;
      double scale = Math.abs(c.get("w").get(n - 1).asDouble()); // the largest eigenvalue
      for (int i = 0; i < n; i++) {
        double wi = c.get("w").get(i).asDouble();
        assertThat(Math.abs(w[i] - wi)).as("case %d eigenvalue %d", k, i).isLessThanOrEqualTo(1e-13 * scale);
        for (int j = 0; j < n; j++) {
          // eigenvectors of close eigenvalues are sensitive to round-off: 1e-9, far from a sign flip (~1)
          assertThat(Math.abs(b[i][j] - want[i][j])).as("case %d B[%d][%d]", k, i, j).isLessThanOrEqualTo(1e-9);
        }
      }
      k++;
    }
    assertThat(k).isEqualTo(150);
  }

  @Test
  void rejectsNonFiniteEntries() {
    assertThatThrownBy(() -> new CmaesAsk(new double[][] {{1, Double.NaN}, {Double.NaN, 1}}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-finite");
  }
}
