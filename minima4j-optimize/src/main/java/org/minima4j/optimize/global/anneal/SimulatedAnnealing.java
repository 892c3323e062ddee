package org.minima4j.optimize.global.anneal;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.minima4j.optimize.Bounds;
import org.minima4j.optimize.global.GlobalOptimizer;
import org.minima4j.optimize.global.internal.State;

/**
 * Classic simulated annealing (Kirkpatrick, Gelatt and Vecchi 1983): Metropolis acceptance
 * {@code p = exp(-dE / T)} of worse moves, Gaussian neighbours with standard deviation
 * {@code stepSize * (ub - lb)} per coordinate reflected back into the box, {@code dwell} proposals
 * per temperature (scipy's removed {@code anneal} used 50), and a cooling schedule:
 * <ul>
 *   <li>{@link Cooling#EXPONENTIAL}: {@code T_k = T0 * alpha^k} (geometric, alpha 0.95);</li>
 *   <li>{@link Cooling#LINEAR}: {@code T_k = T0 * (1 - k / maxiter)};</li>
 *   <li>{@link Cooling#LOGARITHMIC}: {@code T_k = T0 / ln(k + e)} (Geman and Geman; {@code T_0 = T0}).</li>
 * </ul>
 * k counts temperatures (iterations) from 0. The run stops after {@code maxiter} temperatures.
 * There is no single anchor implementation; the algorithm is the textbook one.
 */
public final class SimulatedAnnealing extends GlobalOptimizer {

  /** Temperature schedules. */
  public enum Cooling { EXPONENTIAL, LINEAR, LOGARITHMIC }

  /**
   * @param initialTemp T0 (1.0)
   * @param cooling schedule (EXPONENTIAL)
   * @param alpha geometric factor for EXPONENTIAL (0.95)
   * @param maxiter number of temperatures (1000)
   * @param dwell proposals per temperature (50)
   * @param stepSize neighbour standard deviation as a fraction of the box width (0.1)
   * @param x0 start point or null for a uniform random one
   * @param seed random seed
   */
  public record Options(double initialTemp, Cooling cooling, double alpha, int maxiter, int dwell, double stepSize,
      double[] x0, long seed) {
    public static final Options DEFAULTS = new Options(1.0, Cooling.EXPONENTIAL, 0.95, 1000, 50, 0.1, null, 0L);

    public Options {
      if (!(initialTemp > 0) || !Double.isFinite(initialTemp)) {
        throw new IllegalArgumentException("initialTemp must be positive, got " + initialTemp);
      }
      if (cooling == null) {
        throw new IllegalArgumentException("cooling must not be null");
      }
      if (!(alpha > 0 && alpha < 1)) {
        throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
      }
      if (maxiter < 1 || dwell < 1) {
        throw new IllegalArgumentException("maxiter and dwell must be >= 1");
      }
      if (!(stepSize > 0)) {
        throw new IllegalArgumentException("stepSize must be positive, got " + stepSize);
      }
      x0 = x0 == null ? null : x0.clone();
    }

    public Options withInitialTemp(double v) {
      return new Options(v, cooling, alpha, maxiter, dwell, stepSize, x0, seed);
    }

    public Options withCooling(Cooling v) {
      return new Options(initialTemp, v, alpha, maxiter, dwell, stepSize, x0, seed);
    }

    public Options withAlpha(double v) {
      return new Options(initialTemp, cooling, v, maxiter, dwell, stepSize, x0, seed);
    }

    public Options withMaxiter(int v) {
      return new Options(initialTemp, cooling, alpha, v, dwell, stepSize, x0, seed);
    }

    public Options withDwell(int v) {
      return new Options(initialTemp, cooling, alpha, maxiter, v, stepSize, x0, seed);
    }

    public Options withStepSize(double v) {
      return new Options(initialTemp, cooling, alpha, maxiter, dwell, v, x0, seed);
    }

    public Options withX0(double[] v) {
      return new Options(initialTemp, cooling, alpha, maxiter, dwell, stepSize, v, seed);
    }

    public Options withSeed(long v) {
      return new Options(initialTemp, cooling, alpha, maxiter, dwell, stepSize, x0, v);
    }

    @Override
    public double[] x0() {
      return x0 == null ? null : x0.clone();
    }
  }

