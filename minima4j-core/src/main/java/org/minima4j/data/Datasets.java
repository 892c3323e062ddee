package org.minima4j.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.minima4j.random.Permutations;

/** Splitting datasets: torch.utils.data.random_split and a train/validation split. */
public final class Datasets {
  private Datasets() {}

  /** Random disjoint subsets of the given lengths (which must add up to the dataset size). */
  public static List<Subset> randomSplit(Dataset dataset, int[] lengths, RandomGenerator rng) {
    int total = Arrays.stream(lengths).sum();
    if (total != dataset.size() || Arrays.stream(lengths).anyMatch(l -> l < 0)) {
      throw new IllegalArgumentException("Sum of input lengths " + Arrays.toString(lengths) + " does not equal the length of the input dataset ("
          + dataset.size() + ")");
    }
    int[] perm = permutation(dataset.size(), rng);
    List<Subset> out = new ArrayList<>();
    int at = 0;
    for (int l : lengths) {
      out.add(new Subset(dataset, Arrays.copyOfRange(perm, at, at + l)));
      at += l;
    }
    return out;
  }

  /**
   * A shuffled split into training and validation sets: {@code validationFraction} of the samples
   * (rounded down, at least one each) go to validation.
   */
  public static List<Subset> trainValidationSplit(Dataset dataset, double validationFraction, RandomGenerator rng) {
    if (!(validationFraction > 0 && validationFraction < 1)) {
      throw new IllegalArgumentException("validationFraction must be in (0, 1), got " + validationFraction);
    }
    int n = dataset.size();
    int nVal = (int) Math.floor(n * validationFraction);
    if (nVal < 1 || nVal >= n) {
      throw new IllegalArgumentException("a validation fraction of " + validationFraction + " leaves an empty split of "
          + n + " samples");
    }
    List<Subset> parts = randomSplit(dataset, new int[] {n - nVal, nVal}, rng);
    return parts;
  }

  /** A uniformly random permutation of 0..n-1 (Fisher-Yates). */
  public static int[] permutation(int n, RandomGenerator rng) {
    return Permutations.permutation(n, rng);
  }

}
