package org.minima4j.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Draws of numpy 1.24.2's {@code RandomState(seed)} (reference/numpy_random_state.json, made by
 * reference/generators/numpy_random_state_ref.py): every value must be equal bit for bit.
 */
class NumpyRandomStateTest {
  private static JsonNode cases;

  @BeforeAll
  static void load() throws IOException {
    try (InputStream in = NumpyRandomStateTest.class.getResourceAsStream("/reference/numpy_random_state.json")) {
      cases = new ObjectMapper().readTree(in).get("cases");
    }
  }

  private static int checked(String kind, CaseCheck check) {
    int n = 0;
    for (JsonNode c : cases) {
      if (c.get("kind").asText().equals(kind)) {
        check.run(c, new NumpyRandomState(c.get("seed").asLong()));
        n++;
      }
    }
    assertThat(n).as("fixture cases of kind %s", kind).isPositive();
    return n;
  }

  private interface CaseCheck {
    void run(JsonNode c, NumpyRandomState r);
  }

  @Test
  void rawWordsMatch() {
    checked("uint32", (c, r) -> {
      for (JsonNode v : c.get("values")) {
        assertThat(r.nextInt() & 0xFFFFFFFFL).isEqualTo(v.asLong());
      }
    });
  }

  @Test
  void randomSampleAndUniformMatch() {
    checked("random_sample", (c, r) -> {
      for (JsonNode v : c.get("values")) {
        assertThat(r.nextDouble()).isEqualTo(v.asDouble());
      }
    });
    checked("uniform", (c, r) -> {
      for (JsonNode v : c.get("values")) {
        assertThat(r.nextDouble(c.get("low").asDouble(), c.get("high").asDouble())).isEqualTo(v.asDouble());
      }
    });
  }

  /**
   * The polar method takes a logarithm, and Java's differs from the C library's in the last bit for
   * some arguments: the draws must agree within 2 ulps and at least 99.9% of them bit for bit.
   */
  @Test
  void gaussiansMatch() {
    int[] counts = new int[2];
    checked("randn", (c, r) -> {
      int i = 0;
      for (JsonNode v : c.get("values")) {
        double want = v.asDouble();
        double got = r.nextGaussian();
        assertThat(Math.abs(got - want)).as("seed %s draw %d", c.get("seed"), i++).isLessThanOrEqualTo(2 * Math.ulp(want));
        counts[0]++;
        if (got == want) {
          counts[1]++;
        }
      }
    });
    assertThat((double) counts[1] / counts[0]).as("bit-identical Gaussians (19997 of 20004 with the HotSpot x86-64 log)").isGreaterThanOrEqualTo(0.999);
  }

  @Test
  void boundedIntegersMatch() {
    checked("randint", (c, r) -> {
      int bound = c.get("bound").asInt();
      for (JsonNode v : c.get("values")) {
        assertThat(r.nextInt(bound)).as("bound %d", bound).isEqualTo(v.asInt());
      }
    });
    checked("randint64", (c, r) -> {
      long bound = c.get("bound").asLong();
      for (JsonNode v : c.get("values")) {
        assertThat(r.nextLong(bound)).isEqualTo(v.asLong());
      }
    });
  }

  @Test
  void permutationShuffleAndChoiceMatch() {
    checked("permutation", (c, r) -> {
      int[] p = r.permutation(c.get("n").asInt());
      for (int i = 0; i < p.length; i++) {
        assertThat(p[i]).isEqualTo(c.get("values").get(i).asInt());
      }
    });
    checked("shuffle_then_uniform", (c, r) -> {
      int n = c.get("n").asInt();
      int[] p = r.permutation(n);
      for (int i = 0; i < n; i++) {
        assertThat(p[i]).isEqualTo(c.get("values").get(i).asInt());
      }
      assertThat(r.nextDouble()).isEqualTo(c.get("values").get(n).asDouble());
    });
    checked("choice_p", (c, r) -> {
      double[] p = new double[c.get("p").size()];
      for (int i = 0; i < p.length; i++) {
        p[i] = c.get("p").get(i).asDouble();
      }
      for (JsonNode v : c.get("values")) {
        assertThat(r.choice(p)).isEqualTo(v.asInt());
      }
    });
  }

  @Test
  void bulkRandomSampleMatchesTheFixture() {
    checked("random_sample", (c, r) -> {
      double[] got = new double[c.get("values").size() + 2];
      r.nextDoubles(got, 1, got.length - 2);
      for (int i = 0; i < got.length - 2; i++) {
        assertThat(got[i + 1]).isEqualTo(c.get("values").get(i).asDouble());
      }
      assertThat(got[0]).isZero();
      assertThat(got[got.length - 1]).isZero();
    });
    checked("uniform", (c, r) -> {
      double[] got = new double[c.get("values").size()];
      r.nextDoubles(got, 0, got.length, c.get("low").asDouble(), c.get("high").asDouble());
      for (int i = 0; i < got.length; i++) {
        assertThat(got[i]).isEqualTo(c.get("values").get(i).asDouble());
      }
    });
  }

