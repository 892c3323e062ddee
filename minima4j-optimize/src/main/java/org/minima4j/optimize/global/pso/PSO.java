package org.minima4j.optimize.global.pso;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.minima4j.optimize.Bounds;
import org.minima4j.optimize.VectorFunction;
import org.minima4j.optimize.global.GlobalOptimizer;
import org.minima4j.optimize.global.internal.State;

/**
 * Particle swarm optimization with ask/tell, in two flavours that follow their anchors step by step.
 *
 * <p>{@link Variant#PYSWARM} (the {@link Options#DEFAULTS}): tisimst/pyswarm 0.7 {@code pso()}:
 * swarm 100, omega = phip = phig = 0.5, maxiter 100, minstep = minfunc = 1e-8; positions
 * {@code U(lb, ub)}, personal bests start at 0 with value +inf and are updated only for feasible
 * improvements, velocities {@code U(-|ub-lb|, |ub-lb|)} drawn after the first evaluation, positions
 * clipped to the bounds (velocity unchanged), and the minstep / minfunc tests made only when the
 * swarm best improves. Inequality constraints {@code ieqcons(x) >= 0} as pyswarm's {@code f_ieqcons}.
 *
 * <p>{@link Variant#PYSWARMS}: ljvmiranda921/pyswarms 1.3.0 {@code GlobalBestPSO} / {@code LocalBestPSO}
 * ({@link Options#pyswarms}): options c1, c2, w; positions {@code U(lb, ub)}, velocities {@code U(0, 1)}
 * (or {@code U(clamp)}), personal bests updated on a strict {@code <}, star or ring topology (ring:
 * the k nearest particles by Minkowski p-norm, itself included), boundary handling (default periodic),
 * optional velocity clamp, and the {@code ftol} / {@code ftol_iter} stop.
 *
 * <p>Random numbers: built from a seed s, the generator is NumPy's {@code RandomState(s)}
 * ({@link org.minima4j.random.NumpyRandomState}), the state that {@code np.random.seed(s)} gives the
 * global generator both anchors draw from, in the anchors' order (pyswarms' discarded first swarm
 * included), so {@code seed = s} replays {@code np.random.seed(s)} followed by the anchor's call.
 * Deviations: nothing is printed, and the ring's nearest neighbours are found by a sort (ties by
 * index) instead of scipy's cKDTree.
 */
public final class PSO extends GlobalOptimizer {

  /** Which anchor's algorithm to follow. */
  public enum Variant { PYSWARM, PYSWARMS }

  /** Who informs a particle's social term. */
  public enum Topology { GLOBAL, RING }

  /** pyswarms' {@code bh_strategy}; NEAREST is pyswarm's clipping. */
  public enum BoundaryHandling { NEAREST, PERIODIC, REFLECTIVE, RANDOM }

