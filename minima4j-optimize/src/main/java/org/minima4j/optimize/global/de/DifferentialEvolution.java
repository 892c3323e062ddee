package org.minima4j.optimize.global.de;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.minima4j.optimize.Bounds;
import org.minima4j.optimize.Objective;
import org.minima4j.optimize.OptimizeResult;
import org.minima4j.optimize.global.GlobalOptimizer;
import org.minima4j.optimize.global.LocalSearch;
import org.minima4j.optimize.global.LocalSearches;
import org.minima4j.optimize.global.SeededRandom;
import org.minima4j.optimize.global.internal.State;
import org.minima4j.random.Permutations;

/**
 * Differential evolution with ask/tell, following scipy 1.10.1
 * {@code scipy/optimize/_differentialevolution.py} ({@code DifferentialEvolutionSolver}): population
 * {@code max(5, popsize * N)} in the unit cube, Latin hypercube initialisation, strategies
 * best1bin (default), best1exp, rand1bin/exp, randtobest1bin/exp, currenttobest1bin/exp,
 * best2bin/exp, rand2bin/exp, dithered mutation drawn once per generation from
 * {@code U(0.5, 1)}, recombination 0.7, trial parameters outside the cube redrawn uniformly,
 * the best member kept at index 0, and the convergence test
 * {@code std(E) <= atol + tol |mean(E)|}. {@code IMMEDIATE} updating (scipy's default) asks one
 * trial at a time; {@code DEFERRED} asks the whole trial population, which is what to use with a
 * parallel executor (scipy switches to it when {@code workers != 1}).
 *
 * <p>Polish: scipy polishes the best member with L-BFGS-B after the last generation. Here the
 * polish goes through a pluggable {@link LocalSearch} ({@link Options#polish()}), by default
 * bounded L-BFGS-B as scipy ({@link LocalSearches#LBFGSB}); with none set no polish is done, as scipy's
 * {@code polish=False}. Not ported: constraints, integrality, Sobol/Halton init, vectorized mode,
 * the {@code maxfun} option (use {@code Termination.maxEvaluations}).
 *
 * <p>Random numbers are drawn in scipy's order (population, permutations, dither, {@code choice},
 * {@code shuffle}, crossover, redraws), so with NumPy's {@code RandomState(s)}
 * ({@link org.minima4j.random.NumpyRandomState}, what scipy's {@code seed=s} builds through
 * {@code check_random_state}) a run replays scipy's {@code seed = s} evaluation for evaluation:
 * {@link Options#withNumpyStream(boolean)} or an explicit generator. The seeded default stays this
 * library's {@code SeededRandom(seed)}: scipy draws a full shuffle of the population indices for every
 * trial (148 masked bounded draws at popsize 150), about 2 us per evaluation on a 10-d problem with
 * Mersenne Twister's masked rejection (docs/BENCHMARKS-global.md), above the 1 us overhead target; with
 * {@code SeededRandom} the samples are drawn directly instead (same distribution, see
 * {@link #selectSamples}).
 */
public final class DifferentialEvolution extends GlobalOptimizer {

  /** scipy's strategy names. */
  public enum Strategy {
    BEST1BIN, BEST1EXP, RAND1BIN, RAND1EXP, RANDTOBEST1BIN, RANDTOBEST1EXP, CURRENTTOBEST1BIN,
    CURRENTTOBEST1EXP, BEST2BIN, BEST2EXP, RAND2BIN, RAND2EXP;

    boolean binomial() {
      return name().endsWith("BIN");
    }
  }

  /** scipy's {@code updating}. */
  public enum Updating { IMMEDIATE, DEFERRED }

  /** scipy's {@code init} (the two random ones). */
  public enum Init { LATINHYPERCUBE, RANDOM }

