package org.minima4j.optimize.global.pso;

import java.util.random.RandomGenerator;
import org.minima4j.random.NumpyRandomState;

/**
 * The random draws, velocity update, position update and boundary handling of {@link PSO} (both
 * variants), with the options read once and the draw buffers reused between iterations.
 *
 * <p>Position rows are never changed once {@link #move} or {@link #uniformRows} has returned them,
 * so PSO can hand them out as its asked points and keep them as personal bests without copies.
 * Velocity rows are updated in place. Draws are made in the anchors' order (all of r1, then all of
 * r2, row by row; the random boundary's redraws particle by particle), in bulk from a
 * {@link NumpyRandomState} and one by one from any other generator.
 */
final class SwarmMotion {
  private final int s;
  private final int n;
  private final double omega;
  private final double phip;
  private final double phig;
  private final boolean clamp;
  private final double vmin;
  private final double vmax;
  private final PSO.BoundaryHandling boundary;
  private final double[] lb;
  private final double[] ub;
  private final double[] range;
  private final double[] r1;
  private final double[] r2;

  SwarmMotion(PSO.Options o, double[] lb, double[] ub) {
    this.s = o.swarmSize();
    this.n = lb.length;
    this.omega = o.omega();
    this.phip = o.phip();
    this.phig = o.phig();
    double[] vc = o.velocityClamp();
    this.clamp = vc != null;
    this.vmin = vc == null ? 0.0 : vc[0];
    this.vmax = vc == null ? 0.0 : vc[1];
    this.boundary = o.boundary();
    this.lb = lb;
    this.ub = ub;
    this.range = new double[n];
    for (int j = 0; j < n; j++) {
      range[j] = Math.abs(ub[j] - lb[j]);
    }
    this.r1 = new double[s * n];
    this.r2 = new double[s * n];
  }

  /** Fills {@code dst} with {@code rng.nextDouble()} draws in order (NumPy's {@code random_sample(size)}). */
  static void draw(RandomGenerator rng, double[] dst) {
    if (rng instanceof NumpyRandomState nr) {
      nr.nextDoubles(dst, 0, dst.length);
    } else {
      for (int i = 0; i < dst.length; i++) {
        dst[i] = rng.nextDouble();
      }
    }
  }

  /** The value of one entry of an initial row from its column and its uniform draw. */
  private interface Entry {
    double at(int column, double draw);
  }

  /** New rows of {@code rand(S, D)} draws (row by row) mapped entry by entry. */
  private double[][] rows(RandomGenerator rng, Entry entry) {
    double[] r = r1;
    draw(rng, r);
    double[][] rows = new double[s][];
    for (int i = 0; i < s; i++) {
      double[] row = new double[n];
      int base = i * n;
      for (int j = 0; j < n; j++) {
        row[j] = entry.at(j, r[base + j]);
      }
      rows[i] = row;
    }
    return rows;
  }

  /** pyswarm's and pyswarms' initial positions, {@code lb + rand(S, D) * (ub - lb)}, as new rows. */
  double[][] uniformRows(RandomGenerator rng) {
    return rows(rng, (j, r) -> lb[j] + r * (ub[j] - lb[j]));
  }

  /** New rows {@code lo + rand(S, D) * span} (pyswarms' initial velocities with {@code span = hi - lo}). */
  double[][] velocityRows(RandomGenerator rng, double lo, double span) {
    return rows(rng, (j, r) -> span * r + lo);
  }

  /** pyswarm's initial velocities {@code vlow + rand(S, D) * (vhigh - vlow)}, {@code vhigh = |ub - lb|}, as new rows. */
  double[][] pyswarmVelocityRows(RandomGenerator rng) {
    return rows(rng, (j, r) -> -range[j] + r * (range[j] + range[j]));
  }

