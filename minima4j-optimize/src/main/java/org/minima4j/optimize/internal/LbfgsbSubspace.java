package org.minima4j.optimize.internal;

/**
 * The reduced-space part of L-BFGS-B: {@code formt} (T = theta*SS + L D^-1 L'), {@code cmprlb}
 * (reduced gradient), {@code subsm} (subspace minimization with the projection of Morales and
 * Nocedal 2011) and {@code matupd} (memory update); {@code formk} is {@link LbfgsbFormk}.
 * Line-by-line port of scipy 1.10.1 {@code scipy/optimize/lbfgsb_src/lbfgsb.f}; arrays are 1-based.
 */
public final class LbfgsbSubspace {
  private LbfgsbSubspace() {}

  /** {@code formt}; returns 0 or -3 (T not positive definite). */
  public static int formt(LbfgsbMemory s) {
    int col = s.col;
    double[][] wt = s.wt;
    double[][] sy = s.sy;
    double[][] ss = s.ss;
    double theta = s.theta;
    for (int j = 1; j <= col; j++) {
      wt[1][j] = theta * ss[1][j];
    }
    double[] diag = new double[col + 1];
    for (int k = 1; k <= col; k++) {
      diag[k] = sy[k][k];
    }
    for (int i = 2; i <= col; i++) {
      double[] syi = sy[i];
      double[] wti = wt[i];
      double[] ssi = ss[i];
      // j >= i, so Fortran's k1 = min(i, j) - 1 is i - 1
      for (int j = i; j <= col; j++) {
        wti[j] = scaledDot(syi, sy[j], diag, i - 1) + theta * ssi[j];
      }
    }
    return Linpack.dpofa(wt, 0, col) != 0 ? -3 : 0;
  }

  /*
   * The loops over the free variables of cmprlb and subsm, as small methods: they run col times per
   * call, so the JIT compiles them early while the callers (once per iteration) stay interpreted.
   */

  /** {@code sum w[ind[j]] * d[j]} for j in [1, len], left to right from 0. */
  private static double gatherDot(int[] ind, int len, double[] w, double[] d) {
    double sum = 0;
    for (int j = 1; j <= len; j++) {
      sum += w[ind[j]] * d[j];
    }
    return sum;
  }

  /** {@code r[i] = r[i] + wy[k] * a1 + ws[k] * a2} with k = ind[i], for i in [1, len]. */
  private static void gatherUpdate(double[] r, int[] ind, int len, double[] wy, double a1, double[] ws, double a2) {
    for (int i = 1; i <= len; i++) {
      int k = ind[i];
      r[i] = r[i] + wy[k] * a1 + ws[k] * a2;
    }
  }

  /** {@code d[i] = d[i] + wy[k] * a1 / theta + ws[k] * a2} with k = ind[i], for i in [1, len]. */
  private static void gatherUpdateScaled(double[] d, int[] ind, int len, double[] wy, double a1, double theta,
      double[] ws, double a2) {
    for (int i = 1; i <= len; i++) {
      int k = ind[i];
      d[i] = d[i] + wy[k] * a1 / theta + ws[k] * a2;
    }
  }

  /** {@code sum a[k] * b[k] / d[k]} for k in [1, len], left to right from 0 (formt's inner sum). */
  private static double scaledDot(double[] a, double[] b, double[] d, int len) {
    double sum = 0;
    for (int k = 1; k <= len; k++) {
      sum += a[k] * b[k] / d[k];
    }
    return sum;
  }

  /** {@code cmprlb}: r = -Z'(B(xcp - x) + g) over the free variables; returns 0 or -8. */
  public static int cmprlb(LbfgsbMemory s, double[] x, double[] g, double[] z, double[] r, boolean cnstnd) {
    int n = s.n;
    int m = s.m;
    int col = s.col;
    if (!cnstnd && col > 0) {
      for (int i = 1; i <= n; i++) {
        r[i] = -g[i];
      }
      return 0;
    }
    int nfree = s.nfree;
    int[] index = s.index;
    double theta = s.theta;
    for (int i = 1; i <= nfree; i++) {
      int k = index[i];
      r[i] = -theta * (z[k] - x[k]) - g[k];
    }
    int info = s.bmv(s.c, s.p);
    if (info != 0) {
      return -8;
    }
    double[] p = s.p;
    int pointr = s.head;
    for (int j = 1; j <= col; j++) {
      double a1 = p[j];
      double a2 = theta * p[col + j];
      gatherUpdate(r, index, nfree, s.wy[pointr], a1, s.ws[pointr], a2);
      pointr = pointr % m + 1;
    }
    return 0;
  }