  /**
   * Options; {@link #DEFAULTS} are scipy's {@code differential_evolution} defaults with seed 0 (polish by L-BFGS-B).
   *
   * @param strategy mutation and crossover scheme
   * @param maxiter generations (scipy 1000)
   * @param popsize population multiplier (scipy 15): {@code max(5, popsize * N)} members
   * @param tol relative convergence tolerance (0.01)
   * @param atol absolute convergence tolerance (0)
   * @param mutationMin lower end of the dither interval (0.5); equal to mutationMax for a constant F
   * @param mutationMax upper end of the dither interval (1.0)
   * @param recombination crossover probability (0.7)
   * @param init initial population
   * @param updating immediate or deferred
   * @param x0 replaces population member 0, or null
   * @param polish local search applied to the best member at the end, or null for none
   * @param seed random seed
   * @param numpyStream whether the seed builds NumPy's {@code RandomState(seed)}, replaying scipy's
   *     {@code seed=seed} (about 1 us more per evaluation, see the class comment), instead of this library's
   *     faster {@code SeededRandom(seed)} (the default)
   */
  public record Options(Strategy strategy, int maxiter, int popsize, double tol, double atol, double mutationMin,
      double mutationMax, double recombination, Init init, Updating updating, double[] x0, LocalSearch polish,
      long seed, boolean numpyStream) {
    public static final Options DEFAULTS = new Options(Strategy.BEST1BIN, 1000, 15, 0.01, 0.0, 0.5, 1.0, 0.7,
        Init.LATINHYPERCUBE, Updating.IMMEDIATE, null, LocalSearches.LBFGSB, 0L, false);

    public Options {
      if (strategy == null || init == null || updating == null) {
        throw new IllegalArgumentException("strategy, init and updating must not be null");
      }
      if (maxiter < 1) {
        throw new IllegalArgumentException("maxiter must be >= 1, got " + maxiter);
      }
      if (popsize < 1) {
        throw new IllegalArgumentException("popsize must be >= 1, got " + popsize);
      }
      if (!(mutationMin >= 0 && mutationMin <= 2 && mutationMax >= 0 && mutationMax <= 2
          && mutationMin <= mutationMax)) {
        throw new IllegalArgumentException("The mutation constant must be a float in U[0, 2), or specified as a "
            + "tuple(min, max) where min < max and min, max are in U[0, 2).");
      }
      if (!(recombination >= 0 && recombination <= 1)) {
        throw new IllegalArgumentException("recombination must be in [0, 1], got " + recombination);
      }
      if (!(tol >= 0) || !(atol >= 0)) {
        throw new IllegalArgumentException("tol and atol must be >= 0");
      }
      x0 = x0 == null ? null : x0.clone();
    }

    public Options withStrategy(Strategy v) {
      return new Options(v, maxiter, popsize, tol, atol, mutationMin, mutationMax, recombination, init, updating,
          x0, polish, seed, numpyStream);
    }

    public Options withMaxiter(int v) {
      return new Options(strategy, v, popsize, tol, atol, mutationMin, mutationMax, recombination, init, updating,
          x0, polish, seed, numpyStream);
    }

    public Options withPopsize(int v) {
      return new Options(strategy, maxiter, v, tol, atol, mutationMin, mutationMax, recombination, init, updating,
          x0, polish, seed, numpyStream);
    }

    public Options withTol(double tolerance, double absolute) {
      return new Options(strategy, maxiter, popsize, tolerance, absolute, mutationMin, mutationMax, recombination,
          init, updating, x0, polish, seed, numpyStream);
    }

    /** A constant mutation factor (no dithering). */
    public Options withMutation(double f) {
      return withMutation(f, f);
    }

    /** Dithering: F drawn from U(min, max) once per generation. */
    public Options withMutation(double min, double max) {
      return new Options(strategy, maxiter, popsize, tol, atol, min, max, recombination, init, updating, x0, polish,
          seed, numpyStream);
    }

    public Options withRecombination(double v) {
      return new Options(strategy, maxiter, popsize, tol, atol, mutationMin, mutationMax, v, init, updating, x0,
          polish, seed, numpyStream);
    }

    public Options withInit(Init v) {
      return new Options(strategy, maxiter, popsize, tol, atol, mutationMin, mutationMax, recombination, v, updating,
          x0, polish, seed, numpyStream);
    }

    public Options withUpdating(Updating v) {
      return new Options(strategy, maxiter, popsize, tol, atol, mutationMin, mutationMax, recombination, init, v,
          x0, polish, seed, numpyStream);
    }

    public Options withX0(double[] v) {
      return new Options(strategy, maxiter, popsize, tol, atol, mutationMin, mutationMax, recombination, init,
          updating, v, polish, seed, numpyStream);
    }

    public Options withPolish(LocalSearch v) {
      return new Options(strategy, maxiter, popsize, tol, atol, mutationMin, mutationMax, recombination, init,
          updating, x0, v, seed, numpyStream);
    }

    public Options withSeed(long v) {
      return new Options(strategy, maxiter, popsize, tol, atol, mutationMin, mutationMax, recombination, init,
          updating, x0, polish, v, numpyStream);
    }

    /** Whether the seed builds NumPy's {@code RandomState(seed)} (scipy's stream) instead of {@code SeededRandom(seed)}. */
    public Options withNumpyStream(boolean v) {
      return new Options(strategy, maxiter, popsize, tol, atol, mutationMin, mutationMax, recombination, init,
          updating, x0, polish, seed, v);
    }

    @Override
    public double[] x0() {
      return x0 == null ? null : x0.clone();
    }
  }

