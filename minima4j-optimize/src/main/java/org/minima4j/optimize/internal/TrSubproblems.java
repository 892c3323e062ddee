package org.minima4j.optimize.internal;

/**
 * The trust-region subproblems of trust-constr, following scipy 1.10.1
 * {@code scipy/optimize/_trustregion_constr/qp_subproblem.py}: the normal step by a modified dogleg
 * (R. Byrd, M. Hribar and J. Nocedal, "An interior point algorithm for large-scale nonlinear
 * programming", SIAM J. Optim. 9(4), 1999, pp. 885-886) and the tangential step by projected
 * conjugate gradients (N. Gould, M. Hribar and J. Nocedal, SIAM J. Sci. Comput. 23(4), 2001,
 * Algorithm 6.2), each inside a ball and a box.
 */
public final class TrSubproblems {
  private static final double CLOSE_TO_ZERO = 1e-25;

  private TrSubproblems() {}

  /** A symmetric linear operator {@code p -> H p}. */
  @FunctionalInterface
  public interface Operator {
    double[] dot(double[] p);
  }

  /** An interval {@code [ta, tb]} of the parameter and whether it is non-empty. */
  record Interval(double ta, double tb, boolean intersect) {}

  /** The projected-CG outcome: scipy's {@code niter}, {@code stop_cond}, {@code hits_boundary}. */
  public record CgInfo(int niter, int stopCond, boolean hitsBoundary) {
    public static final CgInfo NONE = new CgInfo(0, 0, false);
  }

  /** The tangential step and its CG information. */
  public record CgResult(double[] x, CgInfo info) {}

  static Interval sphereIntersections(double[] z, double[] d, double trustRadius, boolean entireLine) {
    if (Vec.norm(d) == 0) {
      return new Interval(0, 0, false);
    }
    if (Double.isInfinite(trustRadius)) {
      return entireLine ? new Interval(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, true)
          : new Interval(0, 1, true);
    }
    double a = Vec.dot(d, d);
    double b = 2 * Vec.dot(z, d);
    double c = Vec.dot(z, z) - trustRadius * trustRadius;
    double disc = b * b - 4 * a * c;
    if (disc < 0) {
      return new Interval(0, 0, false);
    }
    double sq = Math.sqrt(disc);
    double aux = b + Math.copySign(sq, b);
    double ta = -aux / (2 * a);
    double tb = -2 * c / aux;
    if (ta > tb) {
      double t = ta;
      ta = tb;
      tb = t;
    }
    if (entireLine) {
      return new Interval(ta, tb, true);
    }
    if (tb < 0 || ta > 1) {
      return new Interval(0, 0, false);
    }
    return new Interval(Math.max(0, ta), Math.min(1, tb), true);
  }

  static Interval boxIntersections(double[] z, double[] d, double[] lb, double[] ub, boolean entireLine) {
    if (Vec.norm(d) == 0) {
      return new Interval(0, 0, false);
    }
    for (int i = 0; i < z.length; i++) {
      if (d[i] == 0 && (z[i] < lb[i] || z[i] > ub[i])) {
        return new Interval(0, 0, false);
      }
    }
    double ta = Double.NEGATIVE_INFINITY;
    double tb = Double.POSITIVE_INFINITY;
    for (int i = 0; i < z.length; i++) {
      if (d[i] == 0) {
        continue;
      }
      double tl = (lb[i] - z[i]) / d[i];
      double tu = (ub[i] - z[i]) / d[i];
      ta = npMax(ta, npMin(tl, tu));
      tb = npMin(tb, npMax(tl, tu));
    }
    boolean intersect = ta <= tb;
    if (!entireLine) {
      if (tb < 0 || ta > 1) {
        return new Interval(0, 0, false);
      }
      ta = Math.max(0, ta);
      tb = Math.min(1, tb);
    }
    return new Interval(ta, tb, intersect);
  }

  /** numpy's minimum/maximum propagate NaN. */
  private static double npMin(double a, double b) {
    return Math.min(a, b);
  }

  private static double npMax(double a, double b) {
    return Math.max(a, b);
  }

  static Interval boxSphereIntersections(double[] z, double[] d, double[] lb, double[] ub, double trustRadius,
      boolean entireLine) {
    Interval b = boxIntersections(z, d, lb, ub, entireLine);
    Interval s = sphereIntersections(z, d, trustRadius, entireLine);
    double ta = Math.max(b.ta(), s.ta());
    double tb = Math.min(b.tb(), s.tb());
    return new Interval(ta, tb, b.intersect() && s.intersect() && ta <= tb);
  }

  /** The box-only intersection of {@code z + t d}, {@code 0 <= t <= 1} (used by the second-order correction). */
  public static double[] boxStep(double[] z, double[] d, double[] lb, double[] ub) {
    Interval i = boxIntersections(z, d, lb, ub, false);
    return new double[] {i.tb(), i.intersect() ? 1 : 0};
  }

