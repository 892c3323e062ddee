package org.minima4j.optimize.global.cmaes;

/**
 * The strategy constants of CMA-ES for dimension n and population size lambda, after Hansen,
 * "The CMA Evolution Strategy: A Tutorial" (arXiv:1604.00772), equations 48-56 and p. 28, with
 * exactly the constants of CyberAgentAILab/cmaes 0.9.1 ({@code cmaes/_cma.py}, {@code CMA.__init__}):
 * active (negative) recombination weights, {@code alpha_cov = 2}, the {@code 1e-8} guard in
 * {@code c_mu}, and {@code c_m = 1}.
 */
public final class CmaParameters {
  /** Dimension. */
  public final int n;
  /** Population size lambda. */
  public final int lambda;
  /** Number of parents mu = lambda / 2 (floor). */
  public final int mu;
  /** Variance-effective selection mass of the positive weights. */
  public final double muEff;
  /** The same for the negative weights. */
  public final double muEffMinus;
  /** Recombination weights: positive ones sum to 1, negative ones scaled by min_alpha (eq. 53). */
  private final double[] weights;
  /** Sum of all weights, left to right. */
  private final double weightSum;
  /** Learning rate of the rank-one update. */
  public final double c1;
  /** Learning rate of the rank-mu update. */
  public final double cmu;
  /** Cumulation constant of the step-size path. */
  public final double cSigma;
  /** Damping of the step-size update. */
  public final double dSigma;
  /** Cumulation constant of the rank-one path. */
  public final double cc;
  /** Learning rate of the mean. */
  public final double cm;
  /** E||N(0, I)||. */
  public final double chiN;

  private CmaParameters(int n, int lambda) {
    this.n = n;
    this.lambda = lambda;
    this.mu = lambda / 2;
    double[] wPrime = new double[lambda];
    for (int i = 0; i < lambda; i++) {
      wPrime[i] = Math.log((lambda + 1) / 2.0) - Math.log(i + 1);
    }
    double sp = 0;
    double sp2 = 0;
    for (int i = 0; i < mu; i++) {
      sp += wPrime[i];
      sp2 += wPrime[i] * wPrime[i];
    }
    this.muEff = sp * sp / sp2;
    double sm = 0;
    double sm2 = 0;
    for (int i = mu; i < lambda; i++) {
      sm += wPrime[i];
      sm2 += wPrime[i] * wPrime[i];
    }
    this.muEffMinus = sm2 == 0 ? 0.0 : sm * sm / sm2;

    double alphaCov = 2;
    this.c1 = alphaCov / ((n + 1.3) * (n + 1.3) + muEff);
    this.cmu = Math.min(1 - c1 - 1e-8,
        alphaCov * (muEff - 2 + 1 / muEff) / ((n + 2.0) * (n + 2.0) + alphaCov * muEff / 2));
    if (!(c1 <= 1 - cmu) || !(cmu <= 1 - c1)) {
      throw new IllegalArgumentException("invalid learning rates c1 = " + c1 + ", cmu = " + cmu);
    }
    double minAlpha = Math.min(1 + c1 / cmu,
        Math.min(1 + (2 * muEffMinus) / (muEff + 2), (1 - c1 - cmu) / (n * cmu)));
    double positiveSum = 0;
    double negativeSum = 0;
    for (double w : wPrime) {
      if (w > 0) {
        positiveSum += w;
      } else if (w < 0) {
        negativeSum += Math.abs(w);
      }
    }
    this.weights = new double[lambda];
    for (int i = 0; i < lambda; i++) {
      weights[i] = wPrime[i] >= 0 ? 1 / positiveSum * wPrime[i] : minAlpha / negativeSum * wPrime[i];
    }
    double ws = 0;
    for (double w : weights) {
      ws += w;
    }
    this.weightSum = ws;
    this.cm = 1;
    this.cSigma = (muEff + 2) / (n + muEff + 5);
    this.dSigma = 1 + 2 * Math.max(0, Math.sqrt((muEff - 1) / (n + 1)) - 1) + cSigma;
    if (!(cSigma < 1)) {
      throw new IllegalArgumentException("invalid learning rate for cumulation for the step-size control");
    }
    this.cc = (4 + muEff / n) / (n + 4 + 2 * muEff / n);
    if (!(cc <= 1)) {
      throw new IllegalArgumentException("invalid learning rate for cumulation for the rank-one update");
    }
    this.chiN = Math.sqrt(n) * (1.0 - (1.0 / (4.0 * n)) + 1.0 / (21.0 * ((double) n * n)));
  }

  /** The default population size 4 + floor(3 ln n) (eq. 48). */
  public static int defaultPopulationSize(int n) {
    return 4 + (int) Math.floor(3 * Math.log(n));
  }

  /**
   * Constants for dimension {@code n} and population size {@code lambda}.
   *
   * @throws IllegalArgumentException if n < 1 or lambda < 2 (mu must be at least 1)
   */
  public static CmaParameters of(int n, int lambda) {
    if (n < 1) {
      throw new IllegalArgumentException("The dimension must be >= 1, got " + n);
    }
    if (lambda < 2) {
      throw new IllegalArgumentException("popsize must be >= 2 (mu = popsize // 2 must be >= 1), got " + lambda);
    }
    return new CmaParameters(n, lambda);
  }

  /** The recombination weights w_1..w_lambda (a copy). */
  public double[] weights() {
    return weights.clone();
  }

  /** The weights themselves, not a copy: for {@link CMA}'s update, which only reads them. */
  double[] weightArray() {
    return weights;
  }

  /** Sum of all weights (positive and negative). */
  public double weightSum() {
    return weightSum;
  }

  /**
   * Generations between eigen-decompositions (lazy update, tutorial appendix B.2 and pycma):
   * {@code max(1, floor(1 / (10 n (c1 + c_mu))))}; 1 for every n up to a few hundred.
   */
  public int eigenGap() {
    return (int) Math.max(1, Math.floor(1.0 / (10.0 * n * (c1 + cmu))));
  }
}
