package org.minima4j.optimize.internal;

/**
 * The limited-memory BFGS matrices of L-BFGS-B and the subproblem routines that use them: the
 * generalized Cauchy point ({@code cauchy}, {@code hpsolb}, {@code bmv}), the free-variable set
 * ({@code freev}), the reduced system ({@code formk}, {@code formt}, {@code cmprlb}), subspace
 * minimization with the Morales–Nocedal projection ({@code subsm}), and the memory update
 * ({@code matupd}). A line-by-line port of scipy 1.10.1 {@code scipy/optimize/lbfgsb_src/lbfgsb.f}
 * (L-BFGS-B 3.0; Byrd, Lu, Nocedal and Zhu, SIAM J. Sci. Comput. 16(5), 1995; Morales and Nocedal,
 * ACM TOMS 38(1), 2011). Arrays are 1-based (index 0 unused) to keep the Fortran indexing.
 */
public final class LbfgsbMemory {
  final int n;
  final int m;
  final double[] l;
  final double[] u;
  final int[] nbd;
  /** Correction vectors s, one array per stored pair: {@code ws[j][i]} is Fortran's WS(i,j). */
  public final double[][] ws;
  /** Gradient differences y, stored like {@link #ws}. */
  public final double[][] wy;
  final double[][] sy;
  final double[][] ss;
  final double[][] wt;
  final double[][] wn;
  final double[][] snd;
  final double[] p;
  final double[] c;
  final double[] wbp;
  final double[] v;
  public final int[] index;
  public final int[] iwhere;
  final int[] indx2;
  public double theta = 1.0;
  public int col;
  public int head = 1;
  int itail;
  public int iupdat;
  public boolean updatd;
  public int nfree;
  int nenter;
  int ileave;
  public int nseg;
  public int iword;
  final double epsmch;

  public LbfgsbMemory(int n, int m, double[] l, double[] u, int[] nbd, double epsmch) {
    this.n = n;
    this.m = m;
    this.l = l;
    this.u = u;
    this.nbd = nbd;
    this.epsmch = epsmch;
    ws = new double[m + 1][n + 1];
    wy = new double[m + 1][n + 1];
    sy = new double[m + 1][m + 1];
    ss = new double[m + 1][m + 1];
    wt = new double[m + 1][m + 1];
    wn = new double[2 * m + 1][2 * m + 1];
    snd = new double[2 * m + 1][2 * m + 1];
    p = new double[2 * m + 1];
    c = new double[2 * m + 1];
    wbp = new double[2 * m + 1];
    v = new double[2 * m + 1];
    index = new int[n + 1];
    iwhere = new int[n + 1];
    indx2 = new int[n + 1];
    nfree = n;
  }

  /** Forgets the correction pairs (after a numerical failure), as mainlb does. */
  public void reset() {
    col = 0;
    head = 1;
    theta = 1.0;
    iupdat = 0;
    updatd = false;
  }

  /** Infinity norm of the projected gradient ({@code projgr}); NaN if g has a NaN. */
  public double projgr(double[] x, double[] g) {
    double sbgnrm = 0.0;
    for (int i = 1; i <= n; i++) {
      double gi = g[i];
      if (gi != gi) {
        return gi;
      }
      if (nbd[i] != 0) {
        if (gi < 0) {
          if (nbd[i] >= 2) {
            gi = Math.max(x[i] - u[i], gi);
          }
        } else {
          if (nbd[i] <= 2) {
            gi = Math.min(x[i] - l[i], gi);
          }
        }
      }
      sbgnrm = Math.max(sbgnrm, Math.abs(gi));
    }
    return sbgnrm;
  }

  /** Product of the 2m x 2m middle matrix with v ({@code bmv}); returns info. */
  int bmv(double[] vin, double[] pout) {
    final int col = this.col;
    final double[][] sy = this.sy;
    if (col == 0) {
      return 0;
    }
    pout[col + 1] = vin[col + 1];
    for (int i = 2; i <= col; i++) {
      int i2 = col + i;
      double sum = 0.0;
      for (int k = 1; k <= i - 1; k++) {
        sum += sy[i][k] * vin[k] / sy[k][k];
      }
      pout[i2] = vin[i2] + sum;
    }
    int info = Linpack.dtrsl(wt, 0, col, pout, col, 11);
    if (info != 0) {
      return info;
    }
    for (int i = 1; i <= col; i++) {
      pout[i] = vin[i] / Math.sqrt(sy[i][i]);
    }
    info = Linpack.dtrsl(wt, 0, col, pout, col, 1);
    if (info != 0) {
      return info;
    }
    for (int i = 1; i <= col; i++) {
      pout[i] = -pout[i] / Math.sqrt(sy[i][i]);
    }
    for (int i = 1; i <= col; i++) {
      double sum = 0.0;
      for (int k = i + 1; k <= col; k++) {
        sum += sy[k][i] * pout[col + k] / sy[i][i];
      }
      pout[i] += sum;
    }
    return 0;
  }

