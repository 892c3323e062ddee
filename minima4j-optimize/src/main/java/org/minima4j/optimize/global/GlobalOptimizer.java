package org.minima4j.optimize.global;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.random.RandomGenerator;
import org.minima4j.optimize.Bounds;
import org.minima4j.optimize.IterationCallback;
import org.minima4j.optimize.Objective;
import org.minima4j.optimize.global.internal.Evaluator;
import org.minima4j.optimize.global.internal.State;
import org.minima4j.random.NumpyRandomState;

/**
 * The shape shared by every gradient-free global optimizer: ask/tell underneath, an
 * {@link #optimize} convenience on top, best-so-far bookkeeping, and a state dict that
 * round-trips through JSON.
 *
 * <pre>{@code
 * CMA es = new CMA(x0, 0.5, CMA.Options.DEFAULTS.withSeed(42));
 * while (!es.shouldStop()) { List<double[]> xs = es.ask(); es.tell(xs, evaluate(xs)); }
 * }</pre>
 *
 * <p>Protocol: {@link #ask()} returns a batch; {@link #tell} must follow with the values of that
 * batch, in the same order, before the next ask. NaN values are treated as +infinity (the worst),
 * counted in {@link #nonFiniteCount()}, and never become the best. {@link #stateDict()} is taken
 * between a tell and the next ask; loading it into a fresh optimizer built with the same options
 * continues exactly as the original would have.
 *
 * <p>Randomness comes only from the generator given at construction (a seed or a
 * {@link RandomGenerator}). A seed builds the anchor's own generator where there is a Python anchor:
 * NumPy's {@code RandomState(seed)} ({@link NumpyRandomState}) for the ports of scipy's dual
 * annealing, cmaes (CMA, SepCMA, and RestartCMA's inner runs) and pyswarm / pyswarms (PSO), so
 * {@code seed = s} replays the anchor's {@code seed = s}; this library's faster {@link SeededRandom}
 * for the others, differential evolution included unless {@code withNumpyStream(true)} (its scipy
 * stream costs about 1 us more per evaluation). Saving state requires one of these two generators.
 * Not thread-safe: one thread drives ask/tell, objective evaluations may run in parallel through
 * an {@link Executor} in {@link #optimize}, with results identical for any number of threads.
 */
public abstract class GlobalOptimizer {
  /** Problem dimension. */
  protected final int n;
  /** The only source of randomness. */
  protected RandomGenerator rng;

  private long nfev;
  private long nit;
  private long nonFinite;
  private double bestF = Double.POSITIVE_INFINITY;
  private double[] bestX;
  private double[] history = new double[16];
  private List<double[]> outstanding;

  protected GlobalOptimizer(int n, RandomGenerator rng) {
    if (n < 1) {
      throw new IllegalArgumentException("dimension must be >= 1, got " + n);
    }
    if (rng == null) {
      throw new IllegalArgumentException("rng must not be null (pass a seed or a RandomGenerator)");
    }
    this.n = n;
    this.rng = rng;
  }

  // ------------------------------------------------------------------ what subclasses implement

  /** The next batch of points to evaluate (fresh arrays the caller may keep). */
  protected abstract List<double[]> doAsk();

  /** Consumes the values of the batch from {@link #doAsk()}; NaN already replaced by +infinity. */
  protected abstract void doTell(List<double[]> xs, double[] values);

  /** Writes algorithm-specific state (plain values, lists and maps only). */
  protected abstract void saveState(Map<String, Object> state);

  /** Restores what {@link #saveState} wrote. */
  protected abstract void loadState(Map<String, Object> state);

  /** The anchor's name of the algorithm, stored in the state dict and checked on load. */
  public abstract String algorithm();

  /** The algorithm's own termination criterion (maximum iterations, convergence, ...). */
  public abstract boolean shouldStop();

  /** Why {@link #shouldStop()} is true, in the anchor's words; null while it is false. */
  public abstract String stopMessage();

  /**
   * Whether the stop reported by {@link #shouldStop()} is the algorithm's own iteration limit (for
   * example pyswarm's {@code maxiter} or differential evolution's {@code maxiter}), reported as
   * {@link StopReason#MAX_ITERATIONS} rather than {@link StopReason#CONVERGED}.
   */
  public boolean stopIsIterationLimit() {
    return false;
  }

