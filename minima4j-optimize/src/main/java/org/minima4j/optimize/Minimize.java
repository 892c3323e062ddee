package org.minima4j.optimize;

import java.lang.System.Logger.Level;
import java.util.Arrays;
import org.minima4j.logging.LazyLogger;
import org.minima4j.optimize.internal.EvaluationStop;
import org.minima4j.optimize.internal.Evaluator;
import org.minima4j.optimize.internal.FiniteDifferences;

/**
 * scipy.optimize.minimize for the JVM: local minimization of a scalar function of a vector, with
 * scipy 1.10.1's methods, defaults, messages and evaluation counts
 * ({@code scipy/optimize/_minimize.py}). Without a method, scipy's rule applies: SLSQP when there are
 * constraints, L-BFGS-B when there are bounds, BFGS otherwise.
 *
 * <p>Beyond scipy: {@code maxfun} is a hard limit for every method (the result is then the best
 * point seen, {@code status = 1}); an objective or gradient that returns NaN/Inf or throws ends the
 * run with {@code status = -1}, {@code success = false} and the reason in the message; a callback
 * returning {@code true} ends it with {@code status = 99}.
 */
public final class Minimize {
  /** Looked up on first use: a run that warns of nothing never starts the logging back end. */
  private static final System.Logger LOG = LazyLogger.of(Minimize.class);

  private static final double SQRT_EPS = Math.sqrt(Math.ulp(1.0));

  private Minimize() {}

  /** Minimizes {@code fun} from {@code x0} with scipy's default method and options. */
  public static OptimizeResult minimize(Objective fun, double[] x0) {
    return minimize(fun, x0, null, MinimizeOptions.DEFAULTS);
  }

  /** Minimizes {@code fun} (gradient by finite differences where the method needs one). */
  public static OptimizeResult minimize(Objective fun, double[] x0, Method method, MinimizeOptions options) {
    if (fun == null) {
      throw new IllegalArgumentException("fun must not be null");
    }
    // a nested class rather than fun::value: loading it costs less than linking a method reference
    return run(new ObjectiveValue(fun), null, null, x0, method, options);
  }

  /** Minimizes {@code fun}, which returns its value and writes its gradient (scipy's {@code jac=True}). */
  public static OptimizeResult minimize(DifferentiableObjective fun, double[] x0, Method method,
      MinimizeOptions options) {
    if (fun == null) {
      throw new IllegalArgumentException("fun must not be null");
    }
    return run(null, null, fun::valueAndGradient, x0, method, options);
  }

  /** Minimizes {@code fun} with the separate gradient {@code jac} (scipy's {@code jac=callable}). */
  public static OptimizeResult minimize(Objective fun, GradientFunction jac, double[] x0, Method method,
      MinimizeOptions options) {
    if (fun == null) {
      throw new IllegalArgumentException("fun must not be null");
    }
    if (jac == null) {
      throw new IllegalArgumentException("jac must not be null (use the overload without jac for finite differences)");
    }
    return run(fun::value, jac::gradient, null, x0, method, options);
  }

  /**
   * dict-minimize: minimizes over named tensors (see {@link DictMinimize}); {@code lb}/{@code ub}
   * may be null. Returns the solution with the keys, order and shapes of {@code x0}.
   */
  public static java.util.Map<String, org.minima4j.tensor.Tensor> minimize(DictObjective fun,
      java.util.Map<String, org.minima4j.tensor.Tensor> x0, java.util.Map<String, org.minima4j.tensor.Tensor> lb,
      java.util.Map<String, org.minima4j.tensor.Tensor> ub, Method method, MinimizeOptions options) {
    return DictMinimize.minimize(fun, x0, lb, ub, method, options);
  }

  /** An {@link Objective} as the evaluator's value function. */
  private static final class ObjectiveValue implements Evaluator.Value {
    private final Objective fun;

    ObjectiveValue(Objective fun) {
      this.fun = fun;
    }

    @Override
    public double value(double[] x) {
      return fun.value(x);
    }
  }

