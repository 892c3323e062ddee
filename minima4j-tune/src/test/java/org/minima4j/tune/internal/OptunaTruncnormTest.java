package org.minima4j.tune.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.minima4j.random.NumpyRandomState;

/**
 * {@link OptunaTruncnorm} against Optuna 3.1.0's {@code _truncnorm.py} and CPython's {@code math.erf}/{@code erfc}
 * on fixed inputs ({@code reference/truncnorm.json}, written by {@code reference/generators/truncnorm_ref.py}).
 */
class OptunaTruncnormTest {
  private static JsonNode doc;

  @BeforeAll
  static void load() throws IOException {
    try (InputStream in = OptunaTruncnormTest.class.getResourceAsStream("/reference/truncnorm.json")) {
      doc = new ObjectMapper().readTree(in);
    }
  }

  @Test
  void ppfEqualsOptunasToAFewUlps() {
    int bitEqual = 0;
    for (JsonNode e : doc.get("ppf")) {
      double q = e.get("q").asDouble();
      double a = e.get("a").asDouble();
      double b = e.get("b").asDouble();
      double want = e.get("ppf").asDouble();
      double got = OptunaTruncnorm.ppf(q, a, b);
      // 1e-13 relative, or 1e-16 absolute around 0 (the standardized quantile of a kernel)
      assertThat(Math.abs(got - want)).as("ppf(%s, %s, %s) = %s, Optuna %s", q, a, b, got, want)
          .isLessThanOrEqualTo(Math.max(1e-13 * Math.abs(want), 2e-16));
      bitEqual += got == want ? 1 : 0;
      double lgm = e.get("log_gauss_mass").asDouble();
      assertThat(Math.abs(OptunaTruncnorm.logGaussMass(a, b) - lgm)).as("log_gauss_mass(%s, %s)", a, b)
          .isLessThanOrEqualTo(1e-9 * Math.max(Math.abs(lgm), 1)); // narrow tails: log_diff cancels digits
    }
    assertThat(bitEqual).as("bit-identical quantiles").isGreaterThan(doc.get("ppf").size() / 4);
  }

  @Test
  void logNdtrEqualsOptunas() {
    for (JsonNode e : doc.get("log_ndtr")) {
      double x = e.get("x").asDouble();
      double want = e.get("log_ndtr").asDouble();
      assertThat(Math.abs(OptunaTruncnorm.logNdtr(x) - want)).as("log_ndtr(%s)", x)
          .isLessThanOrEqualTo(4 * Math.ulp(want));
    }
  }

  @Test
  void libmErfAndErfcEqualCPythons() {
    for (JsonNode e : doc.get("erf")) {
      double x = e.get("x").asDouble();
      double erf = e.get("erf").asDouble();
      double erfc = e.get("erfc").asDouble();
      // glibc evaluates fdlibm's polynomials in another order: a few ulps apart
      assertThat(Math.abs(OptunaTruncnorm.libmErf(x) - erf)).as("erf(%s)", x)
          .isLessThanOrEqualTo(4 * Math.ulp(erf));
      assertThat(Math.abs(OptunaTruncnorm.libmErfc(x) - erfc)).as("erfc(%s)", x)
          .isLessThanOrEqualTo(4 * Math.ulp(erfc));
      assertThat(Math.abs(OptunaTruncnorm.optunaErf(x) - erf)).as("Optuna's erf(%s)", x)
          .isLessThanOrEqualTo(4 * Math.ulp(erf));
    }
  }

  @Test
  void quantilesStayInsideTheirInterval() {
    NumpyRandomState rng = new NumpyRandomState(0);
    for (int i = 0; i < 2000; i++) {
      double x = OptunaTruncnorm.quantile(rng.nextDouble(), 0.3, 0.01, 0.0, 1.0);
      assertThat(x).isBetween(0.0, 1.0);
      double y = OptunaTruncnorm.quantile(rng.nextDouble(), 0.0, 0.1, 0.5, 1.0);
      assertThat(y).isBetween(0.5, 1.0);
    }
    // beyond Optuna's bisection range [-100, 100] its ppf returns the range's end (checked with Optuna 3.1)
    assertThat(OptunaTruncnorm.ppf(0.3, 500, 1000)).isEqualTo(-100.0);
    assertThat(OptunaTruncnorm.ppf(0.3, -1000, -500)).isEqualTo(100.0);
    assertThat(OptunaTruncnorm.ppf(0.0, -1, 2)).isEqualTo(-1.0);
    assertThat(OptunaTruncnorm.ppf(1.0, -1, 2)).isEqualTo(2.0);
    assertThat(OptunaTruncnorm.ppf(0.5, 1, 1)).isNaN();
  }
}
