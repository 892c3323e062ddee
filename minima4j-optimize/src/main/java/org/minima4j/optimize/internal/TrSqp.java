package org.minima4j.optimize.internal;

/**
 * Byrd-Omojokun trust-region SQP for {@code min f(x)} subject to {@code c(x) = 0}, following scipy
 * 1.10.1 {@code scipy/optimize/_trustregion_constr/equality_constrained_sqp.py} (M. Lalee,
 * J. Nocedal and T. Plantenga, "On the implementation of an algorithm for large-scale equality
 * constrained optimization", SIAM J. Optim. 8(3), 1998; R. Byrd, M. Hribar and J. Nocedal, SIAM J.
 * Optim. 9(4), 1999, pp. 885-892): a normal step toward feasibility by {@link
 * TrSubproblems#modifiedDogleg} inside 0.8 of the trust radius, a tangential step by
 * {@link TrSubproblems#projectedCg}, an l2 merit function with an adaptive penalty, a second-order
 * correction, and least-squares multipliers. Optional box bounds on the (scaled) step and a
 * diagonal scaling serve the barrier method ({@link TrBarrier}).
 */
public final class TrSqp {
  private static final double PENALTY_FACTOR = 0.3;
  private static final double LARGE_REDUCTION_RATIO = 0.9;
  private static final double INTERMEDIARY_REDUCTION_RATIO = 0.3;
  private static final double SUFFICIENT_REDUCTION_RATIO = 1e-8;
  private static final double TRUST_ENLARGEMENT_FACTOR_L = 7.0;
  private static final double TRUST_ENLARGEMENT_FACTOR_S = 2.0;
  private static final double MAX_TRUST_REDUCTION = 0.5;
  private static final double MIN_TRUST_REDUCTION = 0.1;
  private static final double SOC_THRESHOLD = 0.1;
  private static final double TR_FACTOR = 0.8;
  private static final double BOX_FACTOR = 0.5;

  private TrSqp() {}

  /** Objective value and equality-constraint values at a point. */
  public record FunConstr(double f, double[] b) {}

  /** Objective gradient and constraint Jacobian (rows) at a point. */
  public record GradJac(double[] g, double[][] a) {}

  /** The problem as the SQP iteration sees it. */
  public interface Functions {
    FunConstr funAndConstr(double[] x);

    GradJac gradAndJac(double[] x);

    /** The Hessian of the Lagrangian at {@code x} with multipliers {@code v}. */
    TrSubproblems.Operator lagrHess(double[] x, double[] v);

    /** The diagonal of the step scaling at {@code x}, or null for the identity. */
    double[] scaling(double[] x);

    /** scipy's {@code stop_criteria}: true ends the iteration. */
    boolean stop(double[] x, boolean lastIterationFailed, double optimality, double constrViolation,
        double trustRadius, double penalty, TrSubproblems.CgInfo cgInfo);
  }

  private static double[] scaled(double[] s, double[] d) {
    if (s == null) {
      return d;
    }
    double[] r = new double[d.length];
    for (int i = 0; i < d.length; i++) {
      r[i] = s[i] * d[i];
    }
    return r;
  }