  /**
   * Approximately minimizes {@code |A x + b|^2 / 2} subject to {@code |x| <= trustRadius} and
   * {@code lb <= x <= ub} (scipy's {@code modified_dogleg}).
   */
  public static double[] modifiedDogleg(double[][] a, int n, TrProjections y, double[] b, double trustRadius,
      double[] lb, double[] ub) {
    double[] newton = Vec.scale(-1, y.rowSpace(b));
    if (Vec.inside(newton, lb, ub) && Vec.norm(newton) <= trustRadius) {
      return newton;
    }
    double[] g = Vec.mulT(a, b, n);
    double[] ag = Vec.mul(a, g);
    double[] cauchy = Vec.scale(-Vec.dot(g, g) / Vec.dot(ag, ag), g);
    double[] origin = new double[n];
    double[] x1;
    double[] p = Vec.sub(newton, cauchy);
    Interval it = boxSphereIntersections(cauchy, p, lb, ub, trustRadius, false);
    if (it.intersect()) {
      x1 = Vec.axpy(cauchy, it.tb(), p);
    } else {
      Interval it2 = boxSphereIntersections(origin, cauchy, lb, ub, trustRadius, false);
      x1 = Vec.axpy(origin, it2.tb(), cauchy);
    }
    Interval it3 = boxSphereIntersections(origin, newton, lb, ub, trustRadius, false);
    double[] x2 = Vec.axpy(origin, it3.tb(), newton);
    if (Vec.norm(Vec.add(Vec.mul(a, x1), b)) < Vec.norm(Vec.add(Vec.mul(a, x2), b))) {
      return x1;
    }
    return x2;
  }

  /**
   * Minimizes {@code x^T H x / 2 + c^T x} subject to {@code A x + b = 0} (with {@code b = 0} here),
   * {@code |x| <= trustRadius} and {@code lb <= x <= ub} by projected CG (scipy's
   * {@code projected_cg} with its default tolerance and iteration limits).
   */
  public static CgResult projectedCg(Operator h, double[] c, TrProjections zy, double[] b, double trustRadius,
      double[] lb, double[] ub) {
    int n = c.length;
    int m = b.length;
    double[] x = Vec.scale(-1, zy.rowSpace(b));
    double[] r = zy.nullSpace(Vec.add(h.dot(x), c));
    double[] g = zy.nullSpace(r);
    double[] p = Vec.scale(-1, g);
    double[] hp = h.dot(p);
    double ng = Vec.norm(g);
    double rtg = ng * ng;
    double trDistance = trustRadius - Vec.norm(x);
    if (trDistance < 0) {
      throw new IllegalStateException("Trust region problem does not have a solution.");
    } else if (trDistance < CLOSE_TO_ZERO) {
      return new CgResult(x, new CgInfo(0, 2, true));
    }
    double tol = Math.max(Math.min(0.01 * Math.sqrt(rtg), 0.1 * rtg), CLOSE_TO_ZERO);
    int maxIter = n - m;
    int maxInfeasibleIter = n - m;
    boolean hitsBoundary = false;
    int stopCond = 1;
    int counter = 0;
    double[] lastFeasibleX = new double[n];
    int k = 0;
    for (int i = 0; i < maxIter; i++) {
      if (rtg < tol) {
        stopCond = 4;
        break;
      }
      k++;
      double ptHp = Vec.dot(hp, p);
      if (ptHp <= 0) {
        if (Double.isInfinite(trustRadius)) {
          throw new IllegalStateException("Negative curvature not allowed for unrestricted problems.");
        }
        Interval it = boxSphereIntersections(x, p, lb, ub, trustRadius, true);
        if (it.intersect()) {
          x = Vec.axpy(x, it.tb(), p);
        }
        x = Vec.clip(x, lb, ub);
        stopCond = 3;
        hitsBoundary = true;
        break;
      }
      double alpha = rtg / ptHp;
      double[] xNext = Vec.axpy(x, alpha, p);
      if (Vec.norm(xNext) >= trustRadius) {
        Interval it = boxSphereIntersections(x, Vec.scale(alpha, p), lb, ub, trustRadius, false);
        if (it.intersect()) {
          x = Vec.axpy(x, it.tb() * alpha, p);
        }
        x = Vec.clip(x, lb, ub);
        stopCond = 2;
        hitsBoundary = true;
        break;
      }
      if (Vec.inside(xNext, lb, ub)) {
        counter = 0;
      } else {
        counter++;
      }
      if (counter > 0) {
        double[] ap = Vec.scale(alpha, p);
        Interval it = boxSphereIntersections(x, ap, lb, ub, trustRadius, false);
        if (it.intersect()) {
          lastFeasibleX = Vec.clip(Vec.axpy(x, it.tb() * alpha, p), lb, ub);
          counter = 0;
        }
      }
      if (counter > maxInfeasibleIter) {
        break;
      }
      double[] rNext = Vec.axpy(r, alpha, hp);
      double[] gNext = zy.nullSpace(rNext);
      double ngn = Vec.norm(gNext);
      double rtgNext = ngn * ngn;
      double beta = rtgNext / rtg;
      p = Vec.axpy(Vec.scale(-1, gNext), beta, p);
      x = xNext;
      g = gNext;
      r = gNext;
      ng = Vec.norm(g);
      rtg = ng * ng;
      hp = h.dot(p);
    }
    if (!Vec.inside(x, lb, ub)) {
      x = lastFeasibleX;
      hitsBoundary = true;
    }
    return new CgResult(x, new CgInfo(k, stopCond, hitsBoundary));
  }
}
