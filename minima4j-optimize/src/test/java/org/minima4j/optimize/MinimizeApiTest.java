package org.minima4j.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Entry-point behaviour: method choice, options, callbacks, limits and bad input. */
class MinimizeApiTest {
  static final Objective ROSEN = TestProblems::rosen;
  static final GradientFunction ROSEN_DER = TestProblems::rosenDer;
  static final double[] X0 = {-1.2, 1.0};

  /** Runs without a gradient; Newton-CG, which requires one, gets 2-point finite differences. */
  static OptimizeResult run(Objective f, Method m, MinimizeOptions o) {
    return Minimize.minimize(f, X0, m, m == Method.NEWTON_CG ? o.withFiniteDiff(FiniteDiff.TWO_POINT) : o);
  }

  @Test
  void defaultMethodFollowsScipysRule() {
    OptimizeResult unconstrained = Minimize.minimize(ROSEN, X0);
    assertThat(unconstrained.message()).isEqualTo("Optimization terminated successfully.");
    OptimizeResult bounded = Minimize.minimize(ROSEN, X0, null,
        MinimizeOptions.DEFAULTS.withBounds(Bounds.uniform(2, -2, 2)));
    assertThat(bounded.message()).startsWith("CONVERGENCE: ");
    OptimizeResult constrained = Minimize.minimize(ROSEN, X0, null,
        MinimizeOptions.DEFAULTS.withConstraints(Constraint.ineq(x -> new double[] {1 - x[0] * x[0] - x[1] * x[1]})));
    assertThat(constrained.message()).isEqualTo("Optimization terminated successfully");
    assertThat(constrained.x()[0] * constrained.x()[0] + constrained.x()[1] * constrained.x()[1])
        .isLessThanOrEqualTo(1 + 1e-6);
  }

  @ParameterizedTest
  @EnumSource(Method.class)
  void everyMethodSolvesRosenbrock(Method m) {
    // COBYLA needs far more than its default 1000 evaluations on Rosenbrock (scipy: f = 0.275 at
    // 1000; 16047 evaluations and f = 1.17e-6 with tol 1e-6)
    boolean cobyla = m == Method.COBYLA;
    MinimizeOptions o = cobyla ? MinimizeOptions.DEFAULTS.withMaxiter(20000).withRhoend(1e-6) : MinimizeOptions.DEFAULTS;
    OptimizeResult r = Minimize.minimize(ROSEN, ROSEN_DER, X0, m, o);
    assertThat(r.success()).as(r.message()).isTrue();
    assertThat(r.fun()).isLessThan(cobyla ? 1e-5 : 1e-6);
    assertThat(r.x()[0]).isCloseTo(1.0, within(1e-2));
  }

  @Test
  void combinedValueAndGradientCountsLikeSeparateFunctions() {
    OptimizeResult sep = Minimize.minimize(ROSEN, ROSEN_DER, X0, Method.L_BFGS_B, MinimizeOptions.DEFAULTS);
    int[] calls = new int[1];
    DifferentiableObjective fg = (x, g) -> {
      calls[0]++;
      System.arraycopy(TestProblems.rosenDer(x), 0, g, 0, 2);
      return TestProblems.rosen(x);
    };
    OptimizeResult comb = Minimize.minimize(fg, X0, Method.L_BFGS_B, MinimizeOptions.DEFAULTS);
    assertThat(comb.nfev()).isEqualTo(sep.nfev());
    assertThat(comb.njev()).isEqualTo(sep.njev());
    assertThat(comb.x()).containsExactly(sep.x());
    assertThat(calls[0]).isEqualTo(comb.nfev());
  }

