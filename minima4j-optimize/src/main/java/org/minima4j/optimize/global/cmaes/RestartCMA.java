package org.minima4j.optimize.global.cmaes;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.minima4j.logging.LazyLogger;
import org.minima4j.optimize.Bounds;
import org.minima4j.optimize.global.GlobalOptimizer;
import org.minima4j.optimize.global.SeededRandom;
import org.minima4j.optimize.global.internal.State;
import org.minima4j.random.NumpyRandomState;

/**
 * CMA-ES with restarts: whenever the running {@link CMA} reports {@code shouldStop()}, a new one
 * is started, until {@code maxRestarts} restarts have been made.
 *
 * <ul>
 *   <li>{@link Strategy#REPEAT}: identical settings each time (the protocol of the global.json reference runs).</li>
 *   <li>{@link Strategy#IPOP}: the population size is multiplied by {@code incPopSize} at each restart
 *       (Auger and Hansen 2005; pycma {@code fmin2(restarts, incpopsize=2)}; the cmaes README loop).</li>
 *   <li>{@link Strategy#BIPOP}: Hansen 2009 ("Benchmarking a BI-population CMA-ES on the BBOB-2009 function
 *       testbed"): after the first run, a large-population regime (popsize doubled each time it runs, sigma0)
 *       alternates with a small-population regime ({@code floor(lambda_def (lambda_large / (2 lambda_def))^(U^2))},
 *       sigma0 {@code 10^(-2U)}), the small one running whenever it has used fewer evaluations than the large one.</li>
 * </ul>
 * Each inner run starts from {@code x0}, or from a uniform point in the bounds when
 * {@code randomRestartMean} is set (the cmaes README's IPOP example).
 *
 * <p>Seeding. Built from a seed s ({@link #RestartCMA(double[], double, Options)}), run r = 0, 1, ...
 * is a {@link CMA} seeded with {@code s + 1000 r} (modulo 2^32), that is NumPy's
 * {@code RandomState(s + 1000 r)} as cmaes 0.9.1's {@code CMA(seed=s + 1000 r)}: the protocol of the
 * global.json reference runs ({@code global_ref.py}), which this replays. This optimizer's own
 * generator, which draws only BIPOP's regime and the random restart means, is then {@code SeededRandom(s)}
 * (xoshiro), a stream apart from every inner run's (a {@code RandomState(s)} would repeat run 0's). Built
 * from an explicit generator, each inner run is seeded with a {@link SeededRandom} from that
 * generator's {@code nextLong()}.
 */
public final class RestartCMA extends GlobalOptimizer {

  /** How restarts choose the population size and step size. */
  public enum Strategy { REPEAT, IPOP, BIPOP }

  /**
   * @param strategy restart strategy
   * @param maxRestarts restarts after the first run (pycma's {@code restarts}); {@code Integer.MAX_VALUE} for no limit
   * @param incPopSize IPOP's population factor (pycma's {@code incpopsize}, 2)
   * @param randomRestartMean restart from a uniform point in the bounds instead of x0 (needs bounds)
   * @param cma options of each inner run (population size of the first run, bounds, seed of this optimizer)
   */
  public record Options(Strategy strategy, int maxRestarts, double incPopSize, boolean randomRestartMean,
      CMA.Options cma) {
    public static final Options DEFAULTS = new Options(Strategy.IPOP, 9, 2.0, false, CMA.Options.DEFAULTS);

    public Options {
      if (strategy == null) {
        throw new IllegalArgumentException("strategy must not be null");
      }
      if (maxRestarts < 0) {
        throw new IllegalArgumentException("maxRestarts must be >= 0, got " + maxRestarts);
      }
      if (!(incPopSize >= 1)) {
        throw new IllegalArgumentException("incpopsize must be >= 1, got " + incPopSize);
      }
      if (cma == null) {
        throw new IllegalArgumentException("cma options must not be null");
      }
      if (randomRestartMean && cma.bounds() == null) {
        throw new IllegalArgumentException("randomRestartMean needs bounds");
      }
    }

    public Options withStrategy(Strategy v) {
      return new Options(v, maxRestarts, incPopSize, randomRestartMean, cma);
    }

    public Options withMaxRestarts(int v) {
      return new Options(strategy, v, incPopSize, randomRestartMean, cma);
    }

    public Options withIncPopSize(double v) {
      return new Options(strategy, maxRestarts, v, randomRestartMean, cma);
    }

    public Options withRandomRestartMean(boolean v) {
      return new Options(strategy, maxRestarts, incPopSize, v, cma);
    }

    public Options withCma(CMA.Options v) {
      return new Options(strategy, maxRestarts, incPopSize, randomRestartMean, v);
    }

    public Options withSeed(long seed) {
      return withCma(cma.withSeed(seed));
    }

    public Options withBounds(Bounds b) {
      return withCma(cma.withBounds(b));
    }
  }

