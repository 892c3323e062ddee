package org.minima4j.tune.bench;

import java.util.Map;
import org.minima4j.tune.Trial;

/**
 * The four test problems of the reference protocol ({@code optuna_ref.py}): Branin, Hartmann-6, Levy-5 and a
 * mixed categorical/log/int space, each split into the suggest part (sampler work) and the formula.
 */
public final class Problems {
  private Problems() {
  }

  /** A problem: suggests its arguments, then evaluates them. */
  public interface Problem {
    String name();

    double fStar();

    Object[] suggest(Trial t);

    double evaluate(Object[] args);
  }

  public static final double BRANIN_FSTAR = 0.39788735772973816;
  public static final double HARTMANN6_FSTAR = -3.3223680114155147;
  private static final double[] HART_ALPHA = {1.0, 1.2, 3.0, 3.2};
  private static final double[][] HART_A = {{10, 3, 17, 3.5, 1.7, 8}, {0.05, 10, 17, 0.1, 8, 14},
      {3, 3.5, 1.7, 10, 17, 8}, {17, 8, 0.05, 10, 0.1, 14}};
  private static final double[][] HART_P = {{1312, 1696, 5569, 124, 8283, 5886}, {2329, 4135, 8307, 3736, 1004, 9991},
      {2348, 1451, 3522, 2883, 3047, 6650}, {4047, 8828, 8732, 5743, 1091, 381}};
  private static final Map<String, Double> SHIFT = Map.of("A", 0.0, "B", 0.5, "C", -1.0);
  private static final Map<String, Double> PENALTY = Map.of("A", 0.5, "B", 0.0, "C", 1.0);

  public static double branin(double x1, double x2) {
    double b = 5.1 / (4 * Math.PI * Math.PI);
    double c = 5.0 / Math.PI;
    double t = 1.0 / (8 * Math.PI);
    double u = x2 - b * x1 * x1 + c * x1 - 6.0;
    return u * u + 10.0 * (1 - t) * Math.cos(x1) + 10.0;
  }

  public static double hartmann6(double[] x) {
    double s = 0;
    for (int i = 0; i < 4; i++) {
      double inner = 0;
      for (int j = 0; j < 6; j++) {
        double d = x[j] - 1e-4 * HART_P[i][j];
        inner += HART_A[i][j] * d * d;
      }
      s += HART_ALPHA[i] * Math.exp(-inner);
    }
    return -s;
  }

  public static double levy(double[] x) {
    int d = x.length;
    double[] w = new double[d];
    for (int i = 0; i < d; i++) {
      w[i] = 1.0 + (x[i] - 1.0) / 4.0;
    }
    double s0 = Math.sin(Math.PI * w[0]);
    double s = s0 * s0;
    for (int i = 0; i < d - 1; i++) {
      double si = Math.sin(Math.PI * w[i] + 1);
      s += (w[i] - 1) * (w[i] - 1) * (1 + 10 * si * si);
    }
    double sl = Math.sin(2 * Math.PI * w[d - 1]);
    s += (w[d - 1] - 1) * (w[d - 1] - 1) * (1 + sl * sl);
    return s;
  }

  public static double mixed(String c, double u, int k) {
    double y1 = Math.log10(u) - SHIFT.get(c);
    double y2 = k / 2.0;
    double a = y2 - y1 * y1;
    return 100.0 * a * a + (1.0 - y1) * (1.0 - y1) + PENALTY.get(c);
  }

  public static final Problem BRANIN = new Problem() {
    public String name() {
      return "branin";
    }

    public double fStar() {
      return BRANIN_FSTAR;
    }

    public Object[] suggest(Trial t) {
      return new Object[] {t.suggestFloat("x1", -5.0, 10.0), t.suggestFloat("x2", 0.0, 15.0)};
    }

    public double evaluate(Object[] a) {
      return branin((Double) a[0], (Double) a[1]);
    }
  };

  public static final Problem HARTMANN6 = new Problem() {
    public String name() {
      return "hartmann6";
    }

    public double fStar() {
      return HARTMANN6_FSTAR;
    }

    public Object[] suggest(Trial t) {
      double[] x = new double[6];
      for (int i = 0; i < 6; i++) {
        x[i] = t.suggestFloat("x" + i, 0.0, 1.0);
      }
      return new Object[] {x};
    }

    public double evaluate(Object[] a) {
      return hartmann6((double[]) a[0]);
    }
  };

  public static final Problem LEVY5 = new Problem() {
    public String name() {
      return "levy5";
    }

    public double fStar() {
      return 0.0;
    }

    public Object[] suggest(Trial t) {
      double[] x = new double[5];
      for (int i = 0; i < 5; i++) {
        x[i] = t.suggestFloat("x" + i, -10.0, 10.0);
      }
      return new Object[] {x};
    }

    public double evaluate(Object[] a) {
      return levy((double[]) a[0]);
    }
  };

  public static final Problem MIXED = new Problem() {
    public String name() {
      return "mixed";
    }

    public double fStar() {
      return 0.0;
    }

    public Object[] suggest(Trial t) {
      String c = t.suggestCategorical("c", "A", "B", "C");
      double u = t.suggestFloat("u", 1e-3, 1e2, true);
      int k = t.suggestInt("k", -5, 5);
      return new Object[] {c, u, k};
    }

    public double evaluate(Object[] a) {
      return mixed((String) a[0], (Double) a[1], (Integer) a[2]);
    }
  };

  public static final java.util.List<Problem> ALL = java.util.List.of(BRANIN, HARTMANN6, LEVY5, MIXED);
}
