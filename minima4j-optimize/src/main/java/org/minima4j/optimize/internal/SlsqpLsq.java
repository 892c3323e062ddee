package org.minima4j.optimize.internal;

/**
 * The quadratic subproblem of Kraft's SLSQP as a linear least-squares problem with linear equality
 * and inequality constraints: {@code lsq} (builds it from the LDL' factors), {@code lsei}
 * (eliminates the equalities), {@code lsi} (reduces to least distance), {@code ldp} (least
 * distance through the dual NNLS). D. Kraft, "A software package for sequential quadratic
 * programming", DFVLR-FB 88-28, 1988. Line-by-line port of scipy 1.10.1
 * {@code scipy/optimize/slsqp/slsqp_optmz.f}; arrays use 1-based Fortran pointers as in
 * {@link SlsqpNnls}.
 */
final class SlsqpLsq {
  private static final double EPMACH = 2.22e-16;

  private SlsqpLsq() {}

  /** Outputs of the subproblem routines: norm and mode. */
  static final class Out {
    double xnorm;
    int mode;
  }

  /**
   * {@code lsq}: the QP subproblem in least-squares form; returns the mode (1 = solved, 2..7 errors);
   * the search direction goes to {@code x[px..]}, the multipliers to {@code y[py..]}.
   */
  static int lsq(int m, int meq, int n, int nl, int la, double[] l, int pl, double[] g, int pg, double[] a, int pa,
      double[] b, int pb, double[] xl, int pxl, double[] xu, int pxu, double[] x, int px, double[] y, int py,
      double[] w, int[] jw) {
    int n1 = n + 1;
    int mineq = m - meq;
    int m1 = mineq + n + n;
    int n2 = n1 * n / 2 + 1;
    n2 = n2 == nl ? 0 : 1;
    int n3 = n - n2;
    int i2 = 1;
    int i3 = 1;
    int i4 = 1;
    int ie = 1;
    int iff = n * n + 1;
    for (int i = 1; i <= n3; i++) {
      int i1 = n1 - i;
      double diag = Math.sqrt(l[pl + i2 - 1]);
      SlsqpBlas.fill(i1, 0.0, w, i3, 1);
      SlsqpBlas.dcopy(i1 - n2, l, pl + i2 - 1, 1, w, i3, n);
      SlsqpBlas.dscal(i1 - n2, diag, w, i3, n);
      w[i3] = diag;
      w[iff - 1 + i] = (g[pg + i - 1] - SlsqpBlas.ddot(i - 1, w, i4, 1, w, iff, 1)) / diag;
      i2 = i2 + i1 - n2;
      i3 = i3 + n1;
      i4 = i4 + n;
    }
    if (n2 == 1) {
      w[i3] = l[pl + nl - 1];
      SlsqpBlas.fill(n3, 0.0, w, i4, 1);
      w[iff - 1 + n] = 0.0;
    }
    SlsqpBlas.dscal(n, -1.0, w, iff, 1);
    int ic = iff + n;
    int id = ic + meq * n;
    if (meq > 0) {
      for (int i = 1; i <= meq; i++) {
        SlsqpBlas.dcopy(n, a, pa + i - 1, la, w, ic - 1 + i, meq);
      }
      SlsqpBlas.dcopy(meq, b, pb, 1, w, id, 1);
      SlsqpBlas.dscal(meq, -1.0, w, id, 1);
    }
    int ig = id + meq;
    if (mineq > 0) {
      for (int i = 1; i <= mineq; i++) {
        SlsqpBlas.dcopy(n, a, pa + meq + i - 1, la, w, ig - 1 + i, m1);
      }
    }
    int ih = ig + m1 * n;
    int iw = ih + mineq + 2 * n;
    if (mineq > 0) {
      SlsqpBlas.dcopy(mineq, b, pb + meq, 1, w, ih, 1);
      SlsqpBlas.dscal(mineq, -1.0, w, ih, 1);
    }
    int ip = ig + mineq;
    int il = ih + mineq;
    int nancnt = 0;
    for (int i = 1; i <= n; i++) {
      double v = xl[pxl + i - 1];
      if (v == v) {
        w[il] = v;
        for (int j = 1; j <= n; j++) {
          w[ip + m1 * (j - 1)] = 0;
        }
        w[ip + m1 * (i - 1)] = 1;
        ip++;
        il++;
      } else {
        nancnt++;
      }
    }
    for (int i = 1; i <= n; i++) {
      double v = xu[pxu + i - 1];
      if (v == v) {
        w[il] = -v;
        for (int j = 1; j <= n; j++) {
          w[ip + m1 * (j - 1)] = 0;
        }
        w[ip + m1 * (i - 1)] = -1;
        ip++;
        il++;
      } else {
        nancnt++;
      }
    }
    Out out = new Out();
    lsei(w, ic, w, id, w, ie, w, iff, w, ig, w, ih, Math.max(1, meq), meq, n, n, m1, m1 - nancnt, n, x, px, w,
        iw, jw, out);
    int mode = out.mode;
    if (mode == 1) {
      SlsqpBlas.dcopy(m, w, iw, 1, y, py, 1);
      if (n3 > 0) {
        for (int i = m + 1; i <= m + n3 + n3; i++) {
          y[py + i - 1] = Double.NaN;
        }
      }
    }
    for (int i = 1; i <= n; i++) {
      double lo = xl[pxl + i - 1];
      double hi = xu[pxu + i - 1];
      if (lo == lo && x[px + i - 1] < lo) {
        x[px + i - 1] = lo;
      } else if (hi == hi && x[px + i - 1] > hi) {
        x[px + i - 1] = hi;
      }
    }
    return mode;
  }