  /** Whether a local search is due before the next ask (see {@link #runLocalSearch}). */
  public boolean localSearchPending() {
    return false;
  }

  /**
   * Runs the pending local search with {@code f}; its evaluations are counted. In ask/tell use,
   * call this whenever {@link #localSearchPending()} is true; {@link #optimize} does it for you.
   */
  public void runLocalSearch(Objective f) {
    throw new IllegalStateException(algorithm() + " has no pending local search");
  }

  // ------------------------------------------------------------------ ask / tell

  /** The next batch of points to evaluate. */
  public final List<double[]> ask() {
    List<double[]> batch = beginBatch();
    List<double[]> out = new ArrayList<>(batch.size());
    for (double[] x : batch) {
      out.add(x.clone());
    }
    return out;
  }

  /**
   * doAsk's batch, kept as the outstanding one. Its arrays are fresh (doAsk's contract) and never
   * handed out: {@link #ask()} returns copies, {@link #optimize} passes copies to the objective.
   */
  private List<double[]> beginBatch() {
    if (outstanding != null) {
      throw new IllegalStateException("tell the values of the previous batch before asking again");
    }
    if (localSearchPending()) {
      throw new IllegalStateException("a local search is pending: call runLocalSearch(f) first");
    }
    outstanding = doAsk();
    return outstanding;
  }

  /** Counts and tells the values of the outstanding batch, whose points are told unchanged. */
  private void finishBatch(double[] values) {
    List<double[]> pts = outstanding;
    checkTold(pts, pts);
    double[] v = recordBatch(pts, values);
    outstanding = null;
    doTell(pts, v);
  }

  /** The values of the batch last returned by {@link #ask()}, in the same order. */
  public final void tell(List<double[]> xs, double[] values) {
    if (outstanding == null) {
      throw new IllegalStateException("tell called without a preceding ask");
    }
    if (xs == null || values == null || xs.size() != outstanding.size() || values.length != outstanding.size()) {
      throw new IllegalArgumentException("tell expects " + outstanding.size() + " points and values, got "
          + (xs == null ? "null" : xs.size()) + " and " + (values == null ? "null" : values.length));
    }
    List<double[]> pts = new ArrayList<>(xs.size());
    for (double[] x : xs) {
      if (x == null || x.length != n) {
        throw new IllegalArgumentException("every point must have length " + n);
      }
      pts.add(x.clone());
    }
    checkTold(outstanding, pts);
    double[] v = recordBatch(pts, values);
    outstanding = null;
    doTell(pts, v);
  }

  /**
   * Checks the told points against the asked ones; by default they must be equal. CMA-ES
   * overrides this to accept repaired points, as pycma and cmaes do.
   */
  protected void checkTold(List<double[]> asked, List<double[]> told) {
    if (asked == told) {
      return; // optimize's own batch: the points are the asked ones
    }
    for (int i = 0; i < asked.size(); i++) {
      if (!Arrays.equals(asked.get(i), told.get(i))) {
        throw new IllegalArgumentException("point " + i + " differs from the one asked; " + algorithm()
            + " must be told the asked points");
      }
    }
  }

  /** Counts one evaluation and updates the best; returns the value with NaN mapped to +infinity. */
  protected final double record(double[] x, double value) {
    nfev++;
    double v = value;
    if (Double.isNaN(v)) {
      nonFinite++;
      v = Double.POSITIVE_INFINITY;
    }
    if (v < bestF || bestX == null) {
      if (v < bestF) {
        bestF = v;
      }
      bestX = x.clone();
    }
    return v;
  }

  /** {@link #record} for each point of a batch, in order. */
  private double[] recordBatch(List<double[]> pts, double[] values) {
    double[] v = new double[values.length];
    for (int i = 0; i < v.length; i++) {
      v[i] = record(pts.get(i), values[i]);
    }
    return v;
  }

  /** Subclasses call this at the end of each iteration (generation): counts it and extends the history. */
  protected final void endIteration() {
    if (nit == history.length) {
      history = Arrays.copyOf(history, history.length * 2);
    }
    history[(int) nit] = bestF;
    nit++;
  }