  /**
   * One move: r1 and r2 drawn in full, {@code v = w v + c1 r1 (p - x) + c2 r2 (g - x)} (clamped if
   * asked) written into {@code v}, and the new positions {@code x + v} after boundary handling
   * returned as new rows ({@code x} is not changed). {@code g} holds one row (global best) or one per
   * particle (ring).
   */
  double[][] move(double[][] x, double[][] v, double[][] p, double[][] g, RandomGenerator rng) {
    draw(rng, r1);
    draw(rng, r2);
    boolean star = g.length == 1;
    double[][] nx = new double[s][];
    for (int i = 0; i < s; i++) {
      nx[i] = moveParticle(x[i], v[i], p[i], star ? g[0] : g[i], i * n, rng);
    }
    return nx;
  }

  /**
   * Particle i's new velocity (into {@code vi}) and new position row, its draws at {@code base} in r1
   * and r2. One call per particle: called ten thousand times in a default run, it is compiled early,
   * where a loop over the swarm in {@link #move} would run interpreted for most of the first run.
   */
  private double[] moveParticle(double[] xi, double[] vi, double[] pi, double[] gi, int base, RandomGenerator rng) {
    double[] a = r1;
    double[] b = r2;
    double[] lo = lb;
    double[] hi = ub;
    double w = omega;
    double c1 = phip;
    double c2 = phig;
    boolean nearest = boundary == PSO.BoundaryHandling.NEAREST;
    double[] yi = new double[n];
    for (int j = 0; j < yi.length; j++) {
      double xij = xi[j];
      double vel = w * vi[j] + c1 * a[base + j] * (pi[j] - xij) + c2 * b[base + j] * (gi[j] - xij);
      if (clamp) {
        vel = Math.min(Math.max(vel, vmin), vmax);
      }
      vi[j] = vel;
      double y = xij + vel;
      if (nearest) {
        if (y < lo[j]) {
          y = lo[j];
        } else if (y > hi[j]) {
          y = hi[j];
        }
      }
      yi[j] = y;
    }
    if (!nearest) {
      applyBoundary(yi, rng);
    }
    return yi;
  }

  /** pyswarms' boundary handlers (NEAREST, pyswarm's clipping, is done inline by {@link #move}). */
  private void applyBoundary(double[] xi, RandomGenerator rng) {
    switch (boundary) {
      case PERIODIC:
        for (int j = 0; j < n; j++) {
          if (xi[j] < lb[j]) {
            xi[j] = ub[j] - npMod(lb[j] - xi[j], range[j]);
          } else if (xi[j] > ub[j]) {
            xi[j] = lb[j] + npMod(xi[j] - ub[j], range[j]);
          }
        }
        break;
      case REFLECTIVE:
        for (int j = 0; j < n; j++) {
          int guard = 0;
          while ((xi[j] < lb[j] || xi[j] > ub[j]) && guard++ < 10_000) {
            xi[j] = xi[j] < lb[j] ? 2 * lb[j] - xi[j] : 2 * ub[j] - xi[j];
          }
          if (xi[j] < lb[j] || xi[j] > ub[j]) {
            xi[j] = Math.min(Math.max(xi[j], lb[j]), ub[j]);
          }
        }
        break;
      case RANDOM: { // a particle with any coordinate outside is redrawn uniformly
        boolean out = false;
        for (int j = 0; j < n; j++) {
          out |= xi[j] < lb[j] || xi[j] > ub[j];
        }
        if (out) {
          for (int j = 0; j < n; j++) {
            xi[j] = (ub[j] - lb[j]) * rng.nextDouble() + lb[j];
          }
        }
        break;
      }
      default: // NEAREST
        for (int j = 0; j < n; j++) {
          if (xi[j] < lb[j]) {
            xi[j] = lb[j];
          } else if (xi[j] > ub[j]) {
            xi[j] = ub[j];
          }
        }
        break;
    }
  }

  /** numpy's float {@code np.mod}: the result has the sign of the divisor. */
  private static double npMod(double a, double b) {
    double m = a % b;
    if (m != 0 && ((b < 0) != (m < 0))) {
      m += b;
    }
    return m;
  }
}
