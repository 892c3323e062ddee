package org.minima4j.optimize.internal;

/**
 * {@code formk} of L-BFGS-B: the 2m x 2m middle matrix K of the subspace problem over the free
 * variables and its factorization, updated from the previous one as the free set changes.
 * Line-by-line port of scipy 1.10.1 {@code scipy/optimize/lbfgsb_src/lbfgsb.f} (arrays 1-based,
 * the same floating-point operations in the same order). Its inner loops are small methods:
 * formk runs once per iteration and stays interpreted in a short run, while they run thousands of
 * times and are compiled early.
 */
public final class LbfgsbFormk {
  private LbfgsbFormk() {}

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
}