  /** An objective that records every call (count, best, NaN) before returning its value. */
  protected final Objective counting(Objective f) {
    return x -> {
      double value = f.value(x.clone());
      return record(x, value);
    };
  }

  // ------------------------------------------------------------------ results

  public final int dimension() {
    return n;
  }

  /** Objective evaluations told or run so far (local searches included). */
  public final long evaluations() {
    return nfev;
  }

  /** Iterations (generations) completed. */
  public final long iterations() {
    return nit;
  }

  /** Evaluations that returned NaN. */
  public final long nonFiniteCount() {
    return nonFinite;
  }

  /** The best value seen (+infinity before any evaluation or if all were NaN). */
  public final double bestValue() {
    return bestF;
  }

  /** The best point seen, or null before any evaluation. */
  public final double[] bestX() {
    return bestX == null ? null : bestX.clone();
  }

  /** Best-so-far value after each iteration. */
  public final double[] history() {
    return Arrays.copyOf(history, (int) nit);
  }

  /** The random generator (for composite optimizers that seed inner ones). */
  protected final RandomGenerator random() {
    return rng;
  }

  // ------------------------------------------------------------------ optimize

  /** Runs until {@code budget} evaluations are used or the algorithm stops, evaluating in this thread. */
  public final GlobalResult optimize(Objective f, long budget) {
    return optimize(f, Termination.ofEvaluations(budget), null, null);
  }

  public final GlobalResult optimize(Objective f, Termination termination) {
    return optimize(f, termination, null, null);
  }

  /**
   * Runs ask/tell until a criterion of {@code termination} or of the algorithm fires, or the
   * callback returns true. Batches are evaluated through {@code executor} when it is not null
   * (results are identical for any executor; the objective must then be safe to call from several
   * threads at once). The callback sees the best point and value after
   * each iteration. Calling optimize again (or after loading a state) continues the run:
   * evaluation and iteration limits count from the optimizer's creation.
   */
  public final GlobalResult optimize(Objective f, Termination termination, Executor executor,
      IterationCallback callback) {
    if (f == null) {
      throw new IllegalArgumentException("objective must not be null");
    }
    Termination t = termination == null ? Termination.DEFAULTS : termination;
    StopReason reason;
    while (true) {
      reason = check(t);
      if (reason != null) {
        break;
      }
      long itBefore = nit;
      if (localSearchPending()) {
        runLocalSearch(f);
      } else {
        // no copies of the points beyond the one the objective gets (Evaluator copies each point)
        List<double[]> batch = beginBatch();
        double[] values = Evaluator.evaluate(f, batch, executor);
        finishBatch(values);
      }
      if (callback != null && nit > itBefore && callback.stop(bestX(), bestF, (int) Math.min(nit, Integer.MAX_VALUE))) {
        reason = StopReason.CALLBACK;
        break;
      }
    }
    String own = stopMessage();
    String message = own != null && shouldStop() && (reason == StopReason.CONVERGED || reason == StopReason.MAX_ITERATIONS)
        ? own : reason.defaultMessage();
    double[] x = bestX == null ? new double[n] : bestX.clone();
    return new GlobalResult(x, bestF, nfev, nit, nonFinite, history(), reason, message);
  }

  private StopReason check(Termination t) {
    if (bestX != null && bestF <= t.targetValue()) {
      return StopReason.TARGET_REACHED;
    }
    if (nfev >= t.maxEvaluations()) {
      return StopReason.MAX_EVALUATIONS;
    }
    if (nit >= t.maxIterations()) {
      return StopReason.MAX_ITERATIONS;
    }
    int w = t.stagnationIterations();
    if (w > 0 && nit > w) {
      double now = history[(int) nit - 1];
      double before = history[(int) (nit - 1 - w)];
      if (!(now < before - t.stagnationTolerance())) {
        return StopReason.STAGNATION;
      }
    }
    if (shouldStop()) {
      return stopIsIterationLimit() ? StopReason.MAX_ITERATIONS : StopReason.CONVERGED;
    }
    return null;
  }

