package org.minima4j.optimize;

import org.minima4j.optimize.bench.ReferenceProblems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * trust-constr beyond the status/fun/count replay of {@link ScipyReferenceTest}: the solution x
 * against scipy's, and golden results computed with Debian's scipy 1.10.1 for the paths the
 * fixture does not run (finite differences, a given Hessian, maxiter, xtol, SVD factorization,
 * options). Each golden number comes from {@code minimize(..., method='trust-constr', ...)} with
 * the arguments stated in the test.
 */
class TrustConstrTest {
  static final double[] ROSEN_X0 = {-1.2, 1.0};

  static Stream<Arguments> trustConstrRuns() throws Exception {
    JsonNode root = ScipyReferenceTest.fixture();
    Map<String, JsonNode> problems = new TreeMap<>();
    for (JsonNode p : root.get("problems")) {
      problems.put(p.get("name").asText(), p);
    }
    List<Arguments> out = new ArrayList<>();
    for (JsonNode r : root.get("runs")) {
      if (r.get("method").asText().equals("trust-constr")) {
        out.add(Arguments.of(r.get("problem").asText(), problems.get(r.get("problem").asText()), r));
      }
    }
    return out.stream();
  }

  /**
   * x agrees with scipy's to 1e-7 (max-abs), except on rosenbrock10_bounded, where the barrier
   * method's last iterations differ by rounding and x agrees to 2e-5 (the objective to 2e-7).
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("trustConstrRuns")
  void solutionMatchesScipy(String name, JsonNode problem, JsonNode run) {
    OptimizeResult r = ScipyReferenceTest.replay(problem, run);
    double[] xs = ScipyReferenceTest.arr(run.get("x"));
    double tol = name.equals("rosenbrock10_bounded") ? 2e-5 : 1e-7;
    assertThat(r.x()).containsExactly(xs, within(tol));
    assertThat(r.maxcv()).isLessThanOrEqualTo(1e-8);
    assertThat(r.jac()).hasSize(xs.length);
  }

  @Test
  void finiteDifferenceGradientMatchesScipy() {
    // minimize(rosen, [-1.2, 1.0], method='trust-constr'): status 2, nit 68, nfev 189, njev 63
    OptimizeResult r = Minimize.minimize(TestProblems::rosen, ROSEN_X0, Method.TRUST_CONSTR, MinimizeOptions.DEFAULTS);
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.success()).isTrue();
    assertThat(r.message()).isEqualTo("`xtol` termination condition is satisfied.");
    assertThat(r.nit()).isEqualTo(68);
    assertThat(r.nfev()).isEqualTo(189);
    assertThat(r.njev()).isEqualTo(63);
    assertThat(r.x()).containsExactly(new double[] {0.9999954171327654, 0.9999908221935946}, within(1e-12));
  }

  @Test
  void finiteDifferenceConstraintsMatchScipy() {
    // hs071 with bounds and both constraints, no jac anywhere: scipy status 1, nit 146, nfev 695,
    // f 17.014017397088683; here rounding changes the late barrier iterations (nit 135, nfev 650)
    ReferenceProblems.Spec s = TestProblems.spec("hs071");
    OptimizeResult r = Minimize.minimize(s.f(), new double[] {1, 5, 5, 1}, Method.TRUST_CONSTR,
        MinimizeOptions.DEFAULTS.withConstraints(s.withoutJac()).withBounds(Bounds.uniform(4, 1, 5)));
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.fun()).isCloseTo(17.014017397088683, within(1e-5));
    assertThat((double) r.nfev()).isCloseTo(695, within(0.25 * 695));
    assertThat(r.maxcv()).isLessThan(1e-8);
  }

  @Test
  void givenHessianMatchesScipy() {
    // eq_quadratic with jac, hess=diag(2, 4, 6) and the constraint's jac: status 2, nit 24, nfev 33,
    // njev 15, nhev 15 (the linear constraint's never-updated BFGS matrix adds the identity)
    ReferenceProblems.Spec s = TestProblems.spec("eq_quadratic");
    OptimizeResult r = Minimize.minimize(s.f(), s.g(), new double[] {1, 1, 1}, Method.TRUST_CONSTR,
        MinimizeOptions.DEFAULTS.withConstraints(s.withJac())
            .withHess(x -> new double[][] {{2, 0, 0}, {0, 4, 0}, {0, 0, 6}}));
    assertThat(r.status()).isEqualTo(2);
    assertThat(new int[] {r.nit(), r.nfev(), r.njev(), r.nhev()}).containsExactly(24, 33, 15, 15);
    assertThat(r.x()).containsExactly(new double[] {0.5454545518810897, 0.27272726887136484, 0.18181817924754537},
        within(1e-12));
  }

  @Test
  void hessianVectorProductGivesTheSameRun() {
    ReferenceProblems.Spec s = TestProblems.spec("eq_quadratic");
    OptimizeResult r = Minimize.minimize(s.f(), s.g(), new double[] {1, 1, 1}, Method.TRUST_CONSTR,
        MinimizeOptions.DEFAULTS.withConstraints(s.withJac())
            .withHessp((x, p) -> new double[] {2 * p[0], 4 * p[1], 6 * p[2]}));
    assertThat(r.status()).isEqualTo(2);
    assertThat(new int[] {r.nit(), r.nfev(), r.njev()}).containsExactly(24, 33, 15);
  }

  @Test
  void maxiterGivesStatusZero() {
    // options={'maxiter': 5}: status 0, nit 5, nfev 5, fun 4.9835887090462245
    OptimizeResult r = Minimize.minimize(TestProblems::rosen, TestProblems::rosenDer, ROSEN_X0, Method.TRUST_CONSTR,
        MinimizeOptions.DEFAULTS.withMaxiter(5));
    assertThat(r.status()).isZero();
    assertThat(r.success()).isFalse();
    assertThat(r.message()).isEqualTo("The maximum number of function evaluations is exceeded.");
    assertThat(r.nit()).isEqualTo(5);
    assertThat(r.nfev()).isEqualTo(5);
    assertThat(r.fun()).isEqualTo(4.9835887090462245);
  }

  @Test
  void xtolStopsWhenTheTrustRadiusIsSmaller() {
    // options={'xtol': 2}: the initial radius 1 < 2 stops at once with status 2 at x0
    OptimizeResult r = Minimize.minimize(TestProblems::rosen, TestProblems::rosenDer, ROSEN_X0, Method.TRUST_CONSTR,
        MinimizeOptions.DEFAULTS.withXtol(2));
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.nit()).isEqualTo(1);
    assertThat(r.x()).containsExactly(ROSEN_X0);
  }

  @Test
  void everyFactorizationSolvesTheBarrierProblem() {
    // hs021 from the infeasible x0 = (-1, -1), which trust-constr does not clip
    ReferenceProblems.Spec s = TestProblems.spec("hs021");
    for (FactorizationMethod fm : FactorizationMethod.values()) {
      List<double[]> seen = new ArrayList<>();
      Objective f = x -> {
        seen.add(x.clone());
        return s.f().value(x);
      };
      OptimizeResult r = Minimize.minimize(f, s.g(), new double[] {-1, -1}, Method.TRUST_CONSTR,
          MinimizeOptions.DEFAULTS.withConstraints(s.withJac())
              .withBounds(Bounds.of(new double[] {2, -50}, new double[] {50, 50})).withFactorizationMethod(fm));
      assertThat(seen.get(0)).as(fm.toString()).containsExactly(-1.0, -1.0);
      assertThat(r.status()).as(fm.toString()).isEqualTo(1);
      assertThat(r.fun()).as(fm.toString()).isCloseTo(-99.96, within(1e-6));
      assertThat(r.x()).containsExactly(new double[] {2, 0}, within(1e-5));
    }
  }

  @Test
  void everyFactorizationSolvesTheEqualityProblem() {
    ReferenceProblems.Spec s = TestProblems.spec("eq_quadratic");
    for (FactorizationMethod fm : FactorizationMethod.values()) {
      OptimizeResult r = Minimize.minimize(s.f(), s.g(), new double[] {1, 1, 1}, Method.TRUST_CONSTR,
          MinimizeOptions.DEFAULTS.withConstraints(s.withJac()).withFactorizationMethod(fm));
      assertThat(r.status()).as(fm.toString()).isEqualTo(1);
      assertThat(r.x()).containsExactly(new double[] {6.0 / 11, 3.0 / 11, 2.0 / 11}, within(1e-7));
    }
  }

  @Test
  void redundantEqualityConstraintsFallBackToSvd() {
    // the same constraint twice: A A^T is singular; scipy (and this port) switch to the SVD
    ReferenceProblems.Spec s = TestProblems.spec("eq_quadratic");
    List<Constraint> twice = new ArrayList<>(s.withJac());
    twice.addAll(s.withJac());
    OptimizeResult r = Minimize.minimize(s.f(), s.g(), new double[] {1, 1, 1}, Method.TRUST_CONSTR,
        MinimizeOptions.DEFAULTS.withConstraints(twice));
    assertThat(r.x()).containsExactly(new double[] {6.0 / 11, 3.0 / 11, 2.0 / 11}, within(1e-6));
    assertThat(r.maxcv()).isLessThan(1e-8);
  }

  @Test
  void defaultMethodWithConstraintsStaysSlsqp() {
    ReferenceProblems.Spec s = TestProblems.spec("eq_quadratic");
    OptimizeResult r = Minimize.minimize(s.f(), s.g(), new double[] {1, 1, 1}, null,
        MinimizeOptions.DEFAULTS.withConstraints(s.withJac()));
    assertThat(r.message()).isEqualTo("Optimization terminated successfully");
    assertThat(Method.fromScipyName("trust-constr")).isEqualTo(Method.TRUST_CONSTR);
  }

  @Test
  void badOptionsNameTheParameterAndValue() {
    assertThatThrownBy(() -> MinimizeOptions.DEFAULTS.withInitialTrRadius(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("initialTrRadius").hasMessageContaining("0");
    assertThatThrownBy(() -> MinimizeOptions.DEFAULTS.withInitialConstrPenalty(-1))
        .hasMessageContaining("initialConstrPenalty").hasMessageContaining("-1");
    assertThatThrownBy(() -> MinimizeOptions.DEFAULTS.withInitialBarrierParameter(Double.NaN))
        .hasMessageContaining("initialBarrierParameter").hasMessageContaining("NaN");
    assertThatThrownBy(() -> MinimizeOptions.DEFAULTS.withInitialBarrierTolerance(Double.POSITIVE_INFINITY))
        .hasMessageContaining("initialBarrierTolerance").hasMessageContaining("Infinity");
    assertThatThrownBy(() -> MinimizeOptions.DEFAULTS.withBarrierTol(-1e-8))
        .hasMessageContaining("barrierTol").hasMessageContaining("-1.0E-8");
  }

  @Test
  void optionsChangeTheRun() {
    OptimizeResult base = Minimize.minimize(TestProblems::rosen, TestProblems::rosenDer, ROSEN_X0,
        Method.TRUST_CONSTR, MinimizeOptions.DEFAULTS);
    OptimizeResult loose = Minimize.minimize(TestProblems::rosen, TestProblems::rosenDer, ROSEN_X0,
        Method.TRUST_CONSTR, MinimizeOptions.DEFAULTS.withGtol(1e-3));
    OptimizeResult radius = Minimize.minimize(TestProblems::rosen, TestProblems::rosenDer, ROSEN_X0,
        Method.TRUST_CONSTR, MinimizeOptions.DEFAULTS.withInitialTrRadius(0.1));
    assertThat(base.nit()).isEqualTo(62);
    assertThat(loose.nit()).isLessThan(base.nit());
    assertThat(radius.nit()).isNotEqualTo(base.nit());
    assertThat(radius.status()).isEqualTo(1);
  }
}
