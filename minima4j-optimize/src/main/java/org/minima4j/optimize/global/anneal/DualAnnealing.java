package org.minima4j.optimize.global.anneal;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.minima4j.logging.LazyLogger;
import org.minima4j.optimize.Bounds;
import org.minima4j.optimize.Objective;
import org.minima4j.optimize.OptimizeResult;
import org.minima4j.optimize.global.GlobalOptimizer;
import org.minima4j.optimize.global.LocalSearch;
import org.minima4j.optimize.global.LocalSearches;
import org.minima4j.optimize.global.internal.SpecialFunctions;
import org.minima4j.optimize.global.internal.State;

/**
 * Dual annealing (generalized simulated annealing of Tsallis and Stariolo 1996 with a local search
 * after each Markov chain, Xiang et al. 1997) with ask/tell, following scipy 1.10.1
 * {@code scipy/optimize/_dual_annealing.py} line by line: visiting parameter 2.62, acceptance
 * parameter -5, initial temperature 5230, restart temperature ratio 2e-5, maxiter 1000;
 * {@code T = T0 (2^(qv-1) - 1) / ((i+2)^(qv-1) - 1)}; chains of {@code 2n} proposals (all
 * coordinates for the first n, one coordinate each for the next n) drawn from the distorted
 * Cauchy-Lorentz "Visita" distribution with tails capped at 1e8 and wrapped periodically into the
 * box; re-annealing from a random point when {@code T < T0 * restart_temp_ratio}; non-finite initial
 * energies redrawn up to 1000 times.
 *
 * <p>One {@link #ask()} returns one point (the chain is sequential). The local search goes through a
 * pluggable {@link LocalSearch} ({@link Options#localSearch()}), run by {@link #runLocalSearch} when
 * {@link #localSearchPending()} (which {@link #optimize} does). scipy's default is L-BFGS-B with
 * {@code maxiter = min(max(6n, 100), 1000)}, passed as the iteration hint; with no local search
 * configured (the default until a local minimizer is wired in) this is scipy's
 * {@code no_local_search=True}. scipy's probabilistic local-search branch is unreachable
 * ({@code K = 100 n} is never {@code < 90 n}) and is not ported. Not ported: {@code maxfun} (use
 * {@code Termination.maxEvaluations}) and the per-minimum callback.
 *
 * <p>Random numbers: built from a seed s, the generator is NumPy's {@code RandomState(s)}
 * ({@link org.minima4j.random.NumpyRandomState}), what scipy's {@code seed=s} builds, drawn in
 * scipy's order, so {@code seed = s} replays scipy's {@code seed = s} (up to the last bits of the
 * visiting distribution's constants, see {@code ReplayTest}).
 */
public final class DualAnnealing extends GlobalOptimizer {
  /** Looked up on first use (starting the logging back end costs 10 to 20 ms in a fresh JVM). */
  private static final System.Logger LOG = LazyLogger.of(DualAnnealing.class);

  private static final double TAIL_LIMIT = 1.e8;
  private static final double MIN_VISIT_BOUND = 1.e-10;
  private static final int MAX_REINIT_COUNT = 1000;