  /**
   * Runs the iteration from {@code x0} (where {@code f0}, {@code g0}, {@code b0}, {@code a0} were
   * evaluated) until {@code fn.stop} says so; returns the last accepted point. {@code trustLb} and
   * {@code trustUb} (null: unbounded) bound the scaled step.
   */
  public static double[] solve(Functions fn, double[] x0, double f0, double[] g0, double[] b0, double[][] a0,
      double initialPenalty, double initialTrustRadius, TrProjections.Kind kind, double[] trustLb, double[] trustUb) {
    int n = x0.length;
    double[] tlb = trustLb;
    double[] tub = trustUb;
    if (tlb == null) {
      tlb = new double[n];
      java.util.Arrays.fill(tlb, Double.NEGATIVE_INFINITY);
    }
    if (tub == null) {
      tub = new double[n];
      java.util.Arrays.fill(tub, Double.POSITIVE_INFINITY);
    }
    double[] x = x0.clone();
    double trustRadius = initialTrustRadius;
    double penalty = initialPenalty;
    double f = f0;
    double[] c = g0;
    double[] b = b0;
    double[][] a = a0;
    double[] s = fn.scaling(x);
    TrProjections proj = TrProjections.of(a, n, kind);
    double[] v = Vec.scale(-1, proj.leastSquares(c));
    TrSubproblems.Operator h = fn.lagrHess(x, v);
    double optimality = Vec.normInf(Vec.add(c, Vec.mulT(a, v, n)));
    double constrViolation = b.length > 0 ? Vec.normInf(b) : 0;
    TrSubproblems.CgInfo cgInfo = TrSubproblems.CgInfo.NONE;
    boolean lastIterationFailed = false;
    double[] boxLb = Vec.scale(BOX_FACTOR, tlb);
    double[] boxUb = Vec.scale(BOX_FACTOR, tub);
    while (!fn.stop(x, lastIterationFailed, optimality, constrViolation, trustRadius, penalty, cgInfo)) {
      double[] dn = TrSubproblems.modifiedDogleg(a, n, proj, b, TR_FACTOR * trustRadius, boxLb, boxUb);
      double[] ct = Vec.add(h.dot(dn), c);
      double[] bt = new double[b.length];
      double normDn = Vec.norm(dn);
      double trustRadiusT = Math.sqrt(trustRadius * trustRadius - normDn * normDn);
      double[] lbT = Vec.sub(tlb, dn);
      double[] ubT = Vec.sub(tub, dn);
      TrSubproblems.CgResult cg = TrSubproblems.projectedCg(h, ct, proj, bt, trustRadiusT, lbT, ubT);
      double[] dt = cg.x();
      cgInfo = cg.info();
      double[] d = Vec.add(dn, dt);
      double quadraticModel = 0.5 * Vec.dot(h.dot(d), d) + Vec.dot(c, d);
      double[] linearizedConstr = Vec.add(Vec.mul(a, d), b);
      double vpred = Vec.norm(b) - Vec.norm(linearizedConstr);
      vpred = Math.max(1e-16, vpred);
      double previousPenalty = penalty;
      if (quadraticModel > 0) {
        double newPenalty = quadraticModel / ((1 - PENALTY_FACTOR) * vpred);
        penalty = Math.max(penalty, newPenalty);
      }
      double predictedReduction = -quadraticModel + penalty * vpred;
      double meritFunction = f + penalty * Vec.norm(b);
      double[] xNext = Vec.add(x, scaled(s, d));
      FunConstr next = fn.funAndConstr(xNext);
      double fNext = next.f();
      double[] bNext = next.b();
      double meritFunctionNext = fNext + penalty * Vec.norm(bNext);
      double actualReduction = meritFunction - meritFunctionNext;
      double reductionRatio = actualReduction / predictedReduction;
      if (reductionRatio < SUFFICIENT_REDUCTION_RATIO && normDn <= SOC_THRESHOLD * Vec.norm(dt)) {
        double[] y = Vec.scale(-1, proj.rowSpace(bNext));
        double[] box = TrSubproblems.boxStep(d, y, tlb, tub);
        double t = box[0];
        boolean intersect = box[1] != 0;
        double[] xSoc = Vec.add(x, scaled(s, Vec.axpy(d, t, y)));
        FunConstr soc = fn.funAndConstr(xSoc);
        double meritFunctionSoc = soc.f() + penalty * Vec.norm(soc.b());
        double actualReductionSoc = meritFunction - meritFunctionSoc;
        double reductionRatioSoc = actualReductionSoc / predictedReduction;
        if (intersect && reductionRatioSoc >= SUFFICIENT_REDUCTION_RATIO) {
          xNext = xSoc;
          fNext = soc.f();
          bNext = soc.b();
          reductionRatio = reductionRatioSoc;
        }
      }
      double normD = Vec.norm(d);
      if (reductionRatio >= LARGE_REDUCTION_RATIO) {
        trustRadius = Math.max(TRUST_ENLARGEMENT_FACTOR_L * normD, trustRadius);
      } else if (reductionRatio >= INTERMEDIARY_REDUCTION_RATIO) {
        trustRadius = Math.max(TRUST_ENLARGEMENT_FACTOR_S * normD, trustRadius);
      } else if (reductionRatio < SUFFICIENT_REDUCTION_RATIO) {
        double trustReduction = (1 - SUFFICIENT_REDUCTION_RATIO) / (1 - reductionRatio);
        double newTrustRadius = trustReduction * normD;
        if (newTrustRadius >= MAX_TRUST_REDUCTION * trustRadius) {
          trustRadius *= MAX_TRUST_REDUCTION;
        } else if (newTrustRadius >= MIN_TRUST_REDUCTION * trustRadius) {
          trustRadius = newTrustRadius;
        } else {
          trustRadius *= MIN_TRUST_REDUCTION;
        }
      }
      if (reductionRatio >= SUFFICIENT_REDUCTION_RATIO) {
        x = xNext;
        f = fNext;
        b = bNext;
        GradJac gj = fn.gradAndJac(x);
        c = gj.g();
        a = gj.a();
        s = fn.scaling(x);
        proj = TrProjections.of(a, n, kind);
        v = Vec.scale(-1, proj.leastSquares(c));
        h = fn.lagrHess(x, v);
        lastIterationFailed = false;
        optimality = Vec.normInf(Vec.add(c, Vec.mulT(a, v, n)));
        constrViolation = b.length > 0 ? Vec.normInf(b) : 0;
      } else {
        penalty = previousPenalty;
        lastIterationFailed = true;
      }
    }
    return x;
  }
}