  /**
   * Options; {@link #DEFAULTS} are pyswarm's {@code pso()} defaults with seed 0.
   *
   * @param variant algorithm flavour
   * @param swarmSize number of particles (pyswarm {@code swarmsize}, pyswarms {@code n_particles})
   * @param omega inertia (pyswarm {@code omega}, pyswarms {@code w})
   * @param phip cognitive factor (pyswarm {@code phip}, pyswarms {@code c1})
   * @param phig social factor (pyswarm {@code phig}, pyswarms {@code c2})
   * @param maxiter iterations (pyswarm {@code maxiter}, pyswarms {@code iters})
   * @param minstep pyswarm: stop when the swarm best moves by no more than this (PYSWARM only)
   * @param minfunc pyswarm: stop when the swarm best improves by no more than this (PYSWARM only)
   * @param ftol pyswarms: relative improvement tolerance ({@code -inf} disables it; PYSWARMS only)
   * @param ftolIter pyswarms: consecutive iterations below ftol before stopping
   * @param topology GLOBAL (star) or RING (PYSWARMS only)
   * @param k ring neighbours (itself included, as cKDTree.query returns it)
   * @param p ring distance norm: 1 (Manhattan) or 2 (Euclidean)
   * @param boundary boundary handling
   * @param velocityClamp {@code {min, max}} velocity clamp, or null
   * @param ieqcons inequality constraints {@code ieqcons(x)[j] >= 0}, or null
   * @param seed random seed
   */
  public record Options(Variant variant, int swarmSize, double omega, double phip, double phig, int maxiter,
      double minstep, double minfunc, double ftol, int ftolIter, Topology topology, int k, int p,
      BoundaryHandling boundary, double[] velocityClamp, VectorFunction ieqcons, long seed) {

    public static final Options DEFAULTS = new Options(Variant.PYSWARM, 100, 0.5, 0.5, 0.5, 100, 1e-8, 1e-8,
        Double.NEGATIVE_INFINITY, 1, Topology.GLOBAL, 1, 2, BoundaryHandling.NEAREST, null, null, 0L);

    public Options {
      if (variant == null || topology == null || boundary == null) {
        throw new IllegalArgumentException("variant, topology and boundary must not be null");
      }
      if (swarmSize < 1) {
        throw new IllegalArgumentException("swarmsize must be >= 1, got " + swarmSize);
      }
      if (maxiter < 1) {
        throw new IllegalArgumentException("maxiter must be >= 1, got " + maxiter);
      }
      if (ftolIter < 1) {
        throw new IllegalArgumentException("ftol_iter must be >= 1, got " + ftolIter);
      }
      if (topology == Topology.RING && variant != Variant.PYSWARMS) {
        throw new IllegalArgumentException("the ring topology is pyswarms' LocalBestPSO: use Variant.PYSWARMS");
      }
      if (topology == Topology.RING && (k < 1 || k > swarmSize)) {
        throw new IllegalArgumentException("k must be in [1, swarmsize], got " + k);
      }
      if (p != 1 && p != 2) {
        throw new IllegalArgumentException("p must be 1 or 2, got " + p);
      }
      if (velocityClamp != null && (velocityClamp.length != 2 || !(velocityClamp[0] <= velocityClamp[1]))) {
        throw new IllegalArgumentException("velocity clamp must be {min, max} with min <= max");
      }
      velocityClamp = velocityClamp == null ? null : velocityClamp.clone();
    }

    /** pyswarms {@code GlobalBestPSO(n_particles, options={'c1','c2','w'})} run for {@code iters} iterations. */
    public static Options pyswarms(int nParticles, double c1, double c2, double w, int iters) {
      return new Options(Variant.PYSWARMS, nParticles, w, c1, c2, iters, 0, 0, Double.NEGATIVE_INFINITY, 1,
          Topology.GLOBAL, 1, 2, BoundaryHandling.PERIODIC, null, null, 0L);
    }

    public Options withSwarmSize(int v) {
      return new Options(variant, v, omega, phip, phig, maxiter, minstep, minfunc, ftol, ftolIter, topology, k, p,
          boundary, velocityClamp, ieqcons, seed);
    }

    public Options withOmega(double v) {
      return new Options(variant, swarmSize, v, phip, phig, maxiter, minstep, minfunc, ftol, ftolIter, topology, k,
          p, boundary, velocityClamp, ieqcons, seed);
    }

    public Options withPhip(double v) {
      return new Options(variant, swarmSize, omega, v, phig, maxiter, minstep, minfunc, ftol, ftolIter, topology,
          k, p, boundary, velocityClamp, ieqcons, seed);
    }

    public Options withPhig(double v) {
      return new Options(variant, swarmSize, omega, phip, v, maxiter, minstep, minfunc, ftol, ftolIter, topology,
          k, p, boundary, velocityClamp, ieqcons, seed);
    }

    public Options withMaxiter(int v) {
      return new Options(variant, swarmSize, omega, phip, phig, v, minstep, minfunc, ftol, ftolIter, topology, k,
          p, boundary, velocityClamp, ieqcons, seed);
    }

    public Options withMinstep(double v) {
      return new Options(variant, swarmSize, omega, phip, phig, maxiter, v, minfunc, ftol, ftolIter, topology, k,
          p, boundary, velocityClamp, ieqcons, seed);
    }

    public Options withMinfunc(double v) {
      return new Options(variant, swarmSize, omega, phip, phig, maxiter, minstep, v, ftol, ftolIter, topology, k,
          p, boundary, velocityClamp, ieqcons, seed);
    }

    public Options withFtol(double v, int iters) {
      return new Options(variant, swarmSize, omega, phip, phig, maxiter, minstep, minfunc, v, iters, topology, k,
          p, boundary, velocityClamp, ieqcons, seed);
    }

    /** pyswarms' LocalBestPSO: ring topology over the k nearest particles in the p-norm. */
    public Options withRing(int kNeighbours, int norm) {
      return new Options(variant, swarmSize, omega, phip, phig, maxiter, minstep, minfunc, ftol, ftolIter,
          Topology.RING, kNeighbours, norm, boundary, velocityClamp, ieqcons, seed);
    }

    public Options withBoundary(BoundaryHandling v) {
      return new Options(variant, swarmSize, omega, phip, phig, maxiter, minstep, minfunc, ftol, ftolIter, topology,
          k, p, v, velocityClamp, ieqcons, seed);
    }

    public Options withVelocityClamp(double min, double max) {
      return new Options(variant, swarmSize, omega, phip, phig, maxiter, minstep, minfunc, ftol, ftolIter, topology,
          k, p, boundary, new double[] {min, max}, ieqcons, seed);
    }

    public Options withIeqcons(VectorFunction v) {
      return new Options(variant, swarmSize, omega, phip, phig, maxiter, minstep, minfunc, ftol, ftolIter, topology,
          k, p, boundary, velocityClamp, v, seed);
    }

    public Options withSeed(long v) {
      return new Options(variant, swarmSize, omega, phip, phig, maxiter, minstep, minfunc, ftol, ftolIter, topology,
          k, p, boundary, velocityClamp, ieqcons, v);
    }

    @Override
    public double[] velocityClamp() {
      return velocityClamp == null ? null : velocityClamp.clone();
    }
  }

