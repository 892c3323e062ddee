package org.minima4j.optimize.internal;

/**
 * The truncated-Newton direction of TNC and its helpers, ported from scipy 1.10.1
 * {@code scipy/optimize/tnc/tnc.c} (J.-S. Roux's C translation of S. G. Nash's TN; S. G. Nash,
 * "Newton-type minimization via the Lanczos method", SIAM J. Numer. Anal. 21(4), 1984):
 * preconditioned conjugate gradients on the Newton equations ({@code tnc_direction}) with
 * finite-difference Hessian-vector products ({@code hessianTimesVector}), a two-step limited-memory
 * BFGS preconditioner ({@code msolve}, {@code ssbfgs}, {@code initPreconditioner}) and diagonal
 * scaling updates. Works on the scaled variables.
 */
public final class Tnc {
  private static final double EPS = Math.ulp(1.0);

  private Tnc() {}

  /** The scaled problem the direction needs: a gradient at a scaled trial point. */
  public interface Gradient {
    /** Scaled gradient (xscale * fscale * g) at the unscaled, clipped image of scaled {@code xv}. */
    double[] scaledGradientAt(double[] xv);

    void countEvaluation();

    int nfeval();

    /** Zeroes components with xscale == 0 ({@code projectConstants}). */
    void projectConstants(double[] v);
  }

  /** Quasi-Newton memory of TNC's preconditioner. */
  public static final class Memory {
    public boolean upd1 = true;
    public boolean lreset;
    public double yksk;
    public double yrsr;
    public double[] sk;
    public double[] yk;
    public double[] sr;
    public double[] yr;
    public double[] diagb;

    public Memory(int n) {
      sk = new double[n];
      yk = new double[n];
      sr = new double[n];
      yr = new double[n];
      diagb = new double[n];
      java.util.Arrays.fill(diagb, 1.0);
    }
  }

  /** {@code tnc_direction}: writes the search direction to {@code zsol}. */
  public static void direction(double[] zsol, Memory mem, double[] x, double[] g, int n, int maxCGit,
      int maxnfeval, Gradient grad, int[] pivot, double accuracy, double gnorm, double xnorm) {
    if (maxCGit == 0) {
      System.arraycopy(g, 0, zsol, 0, n);
      dneg1(n, zsol);
      project(n, zsol, pivot);
      return;
    }
    double rhsnrm = gnorm;
    double tol = 1e-12;
    double qold = 0.0;
    double rzold = 0.0;
    double[] r = new double[n];
    double[] v = new double[n];
    double[] zk = new double[n];
    double[] emat = new double[n];
    initPreconditioner(mem, emat, n);
    for (int i = 0; i < n; i++) {
      r[i] = -g[i];
      v[i] = 0.0;
      zsol[i] = 0.0;
    }
    for (int k = 0; k < maxCGit; k++) {
      project(n, r, pivot);
      msolve(r, zk, n, mem);
      project(n, zk, pivot);
      double rz = ddot1(n, r, zk);
      if (rz / rhsnrm < tol || grad.nfeval() >= maxnfeval - 1) {
        if (k == 0) {
          System.arraycopy(g, 0, zsol, 0, n);
          dneg1(n, zsol);
          project(n, zsol, pivot);
        }
        break;
      }
      double beta = k == 0 ? 0.0 : rz / rzold;
      for (int i = 0; i < n; i++) {
        v[i] = zk[i] + beta * v[i];
      }
      project(n, v, pivot);
      double[] gv = hessianTimesVector(v, n, x, g, grad, accuracy, xnorm);
      grad.countEvaluation();
      project(n, gv, pivot);
      double vgv = ddot1(n, v, gv);
      if (vgv / rhsnrm < tol) {
        if (k == 0) {
          msolve(g, zsol, n, mem);
          dneg1(n, zsol);
          project(n, zsol, pivot);
        }
        break;
      }
      diagonalScaling(n, emat, v, gv, r);
      double alpha = rz / vgv;
      daxpy1(n, alpha, v, zsol);
      daxpy1(n, -alpha, gv, r);
      double gtp = ddot1(n, zsol, g);
      double pr = ddot1(n, r, zsol);
      double qnew = (gtp + pr) * 0.5;
      double qtest = (k + 1) * (1.0 - qold / qnew);
      if (qtest <= 0.5) {
        break;
      }
      if (gtp > 0.0) {
        daxpy1(n, -alpha, v, zsol);
        break;
      }
      qold = qnew;
      rzold = rz;
    }
    System.arraycopy(emat, 0, mem.diagb, 0, n);
  }

