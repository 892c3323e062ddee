package org.minima4j.optimize;

import java.util.List;

/**
 * Options of {@link Minimize#minimize}, scipy's keyword arguments and {@code options} dict in one
 * immutable record. A null (or, for {@code maxcor}/{@code maxls}, the default) value means the
 * method's own scipy 1.10.1 default: for example {@code ftol} is 2.220446049250313e-09 for L-BFGS-B
 * and 1e-6 for SLSQP, {@code maxiter} is 15000 for L-BFGS-B, 100 for SLSQP and {@code 200*n} for
 * BFGS and CG. Options a method does not use are ignored, as scipy ignores them with a warning.
 *
 * @param bounds box bounds or null
 * @param constraints equality/inequality constraints (SLSQP), never null
 * @param maxiter iteration limit or null
 * @param maxfun hard limit on objective evaluations (finite-difference probes included) or null
 * @param ftol function tolerance (L-BFGS-B relative reduction, SLSQP accuracy, Powell) or null
 * @param gtol projected-gradient tolerance (L-BFGS-B, BFGS, CG) or null
 * @param eps absolute finite-difference step for {@link FiniteDiff#DEFAULT} or null
 * @param callback called after each iteration; may stop the run; or null
 * @param maxcor number of L-BFGS-B correction pairs (scipy default 10)
 * @param maxls L-BFGS-B line-search steps per iteration (scipy default 20)
 * @param norm order of the gradient norm for BFGS/CG ({@code Double.POSITIVE_INFINITY} or 1, 2, ...)
 * @param xatol Nelder-Mead absolute x tolerance or null (1e-4)
 * @param fatol Nelder-Mead absolute f tolerance or null (1e-4)
 * @param adaptive Nelder-Mead dimension-adapted coefficients (Gao and Han 2012)
 * @param initialSimplex Nelder-Mead initial simplex ({@code n+1} rows of length n) or null
 * @param xtol x tolerance or null: Powell 1e-4, Newton-CG 1e-5 (scipy's avextol), TNC sqrt(eps)
 * @param direc Powell initial direction set (n rows of length n) or null (identity)
 * @param finiteDiff finite-difference scheme when no gradient is given
 * @param finiteDiffRelStep relative step for TWO_POINT/THREE_POINT or null for scipy's default
 * @param hess Hessian for Newton-CG or null
 * @param hessp Hessian-vector product for Newton-CG or null (finite differences of the gradient
 *     when neither is given)
 * @param rhobeg COBYLA initial trust-region radius or null (1.0)
 * @param rhoend COBYLA final radius (scipy's {@code tol}) or null (1e-4)
 * @param catol COBYLA constraint-violation tolerance or null (2e-4)
 * @param barrierTol trust-constr barrier-parameter threshold for the {@code xtol} stop or null (1e-8)
 * @param initialTrRadius trust-constr initial trust radius or null (1)
 * @param initialConstrPenalty trust-constr initial merit-function penalty or null (1)
 * @param initialBarrierParameter trust-constr initial barrier parameter or null (0.1)
 * @param initialBarrierTolerance trust-constr initial barrier-subproblem tolerance or null (0.1)
 * @param factorizationMethod trust-constr Jacobian factorization or null (scipy's automatic choice)
 */
