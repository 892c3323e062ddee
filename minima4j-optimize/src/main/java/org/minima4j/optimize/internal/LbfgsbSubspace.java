package org.minima4j.optimize.internal;

/**
 * The reduced-space part of L-BFGS-B: {@code formk} (the 2m x 2m reduced matrix K and its
 * factorization), {@code formt} (T = theta*SS + L D^-1 L'), {@code cmprlb} (reduced gradient),
 * {@code subsm} (subspace minimization with the projection of Morales and Nocedal 2011) and
 * {@code matupd} (memory update). Line-by-line port of scipy 1.10.1
 * {@code scipy/optimize/lbfgsb_src/lbfgsb.f}; arrays are 1-based.
 */
public final class LbfgsbSubspace {
  private LbfgsbSubspace() {}

  /** {@code formk}; returns 0, -1 or -2 (non-positive definite). */
  public static int formk(LbfgsbMemory s) {
    int n = s.n;
    int m = s.m;
    int col = s.col;
    int head = s.head;
    int nsub = s.nfree;
    int[] ind = s.index;
    double[][] ws = s.ws;
    double[][] wy = s.wy;
    double[][] wn1 = s.snd;
    double[][] wn = s.wn;
    int nenter = s.nenter;
    int ileave = s.ileave;
    int upcl;
    if (s.updatd) {
      if (s.iupdat > m) {
        for (int jy = 1; jy <= m - 1; jy++) {
          int js = m + jy;
          for (int k = 0; k < m - jy; k++) {
            wn1[jy + k][jy] = wn1[jy + 1 + k][jy + 1];
            wn1[js + k][js] = wn1[js + 1 + k][js + 1];
          }
          for (int k = 0; k < m - 1; k++) {
            wn1[m + 1 + k][jy] = wn1[m + 2 + k][jy + 1];
          }
        }
      }
      int pbegin = 1;
      int pend = nsub;
      int dbegin = nsub + 1;
      int dend = n;
      int iy = col;
      int is = m + col;
      int ipntr = head + col - 1;
      if (ipntr > m) {
        ipntr -= m;
      }
      int jpntr = head;
      for (int jy = 1; jy <= col; jy++) {
        int js = m + jy;
        double[] wyj = wy[jpntr];
        double[] wsi = ws[ipntr];
        double temp1 = pbegin <= pend ? dotIndexed(ind, pbegin, pend, wy[ipntr], wyj) : 0;
        double temp2 = 0;
        double temp3 = 0;
        if (dbegin <= dend) {
          temp2 = dotIndexed(ind, dbegin, dend, wsi, ws[jpntr]);
          temp3 = dotIndexed(ind, dbegin, dend, wsi, wyj);
        }
        wn1[iy][jy] = temp1;
        wn1[is][js] = temp2;
        wn1[is][jy] = temp3;
        jpntr = jpntr % m + 1;
      }
      int jy = col;
      jpntr = head + col - 1;
      if (jpntr > m) {
        jpntr -= m;
      }
      ipntr = head;
      for (int i = 1; i <= col; i++) {
        int is2 = m + i;
        double temp3 = pbegin <= pend ? dotIndexed(ind, pbegin, pend, ws[ipntr], wy[jpntr]) : 0;
        ipntr = ipntr % m + 1;
        wn1[is2][jy] = temp3;
      }
      upcl = col - 1;
    } else {
      upcl = col;
    }
    if (nenter == 0 && ileave > n) {
      // no variable entered or left the free set: every update below adds and subtracts sums
      // of no terms (+0.0), which leaves x + 0.0
      for (int iy = 1; iy <= upcl; iy++) {
        double[] r1 = wn1[iy];
        double[] r2 = wn1[m + iy];
        for (int jy = 1; jy <= iy; jy++) {
          r1[jy] = r1[jy] + 0.0;
          r2[m + jy] = r2[m + jy] + 0.0;
        }
      }
      for (int is = m + 1; is <= m + upcl; is++) {
        double[] r = wn1[is];
        for (int jy = 1; jy <= upcl; jy++) {
          r[jy] = r[jy] + 0.0;
        }
      }
    } else {
      formkFreeSetChange(s, wn1, upcl);
    }
    double theta = s.theta;
    for (int iy = 1; iy <= col; iy++) {
      int is = col + iy;
      int is1 = m + iy;
      for (int jy = 1; jy <= iy; jy++) {
        int js = col + jy;
        int js1 = m + jy;
        wn[jy][iy] = wn1[iy][jy] / theta;
        wn[js][is] = wn1[is1][js1] * theta;
      }
      for (int jy = 1; jy <= iy - 1; jy++) {
        wn[jy][is] = -wn1[is1][jy];
      }
      for (int jy = iy; jy <= col; jy++) {
        wn[jy][is] = wn1[is1][jy];
      }
      wn[iy][iy] = wn[iy][iy] + s.sy[iy][iy];
    }
    int info = Linpack.dpofa(wn, 0, col);
    if (info != 0) {
      return -1;
    }
    int col2 = 2 * col;
    if (col < 16) {
      // ddot of fewer than 16 terms is a plain left-to-right sum, so the column dots can be
      // accumulated row by row (the same products added in the same order, without calls)
      formkBlocksShort(wn, col);
    } else {
      // dtrsl(job 11) on each column of the (1,2) block in place, as Fortran passes wn(1,js)
      for (int js = col + 1; js <= col2; js++) {
        Linpack.dtrslUpperTransposedColumn(wn, col, js);
      }
      double[] gi = new double[col];
      for (int is = col + 1; is <= col2; is++) {
        for (int k = 0; k < col; k++) {
          gi[k] = wn[k + 1][is];
        }
        double[] wnis = wn[is];
        for (int js = is; js <= col2; js++) {
          wnis[js] = wnis[js] + Blas.ddotColumn(col, wn, 1, js, gi, 0);
        }
      }
    }
    info = Linpack.dpofa(wn, col, col);
    if (info != 0) {
      return -2;
    }
    return 0;
  }

