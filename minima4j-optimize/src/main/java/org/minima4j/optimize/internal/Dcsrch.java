package org.minima4j.optimize.internal;

/**
 * Moré–Thuente line search (J. J. Moré and D. J. Thuente, "Line search algorithms with guaranteed
 * sufficient decrease", ACM TOMS 20(3), 1994), as MINPACK-2's {@code dcsrch}/{@code dcstep} in
 * scipy 1.10.1 ({@code scipy/optimize/lbfgsb_src/lbfgsb.f} and {@code minpack2/dcsrch.f}); used by
 * L-BFGS-B and by {@code line_search_wolfe1} (BFGS, CG). Reverse communication: call
 * {@link #start} then {@link #iterate} with {@code f(stp)} and {@code f'(stp)} while the task is
 * {@link Task#FG}.
 */
public final class Dcsrch {
  /** The state of the search after a call. */
  public enum Task { FG, CONVERGENCE, WARNING_ROUNDING, WARNING_XTOL, WARNING_STPMAX, WARNING_STPMIN, ERROR }

  private static final double P5 = 0.5;
  private static final double P66 = 0.66;
  private static final double XTRAPL = 1.1;
  private static final double XTRAPU = 4.0;

  private final double ftol;
  private final double gtol;
  private final double xtol;
  private final double stpmin;
  private final double stpmax;

  private boolean brackt;
  private int stage;
  private double ginit;
  private double gtest;
  private double gx;
  private double gy;
  private double finit;
  private double fx;
  private double fy;
  private double stx;
  private double sty;
  private double stmin;
  private double stmax;
  private double width;
  private double width1;
  private double stp;
  private Task task;
  private String errorText;

  public Dcsrch(double ftol, double gtol, double xtol, double stpmin, double stpmax) {
    this.ftol = ftol;
    this.gtol = gtol;
    this.xtol = xtol;
    this.stpmin = stpmin;
    this.stpmax = stpmax;
  }

  public double stp() {
    return stp;
  }

  public Task task() {
    return task;
  }

  public String errorText() {
    return errorText;
  }

  /** The first call ({@code task = 'START'}) with {@code f(0)}, {@code f'(0)} and the first step. */
  public Task start(double f, double g, double stp0) {
    stp = stp0;
    errorText = null;
    if (stp < stpmin) {
      errorText = "ERROR: STP .LT. STPMIN";
    }
    if (stp > stpmax) {
      errorText = "ERROR: STP .GT. STPMAX";
    }
    if (g >= 0) {
      errorText = "ERROR: INITIAL G .GE. ZERO";
    }
    if (ftol < 0) {
      errorText = "ERROR: FTOL .LT. ZERO";
    }
    if (gtol < 0) {
      errorText = "ERROR: GTOL .LT. ZERO";
    }
    if (xtol < 0) {
      errorText = "ERROR: XTOL .LT. ZERO";
    }
    if (stpmin < 0) {
      errorText = "ERROR: STPMIN .LT. ZERO";
    }
    if (stpmax < stpmin) {
      errorText = "ERROR: STPMAX .LT. STPMIN";
    }
    if (errorText != null) {
      task = Task.ERROR;
      return task;
    }
    brackt = false;
    stage = 1;
    finit = f;
    ginit = g;
    gtest = ftol * ginit;
    width = stpmax - stpmin;
    width1 = width / P5;
    stx = 0;
    fx = finit;
    gx = ginit;
    sty = 0;
    fy = finit;
    gy = ginit;
    stmin = 0;
    stmax = stp + XTRAPU * stp;
    task = Task.FG;
    return task;
  }

  /** A later call with {@code f(stp)} and {@code f'(stp)}; updates {@link #stp()}. */
  public Task iterate(double f, double g) {
    double ftest = finit + stp * gtest;
    if (stage == 1 && f <= ftest && g >= 0) {
      stage = 2;
    }
    Task t = Task.FG;
    if (brackt && (stp <= stmin || stp >= stmax)) {
      t = Task.WARNING_ROUNDING;
    }
    if (brackt && stmax - stmin <= xtol * stmax) {
      t = Task.WARNING_XTOL;
    }
    if (stp == stpmax && f <= ftest && g <= gtest) {
      t = Task.WARNING_STPMAX;
    }
    if (stp == stpmin && (f > ftest || g >= gtest)) {
      t = Task.WARNING_STPMIN;
    }
    if (f <= ftest && Math.abs(g) <= gtol * (-ginit)) {
      t = Task.CONVERGENCE;
    }
    if (t != Task.FG) {
      task = t;
      return task;
    }
    double[] s = new double[9];
    if (stage == 1 && f <= fx && f > ftest) {
      double fm = f - stp * gtest;
      double fxm = fx - stx * gtest;
      double fym = fy - sty * gtest;
      double gm = g - gtest;
      double gxm = gx - gtest;
      double gym = gy - gtest;
      s[0] = stx; s[1] = fxm; s[2] = gxm; s[3] = sty; s[4] = fym; s[5] = gym; s[6] = stp;
      dcstep(s, fm, gm, stmin, stmax);
      stx = s[0]; sty = s[3]; stp = s[6];
      fx = s[1] + stx * gtest;
      fy = s[4] + sty * gtest;
      gx = s[2] + gtest;
      gy = s[5] + gtest;
    } else {
      s[0] = stx; s[1] = fx; s[2] = gx; s[3] = sty; s[4] = fy; s[5] = gy; s[6] = stp;
      dcstep(s, f, g, stmin, stmax);
      stx = s[0]; fx = s[1]; gx = s[2]; sty = s[3]; fy = s[4]; gy = s[5]; stp = s[6];
    }
    if (brackt) {
      if (Math.abs(sty - stx) >= P66 * width1) {
        stp = stx + P5 * (sty - stx);
      }
      width1 = width;
      width = Math.abs(sty - stx);
    }
    if (brackt) {
      stmin = Math.min(stx, sty);
      stmax = Math.max(stx, sty);
    } else {
      stmin = stp + XTRAPL * (stp - stx);
      stmax = stp + XTRAPU * (stp - stx);
    }
    stp = Math.max(stp, stpmin);
    stp = Math.min(stp, stpmax);
    if (brackt && (stp <= stmin || stp >= stmax) || (brackt && stmax - stmin <= xtol * stmax)) {
      stp = stx;
    }
    task = Task.FG;
    return task;
  }