  /**
   * Options; {@link #DEFAULTS} are scipy's with seed 0 and no local search.
   *
   * @param maxiter maximum number of global iterations (Markov chains), 1000
   * @param initialTemp initial temperature, in (0.01, 5e4], 5230
   * @param restartTempRatio re-annealing threshold as a fraction of initialTemp, in (0, 1), 2e-5
   * @param visit visiting parameter q_v in (1, 3], 2.62
   * @param accept acceptance parameter q_a in (-1e4, -5], -5
   * @param x0 start point, or null for a uniform random one
   * @param localSearch local minimizer after each chain, or null (scipy's {@code no_local_search=True})
   * @param seed random seed
   */
  public record Options(int maxiter, double initialTemp, double restartTempRatio, double visit, double accept,
      double[] x0, LocalSearch localSearch, long seed) {
    public static final Options DEFAULTS = new Options(1000, 5230.0, 2.e-5, 2.62, -5.0, null, LocalSearches.LBFGSB, 0L);

    public Options {
      if (maxiter < 1) {
        throw new IllegalArgumentException("maxiter must be >= 1, got " + maxiter);
      }
      if (!(initialTemp > 0.01 && initialTemp <= 5e4)) {
        throw new IllegalArgumentException("initial_temp must be in (0.01, 5.e4], got " + initialTemp);
      }
      if (restartTempRatio <= 0. || restartTempRatio >= 1.) {
        throw new IllegalArgumentException("Restart temperature ratio has to be in range (0, 1)");
      }
      if (!(visit > 1 && visit <= 3)) {
        throw new IllegalArgumentException("visit must be in (1, 3], got " + visit);
      }
      if (!(accept > -1e4 && accept <= -5)) {
        throw new IllegalArgumentException("accept must be in (-1e4, -5], got " + accept);
      }
      x0 = x0 == null ? null : x0.clone();
    }

    public Options withMaxiter(int v) {
      return new Options(v, initialTemp, restartTempRatio, visit, accept, x0, localSearch, seed);
    }

    public Options withInitialTemp(double v) {
      return new Options(maxiter, v, restartTempRatio, visit, accept, x0, localSearch, seed);
    }

    public Options withRestartTempRatio(double v) {
      return new Options(maxiter, initialTemp, v, visit, accept, x0, localSearch, seed);
    }

    public Options withVisit(double v) {
      return new Options(maxiter, initialTemp, restartTempRatio, v, accept, x0, localSearch, seed);
    }

    public Options withAccept(double v) {
      return new Options(maxiter, initialTemp, restartTempRatio, visit, v, x0, localSearch, seed);
    }

    public Options withX0(double[] v) {
      return new Options(maxiter, initialTemp, restartTempRatio, visit, accept, v, localSearch, seed);
    }

    public Options withLocalSearch(LocalSearch v) {
      return new Options(maxiter, initialTemp, restartTempRatio, visit, accept, x0, v, seed);
    }

    public Options withSeed(long v) {
      return new Options(maxiter, initialTemp, restartTempRatio, visit, accept, x0, localSearch, v);
    }

    @Override
    public double[] x0() {
      return x0 == null ? null : x0.clone();
    }
  }

  private final Options o;
  private final Bounds bounds;
  private final double[] lower;
  private final double[] upper;
  private final double[] range;
  private final double qv;
  private final double factor4p;
  private final double factor6;
  private final double t1;
  private final double temperatureRestart;
  private final int lsMaxiter;

  // energy state
  private double[] current;
  private double currentEnergy;
  private double[] xbest;
  private double ebest;
  private boolean resetting = true;
  private int reinitCounter;
  // strategy chain
  private double[] xmin;
  private double emin;
  private int notImprovedIdx;
  private int notImprovedMaxIdx = 1000;
  private boolean energyStateImproved;
  private double temperatureStep;
  private boolean chainStarted;
  // main loop
  private int step; // i
  private int j;
  private int iteration;
  private double temperature;
  private double[] visitPoint;
  private boolean lsPending;
  private String stop;

  public DualAnnealing(Bounds bounds, Options options) {
    this(bounds, options, numpySeeded((options == null ? Options.DEFAULTS : options).seed()));
  }

  public DualAnnealing(Bounds bounds, Options options, RandomGenerator rng) {
    super(requireFiniteBounds(bounds).dimension(), rng);
    this.o = options == null ? Options.DEFAULTS : options;
    this.bounds = bounds;
    this.lower = bounds.lb();
    this.upper = bounds.ub();
    this.range = new double[n];
    this.gaussX = new double[n];
    this.gaussY = new double[n];
    this.visits = new double[n];
    for (int i = 0; i < n; i++) {
      if (!(lower[i] < upper[i])) {
        throw new IllegalArgumentException("Bounds are not consistent min < max");
      }
      range[i] = upper[i] - lower[i];
    }
    qv = o.visit();
    double factor2 = Math.exp((4.0 - qv) * Math.log(qv - 1.0));
    double factor3 = Math.exp((2.0 - qv) * Math.log(2.0) / (qv - 1.0));
    factor4p = Math.sqrt(Math.PI) * factor2 / (factor3 * (3.0 - qv));
    double factor5 = 1.0 / (qv - 1.0) - 0.5;
    double d1 = 2.0 - factor5;
    factor6 = Math.PI * (1.0 - factor5) / Math.sin(Math.PI * (1.0 - factor5)) / Math.exp(SpecialFunctions.lnGamma(d1));
    t1 = Math.exp((qv - 1) * Math.log(2.0)) - 1.0;
    temperatureRestart = o.initialTemp() * o.restartTempRatio();
    lsMaxiter = Math.min(Math.max(n * 6, 100), 1000);
    if (o.x0() != null) {
      double[] x0 = o.x0();
      if (x0.length != n) {
        throw new IllegalArgumentException("Bounds size does not match x0");
      }
      for (int i = 0; i < n; i++) {
        if (!(x0[i] >= lower[i] && x0[i] <= upper[i])) {
          throw new IllegalArgumentException("x0[" + i + "] = " + x0[i] + " is outside the bounds");
        }
      }
      current = x0;
    }
  }