  private static final System.Logger LOG = LazyLogger.of(RestartCMA.class);

  private final Options options;
  private final double[] x0;
  private final double sigma0;
  private final int defaultPopsize;

  private CMA current;
  private double[] currentMean;
  private double currentSigma;
  private int currentPopsize;
  private boolean currentLarge;
  private int restarts;
  private int largePopsize;
  private long evalsSmall;
  private long evalsLarge;
  private long currentStartEvals;
  // s of the inner seeds s + 1000 r, or -1 when they come from rng.nextLong(); part of the state
  private long seedBase;

  /** Restarts seeded from {@code options.cma().seed()}: run r uses NumPy's {@code RandomState(seed + 1000 r)}. */
  public RestartCMA(double[] x0, double sigma0, Options options) {
    this(x0, sigma0, options, seeded(checkedSeed(options)), checkedSeed(options));
  }

  private static long checkedSeed(Options options) {
    long seed = (options == null ? Options.DEFAULTS : options).cma().seed();
    if (seed < 0 || seed > 0xFFFFFFFFL) {
      throw new IllegalArgumentException("seed must be between 0 and 2**32 - 1 (NumPy's RandomState rule), got " + seed);
    }
    return seed;
  }

  /** Restarts whose inner runs are seeded with {@link SeededRandom}s drawn from {@code rng}. */
  public RestartCMA(double[] x0, double sigma0, Options options, RandomGenerator rng) {
    this(x0, sigma0, options, rng, -1L);
  }

  private RestartCMA(double[] x0, double sigma0, Options options, RandomGenerator rng, long seedBase) {
    super(x0 == null ? 0 : x0.length, rng);
    this.seedBase = seedBase;
    this.options = options == null ? Options.DEFAULTS : options;
    this.x0 = x0.clone();
    this.sigma0 = sigma0;
    this.defaultPopsize = this.options.cma().populationSize() == 0
        ? CmaParameters.defaultPopulationSize(n) : this.options.cma().populationSize();
    this.largePopsize = defaultPopsize;
    start(this.x0, sigma0, defaultPopsize, true);
  }

  private void start(double[] mean, double sigma, int popsize, boolean large) {
    RandomGenerator inner = seedBase >= 0 ? new NumpyRandomState((seedBase + 1000L * restarts) & 0xFFFFFFFFL)
        : new SeededRandom(rng.nextLong());
    currentMean = mean.clone();
    currentSigma = sigma;
    currentPopsize = popsize;
    currentLarge = large;
    currentStartEvals = evaluations();
    current = new CMA(mean, sigma, options.cma().withPopulationSize(popsize), inner);
  }