  /** Safeguarded cubic/quadratic step within [lo, hi]; s = {stx, fx, dx, sty, fy, dy, stp}. */
  private void dcstep(double[] s, double fp, double dp, double lo, double hi) {
    double stx0 = s[0];
    double fx0 = s[1];
    double dx = s[2];
    double sty0 = s[3];
    double fy0 = s[4];
    double dy = s[5];
    double st = s[6];
    double sgnd = dp * (dx / Math.abs(dx));
    double stpf;
    double theta;
    double sMax;
    double gamma;
    double p;
    double q;
    double r;
    double stpc;
    double stpq;
    if (fp > fx0) {
      theta = 3.0 * (fx0 - fp) / (st - stx0) + dx + dp;
      sMax = max3(Math.abs(theta), Math.abs(dx), Math.abs(dp));
      gamma = sMax * Math.sqrt((theta / sMax) * (theta / sMax) - (dx / sMax) * (dp / sMax));
      if (st < stx0) {
        gamma = -gamma;
      }
      p = (gamma - dx) + theta;
      q = ((gamma - dx) + gamma) + dp;
      r = p / q;
      stpc = stx0 + r * (st - stx0);
      stpq = stx0 + ((dx / ((fx0 - fp) / (st - stx0) + dx)) / 2.0) * (st - stx0);
      if (Math.abs(stpc - stx0) < Math.abs(stpq - stx0)) {
        stpf = stpc;
      } else {
        stpf = stpc + (stpq - stpc) / 2.0;
      }
      brackt = true;
    } else if (sgnd < 0) {
      theta = 3.0 * (fx0 - fp) / (st - stx0) + dx + dp;
      sMax = max3(Math.abs(theta), Math.abs(dx), Math.abs(dp));
      gamma = sMax * Math.sqrt((theta / sMax) * (theta / sMax) - (dx / sMax) * (dp / sMax));
      if (st > stx0) {
        gamma = -gamma;
      }
      p = (gamma - dp) + theta;
      q = ((gamma - dp) + gamma) + dx;
      r = p / q;
      stpc = st + r * (stx0 - st);
      stpq = st + (dp / (dp - dx)) * (stx0 - st);
      if (Math.abs(stpc - st) > Math.abs(stpq - st)) {
        stpf = stpc;
      } else {
        stpf = stpq;
      }
      brackt = true;
    } else if (Math.abs(dp) < Math.abs(dx)) {
      theta = 3.0 * (fx0 - fp) / (st - stx0) + dx + dp;
      sMax = max3(Math.abs(theta), Math.abs(dx), Math.abs(dp));
      gamma = sMax * Math.sqrt(Math.max(0.0, (theta / sMax) * (theta / sMax) - (dx / sMax) * (dp / sMax)));
      if (st > stx0) {
        gamma = -gamma;
      }
      p = (gamma - dp) + theta;
      q = (gamma + (dx - dp)) + gamma;
      r = p / q;
      if (r < 0 && gamma != 0) {
        stpc = st + r * (stx0 - st);
      } else if (st > stx0) {
        stpc = hi;
      } else {
        stpc = lo;
      }
      stpq = st + (dp / (dp - dx)) * (stx0 - st);
      if (brackt) {
        if (Math.abs(stpc - st) < Math.abs(stpq - st)) {
          stpf = stpc;
        } else {
          stpf = stpq;
        }
        if (st > stx0) {
          stpf = Math.min(st + P66 * (sty0 - st), stpf);
        } else {
          stpf = Math.max(st + P66 * (sty0 - st), stpf);
        }
      } else {
        if (Math.abs(stpc - st) > Math.abs(stpq - st)) {
          stpf = stpc;
        } else {
          stpf = stpq;
        }
        stpf = Math.min(hi, stpf);
        stpf = Math.max(lo, stpf);
      }
    } else {
      if (brackt) {
        theta = 3.0 * (fp - fy0) / (sty0 - st) + dy + dp;
        sMax = max3(Math.abs(theta), Math.abs(dy), Math.abs(dp));
        gamma = sMax * Math.sqrt((theta / sMax) * (theta / sMax) - (dy / sMax) * (dp / sMax));
        if (st > sty0) {
          gamma = -gamma;
        }
        p = (gamma - dp) + theta;
        q = ((gamma - dp) + gamma) + dy;
        r = p / q;
        stpc = st + r * (sty0 - st);
        stpf = stpc;
      } else if (st > stx0) {
        stpf = hi;
      } else {
        stpf = lo;
      }
    }
    if (fp > fx0) {
      s[3] = st;
      s[4] = fp;
      s[5] = dp;
    } else {
      if (sgnd < 0) {
        s[3] = stx0;
        s[4] = fx0;
        s[5] = dx;
      }
      s[0] = st;
      s[1] = fp;
      s[2] = dp;
    }
    s[6] = stpf;
  }

  private static double max3(double a, double b, double c) {
    return Math.max(a, Math.max(b, c));
  }
}