  @Test
  void finiteDifferencesNeverLeaveTheBounds() {
    double[] lb = {0.0, 0.0};
    double[] ub = {0.5, 0.5};
    Objective guarded = x -> {
      for (int i = 0; i < 2; i++) {
        if (x[i] < lb[i] || x[i] > ub[i]) {
          throw new IllegalStateException("evaluated outside the bounds at " + x[i]);
        }
      }
      return TestProblems.rosen(x);
    };
    for (Method m : List.of(Method.L_BFGS_B, Method.SLSQP, Method.NELDER_MEAD, Method.POWELL, Method.TNC)) {
      for (FiniteDiff fd : FiniteDiff.values()) {
        OptimizeResult r = Minimize.minimize(guarded, new double[] {0.5, 0.0}, m,
            MinimizeOptions.DEFAULTS.withBounds(Bounds.of(lb, ub)).withFiniteDiff(fd));
        assertThat(r.status()).as(m + " " + fd + ": " + r.message()).isNotEqualTo(-1);
        assertThat(r.x()[0]).isBetween(0.0, 0.5);
      }
    }
  }

  @Test
  void threePointAndTwoPointGradientsConverge() {
    for (FiniteDiff fd : FiniteDiff.values()) {
      OptimizeResult r = Minimize.minimize(ROSEN, X0, Method.BFGS, MinimizeOptions.DEFAULTS.withFiniteDiff(fd));
      assertThat(r.fun()).as(fd.toString()).isLessThan(1e-8);
    }
  }

  @Test
  void clippingX0LogsAWarning() {
    java.util.logging.Logger log = java.util.logging.Logger.getLogger(Minimize.class.getName());
    List<java.util.logging.LogRecord> records = new ArrayList<>();
    java.util.logging.Handler h = new java.util.logging.Handler() {
      @Override
      public void publish(java.util.logging.LogRecord r) {
        records.add(r);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    log.addHandler(h);
    try {
      Minimize.minimize(ROSEN, new double[] {5, 5}, Method.L_BFGS_B,
          MinimizeOptions.DEFAULTS.withBounds(Bounds.uniform(2, -2, 2)));
    } finally {
      log.removeHandler(h);
    }
    assertThat(records).anySatisfy(r -> {
      assertThat(r.getLevel()).isEqualTo(java.util.logging.Level.WARNING);
      assertThat(r.getMessage()).contains("not within the specified bounds");
    });
  }

  @Test
  void x0OutsideTheBoundsIsClipped() {
    List<double[]> seen = new ArrayList<>();
    Objective f = x -> {
      seen.add(x.clone());
      return (x[0] - 3) * (x[0] - 3) + x[1] * x[1];
    };
    OptimizeResult r = Minimize.minimize(f, new double[] {10, -10}, Method.L_BFGS_B,
        MinimizeOptions.DEFAULTS.withBounds(Bounds.of(new double[] {0, -1}, new double[] {2, 1})));
    assertThat(seen.get(0)).containsExactly(2.0, -1.0);
    assertThat(r.x()).containsExactly(new double[] {2.0, 0.0}, within(1e-6));
  }

  @Test
  void callbackStopsTheRun() {
    List<Integer> iterations = new ArrayList<>();
    for (Method m : Method.values()) {
      iterations.clear();
      OptimizeResult r = Minimize.minimize(ROSEN, ROSEN_DER, X0, m,
          MinimizeOptions.DEFAULTS.withCallback((x, f, it) -> {
            iterations.add(it);
            return it == 3;
          }));
      assertThat(r.success()).as(m.toString()).isFalse();
      // trust-constr keeps scipy's own status 3 for a callback stop
      assertThat(r.status()).isEqualTo(m == Method.TRUST_CONSTR ? 3 : 99);
      assertThat(r.message()).contains("callback");
      // Nelder-Mead counts iterations from 1 as scipy does, so its first callback sees 2
      int first = m == Method.NELDER_MEAD ? 2 : 1;
      assertThat(r.nit()).isEqualTo(3);
      assertThat(iterations).containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(first, 3).boxed()
          .toList());
    }
  }

  @Test
  void maxfunIsAHardLimitAndReturnsTheBestPoint() {
    for (Method m : Method.values()) {
      double[] best = {Double.POSITIVE_INFINITY};
      Objective f = x -> {
        double v = TestProblems.rosen(x);
        best[0] = Math.min(best[0], v);
        return v;
      };
      OptimizeResult r = run(f, m, MinimizeOptions.DEFAULTS.withMaxfun(25));
      assertThat(r.nfev()).as(m.toString()).isLessThanOrEqualTo(25);
      assertThat(r.success()).isFalse();
      if (m == Method.COBYLA) {
        // COBYLA stops before its own limit as in scipy (status 2) and returns its best vertex
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.fun()).isEqualTo(TestProblems.rosen(r.x()));
        continue;
      }
      // trust-constr reports scipy's status 0 ("The maximum number of function evaluations is exceeded.")
      assertThat(r.status()).isEqualTo(m == Method.TNC ? 3 : m == Method.TRUST_CONSTR ? 0 : 1);
      if (m != Method.SLSQP && m != Method.TRUST_CONSTR) {
        // SLSQP and trust-constr return their last accepted iterate instead (see
        // slsqpOutOfBudgetReturnsTheLastAcceptedIterate)
        assertThat(r.fun()).isEqualTo(best[0]);
      }
      assertThat(TestProblems.rosen(r.x())).isEqualTo(r.fun());
    }
  }

