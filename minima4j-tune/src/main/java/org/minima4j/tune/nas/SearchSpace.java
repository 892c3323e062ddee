package org.minima4j.tune.nas;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The choices of an architecture search: depth, and per layer a width, an activation and a
 * normalization. An architecture is encoded as one index per decision: {@code [depth, (width,
 * activation, normalization) x maxDepth]} (layers beyond the depth are ignored), which both the
 * evolution (mutating one decision) and the policy (one categorical distribution per decision) use.
 */
public record SearchSpace(List<Integer> depths, List<Integer> widths, List<String> activations, List<String> normalizations) {
  public static final SearchSpace DEFAULT = new SearchSpace(List.of(1, 2, 3), List.of(4, 8, 16, 32, 64),
      List.of("relu", "tanh", "elu", "gelu"), List.of("none", "batch", "layer"));

  public SearchSpace {
    if (depths.isEmpty() || widths.isEmpty() || activations.isEmpty() || normalizations.isEmpty()) {
      throw new IllegalArgumentException("every choice list of a search space must be non-empty");
    }
    depths = List.copyOf(depths);
    widths = List.copyOf(widths);
    activations = List.copyOf(activations);
    normalizations = List.copyOf(normalizations);
  }

  public int maxDepth() {
    return depths.stream().mapToInt(Integer::intValue).max().orElseThrow();
  }

  /** Number of decisions in an encoding. */
  public int decisions() {
    return 1 + 3 * maxDepth();
  }

  /** Number of options of decision {@code d}. */
  public int options(int d) {
    if (d == 0) {
      return depths.size();
    }
    switch ((d - 1) % 3) {
      case 0: return widths.size();
      case 1: return activations.size();
      default: return normalizations.size();
    }
  }

  public Architecture decode(int[] code) {
    if (code.length != decisions()) {
      throw new IllegalArgumentException("an encoding has " + decisions() + " decisions, got " + code.length);
    }
    List<Architecture.Layer> layers = new ArrayList<>();
    for (int l = 0; l < depths.get(code[0]); l++) {
      layers.add(new Architecture.Layer(widths.get(code[1 + 3 * l]), activations.get(code[2 + 3 * l]),
          normalizations.get(code[3 + 3 * l])));
    }
    return new Architecture(layers);
  }

  /** A uniformly random encoding. */
  public int[] sample(RandomGenerator rng) {
    int[] code = new int[decisions()];
    for (int d = 0; d < code.length; d++) {
      code[d] = rng.nextInt(options(d));
    }
    return code;
  }

  /**
   * Real et al.'s mutation: one decision that matters for the decoded architecture (depth, or a
   * choice of an active layer) changes to a different option.
   */
  public int[] mutate(int[] parent, RandomGenerator rng) {
    int[] child = parent.clone();
    List<Integer> candidates = new ArrayList<>();
    for (int d = 0; d < child.length; d++) {
      boolean active = d == 0 || (d - 1) / 3 < depths.get(child[0]);
      if (active && options(d) > 1) {
        candidates.add(d);
      }
    }
    if (candidates.isEmpty()) {
      return child;
    }
    int d = candidates.get(rng.nextInt(candidates.size()));
    int shift = 1 + rng.nextInt(options(d) - 1);
    child[d] = (child[d] + shift) % options(d);
    return child;
  }
}
