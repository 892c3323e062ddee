package org.minima4j.tune.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * {@link OpenBlasGemv} against {@code numpy.inner(categorical_weights.T, weights)} on 140 TPE estimators with 2
 * to 8 choices ({@code reference/blas_inner.json}, from {@code reference/generators/blas_inner_ref.py}): the
 * same bits, since the last bit decides between choices with equal mixture probabilities.
 */
class OpenBlasGemvTest {

  @Test
  void sumsInNumpysOrderBitForBit() throws IOException {
    JsonNode doc;
    try (InputStream in = OpenBlasGemvTest.class.getResourceAsStream("/reference/blas_inner.json")) {
      doc = new ObjectMapper().readTree(in);
    }
    int cases = 0;
    int differFromPlainSum = 0;
    for (JsonNode c : doc.get("cases")) {
      JsonNode cw = c.get("categorical_weights");
      double[][] a = new double[cw.size()][];
      for (int i = 0; i < a.length; i++) {
        a[i] = new double[cw.get(i).size()];
        for (int j = 0; j < a[i].length; j++) {
          a[i][j] = cw.get(i).get(j).asDouble();
        }
      }
      double[] w = new double[c.get("weights").size()];
      for (int i = 0; i < w.length; i++) {
        w[i] = c.get("weights").get(i).asDouble();
      }
      double[] got = OpenBlasGemv.innerTransposed(a, w);
      for (int j = 0; j < got.length; j++) {
        double want = c.get("inner").get(j).asDouble();
        assertThat(got[j]).as("case %d choice %d", cases, j).isEqualTo(want);
        double plain = 0;
        for (int i = 0; i < w.length; i++) {
          plain += a[i][j] * w[i];
        }
        differFromPlainSum += plain != want ? 1 : 0;
      }
      cases++;
    }
    assertThat(cases).isEqualTo(140);
    assertThat(differFromPlainSum).as("cases where the order matters").isGreaterThan(20);
  }
}