  @Test
  void nanFromTheObjectiveIsReported() {
    for (Method m : Method.values()) {
      int[] n = new int[1];
      Objective f = x -> ++n[0] > 5 ? Double.NaN : TestProblems.rosen(x);
      OptimizeResult r = run(f, m, MinimizeOptions.DEFAULTS);
      assertThat(r.success()).as(m.toString()).isFalse();
      assertThat(r.status()).isEqualTo(-1);
      assertThat(r.message()).contains("NaN");
      assertThat(r.fun()).isFinite();
    }
  }

  @Test
  void exceptionsFromUserCodeAreReported() {
    Objective f = x -> {
      throw new ArithmeticException("boom");
    };
    OptimizeResult r = Minimize.minimize(f, X0, Method.NELDER_MEAD, MinimizeOptions.DEFAULTS);
    assertThat(r.status()).isEqualTo(-1);
    assertThat(r.message()).contains("ArithmeticException").contains("boom");
    OptimizeResult g = Minimize.minimize(ROSEN, x -> {
      throw new IllegalStateException("bad gradient");
    }, X0, Method.BFGS, MinimizeOptions.DEFAULTS);
    assertThat(g.status()).isEqualTo(-1);
    assertThat(g.message()).contains("bad gradient");
    OptimizeResult c = Minimize.minimize(ROSEN, ROSEN_DER, X0, Method.SLSQP, MinimizeOptions.DEFAULTS
        .withConstraints(Constraint.eq(x -> {
          throw new IllegalStateException("bad constraint");
        })));
    assertThat(c.status()).isEqualTo(-1);
    assertThat(c.message()).contains("bad constraint");
  }

