package org.minima4j.tune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The parameter maps of {@link FrozenTrial} copies: order, lookups (small and indexed tables), immutability. */
class FrozenTrialParamsTest {

  private static FrozenTrial empty() {
    return new FrozenTrial(0, 0, TrialState.RUNNING, null, null, null, Map.of(), Map.of(), Map.of(), Map.of(),
        Map.of());
  }

  @Test
  void copiesKeepSuggestionOrderAndAgreeWithHashMapsForManyParameters() {
    FrozenTrial t = empty();
    Map<String, Double> want = new LinkedHashMap<>();
    Map<String, Object> wantExternal = new LinkedHashMap<>();
    List<FrozenTrial> history = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String name = "p" + (39 - i);
      IntDistribution d = new IntDistribution(0, 100, false, 1);
      t = t.withParam(name, i, d);
      want.put(name, (double) i);
      wantExternal.put(name, (long) i);
      history.add(t);
      assertThat(t.internalParams()).isEqualTo(want);
      assertThat(t.params()).isEqualTo(wantExternal);
      assertThat(new ArrayList<>(t.distributions().keySet())).containsExactlyElementsOf(want.keySet());
    }
    // lookups by an equal, not identical, name; absent names
    assertThat(t.internalParams().get(new String("p7"))).isEqualTo(32.0);
    assertThat(t.internalParams().get("nope")).isNull();
    assertThat(t.internalParams().containsKey(null)).isFalse();
    assertThat(history.get(4).internalParams()).hasSize(5).doesNotContainKey("p34");
    // re-setting a name keeps its place
    FrozenTrial again = t.withParam("p39", 99, new IntDistribution(0, 100, false, 1));
    assertThat(again.internalParams().keySet().iterator().next()).isEqualTo("p39");
    assertThat(again.internalParams().get("p39")).isEqualTo(99.0);
    assertThat(t.internalParams().get("p39")).isEqualTo(0.0);
    assertThat(again.internalParams()).hasSize(40);
  }

  @Test
  void mapsAreUnmodifiableAndValuesAreChecked() {
    FrozenTrial t = empty().withParam("x", 0.5, FloatDistribution.of(0, 1));
    assertThatThrownBy(() -> t.internalParams().put("y", 1.0)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> t.params().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> t.distributions().entrySet().iterator().remove())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> t.withParam("y", 2.0, FloatDistribution.of(0, 1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not in the distribution");
    FrozenTrial done = t.withState(TrialState.COMPLETE, List.of(1.0), null, null).withUserAttr("a", 1);
    assertThat(done.params()).isEqualTo(Map.of("x", 0.5));
    assertThat(done.userAttrs()).isEqualTo(Map.of("a", 1));
    assertThat(t.userAttrs()).isEmpty();
  }
}
