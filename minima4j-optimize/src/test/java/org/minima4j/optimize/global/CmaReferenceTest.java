package org.minima4j.optimize.global;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.minima4j.optimize.Bounds;
import org.minima4j.optimize.global.cmaes.CMA;
import org.minima4j.optimize.global.cmaes.CmaParameters;
import org.minima4j.optimize.global.cmaes.SepCMA;
import org.minima4j.optimize.global.internal.State;

/**
 * CMA-ES against CyberAgentAILab/cmaes 0.9.1 itself (reference/cmaes_091_trajectories.json, made by
 * reference/generators/cmaes_091_trajectories.py): the strategy constants, and the state after each
 * tell when Java is told the very points and values cmaes sampled. Tolerance: constants 1e-14
 * relative (same formulas, float64); trajectories 1e-9 relative over 30 generations (the only
 * difference is the eigensolver: Jacobi here, LAPACK there, whose round-off enters through the
 * reconstruction C = B D^2 B^T each generation).
 */
class CmaReferenceTest {
  @Test
  @SuppressWarnings("unchecked")
  void constantsMatchCmaes091() {
    Map<String, Object> ref = Fixtures.load("cmaes_091_trajectories.json");
    for (Object o : (List<Object>) ref.get("constants")) {
      Map<String, Object> c = (Map<String, Object>) o;
      int n = State.getInt(c, "n");
      int lambda = CmaParameters.defaultPopulationSize(n);
      assertThat(lambda).isEqualTo(State.getInt(c, "popsize"));
      CmaParameters p = CmaParameters.of(n, lambda);
      assertThat(p.mu).isEqualTo(State.getInt(c, "mu"));
      assertThat(p.muEff).isCloseTo(State.getDouble(c, "mu_eff"), within(1e-14 * p.muEff));
      assertThat(p.c1).isCloseTo(State.getDouble(c, "c1"), within(1e-14 * p.c1));
      assertThat(p.cmu).isCloseTo(State.getDouble(c, "cmu"), within(1e-14 * p.cmu));
      assertThat(p.cSigma).isCloseTo(State.getDouble(c, "c_sigma"), within(1e-14));
      assertThat(p.dSigma).isCloseTo(State.getDouble(c, "d_sigma"), within(1e-14));
      assertThat(p.cc).isCloseTo(State.getDouble(c, "cc"), within(1e-14));
      assertThat(p.chiN).isCloseTo(State.getDouble(c, "chi_n"), within(1e-14));
      double[] w = State.getDoubleArray(c, "weights");
      double[] mine = p.weights();
      for (int i = 0; i < w.length; i++) {
        assertThat(mine[i]).isCloseTo(w[i], within(1e-14));
      }
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void tellReproducesCmaes091Trajectories() {
    Map<String, Object> ref = Fixtures.load("cmaes_091_trajectories.json");
    for (Object o : (List<Object>) ref.get("trajectories")) {
      Map<String, Object> t = (Map<String, Object>) o;
      double[] mean0 = State.getDoubleArray(t, "mean0");
      int n = mean0.length;
      CMA.Options opts = CMA.Options.DEFAULTS.withSeed(3);
      if (t.get("bounds") != null) {
        double[][] b = State.getMatrix(t, "bounds");
        double[] lb = new double[n];
        double[] ub = new double[n];
        for (int i = 0; i < n; i++) {
          lb[i] = b[i][0];
          ub[i] = b[i][1];
        }
        opts = opts.withBounds(Bounds.of(lb, ub));
      }
      CMA es = new CMA(mean0, State.getDouble(t, "sigma0"), opts);
      for (Object so : (List<Object>) t.get("steps")) {
        Map<String, Object> s = (Map<String, Object>) so;
        es.ask();
        double[][] xs = State.getMatrix(s, "xs");
        List<double[]> pts = new ArrayList<>();
        for (double[] x : xs) {
          pts.add(x);
        }
        es.tell(pts, State.getDoubleArray(s, "fs"));
        assertClose(es.mean(), State.getDoubleArray(s, "mean"), 1e-9);
        assertThat(es.sigma()).isCloseTo(State.getDouble(s, "sigma"), within(1e-9 * State.getDouble(s, "sigma")));
        Map<String, Object> st = es.stateDict();
        double[][] c = State.getMatrix(st, "C");
        double[][] cRef = State.getMatrix(s, "C");
        for (int i = 0; i < n; i++) {
          assertClose(c[i], cRef[i], 1e-9);
        }
        assertClose(State.getDoubleArray(st, "p_sigma"), State.getDoubleArray(s, "p_sigma"), 1e-9);
        assertClose(State.getDoubleArray(st, "pc"), State.getDoubleArray(s, "pc"), 1e-9);
        assertThat(es.shouldStop()).isEqualTo(State.getBoolean(s, "should_stop"));
      }
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void sepCmaReproducesCmaes091Trajectories() {
    Map<String, Object> ref = Fixtures.load("cmaes_091_trajectories.json");
    for (Object o : (List<Object>) ref.get("sep_trajectories")) {
      Map<String, Object> t = (Map<String, Object>) o;
      double[] mean0 = State.getDoubleArray(t, "mean0");
      int n = mean0.length;
      CMA.Options opts = CMA.Options.DEFAULTS.withSeed(3);
      if (t.get("bounds") != null) {
        double[][] b = State.getMatrix(t, "bounds");
        double[] lb = new double[n];
        double[] ub = new double[n];
        for (int i = 0; i < n; i++) {
          lb[i] = b[i][0];
          ub[i] = b[i][1];
        }
        opts = opts.withBounds(Bounds.of(lb, ub));
      }
      SepCMA es = new SepCMA(mean0, State.getDouble(t, "sigma0"), opts);
      for (Object so : (List<Object>) t.get("steps")) {
        Map<String, Object> s = (Map<String, Object>) so;
        es.ask();
        List<double[]> pts = new ArrayList<>(List.of(State.getMatrix(s, "xs")));
        es.tell(pts, State.getDoubleArray(s, "fs"));
        assertClose(es.mean(), State.getDoubleArray(s, "mean"), 1e-12);
        assertThat(es.sigma()).isCloseTo(State.getDouble(s, "sigma"), within(1e-12 * State.getDouble(s, "sigma")));
        assertClose(es.covarianceDiagonal(), State.getDoubleArray(s, "C"), 1e-12);
        Map<String, Object> st = es.stateDict();
        assertClose(State.getDoubleArray(st, "p_sigma"), State.getDoubleArray(s, "p_sigma"), 1e-12);
        assertClose(State.getDoubleArray(st, "pc"), State.getDoubleArray(s, "pc"), 1e-12);
        assertThat(es.shouldStop()).isEqualTo(State.getBoolean(s, "should_stop"));
      }
      assertThat(es.populationSize()).isEqualTo(CmaParameters.defaultPopulationSize(n));
    }
  }

  private static void assertClose(double[] a, double[] b, double rtol) {
    assertThat(a).hasSameSizeAs(b);
    double scale = 0;
    for (double v : b) {
      scale = Math.max(scale, Math.abs(v));
    }
    for (int i = 0; i < a.length; i++) {
      assertThat(a[i]).isCloseTo(b[i], within(rtol * Math.max(scale, 1e-300)));
    }
  }
}
