package org.minima4j.optimize.global.pso;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.minima4j.optimize.Bounds;
import org.minima4j.optimize.global.GlobalOptimizer;
import org.minima4j.optimize.global.internal.State;

/**
 * Standard PSO 2011 (Clerc 2012; Zambrano-Bigiarini, Clerc and Rojas, CEC 2013), synchronous
 * variant: swarm 40, inertia {@code w = 1 / (2 ln 2)}, {@code c = 0.5 + ln 2}; adaptive random
 * topology (each particle informs itself and K = 3 random others; links are redrawn after an
 * iteration that did not improve the swarm best); the rotation-invariant move
 * {@code G = x + c (p + l - 2x) / 3} ({@code x + c (p - x) / 2} when l is p), {@code x'} uniform in
 * the hypersphere around G of radius {@code |G - x|}, {@code v = w v + x' - x}, {@code x = x + v};
 * initial velocities {@code U(lb - x, ub - x)}; a coordinate leaving the box is clamped and its
 * velocity set to 0 (CRAN pso's {@code psoptim(type = "SPSO2011")}); stop after {@code maxiter}
 * iterations.
 *
 * <p>Deviations from Clerc's C reference: particles are moved and evaluated synchronously (one
 * batch per iteration, so evaluations can run in parallel) instead of one after the other; the
 * "-0.5 velocity" confinement some implementations use is not applied (unverified against the C
 * code); no randomised particle order.
 */
public final class SPSO2011 extends GlobalOptimizer {

  /**
   * @param swarmSize particles (40)
   * @param w inertia (1 / (2 ln 2))
   * @param c acceleration (0.5 + ln 2)
   * @param informants K, informants per particle besides itself (3)
   * @param maxiter iterations after the initial evaluation (1000)
   * @param seed random seed
   */
  public record Options(int swarmSize, double w, double c, int informants, int maxiter, long seed) {
    public static final Options DEFAULTS = new Options(40, 1.0 / (2.0 * Math.log(2.0)), 0.5 + Math.log(2.0), 3, 1000,
        0L);

    public Options {
      if (swarmSize < 2) {
        throw new IllegalArgumentException("swarm size must be >= 2, got " + swarmSize);
      }
      if (informants < 1) {
        throw new IllegalArgumentException("informants must be >= 1, got " + informants);
      }
      if (maxiter < 1) {
        throw new IllegalArgumentException("maxiter must be >= 1, got " + maxiter);
      }
    }

    public Options withSwarmSize(int v) {
      return new Options(v, w, c, informants, maxiter, seed);
    }

    public Options withMaxiter(int v) {
      return new Options(swarmSize, w, c, informants, v, seed);
    }

    public Options withInformants(int v) {
      return new Options(swarmSize, w, c, v, maxiter, seed);
    }

    public Options withSeed(long v) {
      return new Options(swarmSize, w, c, informants, maxiter, v);
    }
  }

  private final Options o;
  private final double[] lb;
  private final double[] ub;
  private final int s;

  private double[][] x;
  private double[][] v;
  private double[][] p;
  private double[] fp;
  private boolean[][] links; // links[i][j]: i informs j
  private boolean initialized;
  private double swarmBest = Double.POSITIVE_INFINITY;
  private int it;

  public SPSO2011(Bounds bounds, Options options) {
    this(bounds, options, seeded((options == null ? Options.DEFAULTS : options).seed()));
  }

  public SPSO2011(Bounds bounds, Options options, RandomGenerator rng) {
    super(requireFiniteBounds(bounds).dimension(), rng);
    this.o = options == null ? Options.DEFAULTS : options;
    this.lb = bounds.lb();
    this.ub = bounds.ub();
    this.s = o.swarmSize();
  }

  @Override
  public String algorithm() {
    return "SPSO2011";
  }

  @Override
  protected List<double[]> doAsk() {
    if (!initialized) {
      x = new double[s][n];
      v = new double[s][n];
      for (int i = 0; i < s; i++) {
        for (int j = 0; j < n; j++) {
          x[i][j] = lb[j] + rng.nextDouble() * (ub[j] - lb[j]);
        }
        for (int j = 0; j < n; j++) {
          double lo = lb[j] - x[i][j];
          double hi = ub[j] - x[i][j];
          v[i][j] = lo + rng.nextDouble() * (hi - lo);
        }
      }
    } else {
      move();
    }
    List<double[]> out = new ArrayList<>(s);
    for (double[] xi : x) {
      out.add(xi.clone());
    }
    return out;
  }