  private final Options o;
  private final double[] lb;
  private final double[] ub;
  private final int s;
  private final SwarmMotion motion;

  // rows of x and pBest are never changed once made (SwarmMotion's contract), so they are shared, not copied
  private double[][] x;
  private double[][] v;
  private double[][] pBest;
  private double[] fp;
  private double[][] g; // one row (global) or one per particle (ring)
  private double fg = Double.POSITIVE_INFINITY;
  private int it; // iterations done (PYSWARM: 0 = initial evaluation pending or done, as pyswarm's it - 1)
  private boolean initialized;
  private int ftolCount;
  private String stop;
  private boolean stopLimit;

  public PSO(Bounds bounds, Options options) {
    this(bounds, options, numpySeeded((options == null ? Options.DEFAULTS : options).seed()));
  }

  public PSO(Bounds bounds, Options options, RandomGenerator rng) {
    super(requireFiniteBounds(bounds).dimension(), rng);
    this.o = options == null ? Options.DEFAULTS : options;
    this.lb = bounds.lb();
    this.ub = bounds.ub();
    if (o.variant() == Variant.PYSWARM) {
      for (int i = 0; i < n; i++) {
        if (!(ub[i] > lb[i])) {
          throw new IllegalArgumentException("All upper-bound values must be greater than lower-bound values");
        }
      }
    }
    this.s = o.swarmSize();
    this.motion = new SwarmMotion(o, lb, ub);
  }

  @Override
  public String algorithm() {
    return "PSO";
  }

  // ------------------------------------------------------------------ ask

  @Override
  protected List<double[]> doAsk() {
    if (!initialized) {
      if (o.variant() == Variant.PYSWARMS) {
        // pyswarms 1.3.0 builds the swarm twice (SwarmOptimizer.__init__ and GlobalBestPSO/LocalBestPSO.__init__
        // both call reset()) and keeps the second: the first one's draws are made and discarded, as there
        initSwarm();
      }
      initSwarm();
    } else if (o.variant() == Variant.PYSWARM) {
      moveSwarm();
    }
    // x's rows are fresh for this batch and never changed afterwards (a new x replaces them)
    return Arrays.asList(x);
  }