  @Override
  public String algorithm() {
    return "DualAnnealing";
  }

  private double[] uniformPoint() {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = lower[i] + rng.nextDouble() * (upper[i] - lower[i]);
    }
    return x;
  }

  // ------------------------------------------------------------------ ask

  @Override
  protected List<double[]> doAsk() {
    if (resetting) {
      if (current == null) {
        current = uniformPoint();
      }
      return List.of(current.clone());
    }
    // visitPoint is never written after visiting() builds it, so the batch can hold it itself
    visitPoint = visiting(current, j, temperature);
    return List.of(visitPoint);
  }

  private double[] visiting(double[] x, int stepJ, double temp) {
    if (stepJ < n) {
      double[] visits = visitFn(temp, n);
      double[] lo = lower;
      double[] rg = range;
      double upperSample = rng.nextDouble();
      double lowerSample = rng.nextDouble();
      double[] xv = new double[n];
      for (int i = 0; i < n; i++) {
        double vi = visits[i];
        if (vi > TAIL_LIMIT) {
          vi = TAIL_LIMIT * upperSample;
        } else if (vi < -TAIL_LIMIT) {
          vi = -TAIL_LIMIT * lowerSample;
        }
        // wrap(vi + x[i], i), inlined
        double ri = rg[i];
        double xi = ((((vi + x[i]) - lo[i]) % ri + ri) % ri) + lo[i];
        if (Math.abs(xi - lo[i]) < MIN_VISIT_BOUND) {
          xi += 1.e-10;
        }
        xv[i] = xi;
      }
      return xv;
    }
    double[] xv = x.clone();
    double visit = visitFn(temp, 1)[0];
    if (visit > TAIL_LIMIT) {
      visit = TAIL_LIMIT * rng.nextDouble();
    } else if (visit < -TAIL_LIMIT) {
      visit = -TAIL_LIMIT * rng.nextDouble();
    }
    int index = stepJ - n;
    xv[index] = wrap(visit + x[index], index);
    if (Math.abs(xv[index] - lower[index]) < MIN_VISIT_BOUND) {
      xv[index] += MIN_VISIT_BOUND;
    }
    return xv;
  }

  /** scipy's periodic wrap {@code fmod(fmod(x - lower, range) + range, range) + lower}. */
  private double wrap(double xv, int i) {
    double a = xv - lower[i];
    double b = (a % range[i]) + range[i];
    return (b % range[i]) + lower[i];
  }

  // sigmax of the last temperature seen by visitFn (NaN: none yet); a pure cache, not state
  private double sigmaxTemp = Double.NaN;
  private double sigmaxCached;
  // visitFn's work arrays (normal pairs and the visits it returns), read before its next call
  private final double[] gaussX;
  private final double[] gaussY;
  private final double[] visits;

  /** Formula "Visita" of Tsallis and Stariolo p. 405; draws (x, y) normal pairs row by row as numpy. */
  private double[] visitFn(double temp, int dim) {
    double[] xs = gaussX;
    double[] ys = gaussY;
    for (int i = 0; i < dim; i++) {
      xs[i] = rng.nextGaussian();
      ys[i] = rng.nextGaussian();
    }
    double sigmax;
    if (temp == sigmaxTemp) {
      sigmax = sigmaxCached;
    } else {
      // depends on the temperature only, which is constant over a chain of 2n proposals
      double factor1 = Math.exp(Math.log(temp) / (qv - 1.0));
      double factor4 = factor4p * factor1;
      sigmax = Math.exp(-(qv - 1.0) * Math.log(factor6 / factor4) / (3.0 - qv));
      sigmaxTemp = temp;
      sigmaxCached = sigmax;
    }
    double[] out = visits;
    double q1 = qv - 1.0;
    double q3 = 3.0 - qv;
    for (int i = 0; i < dim; i++) {
      double den = Math.exp(q1 * Math.log(Math.abs(ys[i])) / q3);
      out[i] = xs[i] * sigmax / den;
    }
    return out;
  }

  // ------------------------------------------------------------------ tell

  @Override
  protected void doTell(List<double[]> xs, double[] values) {
    double e = values[0];
    if (resetting) {
      if (!Double.isFinite(e)) {
        if (reinitCounter >= MAX_REINIT_COUNT) {
          stop = "Stopping algorithm because function create NaN or (+/-) infinity values even with trying new "
              + "random parameters";
          return;
        }
        current = uniformPoint();
        reinitCounter++;
        return;
      }
      currentEnergy = e;
      if (xbest == null) {
        ebest = e;
        xbest = current.clone();
      }
      if (!chainStarted) {
        emin = currentEnergy;
        xmin = current.clone();
        chainStarted = true;
      }
      resetting = false;
      step = 0;
      startStep();
      return;
    }
    // one proposal of the strategy chain
    // points (visitPoint, current, xbest, xmin) are replaced, never written in place: share them
    if (e < currentEnergy) {
      currentEnergy = e;
      current = visitPoint;
      if (e < ebest) {
        ebest = e;
        xbest = visitPoint;
        energyStateImproved = true;
        notImprovedIdx = 0;
      }
    } else {
      acceptReject(e, visitPoint);
    }
    j++;
    if (j == 2 * n) {
      if (o.localSearch() != null) {
        lsPending = true;
      } else {
        finishIteration();
      }
    }
  }

  private void acceptReject(double e, double[] xv) {
    double r = rng.nextDouble();
    double pqvTemp = 1.0 - ((1.0 - o.accept()) * (e - currentEnergy) / temperatureStep);
    double pqv;
    if (pqvTemp <= 0.) {
      pqv = 0.;
    } else {
      pqv = Math.exp(Math.log(pqvTemp) / (1. - o.accept()));
    }
    if (r <= pqv) {
      currentEnergy = e;
      current = xv;
      xmin = xv;
    }
    if (notImprovedIdx >= notImprovedMaxIdx) {
      if (j == 0 || currentEnergy < emin) {
        emin = currentEnergy;
        xmin = current;
      }
    }
  }

  private void finishIteration() {
    iteration++;
    endIteration();
    step++;
    startStep();
  }

  /** The top of scipy's {@code for i in range(maxiter)} loop: temperature, stop, re-anneal, or start a chain. */
  private void startStep() {
    double s = step + 2.0;
    double t2 = Math.exp((qv - 1) * Math.log(s)) - 1.0;
    temperature = o.initialTemp() * t1 / t2;
    if (iteration >= o.maxiter()) {
      stop = "Maximum number of iteration reached";
      return;
    }
    if (temperature < temperatureRestart) {
      LOG.log(System.Logger.Level.DEBUG, () -> "dual annealing: re-annealing after " + iteration + " iterations");
      current = uniformPoint();
      reinitCounter = 0;
      resetting = true;
      return;
    }
    temperatureStep = temperature / (step + 1.0);
    notImprovedIdx++;
    j = 0;
    energyStateImproved = step == 0;
  }

  // ------------------------------------------------------------------ local search

  @Override
  public boolean localSearchPending() {
    return lsPending;
  }

  @Override
  public void runLocalSearch(Objective f) {
    if (!lsPending) {
      throw new IllegalStateException("no local search pending");
    }
    Objective cf = counting(f);
    if (energyStateImproved) {
      double[] ex = localSearch(cf, xbest, ebest);
      if (ex != null) {
        notImprovedIdx = 0;
        ebest = ex[n];
        xbest = java.util.Arrays.copyOf(ex, n);
        currentEnergy = ebest;
        current = xbest.clone();
      }
    }
    if (notImprovedIdx >= notImprovedMaxIdx) {
      double[] ex = localSearch(cf, xmin, emin);
      if (ex != null) {
        xmin = java.util.Arrays.copyOf(ex, n);
        emin = ex[n];
      }
      notImprovedIdx = 0;
      notImprovedMaxIdx = n;
      if (emin < ebest) {
        ebest = emin;
        xbest = xmin.clone();
        currentEnergy = emin;
        current = xmin.clone();
      }
    }
    lsPending = false;
    finishIteration();
  }

  /** scipy's LocalSearchWrapper.local_search: the result (x then f) if finite, in bounds and better, else null. */
  private double[] localSearch(Objective cf, double[] x, double e) {
    OptimizeResult r = o.localSearch().minimize(cf, x.clone(), bounds, lsMaxiter);
    if (r == null || r.x() == null || r.x().length != n) {
      return null;
    }
    double[] rx = r.x();
    boolean valid = Double.isFinite(r.fun());
    for (int i = 0; valid && i < n; i++) {
      valid = Double.isFinite(rx[i]) && rx[i] >= lower[i] && rx[i] <= upper[i];
    }
    if (valid && r.fun() < e) {
      double[] out = java.util.Arrays.copyOf(rx, n + 1);
      out[n] = r.fun();
      return out;
    }
    return null;
  }

  // ------------------------------------------------------------------ results and termination

  /** scipy's result {@code x}: the best point of the energy state. */
  public double[] xbest() {
    return xbest == null ? null : xbest.clone();
  }

  /** scipy's result {@code fun}. */
  public double ebest() {
    return ebest;
  }

  /** Completed global iterations (scipy's {@code nit}). */
  public int nit() {
    return iteration;
  }

  @Override
  public boolean shouldStop() {
    return stop != null;
  }

  @Override
  public String stopMessage() {
    return stop;
  }

  @Override
  protected void saveState(Map<String, Object> m) {
    m.put("current_location", State.list(current));
    m.put("current_energy", currentEnergy);
    m.put("xbest", State.list(xbest));
    m.put("ebest", ebest);
    m.put("resetting", resetting);
    m.put("reinit_counter", reinitCounter);
    m.put("xmin", State.list(xmin));
    m.put("emin", emin);
    m.put("not_improved_idx", notImprovedIdx);
    m.put("not_improved_max_idx", notImprovedMaxIdx);
    m.put("energy_state_improved", energyStateImproved);
    m.put("temperature_step", temperatureStep);
    m.put("chain_started", chainStarted);
    m.put("step", step);
    m.put("j", j);
    m.put("iteration", iteration);
    m.put("temperature", temperature);
    m.put("ls_pending", lsPending);
    m.put("stop", stop);
  }

  @Override
  protected void loadState(Map<String, Object> m) {
    current = State.getDoubleArray(m, "current_location");
    currentEnergy = State.getDouble(m, "current_energy");
    xbest = State.getDoubleArray(m, "xbest");
    ebest = State.getDouble(m, "ebest");
    resetting = State.getBoolean(m, "resetting");
    reinitCounter = State.getInt(m, "reinit_counter");
    xmin = State.getDoubleArray(m, "xmin");
    emin = State.getDouble(m, "emin");
    notImprovedIdx = State.getInt(m, "not_improved_idx");
    notImprovedMaxIdx = State.getInt(m, "not_improved_max_idx");
    energyStateImproved = State.getBoolean(m, "energy_state_improved");
    temperatureStep = State.getDouble(m, "temperature_step");
    chainStarted = State.getBoolean(m, "chain_started");
    step = State.getInt(m, "step");
    j = State.getInt(m, "j");
    iteration = State.getInt(m, "iteration");
    temperature = State.getDouble(m, "temperature");
    lsPending = State.getBoolean(m, "ls_pending");
    stop = State.getString(m, "stop");
  }
}
