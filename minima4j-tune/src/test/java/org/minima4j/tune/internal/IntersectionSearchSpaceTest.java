package org.minima4j.tune.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.minima4j.tune.Studies;
import org.minima4j.tune.Study;
import org.minima4j.tune.StudyOptions;
import org.minima4j.tune.samplers.RandomSampler;

/** Optuna's order and caching rules of {@link IntersectionSearchSpace}. */
class IntersectionSearchSpaceTest {

  private static Study study() {
    return Studies.create(StudyOptions.DEFAULTS.withSampler(new RandomSampler(0)));
  }

  @Test
  void keepsTheSuggestOrderOfTheLatestFinishedTrialAndDropsParametersNotShared() {
    Study s = study();
    IntersectionSearchSpace space = new IntersectionSearchSpace(false);
    assertThat(space.calculate(s)).isEmpty();
    s.optimize(t -> t.suggestFloat("z", 0, 1) + t.suggestFloat("a", 0, 1) + t.suggestInt("m", 0, 3), 2);
    assertThat(space.calculate(s).keySet()).containsExactly("z", "a", "m"); // not sorted by name
    s.optimize(t -> t.suggestFloat("a", 0, 1) + t.suggestInt("m", 0, 3), 1);
    assertThat(space.calculate(s).keySet()).containsExactly("a", "m");
    s.optimize(t -> t.suggestFloat("a", 0, 2) + t.suggestInt("m", 0, 3), 1); // another distribution for a
    assertThat(space.calculate(s).keySet()).containsExactly("m");
  }

  @Test
  void servesOneStudyOnly() {
    IntersectionSearchSpace space = new IntersectionSearchSpace(true);
    space.calculate(study());
    Study other = study();
    assertThatThrownBy(() -> space.calculate(other)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("multiple studies");
  }
}