  /**
   * {@code subsm}: minimizes the model over the free variables from the Cauchy point {@code x}
   * (overwritten by the result); {@code d} holds the reduced gradient on entry; {@code xx}, {@code gg}
   * are the current iterate and gradient. Returns info.
   */
  public static int subsm(LbfgsbMemory s, double[] x, double[] d, double[] xp, double[] xx, double[] gg) {
    int n = s.n;
    int m = s.m;
    int nsub = s.nfree;
    int col = s.col;
    int[] ind = s.index;
    int[] nbd = s.nbd;
    double[] l = s.l;
    double[] u = s.u;
    double theta = s.theta;
    double[] wv = s.p;
    if (nsub <= 0) {
      return 0;
    }
    int pointr = s.head;
    for (int i = 1; i <= col; i++) {
      double temp1 = gatherDot(ind, nsub, s.wy[pointr], d);
      double temp2 = gatherDot(ind, nsub, s.ws[pointr], d);
      wv[i] = temp1;
      wv[col + i] = theta * temp2;
      pointr = pointr % m + 1;
    }
    int col2 = 2 * col;
    int info = Linpack.dtrsl(s.wn, 0, col2, wv, 0, 11);
    if (info != 0) {
      return info;
    }
    for (int i = 1; i <= col; i++) {
      wv[i] = -wv[i];
    }
    info = Linpack.dtrsl(s.wn, 0, col2, wv, 0, 1);
    if (info != 0) {
      return info;
    }
    pointr = s.head;
    for (int jy = 1; jy <= col; jy++) {
      int js = col + jy;
      gatherUpdateScaled(d, ind, nsub, s.wy[pointr], wv[jy], theta, s.ws[pointr], wv[js]);
      pointr = pointr % m + 1;
    }
    for (int i = 1; i <= nsub; i++) {
      d[i] *= 1.0 / theta;
    }
    s.iword = 0;
    System.arraycopy(x, 1, xp, 1, n);
    for (int i = 1; i <= nsub; i++) {
      int k = ind[i];
      double dk = d[i];
      double xk = x[k];
      if (nbd[k] != 0) {
        if (nbd[k] == 1) {
          x[k] = Math.max(l[k], xk + dk);
          if (x[k] == l[k]) {
            s.iword = 1;
          }
        } else if (nbd[k] == 2) {
          xk = Math.max(l[k], xk + dk);
          x[k] = Math.min(u[k], xk);
          if (x[k] == l[k] || x[k] == u[k]) {
            s.iword = 1;
          }
        } else if (nbd[k] == 3) {
          x[k] = Math.min(u[k], xk + dk);
          if (x[k] == u[k]) {
            s.iword = 1;
          }
        }
      } else {
        x[k] = xk + dk;
      }
    }
    if (s.iword == 0) {
      return 0;
    }
    double ddP = 0;
    for (int i = 1; i <= n; i++) {
      ddP += (x[i] - xx[i]) * gg[i];
    }
    if (ddP <= 0) {
      return 0;
    }
    System.arraycopy(xp, 1, x, 1, n);
    double alpha = 1.0;
    double temp1 = alpha;
    int ibd = 0;
    for (int i = 1; i <= nsub; i++) {
      int k = ind[i];
      double dk = d[i];
      if (nbd[k] != 0) {
        if (dk < 0 && nbd[k] <= 2) {
          double temp2 = l[k] - x[k];
          if (temp2 >= 0) {
            temp1 = 0;
          } else if (dk * alpha < temp2) {
            temp1 = temp2 / dk;
          }
        } else if (dk > 0 && nbd[k] >= 2) {
          double temp2 = u[k] - x[k];
          if (temp2 <= 0) {
            temp1 = 0;
          } else if (dk * alpha > temp2) {
            temp1 = temp2 / dk;
          }
        }
        if (temp1 < alpha) {
          alpha = temp1;
          ibd = i;
        }
      }
    }
    if (alpha < 1.0) {
      double dk = d[ibd];
      int k = ind[ibd];
      if (dk > 0) {
        x[k] = u[k];
        d[ibd] = 0;
      } else if (dk < 0) {
        x[k] = l[k];
        d[ibd] = 0;
      }
    }
    for (int i = 1; i <= nsub; i++) {
      int k = ind[i];
      x[k] = x[k] + alpha * d[i];
    }
    return 0;
  }

  /** {@code matupd}: stores s = d (step) and y = r (gradient change) and updates SY, SS. */
  public static void matupd(LbfgsbMemory s, double[] d, double[] r, double rr, double dr, double stp, double dtd) {
    int n = s.n;
    int m = s.m;
    if (s.iupdat <= m) {
      s.col = s.iupdat;
      s.itail = (s.head + s.iupdat - 2) % m + 1;
    } else {
      s.itail = s.itail % m + 1;
      s.head = s.head % m + 1;
    }
    for (int i = 1; i <= n; i++) {
      s.ws[s.itail][i] = d[i];
      s.wy[s.itail][i] = r[i];
    }
    s.theta = rr / dr;
    int col = s.col;
    if (s.iupdat > m) {
      for (int j = 1; j <= col - 1; j++) {
        for (int k = 0; k < j; k++) {
          s.ss[1 + k][j] = s.ss[2 + k][j + 1];
        }
        for (int k = 0; k < col - j; k++) {
          s.sy[j + k][j] = s.sy[j + 1 + k][j + 1];
        }
      }
    }
    int pointr = s.head;
    for (int j = 1; j <= col - 1; j++) {
      double a = Blas.ddot(n, d, 1, s.wy[pointr], 1);
      double b = Blas.ddot(n, s.ws[pointr], 1, d, 1);
      s.sy[col][j] = a;
      s.ss[j][col] = b;
      pointr = pointr % m + 1;
    }
    if (stp == 1.0) {
      s.ss[col][col] = dtd;
    } else {
      s.ss[col][col] = stp * stp * dtd;
    }
    s.sy[col][col] = dr;
  }
}
