package org.minima4j.optimize.global.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Smoke test of the benchmark runner on one seed and one dimension (the full protocol is the documented command). */
class GlobalBenchmarkTest {
  @Test
  void runsTheProtocolOnASubsetAndWritesBothTables() throws Exception {
    Path anchor = Path.of(GlobalBenchmarkTest.class.getResource("/reference/global_runs.json").toURI());
    String md = GlobalBenchmark.run(anchor, 2, 1, new int[] {2});
    assertThat(md).contains("| algorithm (Java) | anchor |");
    assertThat(md).contains("| cma (REPEAT restarts) | cma | ");
    assertThat(md).contains("| sphere | 2 |");
    assertThat(md).doesNotContain("| sphere | 5 |");
    // one seed, dimension 2: CMA-ES and PSO solve the 2-d sphere, as their anchors do
    assertThat(md).containsPattern("\\| sphere \\| 2 \\|.*\\| 1\\.0 / 1\\.0; [0-9.]+ / [0-9.]+ \\|\\n");
  }
}
