package org.minima4j.tune.nas;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Architecture search with a policy trained by REINFORCE (Williams 1992), after Zoph and Le,
 * "Neural Architecture Search with Reinforcement Learning", ICLR 2017, with a simple policy in
 * place of their RNN controller: one independent categorical distribution (softmax of logits)
 * per decision of the {@link SearchSpace} encoding. Each episode samples an architecture, scores
 * it, and moves the logits of the decisions that shaped it along
 * {@code lr * (reward - baseline) * grad log pi}, where the baseline is an exponential moving
 * average of past rewards (decay {@code baselineDecay}), as in Zoph and Le. Candidate k is
 * trained with seed {@code seed + k}.
 */
public final class ReinforceSearch {
  private final SearchSpace space;
  private final double learningRate;
  private final double baselineDecay;
  private final long seed;
  private final double[][] logits;

  public ReinforceSearch(SearchSpace space, double learningRate, double baselineDecay, long seed) {
    if (!(learningRate > 0)) {
      throw new IllegalArgumentException("learningRate must be positive, got " + learningRate);
    }
    if (!(baselineDecay >= 0 && baselineDecay < 1)) {
      throw new IllegalArgumentException("baselineDecay must be in [0, 1), got " + baselineDecay);
    }
    this.space = space;
    this.learningRate = learningRate;
    this.baselineDecay = baselineDecay;
    this.seed = seed;
    this.logits = new double[space.decisions()][];
    for (int d = 0; d < logits.length; d++) {
      logits[d] = new double[space.options(d)];
    }
  }

  /** The policy's current probabilities per decision. */
  public double[][] probabilities() {
    double[][] p = new double[logits.length][];
    for (int d = 0; d < p.length; d++) {
      p[d] = softmax(logits[d]);
    }
    return p;
  }

  private static double[] softmax(double[] z) {
    double m = Double.NEGATIVE_INFINITY;
    for (double v : z) {
      m = Math.max(m, v);
    }
    double[] p = new double[z.length];
    double s = 0;
    for (int i = 0; i < z.length; i++) {
      p[i] = Math.exp(z[i] - m);
      s += p[i];
    }
    for (int i = 0; i < z.length; i++) {
      p[i] /= s;
    }
    return p;
  }

  /** Runs {@code episodes} episodes, one evaluation each. */
  public NasResult search(ArchitectureEvaluator evaluator, int episodes) {
    if (episodes < 1) {
      throw new IllegalArgumentException("episodes must be at least 1, got " + episodes);
    }
    SplittableRandom rng = new SplittableRandom(seed);
    List<NasResult.Candidate> history = new ArrayList<>();
    double baseline = Double.NaN;
    for (int k = 0; k < episodes; k++) {
      int[] code = new int[space.decisions()];
      double[][] probs = probabilities();
      for (int d = 0; d < code.length; d++) {
        double u = rng.nextDouble();
        double acc = 0;
        code[d] = probs[d].length - 1;
        for (int i = 0; i < probs[d].length; i++) {
          acc += probs[d][i];
          if (u < acc) {
            code[d] = i;
            break;
          }
        }
      }
      Architecture arch = space.decode(code);
      double reward = evaluator.score(arch, seed + k);
      history.add(new NasResult.Candidate(k, arch, reward));
      if (!Double.isFinite(reward)) {
        continue; // a failed evaluation is recorded but does not move the policy
      }
      baseline = Double.isNaN(baseline) ? reward : baselineDecay * baseline + (1 - baselineDecay) * reward;
      double advantage = reward - baseline;
      int depth = arch.depth();
      for (int d = 0; d < code.length; d++) {
        boolean active = d == 0 || (d - 1) / 3 < depth;
        if (!active) {
          continue;
        }
        // d log softmax(z)_a / d z_i = [i == a] - p_i
        for (int i = 0; i < logits[d].length; i++) {
          logits[d][i] += learningRate * advantage * ((i == code[d] ? 1.0 : 0.0) - probs[d][i]);
        }
      }
    }
    return NasSearches.result(history);
  }
}