  /** scipy's default L-BFGS-B {@code maxiter}, passed to the polish as its iteration hint. */
  private static final int POLISH_MAXITER = 15000;

  private final Options o;
  private final Bounds bounds;
  private final double[] arg1;
  private final double[] arg2;
  private final int np;

  private double[][] population;
  private double[] energies;
  private boolean initialized;
  private int candidate;
  private int generation;
  private double scale;
  private double[][] trials;
  private String stop;
  private boolean stopLimit;
  private boolean polishPending;

  public DifferentialEvolution(Bounds bounds, Options options) {
    this(bounds, options, seededFor(options == null ? Options.DEFAULTS : options));
  }

  private static RandomGenerator seededFor(Options o) {
    return o.numpyStream() ? numpySeeded(o.seed()) : seeded(o.seed());
  }

  /** With an explicit generator ({@code new NumpyRandomState(s)} replays scipy's {@code seed=s}). */
  public DifferentialEvolution(Bounds bounds, Options options, RandomGenerator rng) {
    super(requireFiniteBounds(bounds).dimension(), rng);
    this.o = options == null ? Options.DEFAULTS : options;
    this.bounds = bounds;
    double[] lb = bounds.lb();
    double[] ub = bounds.ub();
    arg1 = new double[n];
    arg2 = new double[n];
    for (int i = 0; i < n; i++) {
      arg1[i] = 0.5 * (lb[i] + ub[i]);
      arg2[i] = Math.abs(ub[i] - lb[i]);
    }
    this.np = Math.max(5, o.popsize() * n);
    this.scale = o.mutationMin();
    if (o.x0() != null) {
      double[] x0 = o.x0();
      if (x0.length != n) {
        throw new IllegalArgumentException("x0 has length " + x0.length + ", bounds have dimension " + n);
      }
      for (int i = 0; i < n; i++) {
        if (!(x0[i] >= lb[i] && x0[i] <= ub[i])) {
          throw new IllegalArgumentException("Some entries in x0 lay outside the specified bounds");
        }
      }
    }
  }

  @Override
  public String algorithm() {
    return "DifferentialEvolution";
  }

  /** Number of population members {@code max(5, popsize * N)}. */
  public int populationSize() {
    return np;
  }

