package org.minima4j.optimize;

import java.util.ArrayList;
import java.util.List;
import org.minima4j.optimize.bench.ReferenceProblems;

/** The objective functions of scipy_minimize.json, shared with the benchmark programs ({@link ReferenceProblems}). */
final class TestProblems {
  private TestProblems() {}

  static double rosen(double[] x) {
    return ReferenceProblems.rosen(x);
  }

  static double[] rosenDer(double[] x) {
    return ReferenceProblems.rosenDer(x);
  }

  static ReferenceProblems.Spec spec(String name) {
    return ReferenceProblems.spec(name);
  }

  static List<Constraint> constraints(String name, boolean withJac) {
    ReferenceProblems.Spec s = spec(name);
    return new ArrayList<>(withJac ? s.withJac() : s.withoutJac());
  }
}