  /** {@code lsei}: min ||E x - f|| s.t. C x = d, G x >= h. */
  static void lsei(double[] c, int pc, double[] d, int pd, double[] e, int pe, double[] f, int pf, double[] g,
      int pg, double[] h, int ph, int lc, int mc, int le, int me, int lg, int mg, int n, double[] x, int px,
      double[] w, int pw, int[] jw, Out out) {
    out.mode = 2;
    if (mc > n) {
      return;
    }
    int l = n - mc;
    int mc1 = mc + 1;
    int iw = (l + 1) * (mg + 2) + 2 * mg + mc;
    int ie = iw + mc + 1;
    int iff = ie + me * l;
    int ig = iff + me;
    for (int i = 1; i <= mc; i++) {
      int j = Math.min(i + 1, lc);
      int wi = pw + iw + i - 1;
      w[wi] = SlsqpNnls.h12(1, i, i + 1, n, c, pc + i - 1, lc, w[wi], c, pc + j - 1, lc, 1, mc - i);
      SlsqpNnls.h12(2, i, i + 1, n, c, pc + i - 1, lc, w[wi], e, pe, le, 1, me);
      SlsqpNnls.h12(2, i, i + 1, n, c, pc + i - 1, lc, w[wi], g, pg, lg, 1, mg);
    }
    out.mode = 6;
    for (int i = 1; i <= mc; i++) {
      double cii = c[pc + (i - 1) + (i - 1) * lc];
      if (Math.abs(cii) < EPMACH) {
        return;
      }
      x[px + i - 1] = (d[pd + i - 1] - SlsqpBlas.ddot(i - 1, c, pc + i - 1, lc, x, px, 1)) / cii;
    }
    out.mode = 1;
    SlsqpBlas.fill(mg - mc, 0.0, w, pw + mc1 - 1, 1);
    if (mc != n) {
      for (int i = 1; i <= me; i++) {
        w[pw + iff - 1 + i - 1] = f[pf + i - 1] - SlsqpBlas.ddot(mc, e, pe + i - 1, le, x, px, 1);
      }
      for (int i = 1; i <= me; i++) {
        SlsqpBlas.dcopy(l, e, pe + (i - 1) + (mc1 - 1) * le, le, w, pw + ie - 1 + i - 1, me);
      }
      for (int i = 1; i <= mg; i++) {
        SlsqpBlas.dcopy(l, g, pg + (i - 1) + (mc1 - 1) * lg, lg, w, pw + ig - 1 + i - 1, mg);
      }
      if (mg <= 0) {
        out.mode = 7;
        int k = Math.max(le, n);
        double t = Math.sqrt(EPMACH);
        double[] rnorm = new double[1];
        int krank = SlsqpNnls.hfti(w, pw + ie - 1, me, me, l, w, pw + iff - 1, k, 1, t, rnorm, 0, w, pw, w,
            pw + l, jw, 0);
        out.xnorm = rnorm[0];
        SlsqpBlas.dcopy(l, w, pw + iff - 1, 1, x, px + mc1 - 1, 1);
        if (krank != l) {
          return;
        }
        out.mode = 1;
      } else {
        for (int i = 1; i <= mg; i++) {
          h[ph + i - 1] = h[ph + i - 1] - SlsqpBlas.ddot(mc, g, pg + i - 1, lg, x, px, 1);
        }
        lsi(w, pw + ie - 1, w, pw + iff - 1, w, pw + ig - 1, h, ph, me, me, mg, mg, l, x, px + mc1 - 1, w,
            pw + mc1 - 1, jw, out);
        if (mc == 0) {
          return;
        }
        double t = SlsqpBlas.dnrm2(mc, x, px);
        out.xnorm = Math.sqrt(out.xnorm * out.xnorm + t * t);
        if (out.mode != 1) {
          return;
        }
      }
    }
    for (int i = 1; i <= me; i++) {
      f[pf + i - 1] = SlsqpBlas.ddot(n, e, pe + i - 1, le, x, px, 1) - f[pf + i - 1];
    }
    for (int i = 1; i <= mc; i++) {
      d[pd + i - 1] = SlsqpBlas.ddot(me, e, pe + (i - 1) * le, 1, f, pf, 1)
          - SlsqpBlas.ddot(mg, g, pg + (i - 1) * lg, 1, w, pw + mc1 - 1, 1);
    }
    for (int i = mc; i >= 1; i--) {
      SlsqpNnls.h12(2, i, i + 1, n, c, pc + i - 1, lc, w[pw + iw + i - 1], x, px, 1, 1, 1);
    }
    for (int i = mc; i >= 1; i--) {
      int j = Math.min(i + 1, lc);
      w[pw + i - 1] = (d[pd + i - 1] - SlsqpBlas.ddot(mc - i, c, pc + (j - 1) + (i - 1) * lc, 1, w, pw + j - 1, 1))
          / c[pc + (i - 1) + (i - 1) * lc];
    }
  }