  /**
   * formk's update of the inner products for the variables that entered ({@code indx2[1..nenter]})
   * or left ({@code indx2[ileave..n]}) the free set.
   */
  private static void formkFreeSetChange(LbfgsbMemory s, double[][] wn1, int upcl) {
    int n = s.n;
    int m = s.m;
    int head = s.head;
    int[] indx2 = s.indx2;
    double[][] ws = s.ws;
    double[][] wy = s.wy;
    int nenter = s.nenter;
    int ileave = s.ileave;
    int ipntr = head;
    for (int iy = 1; iy <= upcl; iy++) {
      int is = m + iy;
      int jpntr = head;
      for (int jy = 1; jy <= iy; jy++) {
        int js = m + jy;
        double[] wyi = wy[ipntr];
        double[] wyj = wy[jpntr];
        double[] wsi = ws[ipntr];
        double[] wsj = ws[jpntr];
        double temp1 = dotIndexed(indx2, 1, nenter, wyi, wyj);
        double temp2 = dotIndexed(indx2, 1, nenter, wsi, wsj);
        double temp3 = dotIndexed(indx2, ileave, n, wyi, wyj);
        double temp4 = dotIndexed(indx2, ileave, n, wsi, wsj);
        wn1[iy][jy] = wn1[iy][jy] + temp1 - temp3;
        wn1[is][js] = wn1[is][js] - temp2 + temp4;
        jpntr = jpntr % m + 1;
      }
      ipntr = ipntr % m + 1;
    }
    ipntr = head;
    for (int is = m + 1; is <= m + upcl; is++) {
      int jpntr = head;
      for (int jy = 1; jy <= upcl; jy++) {
        double[] wsi = ws[ipntr];
        double[] wyj = wy[jpntr];
        double temp1 = dotIndexed(indx2, 1, nenter, wsi, wyj);
        double temp3 = dotIndexed(indx2, ileave, n, wsi, wyj);
        if (is <= jy + m) {
          wn1[is][jy] = wn1[is][jy] + temp1 - temp3;
        } else {
          wn1[is][jy] = wn1[is][jy] - temp1 + temp3;
        }
        jpntr = jpntr % m + 1;
      }
      ipntr = ipntr % m + 1;
    }
  }

  /**
   * {@code sum a[ind[k]] * b[ind[k]]} for k in [from, to], left to right from 0 (formk's loops
   * over a set of variables); a separate method so that the JIT compiles it early.
   */
  private static double dotIndexed(int[] ind, int from, int to, double[] a, double[] b) {
    double sum = 0;
    for (int k = from; k <= to; k++) {
      int k1 = ind[k];
      sum += a[k1] * b[k1];
    }
    return sum;
  }