  private void restart() {
    long used = evaluations() - currentStartEvals;
    if (currentLarge) {
      evalsLarge += used;
    } else {
      evalsSmall += used;
    }
    restarts++;
    double[] mean = x0;
    int popsize;
    double sigma;
    boolean large;
    switch (options.strategy()) {
      case REPEAT:
        popsize = defaultPopsize;
        sigma = sigma0;
        large = true;
        break;
      case IPOP:
        popsize = (int) Math.max(2, Math.round(currentPopsize * options.incPopSize()));
        sigma = sigma0;
        large = true;
        break;
      default:
        if (evalsSmall < evalsLarge) {
          double u = rng.nextDouble();
          popsize = Math.max(2, (int) Math.floor(defaultPopsize
              * Math.pow(0.5 * largePopsize / (double) defaultPopsize, u * u)));
          sigma = sigma0 * Math.pow(10, -2 * u);
          large = false;
        } else {
          largePopsize = (int) Math.max(2, Math.round(largePopsize * options.incPopSize()));
          popsize = largePopsize;
          sigma = sigma0;
          large = true;
        }
        break;
    }
    if (options.randomRestartMean()) {
      double[] lb = options.cma().bounds().lb();
      double[] ub = options.cma().bounds().ub();
      mean = new double[n];
      for (int i = 0; i < n; i++) {
        mean[i] = lb[i] + rng.nextDouble() * (ub[i] - lb[i]);
      }
    }
    LOG.log(System.Logger.Level.DEBUG, () -> "CMA-ES restart " + restarts + " (" + options.strategy() + "): popsize "
        + popsize + ", sigma " + sigma + ", after " + used + " evaluations");
    start(mean, sigma, popsize, large);
  }

  @Override
  public String algorithm() {
    return "RestartCMA";
  }

  /** Restarts made so far. */
  public int restarts() {
    return restarts;
  }

  /** The population size of the running inner CMA-ES. */
  public int currentPopulationSize() {
    return currentPopsize;
  }

  @Override
  protected List<double[]> doAsk() {
    if (current.shouldStop() && restarts < options.maxRestarts()) {
      restart();
    }
    return current.ask();
  }

  @Override
  protected void checkTold(List<double[]> asked, List<double[]> told) {
    // the inner CMA-ES checks the told points
  }

  @Override
  protected void doTell(List<double[]> xs, double[] values) {
    current.tell(xs, values);
    endIteration();
  }

  @Override
  public boolean shouldStop() {
    return restarts >= options.maxRestarts() && current.shouldStop();
  }

  @Override
  public String stopMessage() {
    return shouldStop() ? "last of " + (restarts + 1) + " runs stopped: " + current.stopMessage() : null;
  }

  @Override
  protected void saveState(Map<String, Object> m) {
    m.put("seed_base", seedBase);
    m.put("restarts", restarts);
    m.put("large_popsize", largePopsize);
    m.put("evals_small", evalsSmall);
    m.put("evals_large", evalsLarge);
    m.put("current_start_evals", currentStartEvals);
    m.put("current_mean0", State.list(currentMean));
    m.put("current_sigma0", currentSigma);
    m.put("current_popsize", currentPopsize);
    m.put("current_large", currentLarge);
    m.put("current", current.stateDict());
  }

  @Override
  protected void loadState(Map<String, Object> m) {
    seedBase = State.getLong(m, "seed_base");
    restarts = State.getInt(m, "restarts");
    largePopsize = State.getInt(m, "large_popsize");
    evalsSmall = State.getLong(m, "evals_small");
    evalsLarge = State.getLong(m, "evals_large");
    currentStartEvals = State.getLong(m, "current_start_evals");
    currentMean = State.getDoubleArray(m, "current_mean0");
    currentSigma = State.getDouble(m, "current_sigma0");
    currentPopsize = State.getInt(m, "current_popsize");
    currentLarge = State.getBoolean(m, "current_large");
    current = new CMA(currentMean, currentSigma, options.cma().withPopulationSize(currentPopsize), new SeededRandom(0));
    current.loadStateDict(State.getMap(m, "current"));
  }
}