  private double[] scaleParameters(double[] trial) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = arg1[i] + (trial[i] - 0.5) * arg2[i];
    }
    return x;
  }

  private double[] unscaleParameters(double[] x) {
    double[] t = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = arg2[i] == 0 ? 0.5 : (x[i] - arg1[i]) / arg2[i] + 0.5;
    }
    return t;
  }

  // ------------------------------------------------------------------ ask

  @Override
  protected List<double[]> doAsk() {
    List<double[]> out = new ArrayList<>();
    if (!initialized) {
      initPopulation();
      for (double[] member : population) {
        out.add(scaleParameters(member));
      }
      return out;
    }
    if (candidate == 0 && o.mutationMin() != o.mutationMax()) {
      scale = o.mutationMin() + rng.nextDouble() * (o.mutationMax() - o.mutationMin());
    }
    if (o.updating() == Updating.IMMEDIATE) {
      double[] trial = mutate(candidate);
      ensureConstraint(trial);
      trials = new double[][] {trial};
      out.add(scaleParameters(trial));
    } else {
      trials = new double[np][];
      for (int i = 0; i < np; i++) {
        trials[i] = mutate(i);
      }
      for (double[] t : trials) {
        ensureConstraint(t);
      }
      for (double[] t : trials) {
        out.add(scaleParameters(t));
      }
    }
    return out;
  }

  private void initPopulation() {
    population = new double[np][n];
    if (o.init() == Init.LATINHYPERCUBE) {
      double segsize = 1.0 / np;
      double[][] samples = new double[np][n];
      for (int i = 0; i < np; i++) {
        for (int j = 0; j < n; j++) {
          samples[i][j] = segsize * rng.nextDouble() + i * segsize;
        }
      }
      for (int j = 0; j < n; j++) {
        int[] order = Permutations.permutation(np, rng);
        for (int i = 0; i < np; i++) {
          population[i][j] = samples[order[i]][j];
        }
      }
    } else {
      for (int i = 0; i < np; i++) {
        for (int j = 0; j < n; j++) {
          population[i][j] = rng.nextDouble();
        }
      }
    }
    if (o.x0() != null) {
      population[0] = unscaleParameters(o.x0());
    }
  }

  private double[] mutate(int cand) {
    double[] trial = population[cand].clone();
    int fillPoint = rng.nextInt(n);
    int[] r = selectSamples(cand, 5);
    double[] bprime = new double[n];
    double f = scale;
    for (int j = 0; j < n; j++) {
      double[] p0 = population[0];
      switch (o.strategy()) {
        case BEST1BIN:
        case BEST1EXP:
          bprime[j] = p0[j] + f * (population[r[0]][j] - population[r[1]][j]);
          break;
        case RAND1BIN:
        case RAND1EXP:
          bprime[j] = population[r[0]][j] + f * (population[r[1]][j] - population[r[2]][j]);
          break;
        case RANDTOBEST1BIN:
        case RANDTOBEST1EXP: {
          double b = population[r[0]][j];
          b += f * (p0[j] - b);
          b += f * (population[r[1]][j] - population[r[2]][j]);
          bprime[j] = b;
          break;
        }
        case CURRENTTOBEST1BIN:
        case CURRENTTOBEST1EXP:
          bprime[j] = population[cand][j]
              + f * (p0[j] - population[cand][j] + population[r[0]][j] - population[r[1]][j]);
          break;
        case BEST2BIN:
        case BEST2EXP:
          bprime[j] = p0[j] + f * (population[r[0]][j] + population[r[1]][j] - population[r[2]][j]
              - population[r[3]][j]);
          break;
        default:
          bprime[j] = population[r[0]][j] + f * (population[r[1]][j] + population[r[2]][j] - population[r[3]][j]
              - population[r[4]][j]);
          break;
      }
    }
    double[] u = new double[n];
    for (int j = 0; j < n; j++) {
      u[j] = rng.nextDouble();
    }
    if (o.strategy().binomial()) {
      for (int j = 0; j < n; j++) {
        if (u[j] < o.recombination() || j == fillPoint) {
          trial[j] = bprime[j];
        }
      }
    } else {
      boolean[] cross = new boolean[n];
      for (int j = 0; j < n; j++) {
        cross[j] = u[j] < o.recombination();
      }
      cross[0] = true;
      int i = 0;
      while (i < n && cross[i]) {
        trial[fillPoint] = bprime[fillPoint];
        fillPoint = (fillPoint + 1) % n;
        i++;
      }
    }
    return trial;
  }

  /**
   * Up to {@code count} distinct member indices other than {@code cand}, in random order. scipy shuffles all
   * {@code np - 1} of them and takes the first ones; that is done here with any generator that may replay
   * scipy (NumPy's stream, recorded draws). With this library's {@link SeededRandom}, whose draws replay
   * nothing, the same uniformly random ordered sample is drawn directly by a partial Fisher-Yates ({@code count}
   * draws instead of {@code np - 2}).
   */
  private int[] selectSamples(int cand, int count) {
    int[] idxs = new int[np - 1];
    for (int i = 0, k = 0; i < np; i++) {
      if (i != cand) {
        idxs[k++] = i;
      }
    }
    if (rng instanceof SeededRandom) {
      int m = idxs.length;
      for (int i = 0; i < Math.min(count, m - 1); i++) {
        int j = i + rng.nextInt(m - i);
        int t = idxs[i];
        idxs[i] = idxs[j];
        idxs[j] = t;
      }
    } else {
      Permutations.shuffle(idxs, rng);
    }
    int m = Math.min(count, idxs.length);
    int[] r = new int[Math.max(count, m)];
    for (int i = 0; i < r.length; i++) {
      r[i] = idxs[i % idxs.length];
    }
    return r;
  }

  private void ensureConstraint(double[] trial) {
    for (int j = 0; j < n; j++) {
      if (trial[j] > 1 || trial[j] < 0) {
        trial[j] = rng.nextDouble();
      }
    }
  }

  // ------------------------------------------------------------------ tell

  @Override
  protected void doTell(List<double[]> xs, double[] values) {
    if (!initialized) {
      energies = values.clone();
      promoteLowestEnergy();
      initialized = true;
      return;
    }
    if (o.updating() == Updating.IMMEDIATE) {
      double energy = values[0];
      if (energy <= energies[candidate]) {
        population[candidate] = trials[0];
        energies[candidate] = energy;
        if (energy <= energies[0]) {
          promoteLowestEnergy();
        }
      }
      candidate++;
    } else {
      for (int i = 0; i < np; i++) {
        if (values[i] <= energies[i]) {
          population[i] = trials[i];
          energies[i] = values[i];
        }
      }
      promoteLowestEnergy();
      candidate = np;
    }
    trials = null;
    if (candidate == np) {
      candidate = 0;
      generation++;
      endIteration();
      if (converged()) {
        stop = "Optimization terminated successfully.";
      } else if (generation >= o.maxiter()) {
        stop = "Maximum number of iterations has been exceeded.";
        stopLimit = true;
      }
      if (stop != null && o.polish() != null) {
        polishPending = true;
      }
    }
  }

  private void promoteLowestEnergy() {
    int l = 0;
    for (int i = 1; i < np; i++) {
      if (energies[i] < energies[l]) {
        l = i;
      }
    }
    double e = energies[0];
    energies[0] = energies[l];
    energies[l] = e;
    double[] p = population[0];
    population[0] = population[l];
    population[l] = p;
  }

  /** scipy's {@code converged()}: false while any energy is infinite. */
  public boolean converged() {
    if (energies == null) {
      return false;
    }
    double mean = 0;
    for (double e : energies) {
      if (Double.isInfinite(e)) {
        return false;
      }
      mean += e;
    }
    mean /= np;
    double var = 0;
    for (double e : energies) {
      var += (e - mean) * (e - mean);
    }
    double std = Math.sqrt(var / np);
    return std <= o.atol() + o.tol() * Math.abs(mean);
  }

  // ------------------------------------------------------------------ polish

  @Override
  public boolean localSearchPending() {
    return polishPending;
  }

  @Override
  public void runLocalSearch(Objective f) {
    if (!polishPending) {
      throw new IllegalStateException("no polish pending");
    }
    polishPending = false;
    double[] x = scaleParameters(population[0]);
    OptimizeResult r = o.polish().minimize(counting(f), x.clone(), bounds, POLISH_MAXITER);
    if (r == null || r.x() == null) {
      return;
    }
    double[] rx = r.x();
    double[] lb = bounds.lb();
    double[] ub = bounds.ub();
    boolean inside = rx.length == n;
    for (int i = 0; inside && i < n; i++) {
      inside = rx[i] >= lb[i] && rx[i] <= ub[i];
    }
    if (r.fun() < energies[0] && r.success() && inside) {
      energies[0] = r.fun();
      population[0] = unscaleParameters(rx);
    }
  }

  // ------------------------------------------------------------------ results and termination

  /** The best member (scipy's {@code x}). */
  public double[] x() {
    return population == null ? null : scaleParameters(population[0]);
  }

  /** Population in parameter space (scipy's {@code population} result field). */
  public double[][] population() {
    double[][] r = new double[np][];
    for (int i = 0; i < np; i++) {
      r[i] = scaleParameters(population[i]);
    }
    return r;
  }

  /** Energies of the population, best first (scipy's {@code population_energies}). */
  public double[] populationEnergies() {
    return energies == null ? null : energies.clone();
  }

  @Override
  public boolean shouldStop() {
    return stop != null && !polishPending;
  }

  @Override
  public boolean stopIsIterationLimit() {
    return stopLimit;
  }

  @Override
  public String stopMessage() {
    return stop;
  }

  @Override
  protected void saveState(Map<String, Object> m) {
    m.put("num_population_members", np);
    m.put("initialized", initialized);
    m.put("population", State.list(population));
    m.put("population_energies", State.list(energies));
    m.put("candidate", candidate);
    m.put("generation", generation);
    m.put("scale", scale);
    m.put("stop", stop);
    m.put("stop_limit", stopLimit);
    m.put("polish_pending", polishPending);
  }

  @Override
  protected void loadState(Map<String, Object> m) {
    if (State.getInt(m, "num_population_members") != np) {
      throw new IllegalArgumentException("state has " + State.getInt(m, "num_population_members")
          + " members, optimizer has " + np);
    }
    initialized = State.getBoolean(m, "initialized");
    population = State.getMatrix(m, "population");
    energies = State.getDoubleArray(m, "population_energies");
    candidate = State.getInt(m, "candidate");
    generation = State.getInt(m, "generation");
    scale = State.getDouble(m, "scale");
    stop = State.getString(m, "stop");
    stopLimit = State.getBoolean(m, "stop_limit");
    polishPending = State.getBoolean(m, "polish_pending");
    trials = null;
  }
}