  /**
   * pyswarm: positions {@code U(lb, ub)}; pyswarms ({@code reset()}: {@code generate_swarm},
   * {@code generate_velocity}): positions, then velocities {@code U(0, 1)} or {@code U(clamp)}.
   */
  private void initSwarm() {
    x = motion.uniformRows(rng);
    if (o.variant() == Variant.PYSWARMS) {
      double[] clamp = o.velocityClamp();
      double vmin = clamp == null ? 0.0 : clamp[0];
      double vmax = clamp == null ? 1.0 : clamp[1];
      v = motion.velocityRows(rng, vmin, vmax - vmin);
    }
  }

  /** v = w v + c1 r1 (p - x) + c2 r2 (g - x); x += v; boundary handling ({@link SwarmMotion#move}). */
  private void moveSwarm() {
    x = motion.move(x, v, pBest, g, rng);
  }

  // ------------------------------------------------------------------ tell

  @Override
  protected void doTell(List<double[]> xs, double[] fx) {
    boolean[] feasible = null; // null: all feasible (no constraints)
    if (o.ieqcons() != null) {
      feasible = new boolean[s];
      for (int i = 0; i < s; i++) {
        feasible[i] = isFeasible(x[i]);
      }
    }
    if (o.variant() == Variant.PYSWARM) {
      tellPyswarm(fx, feasible);
    } else {
      tellPyswarms(fx, feasible);
    }
    endIteration();
  }

  private boolean isFeasible(double[] xi) {
    double[] c = o.ieqcons().value(xi.clone());
    for (double ci : c) {
      if (!(ci >= 0)) {
        return false;
      }
    }
    return true;
  }

  private void tellPyswarm(double[] fx, boolean[] feasible) {
    if (!initialized) {
      pBest = new double[s][n];
      fp = new double[s];
      Arrays.fill(fp, Double.POSITIVE_INFINITY);
      int iMin = updatePersonalBests(fx, feasible);
      if (fp[iMin] < fg) {
        fg = fp[iMin];
        g = new double[][] {pBest[iMin].clone()};
      } else {
        g = new double[][] {x[0].clone()};
      }
      v = motion.pyswarmVelocityRows(rng);
      initialized = true;
      return;
    }
    it++;
    int iMin = updatePersonalBests(fx, feasible);
    if (fp[iMin] < fg) {
      double[] pMin = pBest[iMin].clone();
      double step = 0;
      for (int j = 0; j < n; j++) {
        double dlt = g[0][j] - pMin[j];
        step += dlt * dlt;
      }
      step = Math.sqrt(step);
      if (Math.abs(fg - fp[iMin]) <= o.minfunc()) {
        stop = "Stopping search: Swarm best objective change less than " + o.minfunc();
      } else if (step <= o.minstep()) {
        stop = "Stopping search: Swarm best position change less than " + o.minstep();
      }
      g[0] = pMin;
      fg = fp[iMin];
    }
    if (stop == null && it >= o.maxiter()) {
      stop = "Stopping search: maximum iterations reached --> " + o.maxiter();
      stopLimit = true;
    }
  }

  /**
   * Personal bests updated for feasible improvements (the row shared, x's rows never change); returns
   * {@code argmin(fp)} after the update (the first minimum), found in the same pass.
   */
  private int updatePersonalBests(double[] fx, boolean[] feasible) {
    double[][] xs = x;
    double[][] ps = pBest;
    double[] f = fp;
    int iMin = 0;
    for (int i = 0; i < s; i++) {
      if (fx[i] < f[i] && (feasible == null || feasible[i])) {
        ps[i] = xs[i];
        f[i] = fx[i];
      }
      if (f[i] < f[iMin]) {
        iMin = i;
      }
    }
    return iMin;
  }

