package org.minima4j.optimize.global;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.minima4j.optimize.Objective;
import org.minima4j.optimize.global.internal.State;

/**
 * An objective that replays an anchor's recorded calls ({@code "calls": [x, f]}): each point asked for
 * must be the anchor's next one (within {@code max(atol, rtol |x|)}), and the anchor's value is returned,
 * so libm differences in the objective cannot flip a comparison.
 */
final class RecordedObjective implements Objective {
  final List<List<Object>> calls;
  final double atol;
  final double rtol;
  final String label;
  int k;
  double maxDiff;

  @SuppressWarnings("unchecked")
  RecordedObjective(Map<String, Object> r, double atol, double rtol) {
    this.calls = (List<List<Object>>) r.get("calls");
    this.atol = atol;
    this.rtol = rtol;
    this.label = r.get("algorithm") + (r.containsKey("function")
        ? " " + r.get("function") + " d=" + r.get("dim") + " seed=" + r.get("seed") : "");
  }

  @Override
  public double value(double[] x) {
    assertThat(k).as("%s: more objective calls than the anchor", label).isLessThan(calls.size());
    double[] want = State.toDoubleArray(calls.get(k).get(0));
    assertThat(x).hasSameSizeAs(want);
    for (int i = 0; i < x.length; i++) {
      maxDiff = Math.max(maxDiff, Math.abs(x[i] - want[i]));
      assertThat(x[i]).as("%s: call %d coordinate %d", label, k, i)
          .isCloseTo(want[i], within(Math.max(atol, rtol * Math.abs(want[i]))));
    }
    return State.toDouble(calls.get(k++).get(1));
  }

  void assertAllReplayed() {
    assertThat(k).as("%s: calls replayed", label).isEqualTo(calls.size());
  }
}