  @Test
  void badInputFailsClearly() {
    assertThatThrownBy(() -> Minimize.minimize(ROSEN, new double[0])).hasMessageContaining("x0");
    assertThatThrownBy(() -> Minimize.minimize(ROSEN, null)).hasMessageContaining("x0");
    assertThatThrownBy(() -> Minimize.minimize((Objective) null, X0)).hasMessageContaining("fun");
    assertThatThrownBy(() -> Minimize.minimize(ROSEN, new double[] {1, Double.NaN}))
        .hasMessageContaining("x0[1] = NaN");
    assertThatThrownBy(() -> Minimize.minimize(ROSEN, X0, Method.L_BFGS_B,
        MinimizeOptions.DEFAULTS.withBounds(Bounds.uniform(3, 0, 1))))
        .hasMessageContaining("bounds have 3 entries but x0 has 2");
    assertThatThrownBy(() -> Bounds.of(new double[] {0, 2}, new double[] {1, 1}))
        .hasMessageContaining("lb[1] = 2.0 > ub[1] = 1.0");
    assertThatThrownBy(() -> Bounds.of(new double[] {0}, new double[] {1, 1}))
        .hasMessageContaining("lb has 1 entries but ub has 2");
    assertThatThrownBy(() -> Minimize.minimize(ROSEN, x -> new double[] {1, 2, 3}, X0, Method.BFGS,
        MinimizeOptions.DEFAULTS)).hasMessageContaining("gradient must have length 2").hasMessageContaining("3");
    assertThatThrownBy(() -> Minimize.minimize(ROSEN, X0, Method.BFGS,
        MinimizeOptions.DEFAULTS.withBounds(Bounds.uniform(2, 0, 1)))).hasMessageContaining("BFGS cannot handle bounds");
    assertThatThrownBy(() -> Minimize.minimize(ROSEN, X0, Method.L_BFGS_B,
        MinimizeOptions.DEFAULTS.withConstraints(Constraint.eq(x -> new double[] {x[0]}))))
        .hasMessageContaining("L-BFGS-B cannot handle constraints");
    assertThatThrownBy(() -> Minimize.minimize(ROSEN, X0, Method.SLSQP, MinimizeOptions.DEFAULTS
        .withConstraints(Constraint.eq(x -> new double[] {x[0]}, x -> new double[][] {{1, 0}, {0, 1}}))))
        .hasMessageContaining("constraint jacobian 0 must have 1 rows");
    assertThatThrownBy(() -> Minimize.minimize(ROSEN, X0, Method.NELDER_MEAD,
        MinimizeOptions.DEFAULTS.withInitialSimplex(new double[][] {{0, 0}, {1, 0}})))
        .hasMessageContaining("initialSimplex should have shape (3, 2)");
    assertThatThrownBy(() -> Minimize.minimize(ROSEN, X0, Method.POWELL,
        MinimizeOptions.DEFAULTS.withDirec(new double[][] {{1, 0}}))).hasMessageContaining("direc must have 2 rows");
    assertThatThrownBy(() -> Minimize.minimize(ROSEN, X0, Method.BFGS, null)).hasMessageContaining("options");
    assertThatThrownBy(() -> Minimize.minimize(ROSEN, X0, Method.COBYLA,
        MinimizeOptions.DEFAULTS.withConstraints(Constraint.eq(x -> new double[] {x[0]}))))
        .hasMessageContaining("Constraints of type 'eq' not handled by COBYLA.");
    assertThatThrownBy(() -> Minimize.minimize(ROSEN, X0, Method.COBYLA,
        MinimizeOptions.DEFAULTS.withBounds(Bounds.uniform(2, 0, 1)))).hasMessageContaining("COBYLA cannot handle bounds");
    assertThatThrownBy(() -> Minimize.minimize(ROSEN, X0, Method.NEWTON_CG, MinimizeOptions.DEFAULTS))
        .hasMessageContaining("Jacobian is required for Newton-CG");
    assertThatThrownBy(() -> Minimize.minimize(ROSEN, ROSEN_DER, X0, Method.BFGS,
        MinimizeOptions.DEFAULTS.withHess(x -> new double[2][2]))).hasMessageContaining("does not use hess");
    assertThatThrownBy(() -> Minimize.minimize(ROSEN, ROSEN_DER, X0, Method.NEWTON_CG,
        MinimizeOptions.DEFAULTS.withHessp((x, p) -> new double[3]))).hasMessageContaining("hessp must return a vector of length 2");
    assertThatThrownBy(() -> Method.fromScipyName("newton")).hasMessageContaining("Unknown solver newton")
        .hasMessageContaining("L-BFGS-B");
  }