  /** The generalized Cauchy point {@code xcp} ({@code cauchy}); t, d, iorder are work arrays. */
  public int cauchy(double[] x, double[] g, int[] iorder, double[] t, double[] d, double[] xcp, double sbgnrm) {
    if (sbgnrm <= 0) {
      System.arraycopy(x, 1, xcp, 1, n);
      return 0;
    }
    // fields read in the loops, as locals (none of them changes during the call)
    final int n = this.n;
    final int m = this.m;
    final int col = this.col;
    final int head = this.head;
    final double theta = this.theta;
    final int[] iwhere = this.iwhere;
    final int[] nbd = this.nbd;
    final double[] l = this.l;
    final double[] u = this.u;
    final double[] p = this.p;
    final double[] c = this.c;
    final double[][] wy = this.wy;
    final double[][] ws = this.ws;
    boolean bnded = true;
    int nfr = n + 1;
    int nbreak = 0;
    int ibkmin = 0;
    double tl = 0;
    double tu = 0;
    double bkmin = 0;
    int col2 = 2 * col;
    double f1 = 0;
    for (int i = 1; i <= col2; i++) {
      p[i] = 0;
    }
    for (int i = 1; i <= n; i++) {
      double neggi = -g[i];
      if (iwhere[i] != 3 && iwhere[i] != -1) {
        if (nbd[i] <= 2) {
          tl = x[i] - l[i];
        }
        if (nbd[i] >= 2) {
          tu = u[i] - x[i];
        }
        boolean xlower = nbd[i] <= 2 && tl <= 0;
        boolean xupper = nbd[i] >= 2 && tu <= 0;
        iwhere[i] = 0;
        if (xlower) {
          if (neggi <= 0) {
            iwhere[i] = 1;
          }
        } else if (xupper) {
          if (neggi >= 0) {
            iwhere[i] = 2;
          }
        } else {
          if (Math.abs(neggi) <= 0) {
            iwhere[i] = -3;
          }
        }
      }
      int pointr = head;
      if (iwhere[i] != 0 && iwhere[i] != -1) {
        d[i] = 0;
      } else {
        d[i] = neggi;
        f1 -= neggi * neggi;
        addRow(p, col, i, neggi, pointr);
        if (nbd[i] <= 2 && nbd[i] != 0 && neggi < 0) {
          nbreak++;
          iorder[nbreak] = i;
          t[nbreak] = tl / (-neggi);
          if (nbreak == 1 || t[nbreak] < bkmin) {
            bkmin = t[nbreak];
            ibkmin = nbreak;
          }
        } else if (nbd[i] >= 2 && neggi > 0) {
          nbreak++;
          iorder[nbreak] = i;
          t[nbreak] = tu / neggi;
          if (nbreak == 1 || t[nbreak] < bkmin) {
            bkmin = t[nbreak];
            ibkmin = nbreak;
          }
        } else {
          nfr--;
          iorder[nfr] = i;
          if (Math.abs(neggi) > 0) {
            bnded = false;
          }
        }
      }
    }
    if (theta != 1.0) {
      for (int j = 1; j <= col; j++) {
        p[col + j] *= theta;
      }
    }
    System.arraycopy(x, 1, xcp, 1, n);
    if (nbreak == 0 && nfr == n + 1) {
      return 0;
    }
    for (int j = 1; j <= col2; j++) {
      c[j] = 0;
    }
    double f2 = -theta * f1;
    double f2org = f2;
    if (col > 0) {
      int info = bmv(p, v);
      if (info != 0) {
        return info;
      }
      f2 -= dot(col2, v, p);
    }
    double dtm = -f1 / f2;
    double tsum = 0;
    nseg = 1;
    boolean reachedEnd = false;
    if (nbreak != 0) {
      int nleft = nbreak;
      int iter = 1;
      double tj = 0;
      while (true) {
        double tj0 = tj;
        int ibp;
        if (iter == 1) {
          tj = bkmin;
          ibp = iorder[ibkmin];
        } else {
          if (iter == 2) {
            if (ibkmin != nbreak) {
              t[ibkmin] = t[nbreak];
              iorder[ibkmin] = iorder[nbreak];
            }
          }
          hpsolb(nleft, t, iorder, iter - 2);
          tj = t[nleft];
          ibp = iorder[nleft];
        }
        double dt = tj - tj0;
        if (dtm < dt) {
          break;
        }
        tsum += dt;
        nleft--;
        iter++;
        double dibp = d[ibp];
        d[ibp] = 0;
        double zibp;
        if (dibp > 0) {
          zibp = u[ibp] - x[ibp];
          xcp[ibp] = u[ibp];
          iwhere[ibp] = 2;
        } else {
          zibp = l[ibp] - x[ibp];
          xcp[ibp] = l[ibp];
          iwhere[ibp] = 1;
        }
        if (nleft == 0 && nbreak == n) {
          dtm = dt;
          reachedEnd = true;
          break;
        }
        nseg++;
        double dibp2 = dibp * dibp;
        f1 = f1 + dt * f2 + dibp2 - theta * dibp * zibp;
        f2 = f2 - theta * dibp2;
        if (col > 0) {
          Blas.daxpy(col2, dt, p, 1, c, 1);
          int pointr = head;
          for (int j = 1; j <= col; j++) {
            wbp[j] = wy[pointr][ibp];
            wbp[col + j] = theta * ws[pointr][ibp];
            pointr = pointr % m + 1;
          }
          int info = bmv(wbp, v);
          if (info != 0) {
            return info;
          }
          double wmc = dot(col2, c, v);
          double wmp = dot(col2, p, v);
          double wmw = dot(col2, wbp, v);
          Blas.daxpy(col2, -dibp, wbp, 1, p, 1);
          f1 += dibp * wmc;
          f2 = f2 + 2.0 * dibp * wmp - dibp2 * wmw;
        }
        f2 = Math.max(epsmch * f2org, f2);
        if (nleft > 0) {
          dtm = -f1 / f2;
        } else if (bnded) {
          f1 = 0;
          f2 = 0;
          dtm = 0;
          break;
        } else {
          dtm = -f1 / f2;
          break;
        }
      }
    }
    if (!reachedEnd) {
      if (dtm <= 0) {
        dtm = 0;
      }
      tsum += dtm;
      Blas.daxpy(n, tsum, d, 1, xcp, 1);
    }
    if (col > 0) {
      Blas.daxpy(col2, dtm, p, 1, c, 1);
    }
    return 0;
  }