  private final Options o;
  private final double[] lower;
  private final double[] upper;

  private double[] current;
  private double currentEnergy = Double.POSITIVE_INFINITY;
  private boolean initialized;
  private int k;
  private int proposal;
  private long accepted;
  private String stop;

  public SimulatedAnnealing(Bounds bounds, Options options) {
    this(bounds, options, seeded((options == null ? Options.DEFAULTS : options).seed()));
  }

  public SimulatedAnnealing(Bounds bounds, Options options, RandomGenerator rng) {
    super(requireFiniteBounds(bounds).dimension(), rng);
    this.o = options == null ? Options.DEFAULTS : options;
    this.lower = bounds.lb();
    this.upper = bounds.ub();
    if (o.x0() != null) {
      double[] x0 = o.x0();
      if (x0.length != n) {
        throw new IllegalArgumentException("x0 has length " + x0.length + ", bounds have dimension " + n);
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
    return "SimulatedAnnealing";
  }

  /** Temperature at step k. */
  public double temperature(int step) {
    switch (o.cooling()) {
      case EXPONENTIAL:
        return o.initialTemp() * Math.pow(o.alpha(), step);
      case LINEAR:
        return o.initialTemp() * (1.0 - (double) step / o.maxiter());
      default:
        return o.initialTemp() / Math.log(step + Math.E);
    }
  }

  /** Accepted moves so far. */
  public long acceptedMoves() {
    return accepted;
  }

  @Override
  protected List<double[]> doAsk() {
    if (!initialized) {
      if (current == null) {
        current = new double[n];
        for (int i = 0; i < n; i++) {
          current[i] = lower[i] + rng.nextDouble() * (upper[i] - lower[i]);
        }
      }
      return List.of(current.clone());
    }
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double w = upper[i] - lower[i];
      double v = current[i] + o.stepSize() * w * rng.nextGaussian();
      if (w == 0) {
        v = lower[i];
      } else {
        double period = 2 * w;
        double t = (v - lower[i]) % period;
        if (t < 0) {
          t += period;
        }
        v = t <= w ? lower[i] + t : upper[i] - (t - w);
      }
      y[i] = Math.min(Math.max(v, lower[i]), upper[i]);
    }
    return List.of(y);
  }

  @Override
  protected void doTell(List<double[]> xs, double[] values) {
    double e = values[0];
    if (!initialized) {
      currentEnergy = e;
      initialized = true;
      return;
    }
    double temp = temperature(k);
    double delta = e - currentEnergy;
    boolean accept;
    if (e <= currentEnergy) {
      accept = true;
    } else {
      double u = rng.nextDouble();
      accept = temp > 0 && u < Math.exp(-delta / temp);
    }
    if (accept) {
      current = xs.get(0).clone();
      currentEnergy = e;
      accepted++;
    }
    proposal++;
    if (proposal == o.dwell()) {
      proposal = 0;
      k++;
      endIteration();
      if (k >= o.maxiter()) {
        stop = "Maximum number of iterations reached";
      }
    }
  }

  @Override
  public boolean shouldStop() {
    return stop != null;
  }

  @Override
  public boolean stopIsIterationLimit() {
    return stop != null;
  }

  @Override
  public String stopMessage() {
    return stop;
  }

  @Override
  protected void saveState(Map<String, Object> m) {
    m.put("current", State.list(current));
    m.put("current_energy", currentEnergy);
    m.put("initialized", initialized);
    m.put("k", k);
    m.put("proposal", proposal);
    m.put("accepted", accepted);
    m.put("stop", stop);
  }

  @Override
  protected void loadState(Map<String, Object> m) {
    current = State.getDoubleArray(m, "current");
    currentEnergy = State.getDouble(m, "current_energy");
    initialized = State.getBoolean(m, "initialized");
    k = State.getInt(m, "k");
    proposal = State.getInt(m, "proposal");
    accepted = State.getLong(m, "accepted");
    stop = State.getString(m, "stop");
  }
}