  private void redrawLinks() {
    links = new boolean[s][s];
    for (int i = 0; i < s; i++) {
      links[i][i] = true;
      for (int k = 0; k < o.informants(); k++) {
        links[i][rng.nextInt(s)] = true;
      }
    }
  }

  private void move() {
    for (int i = 0; i < s; i++) {
      int best = i;
      for (int j = 0; j < s; j++) {
        if (links[j][i] && fp[j] < fp[best]) {
          best = j;
        }
      }
      double[] g = new double[n];
      double radius2 = 0;
      for (int d = 0; d < n; d++) {
        double xd = x[i][d];
        g[d] = best == i ? xd + o.c() * (p[i][d] - xd) / 2.0 : xd + o.c() * (p[i][d] + p[best][d] - 2 * xd) / 3.0;
        radius2 += (g[d] - xd) * (g[d] - xd);
      }
      double radius = Math.sqrt(radius2);
      double[] dir = new double[n];
      double norm = 0;
      for (int d = 0; d < n; d++) {
        dir[d] = rng.nextGaussian();
        norm += dir[d] * dir[d];
      }
      norm = Math.sqrt(norm);
      double r = radius * Math.pow(rng.nextDouble(), 1.0 / n);
      for (int d = 0; d < n; d++) {
        double xp = g[d] + (norm == 0 ? 0 : r * dir[d] / norm);
        v[i][d] = o.w() * v[i][d] + xp - x[i][d];
        double nx = x[i][d] + v[i][d];
        if (nx < lb[d]) {
          nx = lb[d];
          v[i][d] = 0;
        } else if (nx > ub[d]) {
          nx = ub[d];
          v[i][d] = 0;
        }
        x[i][d] = nx;
      }
    }
  }

  @Override
  protected void doTell(List<double[]> xs, double[] values) {
    if (!initialized) {
      p = new double[s][];
      fp = new double[s];
      for (int i = 0; i < s; i++) {
        p[i] = x[i].clone();
        fp[i] = values[i];
      }
      initialized = true;
    } else {
      for (int i = 0; i < s; i++) {
        if (values[i] < fp[i]) {
          p[i] = x[i].clone();
          fp[i] = values[i];
        }
      }
      it++;
    }
    double best = Double.POSITIVE_INFINITY;
    for (double f : fp) {
      best = Math.min(best, f);
    }
    if (links == null || !(best < swarmBest)) {
      redrawLinks();
    }
    swarmBest = Math.min(swarmBest, best);
    endIteration();
  }

  /** Best personal-best value of the swarm. */
  public double swarmBestValue() {
    return swarmBest;
  }

  @Override
  public boolean shouldStop() {
    return it >= o.maxiter();
  }

  @Override
  public boolean stopIsIterationLimit() {
    return true;
  }

  @Override
  public String stopMessage() {
    return shouldStop() ? "maximum iterations reached: " + o.maxiter() : null;
  }

  @Override
  protected void saveState(Map<String, Object> m) {
    m.put("swarm_size", s);
    m.put("initialized", initialized);
    m.put("it", it);
    m.put("swarm_best", swarmBest);
    m.put("x", State.list(x));
    m.put("v", State.list(v));
    m.put("p", State.list(p));
    m.put("fp", State.list(fp));
    List<List<Integer>> l = null;
    if (links != null) {
      l = new ArrayList<>();
      for (boolean[] row : links) {
        List<Integer> r = new ArrayList<>();
        for (int j = 0; j < s; j++) {
          if (row[j]) {
            r.add(j);
          }
        }
        l.add(r);
      }
    }
    m.put("links", l);
  }

  @Override
  @SuppressWarnings("unchecked")
  protected void loadState(Map<String, Object> m) {
    if (State.getInt(m, "swarm_size") != s) {
      throw new IllegalArgumentException("state has swarm size " + State.getInt(m, "swarm_size") + ", optimizer has " + s);
    }
    initialized = State.getBoolean(m, "initialized");
    it = State.getInt(m, "it");
    swarmBest = State.getDouble(m, "swarm_best");
    x = State.getMatrix(m, "x");
    v = State.getMatrix(m, "v");
    p = State.getMatrix(m, "p");
    fp = State.getDoubleArray(m, "fp");
    Object l = m.get("links");
    if (l == null) {
      links = null;
    } else {
      links = new boolean[s][s];
      List<Object> rows = (List<Object>) l;
      for (int i = 0; i < s; i++) {
        for (Object j : (List<Object>) rows.get(i)) {
          links[i][((Number) j).intValue()] = true;
        }
      }
    }
  }
}