  private static void diagonalScaling(int n, double[] e, double[] v, double[] gv, double[] r) {
    double vr = 1.0 / ddot1(n, v, r);
    double vgv = 1.0 / ddot1(n, v, gv);
    for (int i = 0; i < n; i++) {
      e[i] += -r[i] * r[i] * vr + gv[i] * gv[i] * vgv;
      if (e[i] <= 1e-6) {
        e[i] = 1.0;
      }
    }
  }

  private static double[] hessianTimesVector(double[] v, int n, double[] x, double[] g, Gradient grad,
      double accuracy, double xnorm) {
    double delta = accuracy * (xnorm + 1.0);
    double[] xv = new double[n];
    for (int i = 0; i < n; i++) {
      xv[i] = x[i] + delta * v[i];
    }
    double[] gv = grad.scaledGradientAt(xv);
    double dinv = 1.0 / delta;
    for (int i = 0; i < n; i++) {
      gv[i] = (gv[i] - g[i]) * dinv;
    }
    grad.projectConstants(gv);
    return gv;
  }

  private static void msolve(double[] g, double[] y, int n, Memory m) {
    if (m.upd1) {
      for (int i = 0; i < n; i++) {
        y[i] = g[i] / m.diagb[i];
      }
      return;
    }
    double gsk = ddot1(n, g, m.sk);
    double[] hg = new double[n];
    double[] hyr = new double[n];
    double[] hyk = new double[n];
    if (m.lreset) {
      for (int i = 0; i < n; i++) {
        double rdiagb = 1.0 / m.diagb[i];
        hg[i] = g[i] * rdiagb;
        hyk[i] = m.yk[i] * rdiagb;
      }
      double ykhyk = ddot1(n, m.yk, hyk);
      double ghyk = ddot1(n, g, hyk);
      ssbfgs(n, 1.0, m.sk, hg, hyk, m.yksk, ykhyk, gsk, ghyk, y);
    } else {
      for (int i = 0; i < n; i++) {
        double rdiagb = 1.0 / m.diagb[i];
        hg[i] = g[i] * rdiagb;
        hyk[i] = m.yk[i] * rdiagb;
        hyr[i] = m.yr[i] * rdiagb;
      }
      double gsr = ddot1(n, g, m.sr);
      double ghyr = ddot1(n, g, hyr);
      double yrhyr = ddot1(n, m.yr, hyr);
      ssbfgs(n, 1.0, m.sr, hg, hyr, m.yrsr, yrhyr, gsr, ghyr, hg);
      double yksr = ddot1(n, m.yk, m.sr);
      double ykhyr = ddot1(n, m.yk, hyr);
      ssbfgs(n, 1.0, m.sr, hyk, hyr, m.yrsr, yrhyr, yksr, ykhyr, hyk);
      double ykhyk = ddot1(n, hyk, m.yk);
      double ghyk = ddot1(n, hyk, g);
      ssbfgs(n, 1.0, m.sk, hg, hyk, m.yksk, ykhyk, gsk, ghyk, y);
    }
  }

