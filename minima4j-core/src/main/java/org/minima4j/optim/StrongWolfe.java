package org.minima4j.optim;

import java.util.function.DoubleFunction;
import java.util.function.DoubleSupplier;

/**
 * The strong-Wolfe line search of torch 1.13.1's {@code lbfgs.py} ({@code _strong_wolfe} with
 * {@code _cubic_interpolate}; c1 = 1e-4, c2 = 0.9, tolerance_change 1e-9), itself after minFunc
 * (Schmidt 2005) and Nocedal and Wright, Algorithm 3.5: a bracketing phase that extrapolates with
 * the cubic interpolant, then a zoom phase that shrinks the bracket, forcing a step away from an
 * end when progress is insufficient. Python's {@code min}/{@code max} tie rules are kept.
 */
final class StrongWolfe {
  private StrongWolfe() {}

  /** The accepted step: its loss, gradient, step size, and the evaluations the search made. */
  record Result(double f, double[] g, double t, int evals) {}

  /**
   * Searches along {@code d} from the current point (loss {@code f}, gradient {@code g0},
   * directional derivative {@code gtd}) starting at step {@code t}, with at most {@code maxLs}
   * further evaluations; {@code at.apply(t)} evaluates at {@code x + t d} and returns the gradient,
   * {@code loss.getAsDouble()} the loss of that evaluation.
   */
  static Result search(DoubleFunction<double[]> at, DoubleSupplier loss, double t, double[] d, double f, double[] g0,
      double gtd, int maxLs) {
    final double c1 = 1e-4;
    final double c2 = 0.9;
    final double tolChange = 1e-9;
    double dNorm = LBFGS.maxAbs(d);
    double[] g = g0.clone();
    double[] gNew = at.apply(t);
    double fNew = loss.getAsDouble();
    int evals = 1;
    double gtdNew = LBFGS.dot(gNew, d);

    double tPrev = 0;
    double fPrev = f;
    double[] gPrev = g;
    double gtdPrev = gtd;
    boolean done = false;
    int lsIter = 0;
    double[] bracket = null;
    double[] bracketF = null;
    double[][] bracketG = null;
    double[] bracketGtd = null;
    while (lsIter < maxLs) {
      if (fNew > (f + c1 * t * gtd) || (lsIter > 1 && fNew >= fPrev)) {
        bracket = new double[] {tPrev, t};
        bracketF = new double[] {fPrev, fNew};
        bracketG = new double[][] {gPrev, gNew.clone()};
        bracketGtd = new double[] {gtdPrev, gtdNew};
        break;
      }
      if (Math.abs(gtdNew) <= -c2 * gtd) {
        bracket = new double[] {t};
        bracketF = new double[] {fNew};
        bracketG = new double[][] {gNew};
        done = true;
        break;
      }
      if (gtdNew >= 0) {
        bracket = new double[] {tPrev, t};
        bracketF = new double[] {fPrev, fNew};
        bracketG = new double[][] {gPrev, gNew.clone()};
        bracketGtd = new double[] {gtdPrev, gtdNew};
        break;
      }
      double minStep = t + 0.01 * (t - tPrev);
      double maxStep = t * 10;
      double tmp = t;
      t = cubicInterpolate(tPrev, fPrev, gtdPrev, t, fNew, gtdNew, minStep, maxStep);
      tPrev = tmp;
      fPrev = fNew;
      gPrev = gNew.clone();
      gtdPrev = gtdNew;
      gNew = at.apply(t);
      fNew = loss.getAsDouble();
      evals++;
      gtdNew = LBFGS.dot(gNew, d);
      lsIter++;
    }
    if (lsIter == maxLs) {
      bracket = new double[] {0, t};
      bracketF = new double[] {f, fNew};
      bracketG = new double[][] {g, gNew};
    }
    boolean insufProgress = false;
    int lowPos = bracketF[0] <= bracketF[bracketF.length - 1] ? 0 : 1;
    int highPos = 1 - lowPos;
    while (!done && lsIter < maxLs) {
      if (Math.abs(bracket[1] - bracket[0]) * dNorm < tolChange) {
        break;
      }
      t = cubicInterpolate(bracket[0], bracketF[0], bracketGtd[0], bracket[1], bracketF[1], bracketGtd[1],
          pyMin(bracket[0], bracket[1]), pyMax(bracket[0], bracket[1]));
      double bMax = pyMax(bracket[0], bracket[1]);
      double bMin = pyMin(bracket[0], bracket[1]);
      double eps = 0.1 * (bMax - bMin);
      if (pyMin(bMax - t, t - bMin) < eps) {
        if (insufProgress || t >= bMax || t <= bMin) {
          t = Math.abs(t - bMax) < Math.abs(t - bMin) ? bMax - eps : bMin + eps;
          insufProgress = false;
        } else {
          insufProgress = true;
        }
      } else {
        insufProgress = false;
      }
      gNew = at.apply(t);
      fNew = loss.getAsDouble();
      evals++;
      gtdNew = LBFGS.dot(gNew, d);
      lsIter++;
      if (fNew > (f + c1 * t * gtd) || fNew >= bracketF[lowPos]) {
        bracket[highPos] = t;
        bracketF[highPos] = fNew;
        bracketG[highPos] = gNew.clone();
        bracketGtd[highPos] = gtdNew;
        lowPos = bracketF[0] <= bracketF[1] ? 0 : 1;
        highPos = 1 - lowPos;
      } else {
        if (Math.abs(gtdNew) <= -c2 * gtd) {
          done = true;
        } else if (gtdNew * (bracket[highPos] - bracket[lowPos]) >= 0) {
          bracket[highPos] = bracket[lowPos];
          bracketF[highPos] = bracketF[lowPos];
          bracketG[highPos] = bracketG[lowPos];
          bracketGtd[highPos] = bracketGtd[lowPos];
        }
        bracket[lowPos] = t;
        bracketF[lowPos] = fNew;
        bracketG[lowPos] = gNew.clone();
        bracketGtd[lowPos] = gtdNew;
      }
    }
    return new Result(bracketF[lowPos], bracketG[lowPos], bracket[lowPos], evals);
  }

  /** Minimizer of the cubic through two points with values and slopes, clamped to [lo, hi]. */
  static double cubicInterpolate(double x1, double f1, double g1, double x2, double f2, double g2, double lo,
      double hi) {
    double d1 = g1 + g2 - 3 * (f1 - f2) / (x1 - x2);
    double d2Square = d1 * d1 - g1 * g2;
    if (d2Square >= 0) {
      double d2 = Math.sqrt(d2Square);
      double minPos;
      if (x1 <= x2) {
        minPos = x2 - (x2 - x1) * ((g2 + d2 - d1) / (g2 - g1 + 2 * d2));
      } else {
        minPos = x1 - (x1 - x2) * ((g1 + d2 - d1) / (g1 - g2 + 2 * d2));
      }
      return pyMin(pyMax(minPos, lo), hi);
    }
    return (lo + hi) / 2.0;
  }

  /** Python's max(a, b): b only when b > a. */
  static double pyMax(double a, double b) {
    return b > a ? b : a;
  }

  /** Python's min(a, b): b only when b < a. */
  static double pyMin(double a, double b) {
    return b < a ? b : a;
  }
}