public record MinimizeOptions(
    Bounds bounds, List<Constraint> constraints, Integer maxiter, Integer maxfun, Double ftol, Double gtol,
    Double eps, IterationCallback callback, int maxcor, int maxls, double norm, Double xatol, Double fatol,
    boolean adaptive, double[][] initialSimplex, Double xtol, double[][] direc, FiniteDiff finiteDiff,
    Double finiteDiffRelStep, HessianFunction hess, HessianVectorProduct hessp, Double rhobeg, Double rhoend,
    Double catol, Double barrierTol, Double initialTrRadius, Double initialConstrPenalty,
    Double initialBarrierParameter, Double initialBarrierTolerance, FactorizationMethod factorizationMethod) {

  /** scipy's defaults: no bounds, no constraints, every tolerance the method's own. */
  public static final MinimizeOptions DEFAULTS = new MinimizeOptions(null, List.of(), null, null, null, null,
      null, null, 10, 20, Double.POSITIVE_INFINITY, null, null, false, null, null, null, FiniteDiff.DEFAULT, null,
      null, null, null, null, null, null, null, null, null, null, null);

  public MinimizeOptions {
    constraints = constraints == null ? List.of() : List.copyOf(constraints);
    positive("maxiter", maxiter);
    positive("maxfun", maxfun);
    nonNegative("ftol", ftol);
    nonNegative("gtol", gtol);
    if (eps != null && !(eps > 0 && Double.isFinite(eps))) {
      throw new IllegalArgumentException("eps must be a positive finite step, got " + eps);
    }
    if (maxcor <= 0) {
      throw new IllegalArgumentException("maxcor must be positive, got " + maxcor);
    }
    if (maxls <= 0) {
      throw new IllegalArgumentException("maxls must be positive, got " + maxls);
    }
    if (Double.isNaN(norm) || norm < 1) {
      throw new IllegalArgumentException("norm must be >= 1 or Infinity, got " + norm);
    }
    nonNegative("xatol", xatol);
    nonNegative("fatol", fatol);
    nonNegative("xtol", xtol);
    if (rhobeg != null && !(rhobeg > 0 && Double.isFinite(rhobeg))) {
      throw new IllegalArgumentException("rhobeg must be a positive finite number, got " + rhobeg);
    }
    if (rhoend != null && !(rhoend > 0 && Double.isFinite(rhoend))) {
      throw new IllegalArgumentException("rhoend must be a positive finite number, got " + rhoend);
    }
    nonNegative("catol", catol);
    nonNegative("barrierTol", barrierTol);
    positiveFinite("initialTrRadius", initialTrRadius);
    positiveFinite("initialConstrPenalty", initialConstrPenalty);
    positiveFinite("initialBarrierParameter", initialBarrierParameter);
    positiveFinite("initialBarrierTolerance", initialBarrierTolerance);
    if (finiteDiff == null) {
      throw new IllegalArgumentException("finiteDiff must not be null (use FiniteDiff.DEFAULT)");
    }
    if (finiteDiffRelStep != null && !(finiteDiffRelStep > 0 && Double.isFinite(finiteDiffRelStep))) {
      throw new IllegalArgumentException("finiteDiffRelStep must be a positive finite number, got "
          + finiteDiffRelStep);
    }
    initialSimplex = deepCopy(initialSimplex);
    direc = deepCopy(direc);
  }

  private static void positive(String name, Integer v) {
    if (v != null && v <= 0) {
      throw new IllegalArgumentException(name + " must be positive, got " + v);
    }
  }

  private static void positiveFinite(String name, Double v) {
    if (v != null && !(v > 0 && Double.isFinite(v))) {
      throw new IllegalArgumentException(name + " must be a positive finite number, got " + v);
    }
  }

  private static void nonNegative(String name, Double v) {
    if (v != null && !(v >= 0 && Double.isFinite(v))) {
      throw new IllegalArgumentException(name + " must be a finite number >= 0, got " + v);
    }
  }

  private static double[][] deepCopy(double[][] a) {
    if (a == null) {
      return null;
    }
    double[][] c = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      if (a[i] == null) {
        throw new IllegalArgumentException("matrix row " + i + " is null");
      }
      c[i] = a[i].clone();
    }
    return c;
  }

  @Override
  public double[][] initialSimplex() {
    return deepCopy(initialSimplex);
  }

  @Override
  public double[][] direc() {
    return deepCopy(direc);
  }

  public MinimizeOptions withBounds(Bounds b) {
    return new MinimizeOptions(b, constraints, maxiter, maxfun, ftol, gtol, eps, callback, maxcor, maxls, norm,
        xatol, fatol, adaptive, initialSimplex, xtol, direc, finiteDiff, finiteDiffRelStep, hess, hessp,
        rhobeg, rhoend, catol, barrierTol, initialTrRadius, initialConstrPenalty, initialBarrierParameter,
        initialBarrierTolerance, factorizationMethod);
  }

  public MinimizeOptions withConstraints(List<Constraint> c) {
    return new MinimizeOptions(bounds, c, maxiter, maxfun, ftol, gtol, eps, callback, maxcor, maxls, norm,
        xatol, fatol, adaptive, initialSimplex, xtol, direc, finiteDiff, finiteDiffRelStep, hess, hessp,
        rhobeg, rhoend, catol, barrierTol, initialTrRadius, initialConstrPenalty, initialBarrierParameter,
        initialBarrierTolerance, factorizationMethod);
  }

  public MinimizeOptions withConstraints(Constraint... c) {
    return withConstraints(List.of(c));
  }

  public MinimizeOptions withMaxiter(int v) {
    return new MinimizeOptions(bounds, constraints, v, maxfun, ftol, gtol, eps, callback, maxcor, maxls, norm,
        xatol, fatol, adaptive, initialSimplex, xtol, direc, finiteDiff, finiteDiffRelStep, hess, hessp,
        rhobeg, rhoend, catol, barrierTol, initialTrRadius, initialConstrPenalty, initialBarrierParameter,
        initialBarrierTolerance, factorizationMethod);
  }

  public MinimizeOptions withMaxfun(int v) {
    return new MinimizeOptions(bounds, constraints, maxiter, v, ftol, gtol, eps, callback, maxcor, maxls, norm,
        xatol, fatol, adaptive, initialSimplex, xtol, direc, finiteDiff, finiteDiffRelStep, hess, hessp,
        rhobeg, rhoend, catol, barrierTol, initialTrRadius, initialConstrPenalty, initialBarrierParameter,
        initialBarrierTolerance, factorizationMethod);
  }

  public MinimizeOptions withFtol(double v) {
    return new MinimizeOptions(bounds, constraints, maxiter, maxfun, v, gtol, eps, callback, maxcor, maxls,
        norm, xatol, fatol, adaptive, initialSimplex, xtol, direc, finiteDiff, finiteDiffRelStep, hess, hessp,
        rhobeg, rhoend, catol, barrierTol, initialTrRadius, initialConstrPenalty, initialBarrierParameter,
        initialBarrierTolerance, factorizationMethod);
  }

  public MinimizeOptions withGtol(double v) {
    return new MinimizeOptions(bounds, constraints, maxiter, maxfun, ftol, v, eps, callback, maxcor, maxls,
        norm, xatol, fatol, adaptive, initialSimplex, xtol, direc, finiteDiff, finiteDiffRelStep, hess, hessp,
        rhobeg, rhoend, catol, barrierTol, initialTrRadius, initialConstrPenalty, initialBarrierParameter,
        initialBarrierTolerance, factorizationMethod);
  }

  public MinimizeOptions withEps(double v) {
    return new MinimizeOptions(bounds, constraints, maxiter, maxfun, ftol, gtol, v, callback, maxcor, maxls,
        norm, xatol, fatol, adaptive, initialSimplex, xtol, direc, finiteDiff, finiteDiffRelStep, hess, hessp,
        rhobeg, rhoend, catol, barrierTol, initialTrRadius, initialConstrPenalty, initialBarrierParameter,
        initialBarrierTolerance, factorizationMethod);
  }

  public MinimizeOptions withCallback(IterationCallback v) {
    return new MinimizeOptions(bounds, constraints, maxiter, maxfun, ftol, gtol, eps, v, maxcor, maxls, norm,
        xatol, fatol, adaptive, initialSimplex, xtol, direc, finiteDiff, finiteDiffRelStep, hess, hessp,
        rhobeg, rhoend, catol, barrierTol, initialTrRadius, initialConstrPenalty, initialBarrierParameter,
        initialBarrierTolerance, factorizationMethod);
  }

  public MinimizeOptions withMaxcor(int v) {
    return new MinimizeOptions(bounds, constraints, maxiter, maxfun, ftol, gtol, eps, callback, v, maxls, norm,
        xatol, fatol, adaptive, initialSimplex, xtol, direc, finiteDiff, finiteDiffRelStep, hess, hessp,
        rhobeg, rhoend, catol, barrierTol, initialTrRadius, initialConstrPenalty, initialBarrierParameter,
        initialBarrierTolerance, factorizationMethod);
  }

  public MinimizeOptions withMaxls(int v) {
    return new MinimizeOptions(bounds, constraints, maxiter, maxfun, ftol, gtol, eps, callback, maxcor, v,
        norm, xatol, fatol, adaptive, initialSimplex, xtol, direc, finiteDiff, finiteDiffRelStep, hess, hessp,
        rhobeg, rhoend, catol, barrierTol, initialTrRadius, initialConstrPenalty, initialBarrierParameter,
        initialBarrierTolerance, factorizationMethod);
  }

  public MinimizeOptions withNorm(double v) {
    return new MinimizeOptions(bounds, constraints, maxiter, maxfun, ftol, gtol, eps, callback, maxcor, maxls,
        v, xatol, fatol, adaptive, initialSimplex, xtol, direc, finiteDiff, finiteDiffRelStep, hess, hessp,
        rhobeg, rhoend, catol, barrierTol, initialTrRadius, initialConstrPenalty, initialBarrierParameter,
        initialBarrierTolerance, factorizationMethod);
  }

  public MinimizeOptions withXatol(double v) {
    return new MinimizeOptions(bounds, constraints, maxiter, maxfun, ftol, gtol, eps, callback, maxcor, maxls,
        norm, v, fatol, adaptive, initialSimplex, xtol, direc, finiteDiff, finiteDiffRelStep, hess, hessp,
        rhobeg, rhoend, catol, barrierTol, initialTrRadius, initialConstrPenalty, initialBarrierParameter,
        initialBarrierTolerance, factorizationMethod);
  }

  public MinimizeOptions withFatol(double v) {
    return new MinimizeOptions(bounds, constraints, maxiter, maxfun, ftol, gtol, eps, callback, maxcor, maxls,
        norm, xatol, v, adaptive, initialSimplex, xtol, direc, finiteDiff, finiteDiffRelStep, hess, hessp,
        rhobeg, rhoend, catol, barrierTol, initialTrRadius, initialConstrPenalty, initialBarrierParameter,
        initialBarrierTolerance, factorizationMethod);
  }

  public MinimizeOptions withAdaptive(boolean v) {
    return new MinimizeOptions(bounds, constraints, maxiter, maxfun, ftol, gtol, eps, callback, maxcor, maxls,
        norm, xatol, fatol, v, initialSimplex, xtol, direc, finiteDiff, finiteDiffRelStep, hess, hessp, rhobeg,
        rhoend, catol, barrierTol, initialTrRadius, initialConstrPenalty, initialBarrierParameter,
        initialBarrierTolerance, factorizationMethod);
  }

  public MinimizeOptions withInitialSimplex(double[][] v) {
    return new MinimizeOptions(bounds, constraints, maxiter, maxfun, ftol, gtol, eps, callback, maxcor, maxls,
        norm, xatol, fatol, adaptive, v, xtol, direc, finiteDiff, finiteDiffRelStep, hess, hessp, rhobeg,
        rhoend, catol, barrierTol, initialTrRadius, initialConstrPenalty, initialBarrierParameter,
        initialBarrierTolerance, factorizationMethod);
  }

  public MinimizeOptions withXtol(double v) {
    return new MinimizeOptions(bounds, constraints, maxiter, maxfun, ftol, gtol, eps, callback, maxcor, maxls,
        norm, xatol, fatol, adaptive, initialSimplex, v, direc, finiteDiff, finiteDiffRelStep, hess, hessp,
        rhobeg, rhoend, catol, barrierTol, initialTrRadius, initialConstrPenalty, initialBarrierParameter,
        initialBarrierTolerance, factorizationMethod);
  }

  public MinimizeOptions withDirec(double[][] v) {
    return new MinimizeOptions(bounds, constraints, maxiter, maxfun, ftol, gtol, eps, callback, maxcor, maxls,
        norm, xatol, fatol, adaptive, initialSimplex, xtol, v, finiteDiff, finiteDiffRelStep, hess, hessp,
        rhobeg, rhoend, catol, barrierTol, initialTrRadius, initialConstrPenalty, initialBarrierParameter,
        initialBarrierTolerance, factorizationMethod);
  }

  public MinimizeOptions withFiniteDiff(FiniteDiff v) {
    return new MinimizeOptions(bounds, constraints, maxiter, maxfun, ftol, gtol, eps, callback, maxcor, maxls,
        norm, xatol, fatol, adaptive, initialSimplex, xtol, direc, v, finiteDiffRelStep, hess, hessp, rhobeg,
        rhoend, catol, barrierTol, initialTrRadius, initialConstrPenalty, initialBarrierParameter,
        initialBarrierTolerance, factorizationMethod);
  }

  public MinimizeOptions withFiniteDiffRelStep(double v) {
    return new MinimizeOptions(bounds, constraints, maxiter, maxfun, ftol, gtol, eps, callback, maxcor, maxls,
        norm, xatol, fatol, adaptive, initialSimplex, xtol, direc, finiteDiff, v, hess, hessp, rhobeg, rhoend,
        catol, barrierTol, initialTrRadius, initialConstrPenalty, initialBarrierParameter,
        initialBarrierTolerance, factorizationMethod);
  }

  public MinimizeOptions withHess(HessianFunction v) {
    return new MinimizeOptions(bounds, constraints, maxiter, maxfun, ftol, gtol, eps, callback, maxcor, maxls,
        norm, xatol, fatol, adaptive, initialSimplex, xtol, direc, finiteDiff, finiteDiffRelStep, v, hessp,
        rhobeg, rhoend, catol, barrierTol, initialTrRadius, initialConstrPenalty, initialBarrierParameter,
        initialBarrierTolerance, factorizationMethod);
  }

  public MinimizeOptions withHessp(HessianVectorProduct v) {
    return new MinimizeOptions(bounds, constraints, maxiter, maxfun, ftol, gtol, eps, callback, maxcor, maxls,
        norm, xatol, fatol, adaptive, initialSimplex, xtol, direc, finiteDiff, finiteDiffRelStep, hess, v,
        rhobeg, rhoend, catol, barrierTol, initialTrRadius, initialConstrPenalty, initialBarrierParameter,
        initialBarrierTolerance, factorizationMethod);
  }

  public MinimizeOptions withRhobeg(double v) {
    return new MinimizeOptions(bounds, constraints, maxiter, maxfun, ftol, gtol, eps, callback, maxcor, maxls,
        norm, xatol, fatol, adaptive, initialSimplex, xtol, direc, finiteDiff, finiteDiffRelStep, hess, hessp,
        v, rhoend, catol, barrierTol, initialTrRadius, initialConstrPenalty, initialBarrierParameter,
        initialBarrierTolerance, factorizationMethod);
  }

  public MinimizeOptions withRhoend(double v) {
    return new MinimizeOptions(bounds, constraints, maxiter, maxfun, ftol, gtol, eps, callback, maxcor, maxls,
        norm, xatol, fatol, adaptive, initialSimplex, xtol, direc, finiteDiff, finiteDiffRelStep, hess, hessp,
        rhobeg, v, catol, barrierTol, initialTrRadius, initialConstrPenalty, initialBarrierParameter,
        initialBarrierTolerance, factorizationMethod);
  }

  public MinimizeOptions withCatol(double v) {
    return new MinimizeOptions(bounds, constraints, maxiter, maxfun, ftol, gtol, eps, callback, maxcor, maxls,
        norm, xatol, fatol, adaptive, initialSimplex, xtol, direc, finiteDiff, finiteDiffRelStep, hess, hessp,
        rhobeg, rhoend, v, barrierTol, initialTrRadius, initialConstrPenalty, initialBarrierParameter,
        initialBarrierTolerance, factorizationMethod);
  }

  public MinimizeOptions withBarrierTol(double v) {
    return new MinimizeOptions(bounds, constraints, maxiter, maxfun, ftol, gtol, eps, callback, maxcor, maxls,
        norm, xatol, fatol, adaptive, initialSimplex, xtol, direc, finiteDiff, finiteDiffRelStep, hess, hessp,
        rhobeg, rhoend, catol, v, initialTrRadius, initialConstrPenalty, initialBarrierParameter,
        initialBarrierTolerance, factorizationMethod);
  }

  public MinimizeOptions withInitialTrRadius(double v) {
    return new MinimizeOptions(bounds, constraints, maxiter, maxfun, ftol, gtol, eps, callback, maxcor, maxls,
        norm, xatol, fatol, adaptive, initialSimplex, xtol, direc, finiteDiff, finiteDiffRelStep, hess, hessp,
        rhobeg, rhoend, catol, barrierTol, v, initialConstrPenalty, initialBarrierParameter,
        initialBarrierTolerance, factorizationMethod);
  }

  public MinimizeOptions withInitialConstrPenalty(double v) {
    return new MinimizeOptions(bounds, constraints, maxiter, maxfun, ftol, gtol, eps, callback, maxcor, maxls,
        norm, xatol, fatol, adaptive, initialSimplex, xtol, direc, finiteDiff, finiteDiffRelStep, hess, hessp,
        rhobeg, rhoend, catol, barrierTol, initialTrRadius, v, initialBarrierParameter,
        initialBarrierTolerance, factorizationMethod);
  }

  public MinimizeOptions withInitialBarrierParameter(double v) {
    return new MinimizeOptions(bounds, constraints, maxiter, maxfun, ftol, gtol, eps, callback, maxcor, maxls,
        norm, xatol, fatol, adaptive, initialSimplex, xtol, direc, finiteDiff, finiteDiffRelStep, hess, hessp,
        rhobeg, rhoend, catol, barrierTol, initialTrRadius, initialConstrPenalty, v, initialBarrierTolerance,
        factorizationMethod);
  }

  public MinimizeOptions withInitialBarrierTolerance(double v) {
    return new MinimizeOptions(bounds, constraints, maxiter, maxfun, ftol, gtol, eps, callback, maxcor, maxls,
        norm, xatol, fatol, adaptive, initialSimplex, xtol, direc, finiteDiff, finiteDiffRelStep, hess, hessp,
        rhobeg, rhoend, catol, barrierTol, initialTrRadius, initialConstrPenalty, initialBarrierParameter, v,
        factorizationMethod);
  }

  public MinimizeOptions withFactorizationMethod(FactorizationMethod v) {
    return new MinimizeOptions(bounds, constraints, maxiter, maxfun, ftol, gtol, eps, callback, maxcor, maxls,
        norm, xatol, fatol, adaptive, initialSimplex, xtol, direc, finiteDiff, finiteDiffRelStep, hess, hessp,
        rhobeg, rhoend, catol, barrierTol, initialTrRadius, initialConstrPenalty, initialBarrierParameter,
        initialBarrierTolerance, v);
  }

  int maxiterOr(int def) {
    return maxiter == null ? def : maxiter;
  }

  long maxfunOr(long def) {
    return maxfun == null ? def : maxfun;
  }

  double ftolOr(double def) {
    return ftol == null ? def : ftol;
  }

  double gtolOr(double def) {
    return gtol == null ? def : gtol;
  }

  double epsOr(double def) {
    return eps == null ? def : eps;
  }
}