  // ------------------------------------------------------------------ state

  /**
   * The full state (bookkeeping, random generator, algorithm state) as plain maps, lists, numbers,
   * booleans and strings, ready for Jackson. Options are not included: load into an optimizer built
   * with the same options.
   */
  public final Map<String, Object> stateDict() {
    if (outstanding != null) {
      throw new IllegalStateException("stateDict between ask and tell: tell the outstanding batch first");
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("algorithm", algorithm());
    m.put("n", n);
    if (rng instanceof SeededRandom sr) {
      m.put("rng", State.list(sr.state()));
    } else if (rng instanceof NumpyRandomState nr) {
      NumpyRandomState.State st = nr.state();
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("key", State.list(st.key()));
      r.put("pos", st.pos());
      r.put("has_gauss", st.hasGauss());
      r.put("gauss", st.gauss());
      m.put("numpy_rng", r);
    } else {
      throw new IllegalStateException("saving state needs a SeededRandom or a NumpyRandomState (construct with a"
          + " seed); got " + rng.getClass().getName());
    }
    m.put("nfev", nfev);
    m.put("nit", nit);
    m.put("non_finite", nonFinite);
    m.put("best_f", bestF);
    m.put("best_x", State.list(bestX));
    m.put("history", State.list(history()));
    saveState(m);
    return m;
  }

  /** Restores a {@link #stateDict()} (possibly after a JSON round trip). */
  public final void loadStateDict(Map<String, Object> m) {
    String alg = State.getString(m, "algorithm");
    if (!algorithm().equals(alg)) {
      throw new IllegalArgumentException("state is for " + alg + ", not " + algorithm());
    }
    if (State.getInt(m, "n") != n) {
      throw new IllegalArgumentException("state has dimension " + State.getInt(m, "n") + ", optimizer has " + n);
    }
    if (m.containsKey("numpy_rng")) {
      Map<String, Object> r = State.getMap(m, "numpy_rng");
      rng = NumpyRandomState.fromState(new NumpyRandomState.State(State.getIntArray(r, "key"), State.getInt(r, "pos"),
          State.getBoolean(r, "has_gauss"), State.getDouble(r, "gauss")));
    } else {
      rng = SeededRandom.fromState(State.getLongArray(m, "rng"));
    }
    nfev = State.getLong(m, "nfev");
    nit = State.getLong(m, "nit");
    nonFinite = State.getLong(m, "non_finite");
    bestF = State.getDouble(m, "best_f");
    bestX = State.getDoubleArray(m, "best_x");
    double[] h = State.getDoubleArray(m, "history");
    history = Arrays.copyOf(h, Math.max(16, h.length * 2));
    outstanding = null;
    loadState(m);
  }

  // ------------------------------------------------------------------ helpers for subclasses

  /** Validates finite, non-empty box bounds of dimension n (PSO, DE and annealing need them). */
  protected static Bounds requireFiniteBounds(Bounds b) {
    if (b == null) {
      throw new IllegalArgumentException("bounds must not be null");
    }
    if (b.dimension() == 0) {
      throw new IllegalArgumentException("bounds must not be empty");
    }
    double[] lb = b.lb();
    double[] ub = b.ub();
    for (int i = 0; i < lb.length; i++) {
      if (!Double.isFinite(lb[i]) || !Double.isFinite(ub[i])) {
        throw new IllegalArgumentException("bounds must be finite; got [" + lb[i] + ", " + ub[i] + "] at index " + i);
      }
    }
    return b;
  }

  /** This library's generator ({@link SeededRandom}) for an explicit seed. */
  protected static RandomGenerator seeded(long seed) {
    return new SeededRandom(seed);
  }

  /**
   * NumPy's {@code RandomState(seed)} ({@link NumpyRandomState}), the seeded generator of the ports of
   * scipy, cmaes and pyswarm(s), so that {@code seed = s} replays the anchor's {@code seed = s}.
   *
   * @throws IllegalArgumentException if the seed is outside [0, 2^32 - 1] (NumPy's rule)
   */
  protected static RandomGenerator numpySeeded(long seed) {
    return new NumpyRandomState(seed);
  }
}
