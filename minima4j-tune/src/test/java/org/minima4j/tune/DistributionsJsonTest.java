package org.minima4j.tune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DistributionsJsonTest {

  @Test
  void readsOptunasJson() {
    // strings as printed by optuna.distributions.distribution_to_json (Optuna 3.1.0)
    assertThat(Distributions.fromJson("{\"name\": \"FloatDistribution\", \"attributes\": {\"step\": null, "
        + "\"low\": 0.001, \"high\": 1.0, \"log\": true}}")).isEqualTo(new FloatDistribution(0.001, 1.0, true, null));
    assertThat(Distributions.fromJson("{\"name\": \"FloatDistribution\", \"attributes\": {\"step\": 0.25, "
        + "\"low\": 0.0, \"high\": 1.0, \"log\": false}}")).isEqualTo(new FloatDistribution(0, 1, false, 0.25));
    assertThat(Distributions.fromJson("{\"name\": \"IntDistribution\", \"attributes\": {\"log\": false, "
        + "\"step\": 2, \"low\": 0, \"high\": 10}}")).isEqualTo(new IntDistribution(0, 10, false, 2));
    assertThat(Distributions.fromJson("{\"name\": \"CategoricalDistribution\", \"attributes\": {\"choices\": "
        + "[\"a\", null, 1, 2.5, true]}}")).isEqualTo(CategoricalDistribution.of("a", null, 1, 2.5, true));
    assertThat(Distributions.fromJson("{\"name\": \"UniformDistribution\", \"attributes\": {\"low\": 0.0, "
        + "\"high\": 1.0}}")).isEqualTo(FloatDistribution.of(0, 1));
    assertThat(Distributions.fromJson("{\"name\": \"IntLogUniformDistribution\", \"attributes\": {\"low\": 1, "
        + "\"high\": 8}}")).isEqualTo(new IntDistribution(1, 8, true, 1));
    assertThatThrownBy(() -> Distributions.fromJson("{\"name\": \"Nope\", \"attributes\": {}}"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Unknown distribution class");
    assertThatThrownBy(() -> Distributions.fromJson("[1, 2")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void roundTrips() {
    for (Distribution d : List.of(FloatDistribution.of(-5, 10), new FloatDistribution(1e-3, 1e2, true, null),
        new FloatDistribution(0, 1, false, 0.125), IntDistribution.of(-5, 5), new IntDistribution(1, 1000, true, 1),
        CategoricalDistribution.of("x", null, 3, 5_000_000_000L, 0.5, false))) {
      assertThat(Distributions.fromJson(Distributions.toJson(d))).isEqualTo(d);
    }
    assertThat(Distributions.toJson(new FloatDistribution(0, 1, false, null)))
        .isEqualTo("{\"name\":\"FloatDistribution\",\"attributes\":{\"step\":null,\"low\":0.0,\"high\":1.0,"
            + "\"log\":false}}");
  }
}