  /** {@code lsi}: min ||E x - f|| s.t. G x >= h, E of full column rank. */
  static void lsi(double[] e, int pe, double[] f, int pf, double[] g, int pg, double[] h, int ph, int le, int me,
      int lg, int mg, int n, double[] x, int px, double[] w, int pw, int[] jw, Out out) {
    for (int i = 1; i <= n; i++) {
      int j = Math.min(i + 1, n);
      double t = SlsqpNnls.h12(1, i, i + 1, me, e, pe + (i - 1) * le, 1, 0.0, e, pe + (j - 1) * le, 1, le, n - i);
      SlsqpNnls.h12(2, i, i + 1, me, e, pe + (i - 1) * le, 1, t, f, pf, 1, 1, 1);
    }
    out.mode = 5;
    for (int i = 1; i <= mg; i++) {
      for (int j = 1; j <= n; j++) {
        double ejj = e[pe + (j - 1) + (j - 1) * le];
        if (!(Math.abs(ejj) >= EPMACH)) {
          return;
        }
        int gij = pg + (i - 1) + (j - 1) * lg;
        g[gij] = (g[gij] - SlsqpBlas.ddot(j - 1, g, pg + i - 1, lg, e, pe + (j - 1) * le, 1)) / ejj;
      }
      h[ph + i - 1] = h[ph + i - 1] - SlsqpBlas.ddot(n, g, pg + i - 1, lg, f, pf, 1);
    }
    ldp(g, pg, lg, mg, n, h, ph, x, px, w, pw, jw, out);
    if (out.mode != 1) {
      return;
    }
    SlsqpBlas.daxpy(n, 1.0, f, pf, 1, x, px, 1);
    for (int i = n; i >= 1; i--) {
      int j = Math.min(i + 1, n);
      x[px + i - 1] = (x[px + i - 1] - SlsqpBlas.ddot(n - i, e, pe + (i - 1) + (j - 1) * le, le, x, px + j - 1, 1))
          / e[pe + (i - 1) + (i - 1) * le];
    }
    int j = Math.min(n + 1, me);
    double t = SlsqpBlas.dnrm2(me - n, f, pf + j - 1);
    out.xnorm = Math.sqrt(out.xnorm * out.xnorm + t * t);
  }

  /** {@code ldp}: min ||x|| s.t. G x >= h, through NNLS on the dual. */
  static void ldp(double[] g, int pg, int mg, int m, int n, double[] h, int ph, double[] x, int px, double[] w,
      int pw, int[] index, Out out) {
    out.mode = 2;
    if (n <= 0) {
      return;
    }
    out.mode = 1;
    SlsqpBlas.fill(n, 0.0, x, px, 1);
    out.xnorm = 0.0;
    if (m == 0) {
      return;
    }
    int iw = 0;
    for (int j = 1; j <= m; j++) {
      for (int i = 1; i <= n; i++) {
        iw++;
        w[pw + iw - 1] = g[pg + (j - 1) + (i - 1) * mg];
      }
      iw++;
      w[pw + iw - 1] = h[ph + j - 1];
    }
    int iff = iw + 1;
    for (int i = 1; i <= n; i++) {
      iw++;
      w[pw + iw - 1] = 0.0;
    }
    w[pw + iw] = 1.0;
    int n1 = n + 1;
    int iz = iw + 2;
    int iy = iz + n1;
    int iwdual = iy + m;
    double[] res = SlsqpNnls.nnls(w, pw, n1, n1, m, w, pw + iff - 1, w, pw + iy - 1, w, pw + iwdual - 1, w,
        pw + iz - 1, index, 0);
    out.mode = (int) res[1];
    double rnorm = res[0];
    if (out.mode != 1) {
      return;
    }
    out.mode = 4;
    if (rnorm <= 0) {
      return;
    }
    double fac = 1.0 - SlsqpBlas.ddot(m, h, ph, 1, w, pw + iy - 1, 1);
    if (!((1.0 + fac) - 1.0 > 0)) {
      return;
    }
    out.mode = 1;
    fac = 1.0 / fac;
    for (int j = 1; j <= n; j++) {
      x[px + j - 1] = fac * SlsqpBlas.ddot(m, g, pg + (j - 1) * mg, 1, w, pw + iy - 1, 1);
    }
    out.xnorm = SlsqpBlas.dnrm2(n, x, px);
    SlsqpBlas.fill(m, 0.0, w, pw, 1);
    SlsqpBlas.daxpy(m, fac, w, pw + iy - 1, 1, w, pw, 1);
  }
}