  /**
   * formk's middle step for {@code col < 16}: {@code dtrsl(wn, col, wn(1,js), 11)} for each column
   * js of the (1,2) block, then {@code wn(is,js) += ddot(col, wn(1,is), 1, wn(1,js), 1)} on the upper
   * triangle of the (2,2) block. Each dot has fewer than 16 terms, a left-to-right sum in
   * {@link Blas#ddot}, so it is accumulated here over the rows in the same order.
   */
  private static void formkBlocksShort(double[][] wn, int col) {
    int c1 = col + 1;
    int col2 = 2 * col;
    for (int i = 1; i <= col; i++) {
      if (wn[i][i] == 0.0) {
        // dtrsl returns before touching b: the (1,2) block stays as it is
        c1 = col2 + 1;
        break;
      }
    }
    double[] acc = new double[col2 + 1];
    if (c1 <= col2) {
      double[] w1 = wn[1];
      double d1 = w1[1];
      for (int c = c1; c <= col2; c++) {
        w1[c] = w1[c] / d1;
      }
      for (int j = 2; j <= col; j++) {
        java.util.Arrays.fill(acc, c1, col2 + 1, 0.0);
        for (int i = 1; i < j; i++) {
          double[] wi = wn[i];
          addScaled(acc, wi, wi[j], c1, col2);
        }
        double[] wj = wn[j];
        double djj = wj[j];
        for (int c = c1; c <= col2; c++) {
          wj[c] = (wj[c] - acc[c]) / djj;
        }
      }
    }
    for (int is = col + 1; is <= col2; is++) {
      java.util.Arrays.fill(acc, is, col2 + 1, 0.0);
      for (int k = 1; k <= col; k++) {
        double[] wk = wn[k];
        addScaled(acc, wk, wk[is], is, col2);
      }
      double[] wis = wn[is];
      for (int js = is; js <= col2; js++) {
        wis[js] = wis[js] + acc[js];
      }
    }
  }

  /**
   * {@code acc[c] += row[c] * a} for c in [from, to]. A separate method on purpose: it runs
   * thousands of times per solve, so the JIT compiles it early, while formk itself (called once per
   * iteration) stays interpreted for most of a short run.
   */
  private static void addScaled(double[] acc, double[] row, double a, int from, int to) {
    for (int c = from; c <= to; c++) {
      acc[c] += row[c] * a;
    }
  }

  /** {@code formt}; returns 0 or -3 (T not positive definite). */
  public static int formt(LbfgsbMemory s) {
    int col = s.col;
    double[][] wt = s.wt;
    double[][] sy = s.sy;
    double[][] ss = s.ss;
    for (int j = 1; j <= col; j++) {
      wt[1][j] = s.theta * ss[1][j];
    }
    for (int i = 2; i <= col; i++) {
      for (int j = i; j <= col; j++) {
        int k1 = Math.min(i, j) - 1;
        double ddum = 0;
        for (int k = 1; k <= k1; k++) {
          ddum += sy[i][k] * sy[j][k] / sy[k][k];
        }
        wt[i][j] = ddum + s.theta * ss[i][j];
      }
    }
    return Linpack.dpofa(wt, 0, col) != 0 ? -3 : 0;
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
      double[] wy = s.wy[pointr];
      double[] ws = s.ws[pointr];
      for (int i = 1; i <= nfree; i++) {
        int k = index[i];
        r[i] = r[i] + wy[k] * a1 + ws[k] * a2;
      }
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
      double temp1 = 0;
      double temp2 = 0;
      double[] wy = s.wy[pointr];
      double[] ws = s.ws[pointr];
      for (int j = 1; j <= nsub; j++) {
        int k = ind[j];
        double dj = d[j];
        temp1 += wy[k] * dj;
        temp2 += ws[k] * dj;
      }
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
      double[] wy = s.wy[pointr];
      double[] ws = s.ws[pointr];
      double wvy = wv[jy];
      double wvs = wv[js];
      for (int i = 1; i <= nsub; i++) {
        int k = ind[i];
        d[i] = d[i] + wy[k] * wvy / theta + ws[k] * wvs;
      }
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