  private static OptimizeResult run(Evaluator.Value fun, Evaluator.Grad grad, Evaluator.ValueGrad combined,
      double[] x0in, Method method, MinimizeOptions options) {
    if (options == null) {
      throw new IllegalArgumentException("options must not be null (use MinimizeOptions.DEFAULTS)");
    }
    if (x0in == null || x0in.length == 0) {
      throw new IllegalArgumentException("x0 must be a non-empty array");
    }
    int n = x0in.length;
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(x0in[i])) {
        throw new IllegalArgumentException("x0[" + i + "] = " + x0in[i] + " is not finite");
      }
    }
    Method m = method != null ? method
        : !options.constraints().isEmpty() ? Method.SLSQP
        : options.bounds() != null ? Method.L_BFGS_B : Method.BFGS;
    if (!options.constraints().isEmpty() && m != Method.SLSQP && m != Method.COBYLA && m != Method.TRUST_CONSTR) {
      throw new IllegalArgumentException("method " + m.scipyName() + " cannot handle constraints; use SLSQP, "
          + "trust-constr or COBYLA");
    }
    Bounds b = options.bounds();
    if (m == Method.NEWTON_CG && grad == null && combined == null && options.finiteDiff() == FiniteDiff.DEFAULT) {
      throw new IllegalArgumentException("Jacobian is required for Newton-CG method (give a gradient, or choose "
          + "FiniteDiff.TWO_POINT or THREE_POINT)");
    }
    if (m != Method.NEWTON_CG && m != Method.TRUST_CONSTR && (options.hess() != null || options.hessp() != null)) {
      throw new IllegalArgumentException("method " + m.scipyName() + " does not use hess/hessp; use Newton-CG or "
          + "trust-constr");
    }
    if (b != null && (m == Method.BFGS || m == Method.CG || m == Method.NEWTON_CG || m == Method.COBYLA)) {
      throw new IllegalArgumentException("method " + m.scipyName() + " cannot handle bounds; use L-BFGS-B, "
          + "SLSQP, Nelder-Mead or Powell");
    }
    double[] lb = new double[n];
    double[] ub = new double[n];
    Arrays.fill(lb, Double.NEGATIVE_INFINITY);
    Arrays.fill(ub, Double.POSITIVE_INFINITY);
    double[] x0 = x0in.clone();
    if (b != null) {
      if (b.dimension() != n) {
        throw new IllegalArgumentException("bounds have " + b.dimension() + " entries but x0 has " + n);
      }
      lb = b.lb();
      ub = b.ub();
      boolean clipped = false;
      for (int i = 0; i < n && m != Method.TRUST_CONSTR; i++) {
        double c = Math.min(Math.max(x0[i], lb[i]), ub[i]);
        clipped |= c != x0[i];
        x0[i] = c;
      }
      if (clipped) {
        LOG.log(Level.WARNING, "Initial guess is not within the specified bounds; x0 clipped to {0}",
            Arrays.toString(x0));
      }
    }
    long maxfun = options.maxfun() != null ? options.maxfun() : defaultMaxfun(m, n, options);
    Evaluator ev;
    if (combined != null) {
      ev = Evaluator.combined(n, combined, maxfun);
    } else if (grad != null) {
      ev = Evaluator.analytic(n, fun, grad, maxfun);
    } else {
      FiniteDiff fd = options.finiteDiff();
      Double rel = options.finiteDiffRelStep();
      if (m == Method.TRUST_CONSTR) {
        // scipy's trust-constr: '2-point' relative steps by default; bounds do not restrict the probes
        ev = Evaluator.finiteDifference(n, fun,
            fd == FiniteDiff.THREE_POINT ? FiniteDifferences.Scheme.THREE_POINT : FiniteDifferences.Scheme.TWO_POINT,
            null, rel == null ? Double.NaN : rel, null, null, maxfun);
      } else if (fd == FiniteDiff.DEFAULT) {
        double eps = options.epsOr(m == Method.L_BFGS_B || m == Method.TNC ? LBFGSB.DEFAULT_EPS : SQRT_EPS);
        ev = Evaluator.finiteDifference(n, fun, FiniteDifferences.Scheme.TWO_POINT, eps, Double.NaN,
            b != null ? lb : null, b != null ? ub : null, maxfun);
      } else {
        ev = Evaluator.finiteDifference(n, fun,
            fd == FiniteDiff.TWO_POINT ? FiniteDifferences.Scheme.TWO_POINT : FiniteDifferences.Scheme.THREE_POINT,
            null, rel == null ? Double.NaN : rel, b != null ? lb : null, b != null ? ub : null, maxfun);
      }
    }
    Problem pb = new Problem(ev, x0, lb, ub, b != null, options);
    try {
      return switch (m) {
        case L_BFGS_B -> LBFGSB.minimize(pb);
        case SLSQP -> SLSQP.minimize(pb);
        case BFGS -> BFGS.minimize(pb);
        case CG -> CG.minimize(pb);
        case NELDER_MEAD -> NelderMead.minimize(pb);
        case POWELL -> Powell.minimize(pb);
        case TNC -> TNC.minimize(pb);
        case NEWTON_CG -> NewtonCG.minimize(pb);
        case COBYLA -> COBYLA.minimize(pb);
        case TRUST_CONSTR -> TrustConstr.minimize(pb);
      };
    } catch (EvaluationStop stop) {
      return stopped(pb, m, stop);
    }
  }

  /** scipy's maxfun/maxfev defaults; Nelder-Mead and Powell drop theirs when only maxiter is given. */
  private static long defaultMaxfun(Method m, int n, MinimizeOptions o) {
    return switch (m) {
      case L_BFGS_B -> LBFGSB.DEFAULT_MAXFUN;
      case NELDER_MEAD -> o.maxiter() == null ? 200L * n : Long.MAX_VALUE;
      case POWELL -> o.maxiter() == null ? 1000L * n : Long.MAX_VALUE;
      case COBYLA -> o.maxiter() != null ? o.maxiter() : 1000L;
      default -> Long.MAX_VALUE;
    };
  }

  private static OptimizeResult stopped(Problem pb, Method m, EvaluationStop stop) {
    Evaluator ev = pb.fn;
    double[] x;
    double f;
    if (stop.reason() == EvaluationStop.Reason.CALLBACK || pb.stopX != null) {
      x = pb.stopX;
      f = pb.stopF;
    } else if (ev.bestX() != null) {
      x = ev.bestX();
      f = ev.bestF();
    } else {
      x = pb.x0.clone();
      f = Double.NaN;
    }
    int status;
    String message;
    switch (stop.reason()) {
      case MAXFUN -> {
        status = m == Method.TNC ? TNC.MAXFUN : m == Method.TRUST_CONSTR ? 0 : 1;
        message = switch (m) {
          case L_BFGS_B -> LBFGSB.MSG_MAXFUN;
          case TNC -> TNC.MESSAGES[TNC.MAXFUN];
          case TRUST_CONSTR -> TrustConstr.MESSAGES[0];
          default -> "Maximum number of function evaluations has been exceeded.";
        };
      }
      case CALLBACK -> {
        status = 99;
        message = stop.getMessage();
      }
      default -> {
        status = -1;
        message = stop.getMessage();
        LOG.log(Level.WARNING, "minimize stopped: " + message, stop.getCause());
      }
    }
    return new OptimizeResult(x, f, null, pb.nit, ev.nfev(), ev.ngev(), 0, status, false, message, 0.0);
  }
}