  private static void ssbfgs(int n, double gamma, double[] sj, double[] hjv, double[] hjyj, double yjsj,
      double yjhyj, double vsj, double vhyj, double[] hjp1v) {
    double beta;
    double delta;
    if (yjsj == 0.0) {
      delta = 0.0;
      beta = 0.0;
    } else {
      delta = (gamma * yjhyj / yjsj + 1.0) * vsj / yjsj - gamma * vhyj / yjsj;
      beta = -gamma * vsj / yjsj;
    }
    for (int i = 0; i < n; i++) {
      hjp1v[i] = gamma * hjv[i] + delta * sj[i] + beta * hjyj[i];
    }
  }

  private static void initPreconditioner(Memory m, double[] emat, int n) {
    double[] diagb = m.diagb;
    if (m.upd1) {
      System.arraycopy(diagb, 0, emat, 0, n);
      return;
    }
    double[] bsk = new double[n];
    double yksk = m.yksk;
    if (m.lreset) {
      for (int i = 0; i < n; i++) {
        bsk[i] = diagb[i] * m.sk[i];
      }
      double sds = ddot1(n, m.sk, bsk);
      if (yksk == 0.0) {
        yksk = 1.0;
      }
      if (sds == 0.0) {
        sds = 1.0;
      }
      for (int i = 0; i < n; i++) {
        double td = diagb[i];
        emat[i] = td - td * td * m.sk[i] * m.sk[i] / sds + m.yk[i] * m.yk[i] / yksk;
      }
    } else {
      double yrsr = m.yrsr;
      for (int i = 0; i < n; i++) {
        bsk[i] = diagb[i] * m.sr[i];
      }
      double sds = ddot1(n, m.sr, bsk);
      double srds = ddot1(n, m.sk, bsk);
      double yrsk = ddot1(n, m.yr, m.sk);
      if (yrsr == 0.0) {
        yrsr = 1.0;
      }
      if (sds == 0.0) {
        sds = 1.0;
      }
      for (int i = 0; i < n; i++) {
        double td = diagb[i];
        bsk[i] = td * m.sk[i] - bsk[i] * srds / sds + m.yr[i] * yrsk / yrsr;
        emat[i] = td - td * td * m.sr[i] * m.sr[i] / sds + m.yr[i] * m.yr[i] / yrsr;
      }
      sds = ddot1(n, m.sk, bsk);
      if (yksk == 0.0) {
        yksk = 1.0;
      }
      if (sds == 0.0) {
        sds = 1.0;
      }
      for (int i = 0; i < n; i++) {
        emat[i] -= bsk[i] * bsk[i] / sds + m.yk[i] * m.yk[i] / yksk;
      }
    }
  }

  /** Zeroes the components whose pivot is non-zero (fixed at a bound or constant). */
  public static void project(int n, double[] x, int[] pivot) {
    for (int i = 0; i < n; i++) {
      if (pivot[i] != 0) {
        x[i] = 0.0;
      }
    }
  }

  public static void dneg1(int n, double[] v) {
    for (int i = 0; i < n; i++) {
      v[i] = -v[i];
    }
  }

  public static void daxpy1(int n, double da, double[] dx, double[] dy) {
    for (int i = 0; i < n; i++) {
      dy[i] += da * dx[i];
    }
  }

  public static double ddot1(int n, double[] dx, double[] dy) {
    double dtemp = 0.0;
    for (int i = 0; i < n; i++) {
      dtemp += dy[i] * dx[i];
    }
    return dtemp;
  }

  /** Scaled Euclidean norm ({@code dnrm21}). */
  public static double dnrm21(int n, double[] dx) {
    double dssq = 1.0;
    double dscale = 0.0;
    for (int i = 0; i < n; i++) {
      if (dx[i] != 0.0) {
        double dabsxi = Math.abs(dx[i]);
        if (dscale < dabsxi) {
          double ratio = dscale / dabsxi;
          dssq = 1.0 + dssq * ratio * ratio;
          dscale = dabsxi;
        } else {
          double ratio = dabsxi / dscale;
          dssq += ratio * ratio;
        }
      }
    }
    return dscale * Math.sqrt(dssq);
  }

  static double eps() {
    return EPS;
  }
}