  @Test
  void optionsValidateInTheCompactConstructor() {
    MinimizeOptions d = MinimizeOptions.DEFAULTS;
    assertThatThrownBy(() -> d.withMaxiter(0)).hasMessage("maxiter must be positive, got 0");
    assertThatThrownBy(() -> d.withMaxfun(-5)).hasMessage("maxfun must be positive, got -5");
    assertThatThrownBy(() -> d.withFtol(-1)).hasMessage("ftol must be a finite number >= 0, got -1.0");
    assertThatThrownBy(() -> d.withGtol(Double.NaN)).hasMessage("gtol must be a finite number >= 0, got NaN");
    assertThatThrownBy(() -> d.withEps(0)).hasMessage("eps must be a positive finite step, got 0.0");
    assertThatThrownBy(() -> d.withMaxcor(0)).hasMessage("maxcor must be positive, got 0");
    assertThatThrownBy(() -> d.withMaxls(0)).hasMessage("maxls must be positive, got 0");
    assertThatThrownBy(() -> d.withNorm(0.5)).hasMessage("norm must be >= 1 or Infinity, got 0.5");
    assertThatThrownBy(() -> d.withXatol(-1)).hasMessage("xatol must be a finite number >= 0, got -1.0");
    assertThatThrownBy(() -> d.withFiniteDiff(null)).hasMessageContaining("finiteDiff must not be null");
    assertThatThrownBy(() -> d.withFiniteDiffRelStep(-1)).hasMessageContaining("finiteDiffRelStep");
    assertThatThrownBy(() -> d.withRhobeg(0)).hasMessage("rhobeg must be a positive finite number, got 0.0");
    assertThatThrownBy(() -> d.withRhoend(-1)).hasMessage("rhoend must be a positive finite number, got -1.0");
    assertThatThrownBy(() -> d.withCatol(Double.POSITIVE_INFINITY))
        .hasMessage("catol must be a finite number >= 0, got Infinity");
    assertThat(d.withMaxiter(7).maxiter()).isEqualTo(7);
    assertThat(d.maxiter()).isNull();
    assertThat(Method.fromScipyName("nelder-mead")).isEqualTo(Method.NELDER_MEAD);
  }

  @Test
  void nelderMeadAdaptiveAndInitialSimplexAreUsed() {
    // in two dimensions the adaptive coefficients equal the standard ones, so use three
    double[] x3 = {-1.2, 1.0, -1.2};
    OptimizeResult adaptive = Minimize.minimize(ROSEN, x3, Method.NELDER_MEAD,
        MinimizeOptions.DEFAULTS.withAdaptive(true));
    OptimizeResult plain = Minimize.minimize(ROSEN, x3, Method.NELDER_MEAD, MinimizeOptions.DEFAULTS);
    assertThat(adaptive.success()).isTrue();
    assertThat(adaptive.nfev()).isNotEqualTo(plain.nfev());
    OptimizeResult simplex = Minimize.minimize(ROSEN, X0, Method.NELDER_MEAD,
        MinimizeOptions.DEFAULTS.withInitialSimplex(new double[][] {{-1.2, 1.0}, {-1.0, 1.0}, {-1.2, 1.2}}));
    assertThat(simplex.success()).isTrue();
    assertThat(simplex.fun()).isLessThan(1e-6);
  }

  @Test
  void slsqpOutOfBudgetReturnsTheLastAcceptedIterate() {
    Constraint onLine = Constraint.eq(x -> new double[] {x[0] + x[1] - 1});
    OptimizeResult r = Minimize.minimize(ROSEN, X0, Method.SLSQP,
        MinimizeOptions.DEFAULTS.withConstraints(onLine).withMaxfun(20));
    assertThat(r.success()).isFalse();
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.message()).isEqualTo("Maximum number of function evaluations has been exceeded.");
    assertThat(r.nfev()).isLessThanOrEqualTo(20);
    assertThat(r.fun()).isEqualTo(TestProblems.rosen(r.x()));
    assertThat(r.maxcv()).isEqualTo(Math.abs(r.x()[0] + r.x()[1] - 1));
  }

  @Test
  void slsqpReportsConstraintViolation() {
    OptimizeResult r = Minimize.minimize(ROSEN, ROSEN_DER, X0, Method.SLSQP, MinimizeOptions.DEFAULTS
        .withConstraints(Constraint.eq(x -> new double[] {x[0] + x[1] - 1})));
    assertThat(r.success()).isTrue();
    assertThat(r.maxcv()).isLessThan(1e-8);
    assertThat(r.x()[0] + r.x()[1]).isCloseTo(1.0, within(1e-8));
  }

  @Test
  void runsAreDeterministic() {
    for (Method m : Method.values()) {
      OptimizeResult a = run(ROSEN, m, MinimizeOptions.DEFAULTS);
      OptimizeResult b = run(ROSEN, m, MinimizeOptions.DEFAULTS);
      assertThat(a.x()).containsExactly(b.x());
      assertThat(a.nfev()).isEqualTo(b.nfev());
    }
  }
}