  /**
   * Bulk draws give the single calls' stream and state: every start position in the block (odd ones
   * after a 32-bit draw, so that a pair straddles the twist), lengths across one and several twists,
   * mixed with Gaussians whose cached value the bulk draws leave alone.
   */
  @Test
  void bulkDrawsEqualSingleCalls() {
    int[] lengths = {0, 1, 2, 311, 312, 313, 623, 624, 625, 1000, 2500};
    for (int skip : new int[] {0, 1, 2, 3, 621, 622, 623, 624, 625, 1247, 1248}) {
      for (int len : lengths) {
        NumpyRandomState a = new NumpyRandomState(12345);
        NumpyRandomState b = new NumpyRandomState(12345);
        for (int k = 0; k < skip; k++) {
          a.nextInt();
          b.nextInt();
        }
        double[] bulk = new double[len + 3];
        a.nextDoubles(bulk, 3, len);
        for (int k = 0; k < len; k++) {
          assertThat(bulk[3 + k]).as("skip %d length %d draw %d", skip, len, k).isEqualTo(b.nextDouble());
        }
        assertThat(a.state()).as("skip %d length %d", skip, len).isEqualTo(b.state());
        assertThat(a.nextInt()).isEqualTo(b.nextInt());
        assertThat(a.nextDouble()).isEqualTo(b.nextDouble());
      }
    }
    NumpyRandomState a = new NumpyRandomState(7);
    NumpyRandomState b = new NumpyRandomState(7);
    double[] buf = new double[977];
    for (int round = 0; round < 20; round++) {
      assertThat(a.nextGaussian()).isEqualTo(b.nextGaussian());
      if (!a.state().hasGauss()) {
        assertThat(a.nextGaussian()).isEqualTo(b.nextGaussian()); // a new pair: one is cached
      }
      a.nextDoubles(buf, 0, buf.length - round, -2.5, 4.0);
      for (int k = 0; k < buf.length - round; k++) {
        assertThat(buf[k]).isEqualTo(b.nextDouble(-2.5, 4.0));
      }
      assertThat(a.state()).isEqualTo(b.state());
      assertThat(a.state().hasGauss()).isTrue();
      assertThat(a.nextGaussian()).isEqualTo(b.nextGaussian()); // the cached one
      assertThat(a.nextGaussian()).isEqualTo(b.nextGaussian());
      if (round % 3 == 0) {
        assertThat(a.nextInt(1000)).isEqualTo(b.nextInt(1000));
      }
      NumpyRandomState c = NumpyRandomState.fromState(a.state());
      c.nextDoubles(buf, 0, 5);
      NumpyRandomState d = NumpyRandomState.fromState(b.state());
      for (int k = 0; k < 5; k++) {
        assertThat(buf[k]).isEqualTo(d.nextDouble());
      }
      assertThat(c.state()).isEqualTo(d.state());
    }
  }

  @Test
  void bulkDrawsCheckTheirRange() {
    NumpyRandomState r = new NumpyRandomState(0);
    assertThatThrownBy(() -> r.nextDoubles(new double[4], 2, 3)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> r.nextDoubles(new double[4], -1, 1)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThat(r.state()).isEqualTo(new NumpyRandomState(0).state());
  }

  @Test
  void stateKeepsTheCachedGaussian() {
    checked("state_after_one_randn", (c, r) -> {
      r.nextGaussian();
      NumpyRandomState.State s = r.state();
      assertThat(s.pos()).isEqualTo(c.get("pos").asInt());
      assertThat(s.hasGauss()).isEqualTo(c.get("has_gauss").asInt() == 1);
      assertThat(s.gauss()).isEqualTo(c.get("cached").asDouble());
      for (int i = 0; i < 4; i++) {
        assertThat(s.key()[i] & 0xFFFFFFFFL).isEqualTo(c.get("values").get(i).asLong());
      }
      NumpyRandomState copy = NumpyRandomState.fromState(s);
      JsonNode next = c.get("next");
      assertThat(copy.nextGaussian()).isEqualTo(next.get(0).asDouble());
      assertThat(copy.nextGaussian()).isEqualTo(next.get(1).asDouble());
      assertThat(copy.nextDouble()).isEqualTo(next.get(2).asDouble());
    });
  }

  @Test
  void badInputIsRefused() {
    assertThatThrownBy(() -> new NumpyRandomState(-1)).hasMessageContaining("between 0 and 2**32 - 1").hasMessageContaining("-1");
    assertThatThrownBy(() -> new NumpyRandomState(1L << 32)).hasMessageContaining("4294967296");
    NumpyRandomState r = new NumpyRandomState(0);
    assertThatThrownBy(() -> r.nextInt(0)).hasMessageContaining("bound must be positive, got 0");
    assertThatThrownBy(() -> r.nextInt(3, 3)).hasMessageContaining("origin 3");
    assertThatThrownBy(() -> r.choice(new double[] {0.5, Double.NaN})).hasMessageContaining("p[1] = NaN");
    assertThatThrownBy(() -> NumpyRandomState.fromState(new NumpyRandomState.State(new int[3], 0, false, 0)))
        .hasMessageContaining("624 words, got 3");
  }
}