  private void tellPyswarms(double[] fx, boolean[] feasible) {
    if (!initialized) {
      pBest = x.clone();
      fp = new double[s];
      Arrays.fill(fp, Double.POSITIVE_INFINITY);
      g = new double[][] {x[0].clone()};
      initialized = true;
    }
    int iMin = updatePersonalBests(fx, feasible);
    double before = fg;
    if (o.topology() == Topology.GLOBAL) {
      if (fp[iMin] < fg) {
        g = new double[][] {pBest[iMin].clone()};
        fg = fp[iMin];
      }
    } else {
      ringBest();
    }
    boolean delta = Math.abs(fg - before) < o.ftol() * (1 + Math.abs(before));
    ftolCount = delta ? ftolCount + 1 : 0;
    int i = it;
    it++;
    if (i >= o.ftolIter() && ftolCount >= o.ftolIter()) {
      stop = "Stopping: best cost changed less than ftol for " + o.ftolIter() + " iterations";
      return;
    }
    moveSwarm();
    if (stop == null && it >= o.maxiter()) {
      stop = "Optimization finished: " + o.maxiter() + " iterations";
      stopLimit = true;
    }
  }

  private void ringBest() {
    double[][] gi = new double[s][];
    double best = Double.POSITIVE_INFINITY;
    Integer[] idx = new Integer[s];
    double[] dist = new double[s];
    boolean manhattan = o.p() == 1;
    int k = o.k();
    for (int i = 0; i < s; i++) {
      double[] xi = x[i];
      for (int q = 0; q < s; q++) {
        idx[q] = q;
        double[] xq = x[q];
        double dd = 0;
        for (int j = 0; j < n; j++) {
          double t = Math.abs(xi[j] - xq[j]);
          dd += manhattan ? t : t * t;
        }
        dist[q] = dd;
      }
      Arrays.sort(idx, (a, b) -> Double.compare(dist[a], dist[b]));
      int bestNeighbour = idx[0];
      for (int q = 1; q < k; q++) {
        if (fp[idx[q]] < fp[bestNeighbour]) {
          bestNeighbour = idx[q];
        }
      }
      gi[i] = pBest[bestNeighbour].clone();
      best = Math.min(best, fp[bestNeighbour]);
    }
    g = gi;
    fg = best;
  }

  private static int argmin(double[] a) {
    int k = 0;
    for (int i = 1; i < a.length; i++) {
      if (a[i] < a[k]) {
        k = i;
      }
    }
    return k;
  }

  // ------------------------------------------------------------------ results and termination

  /** The swarm best value (pyswarm's {@code fg}, pyswarms' {@code best_cost}). */
  public double swarmBestValue() {
    return fg;
  }

  /** The swarm best position (for the ring topology, that of the best particle's neighbourhood). */
  public double[] swarmBestPosition() {
    if (g == null) {
      return null;
    }
    if (g.length == 1) {
      return g[0].clone();
    }
    return pBest[argmin(fp)].clone();
  }

  @Override
  public boolean shouldStop() {
    return stop != null;
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
    m.put("swarmsize", s);
    m.put("initialized", initialized);
    m.put("it", it);
    m.put("x", State.list(x));
    m.put("v", State.list(v));
    m.put("p", State.list(pBest));
    m.put("fp", State.list(fp));
    m.put("g", State.list(g));
    m.put("fg", fg);
    m.put("ftol_count", ftolCount);
    m.put("stop", stop);
    m.put("stop_limit", stopLimit);
  }

  @Override
  protected void loadState(Map<String, Object> m) {
    if (State.getInt(m, "swarmsize") != s) {
      throw new IllegalArgumentException("state has swarmsize " + State.getInt(m, "swarmsize") + ", optimizer has " + s);
    }
    initialized = State.getBoolean(m, "initialized");
    it = State.getInt(m, "it");
    x = State.getMatrix(m, "x");
    v = State.getMatrix(m, "v");
    pBest = State.getMatrix(m, "p");
    fp = State.getDoubleArray(m, "fp");
    g = State.getMatrix(m, "g");
    fg = State.getDouble(m, "fg");
    ftolCount = State.getInt(m, "ftol_count");
    stop = State.getString(m, "stop");
    stopLimit = State.getBoolean(m, "stop_limit");
  }
}
