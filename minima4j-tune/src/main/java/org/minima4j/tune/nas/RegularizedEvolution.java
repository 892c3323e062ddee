package org.minima4j.tune.nas;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Regularized (aging) evolution, Real et al., "Regularized Evolution for Image Classifier
 * Architecture Search", AAAI 2019, Algorithm 1: a population of {@code populationSize} random
 * architectures; then, repeatedly, a tournament of {@code sampleSize} members drawn with
 * replacement picks the best as parent, its mutation (one decision changed) is evaluated and
 * joins the population, and the oldest member dies. Candidate k is trained with seed
 * {@code seed + k}; the search is deterministic for a seed.
 */
public final class RegularizedEvolution {
  private final SearchSpace space;
  private final int populationSize;
  private final int sampleSize;
  private final long seed;

  public RegularizedEvolution(SearchSpace space, int populationSize, int sampleSize, long seed) {
    if (populationSize < 2) {
      throw new IllegalArgumentException("populationSize must be at least 2, got " + populationSize);
    }
    if (sampleSize < 1 || sampleSize > populationSize) {
      throw new IllegalArgumentException("sampleSize must be in [1, populationSize], got " + sampleSize);
    }
    this.space = space;
    this.populationSize = populationSize;
    this.sampleSize = sampleSize;
    this.seed = seed;
  }

  private record Member(int[] code, NasResult.Candidate candidate) {}

  /** A candidate's score for selection: NaN (a failed evaluation) ranks below everything. */
  private static double rank(Member m) {
    double s = m.candidate().score();
    return Double.isNaN(s) ? Double.NEGATIVE_INFINITY : s;
  }

  /** Evaluates {@code cycles} architectures in total (the initial population included). */
  public NasResult search(ArchitectureEvaluator evaluator, int cycles) {
    if (cycles < populationSize) {
      throw new IllegalArgumentException("cycles (" + cycles + ") must be at least the population size (" + populationSize + ")");
    }
    SplittableRandom rng = new SplittableRandom(seed);
    ArrayDeque<Member> population = new ArrayDeque<>();
    List<NasResult.Candidate> history = new ArrayList<>();
    while (history.size() < cycles) {
      int[] code;
      if (population.size() < populationSize && history.size() < populationSize) {
        code = space.sample(rng);
      } else {
        List<Member> members = new ArrayList<>(population);
        Member parent = null;
        for (int s = 0; s < sampleSize; s++) {
          Member m = members.get(rng.nextInt(members.size()));
          if (parent == null || rank(m) > rank(parent)) {
            parent = m;
          }
        }
        code = space.mutate(parent.code(), rng);
      }
      Architecture arch = space.decode(code);
      int k = history.size();
      NasResult.Candidate c = new NasResult.Candidate(k, arch, evaluator.score(arch, seed + k));
      history.add(c);
      population.addLast(new Member(code, c));
      if (population.size() > populationSize) {
        population.removeFirst();
      }
    }
    return NasSearches.result(history);
  }
}
