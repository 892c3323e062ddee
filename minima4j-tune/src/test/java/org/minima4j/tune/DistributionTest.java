package org.minima4j.tune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DistributionTest {

  @Test
  void floatRejectsBadRanges() {
    assertThatThrownBy(() -> new FloatDistribution(2, 1, false, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("low=2.0, high=1.0");
    assertThatThrownBy(() -> new FloatDistribution(0, 1, true, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("larger than 0 for a log distribution");
    assertThatThrownBy(() -> new FloatDistribution(-1, 1, true, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new FloatDistribution(0, 1, true, 0.1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("`step` is not supported when `log`");
    assertThatThrownBy(() -> new FloatDistribution(0, 1, false, 0.3))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not divisible by `step` 0.3");
    assertThatThrownBy(() -> new FloatDistribution(0, 1, false, -0.1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-zero positive");
    assertThatThrownBy(() -> new FloatDistribution(Double.NaN, 1, false, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void intRejectsBadRanges() {
    assertThatThrownBy(() -> new IntDistribution(5, 1, false, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new IntDistribution(0, 10, true, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("greater than 1 for a log distribution");
    assertThatThrownBy(() -> new IntDistribution(1, 10, true, 2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("step is 1");
    assertThatThrownBy(() -> new IntDistribution(0, 10, false, 3))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not divisible by `step` 3");
    assertThatThrownBy(() -> new IntDistribution(0, 10, false, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void categoricalRejectsEmptyAndUnsupportedChoices() {
    assertThatThrownBy(() -> new CategoricalDistribution(List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CategoricalDistribution.of("a", new Object()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("None, bool, int, float and str");
    CategoricalDistribution c = CategoricalDistribution.of("a", null, 1, 2.5, true);
    assertThat(c.toInternal(null)).isEqualTo(1.0);
    assertThat(c.toInternal(2.5)).isEqualTo(3.0);
    assertThat(c.toExternal(4)).isEqualTo(true);
    assertThatThrownBy(() -> c.toInternal("zzz")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void containsHonoursStepsAndBounds() {
    FloatDistribution f = new FloatDistribution(0, 1, false, 0.25);
    assertThat(f.contains(0.5)).isTrue();
    assertThat(f.contains(0.6)).isFalse();
    assertThat(f.contains(1.25)).isFalse();
    IntDistribution i = new IntDistribution(1, 9, false, 2);
    assertThat(i.contains(3)).isTrue();
    assertThat(i.contains(4)).isFalse();
    assertThat(i.toExternal(3.0)).isEqualTo(3L);
    assertThat(new FloatDistribution(1, 1, false, null).single()).isTrue();
    assertThat(new IntDistribution(1, 2, false, 1).single()).isFalse();
  }
}
