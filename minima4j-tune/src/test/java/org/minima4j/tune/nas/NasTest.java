package org.minima4j.tune.nas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.minima4j.tensor.Tensor;

class NasTest {
  /** A cheap stand-in for training: best at depth 2, width 32, tanh, layer norm. */
  static final ArchitectureEvaluator TOY = (arch, seed) -> {
    double s = -Math.abs(arch.depth() - 2);
    for (Architecture.Layer l : arch.layers()) {
      s -= Math.abs(Math.log(l.width() / 32.0)) / 2;
      s -= l.activation().equals("tanh") ? 0 : 0.3;
      s -= l.normalization().equals("layer") ? 0 : 0.2;
    }
    return s;
  };

  @Test
  void regularizedEvolutionFindsTheToyOptimum() {
    NasResult r = new RegularizedEvolution(SearchSpace.DEFAULT, 20, 5, 1).search(TOY, 300);
    assertThat(r.history()).hasSize(300);
    assertThat(r.best().score()).isEqualTo(0.0);
    assertThat(r.best().architecture().toString()).isEqualTo("32 tanh+layernorm -> 32 tanh+layernorm");
    assertThat(r.bestSoFar()[299]).isEqualTo(0.0);
    // better than the same number of random samples
    NasResult random = new RegularizedEvolution(SearchSpace.DEFAULT, 300, 1, 1).search(TOY, 300);
    assertThat(r.best().score()).isGreaterThanOrEqualTo(random.best().score());
  }

  @Test
  void reinforceConcentratesThePolicyOnGoodChoices() {
    ReinforceSearch rs = new ReinforceSearch(SearchSpace.DEFAULT, 0.5, 0.9, 3);
    NasResult r = rs.search(TOY, 400);
    double[][] p = rs.probabilities();
    // decision 0 is the depth (index 1 = depth 2); decision 2 is layer 1's activation (index 1 = tanh)
    assertThat(p[0][1]).isGreaterThan(0.5);
    assertThat(p[2][1]).isGreaterThan(0.5);
    double firstHalf = r.history().subList(0, 50).stream().mapToDouble(NasResult.Candidate::score).average().orElseThrow();
    double lastHalf = r.history().subList(350, 400).stream().mapToDouble(NasResult.Candidate::score).average().orElseThrow();
    assertThat(lastHalf).isGreaterThan(firstHalf);
  }

  @Test
  void searchesAreDeterministicPerSeed() {
    NasResult a = new RegularizedEvolution(SearchSpace.DEFAULT, 10, 3, 5).search(TOY, 40);
    NasResult b = new RegularizedEvolution(SearchSpace.DEFAULT, 10, 3, 5).search(TOY, 40);
    NasResult c = new RegularizedEvolution(SearchSpace.DEFAULT, 10, 3, 6).search(TOY, 40);
    assertThat(a.history()).isEqualTo(b.history());
    assertThat(a.history()).isNotEqualTo(c.history());
    assertThat(new ReinforceSearch(SearchSpace.DEFAULT, 0.1, 0.9, 2).search(TOY, 20).history())
        .isEqualTo(new ReinforceSearch(SearchSpace.DEFAULT, 0.1, 0.9, 2).search(TOY, 20).history());
  }

  @Test
  void failedEvaluationsAreRecordedButNeverBest() {
    ArchitectureEvaluator flaky = (arch, seed) -> seed % 3 == 0 ? Double.NaN : TOY.score(arch, seed);
    NasResult r = new RegularizedEvolution(SearchSpace.DEFAULT, 10, 3, 1).search(flaky, 60);
    assertThat(r.best().score()).isNotNaN();
    NasResult q = new ReinforceSearch(SearchSpace.DEFAULT, 0.1, 0.9, 1).search(flaky, 30);
    assertThat(q.best().score()).isNotNaN();
  }

  @Test
  void architecturesBuildWorkingNetworks() {
    SearchSpace space = SearchSpace.DEFAULT;
    SplittableRandom rng = new SplittableRandom(4);
    for (int i = 0; i < 20; i++) {
      Architecture a = space.decode(space.sample(rng));
      Tensor y = a.build(4, 3, rng).forward(Tensor.randn(rng, 5, 4));
      assertThat(y.shape()).containsExactly(5, 3);
    }
    int[] code = space.sample(rng);
    int[] child = space.mutate(code, rng);
    int diff = 0;
    for (int d = 0; d < code.length; d++) {
      diff += code[d] != child[d] ? 1 : 0;
    }
    assertThat(diff).isEqualTo(1);
  }

  @Test
  void badArguments() {
    assertThatThrownBy(() -> new RegularizedEvolution(SearchSpace.DEFAULT, 1, 1, 0)).hasMessageContaining("populationSize");
    assertThatThrownBy(() -> new RegularizedEvolution(SearchSpace.DEFAULT, 10, 11, 0)).hasMessageContaining("sampleSize");
    assertThatThrownBy(() -> new RegularizedEvolution(SearchSpace.DEFAULT, 10, 3, 0).search(TOY, 5)).hasMessageContaining("cycles");
    assertThatThrownBy(() -> new ReinforceSearch(SearchSpace.DEFAULT, -1, 0.9, 0)).hasMessageContaining("learningRate");
    assertThatThrownBy(() -> new Architecture.Layer(8, "swish", "none")).hasMessageContaining("unknown activation swish");
    assertThatThrownBy(() -> new SearchSpace(List.of(), List.of(1), List.of("relu"), List.of("none"))).hasMessageContaining("non-empty");
  }
}