  /**
   * cauchy's {@code p += neggi * [W_y(i, :), W_s(i, :)]} over the stored pairs from {@code pointr}
   * on; a small method the JIT compiles early (cauchy itself runs once per iteration).
   */
  private void addRow(double[] p, int col, int i, double neggi, int pointr) {
    for (int j = 1; j <= col; j++) {
      p[j] += wy[pointr][i] * neggi;
      p[col + j] += ws[pointr][i] * neggi;
      pointr = pointr % m + 1;
    }
  }

  /** Heap operations on the breakpoints ({@code hpsolb}). */
  private static void hpsolb(int n, double[] t, int[] iorder, int iheap) {
    if (iheap == 0) {
      for (int k = 2; k <= n; k++) {
        double ddum = t[k];
        int indxin = iorder[k];
        int i = k;
        while (i > 1) {
          int j = i / 2;
          if (ddum < t[j]) {
            t[i] = t[j];
            iorder[i] = iorder[j];
            i = j;
          } else {
            break;
          }
        }
        t[i] = ddum;
        iorder[i] = indxin;
      }
    }
    if (n > 1) {
      int i = 1;
      double out = t[1];
      int indxou = iorder[1];
      double ddum = t[n];
      int indxin = iorder[n];
      while (true) {
        int j = i + i;
        if (j <= n - 1) {
          if (t[j + 1] < t[j]) {
            j = j + 1;
          }
          if (t[j] < ddum) {
            t[i] = t[j];
            iorder[i] = iorder[j];
            i = j;
            continue;
          }
        }
        break;
      }
      t[i] = ddum;
      iorder[i] = indxin;
      t[n] = out;
      iorder[n] = indxou;
    }
  }

  /** Updates the free set at the Cauchy point ({@code freev}); returns {@code wrk}. */
  public boolean freev(int iter, boolean cnstnd) {
    nenter = 0;
    ileave = n + 1;
    if (iter > 0 && cnstnd) {
      for (int i = 1; i <= nfree; i++) {
        int k = index[i];
        if (iwhere[k] > 0) {
          ileave--;
          indx2[ileave] = k;
        }
      }
      for (int i = 1 + nfree; i <= n; i++) {
        int k = index[i];
        if (iwhere[k] <= 0) {
          nenter++;
          indx2[nenter] = k;
        }
      }
    }
    boolean wrk = ileave < n + 1 || nenter > 0 || updatd;
    nfree = 0;
    int iact = n + 1;
    for (int i = 1; i <= n; i++) {
      if (iwhere[i] <= 0) {
        nfree++;
        index[nfree] = i;
      } else {
        iact--;
        index[iact] = i;
      }
    }
    return wrk;
  }

  static double dot(int len, double[] a, double[] b) {
    return Blas.ddot(len, a, 1, b, 1);
  }
}
