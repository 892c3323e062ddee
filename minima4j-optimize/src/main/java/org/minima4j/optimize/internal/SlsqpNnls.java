package org.minima4j.optimize.internal;

/**
 * Householder and least-squares kernels of Kraft's SLSQP, from C. L. Lawson and R. J. Hanson,
 * "Solving Least Squares Problems" (Prentice-Hall, 1974): {@code h12} (Householder transform),
 * {@code nnls} (non-negative least squares), {@code hfti} (rank-revealing least squares), plus
 * {@code ldl} (rank-one update of an LDL' factorization). Line-by-line port of scipy 1.10.1
 * {@code scipy/optimize/slsqp/slsqp_optmz.f}. Arrays are passed with 1-based Fortran pointers:
 * element (i, j) of a matrix with leading dimension ld at pointer p is {@code a[p + (i-1) + (j-1)*ld]}.
 */
final class SlsqpNnls {
  private SlsqpNnls() {}

  /**
   * Householder transformation {@code h12}: mode 1 constructs it from column {@code u} (returns the
   * new {@code up}), mode 2 applies it; {@code u} is read with stride {@code iue}, the {@code ncv}
   * vectors of {@code c} with element stride {@code ice} and vector stride {@code icv}.
   */
  static double h12(int mode, int lpivot, int l1, int m, double[] u, int pu, int iue, double up,
      double[] c, int pc, int ice, int icv, int ncv) {
    if (0 >= lpivot || lpivot >= l1 || l1 > m) {
      return up;
    }
    int piv = pu + (lpivot - 1) * iue;
    // u(l1..m) is u[u1], u[u1 + iue], ...: cnt elements
    int u1 = pu + (l1 - 1) * iue;
    int cnt = m - l1 + 1;
    double cl = Math.abs(u[piv]);
    if (mode != 2) {
      for (int k = 0, uk = u1; k < cnt; k++, uk += iue) {
        double sm = Math.abs(u[uk]);
        // Math.max(sm, cl) for the non-negative (or NaN) values here
        if (sm != sm || sm > cl) {
          cl = sm;
        }
      }
      if (cl <= 0) {
        return up;
      }
      double clinv = 1.0 / cl;
      double q = u[piv] * clinv;
      double sm = q * q;
      for (int k = 0, uk = u1; k < cnt; k++, uk += iue) {
        double r = u[uk] * clinv;
        sm = sm + r * r;
      }
      cl = cl * Math.sqrt(sm);
      if (u[piv] > 0) {
        cl = -cl;
      }
      up = u[piv] - cl;
      u[piv] = cl;
    } else if (cl <= 0) {
      return up;
    }
    if (ncv <= 0) {
      return up;
    }
    double b = up * u[piv];
    if (b >= 0) {
      return up;
    }
    b = 1.0 / b;
    // i2 is Fortran's c(i2) as an index into c
    int i2 = pc - icv + ice * (lpivot - 1);
    int incr = ice * (l1 - lpivot);
    for (int j = 1; j <= ncv; j++) {
      i2 += icv;
      int i3 = i2 + incr;
      double sm = c[i2] * up;
      for (int k = 0, ck = i3, uk = u1; k < cnt; k++, ck += ice, uk += iue) {
        sm = sm + c[ck] * u[uk];
      }
      if (sm == 0) {
        continue;
      }
      sm = sm * b;
      c[i2] = c[i2] + sm * up;
      for (int k = 0, ck = i3, uk = u1; k < cnt; k++, ck += ice, uk += iue) {
        c[ck] = c[ck] + sm * u[uk];
      }
    }
    return up;
  }

  /**
   * {@code nnls}: minimizes ||A x - b|| subject to x >= 0 (A is m x n, leading dimension mda).
   * Returns {rnorm, mode} (mode 1 ok, 2 bad dimensions, 3 iteration limit 3n).
   */
  static double[] nnls(double[] a, int pa, int mda, int m, int n, double[] b, int pb, double[] x, int px,
      double[] w, int pw, double[] z, int pz, int[] index, int pi) {
    final double factor = 1.0e-2;
    if (m <= 0 || n <= 0) {
      return new double[] {0.0, 2};
    }
    int mode = 1;
    int iter = 0;
    int itmax = 3 * n;
    for (int i = 1; i <= n; i++) {
      index[pi + i - 1] = i;
    }
    int iz1 = 1;
    int iz2 = n;
    int nsetp = 0;
    int npp1 = 1;
    SlsqpBlas.fill(n, 0.0, x, px, 1);
    double up = 0.0;
    main:
    while (true) {
      if (iz1 > iz2 || nsetp >= m) {
        break;
      }
      for (int iz = iz1; iz <= iz2; iz++) {
        int j = index[pi + iz - 1];
        w[pw + j - 1] = SlsqpBlas.ddot(m - nsetp, a, pa + (npp1 - 1) + (j - 1) * mda, 1, b, pb + npp1 - 1, 1);
      }
      int iz;
      int j;
      while (true) {
        double wmax = 0.0;
        int izmax = 0;
        for (int k = iz1; k <= iz2; k++) {
          int jj = index[pi + k - 1];
          if (w[pw + jj - 1] > wmax) {
            wmax = w[pw + jj - 1];
            izmax = k;
          }
        }
        if (wmax <= 0) {
          break main;
        }
        iz = izmax;
        j = index[pi + iz - 1];
        int colj = pa + (j - 1) * mda;
        double asave = a[colj + npp1 - 1];
        up = h12(1, npp1, npp1 + 1, m, a, colj, 1, up, z, pz, 1, 1, 0);
        double unorm = SlsqpBlas.dnrm2(nsetp, a, colj);
        double t = factor * Math.abs(a[colj + npp1 - 1]);
        if ((unorm + t) - unorm > 0) {
          SlsqpBlas.dcopy(m, b, pb, 1, z, pz, 1);
          up = h12(2, npp1, npp1 + 1, m, a, colj, 1, up, z, pz, 1, 1, 1);
          if (z[pz + npp1 - 1] / a[colj + npp1 - 1] > 0) {
            break;
          }
        }
        a[colj + npp1 - 1] = asave;
        w[pw + j - 1] = 0.0;
      }
      SlsqpBlas.dcopy(m, z, pz, 1, b, pb, 1);
      index[pi + iz - 1] = index[pi + iz1 - 1];
      index[pi + iz1 - 1] = j;
      iz1++;
      nsetp = npp1;
      npp1++;
      int colj = pa + (j - 1) * mda;
      for (int jz = iz1; jz <= iz2; jz++) {
        int jj = index[pi + jz - 1];
        up = h12(2, nsetp, npp1, m, a, colj, 1, up, a, pa + (jj - 1) * mda, 1, mda, 1);
      }
      int k = Math.min(npp1, mda);
      w[pw + j - 1] = 0.0;
      SlsqpBlas.fill(m - nsetp, 0.0, a, pa + (k - 1) + (j - 1) * mda, 1);
      while (true) {
        int jj = 0;
        for (int ip = nsetp; ip >= 1; ip--) {
          if (ip != nsetp) {
            SlsqpBlas.daxpy(ip, -z[pz + ip], a, pa + (jj - 1) * mda, 1, z, pz, 1);
          }
          jj = index[pi + ip - 1];
          z[pz + ip - 1] = z[pz + ip - 1] / a[pa + (ip - 1) + (jj - 1) * mda];
        }
        iter++;
        if (iter > itmax) {
          mode = 3;
          break main;
        }
        double alpha = 1.0;
        jj = 0;
        for (int ip = 1; ip <= nsetp; ip++) {
          if (z[pz + ip - 1] > 0) {
            continue;
          }
          int l = index[pi + ip - 1];
          double t = -x[px + l - 1] / (z[pz + ip - 1] - x[px + l - 1]);
          if (alpha < t) {
            continue;
          }
          alpha = t;
          jj = ip;
        }
        for (int ip = 1; ip <= nsetp; ip++) {
          int l = index[pi + ip - 1];
          x[px + l - 1] = (1.0 - alpha) * x[px + l - 1] + alpha * z[pz + ip - 1];
        }
        if (jj == 0) {
          continue main;
        }
        int i = index[pi + jj - 1];
        boolean again;
        do {
          x[px + i - 1] = 0.0;
          jj++;
          for (int jx = jj; jx <= nsetp; jx++) {
            int ii = index[pi + jx - 1];
            index[pi + jx - 2] = ii;
            int p1 = pa + (jx - 2) + (ii - 1) * mda;
            int p2 = pa + (jx - 1) + (ii - 1) * mda;
            double[] cs = SlsqpBlas.dsrotg(a, p1, a, p2);
            double t = a[p1];
            SlsqpBlas.dsrot(n, a, pa + (jx - 2), mda, a, pa + (jx - 1), mda, cs[0], cs[1]);
            a[p1] = t;
            a[p2] = 0.0;
            SlsqpBlas.dsrot(1, b, pb + jx - 2, 1, b, pb + jx - 1, 1, cs[0], cs[1]);
          }
          npp1 = nsetp;
          nsetp--;
          iz1--;
          index[pi + iz1 - 1] = i;
          if (nsetp <= 0) {
            mode = 3;
            break main;
          }
          again = false;
          for (jj = 1; jj <= nsetp; jj++) {
            i = index[pi + jj - 1];
            if (x[px + i - 1] <= 0) {
              again = true;
              break;
            }
          }
        } while (again);
        SlsqpBlas.dcopy(m, b, pb, 1, z, pz, 1);
      }
    }
    int k = Math.min(npp1, m);
    double rnorm = SlsqpBlas.dnrm2(m - nsetp, b, pb + k - 1);
    if (npp1 > m) {
      SlsqpBlas.fill(n, 0.0, w, pw, 1);
    }
    return new double[] {rnorm, mode};
  }

  /**
   * {@code hfti}: least squares with column pivoting and pseudo-rank by tolerance {@code tau};
   * returns krank and writes the residual norms to {@code rnorm[prn..]}.
   */
  static int hfti(double[] a, int pa, int mda, int m, int n, double[] b, int pb, int mdb, int nb, double tau,
      double[] rnorm, int prn, double[] h, int ph, double[] g, int pg, int[] ip, int pip) {
    int k = 0;
    int ldiag = Math.min(m, n);
    if (ldiag <= 0) {
      return 0;
    }
    double hmax = 0.0;
    for (int j = 1; j <= ldiag; j++) {
      hmax = hftiColumn(j, hmax, a, pa, mda, m, n, b, pb, mdb, nb, h, ph, ip, pip);
    }
    k = ldiag;
    for (int j = 1; j <= ldiag; j++) {
      if (Math.abs(a[pa + (j - 1) + (j - 1) * mda]) <= tau) {
        k = j - 1;
        break;
      }
    }
    int kp1 = k + 1;
    for (int jb = 1; jb <= nb; jb++) {
      rnorm[prn + jb - 1] = SlsqpBlas.dnrm2(m - k, b, pb + (kp1 - 1) + (jb - 1) * mdb);
    }
    if (k <= 0) {
      for (int jb = 1; jb <= nb; jb++) {
        for (int i = 1; i <= n; i++) {
          b[pb + (i - 1) + (jb - 1) * mdb] = 0.0;
        }
      }
      return k;
    }
    if (k != n) {
      for (int i = k; i >= 1; i--) {
        g[pg + i - 1] = h12(1, i, kp1, n, a, pa + (i - 1), mda, g[pg + i - 1], a, pa, mda, 1, i - 1);
      }
    }
    for (int jb = 1; jb <= nb; jb++) {
      int colb = pb + (jb - 1) * mdb;
      for (int i = k; i >= 1; i--) {
        int j = Math.min(i + 1, n);
        b[colb + i - 1] = (b[colb + i - 1] - SlsqpBlas.ddot(k - i, a, pa + (i - 1) + (j - 1) * mda, mda, b,
            colb + j - 1, 1)) / a[pa + (i - 1) + (i - 1) * mda];
      }
      if (k != n) {
        for (int j = kp1; j <= n; j++) {
          b[colb + j - 1] = 0.0;
        }
        for (int i = 1; i <= k; i++) {
          h12(2, i, kp1, n, a, pa + (i - 1), mda, g[pg + i - 1], b, colb, 1, mdb, 1);
        }
      }
      for (int j = ldiag; j >= 1; j--) {
        int l = ip[pip + j - 1];
        if (l != j) {
          double tmp = b[colb + l - 1];
          b[colb + l - 1] = b[colb + j - 1];
          b[colb + j - 1] = tmp;
        }
      }
    }
    return k;
  }

  /**
   * One pass of hfti's loop over the columns j (pivot column choice by the remaining norms, swap,
   * Householder transformation of a and b); returns the new {@code hmax}. A method of its own so
   * that the JIT compiles it after a few SQP iterations: hfti itself runs once per iteration.
   */
  private static double hftiColumn(int j, double hmax, double[] a, int pa, int mda, int m, int n, double[] b,
      int pb, int mdb, int nb, double[] h, int ph, int[] ip, int pip) {
    final double factor = 1.0e-3;
    // h(l) is h[ho + l]; column l of a starts at a[pa + (l - 1) * mda]
    int ho = ph - 1;
    int lmax = j;
    boolean recompute = true;
    int colj = pa + (j - 1) * mda;
    if (j != 1) {
      lmax = j;
      double hlmax = 0.0;
      for (int l = j, al = colj + (j - 2); l <= n; l++, al += mda) {
        double v = a[al];
        double hl = h[ho + l] - v * v;
        h[ho + l] = hl;
        if (l == j) {
          hlmax = hl;
        } else if (hl > hlmax) {
          lmax = l;
          hlmax = hl;
        }
      }
      recompute = !((hmax + factor * hlmax) - hmax > 0);
    }
    if (recompute) {
      lmax = j;
      double hlmax = 0.0;
      for (int l = j, cl = colj; l <= n; l++, cl += mda) {
        double hl = sumOfSquares(a, cl + j - 1, cl + m - 1);
        h[ho + l] = hl;
        if (l == j) {
          hlmax = hl;
        } else if (hl > hlmax) {
          lmax = l;
          hlmax = hl;
        }
      }
      hmax = hlmax;
    }
    ip[pip + j - 1] = lmax;
    if (lmax != j) {
      int cmax = pa + (lmax - 1) * mda;
      for (int i = 0; i < m; i++) {
        double tmp = a[colj + i];
        a[colj + i] = a[cmax + i];
        a[cmax + i] = tmp;
      }
      h[ho + lmax] = h[ho + j];
    }
    int i = Math.min(j + 1, n);
    h[ho + j] = h12(1, j, j + 1, m, a, colj, 1, h[ho + j], a, pa + (i - 1) * mda, 1, mda, n - j);
    h12(2, j, j + 1, m, a, colj, 1, h[ho + j], b, pb, 1, mdb, nb);
    return hmax;
  }

  /**
   * {@code sum a[i]^2} for i in [from, to], left to right from 0 (hfti's column norms); a small
   * method so that the JIT compiles it early (hfti itself runs once per SQP iteration).
   */
  private static double sumOfSquares(double[] a, int from, int to) {
    double s = 0.0;
    for (int i = from; i <= to; i++) {
      double v = a[i];
      s = s + v * v;
    }
    return s;
  }

  /** {@code ldl}: updates the packed LDL' factorization {@code a} to that of A + sigma z z'. */
  static void ldl(int n, double[] a, int pa, double[] z, int pz, double sigma, double[] w, int pw) {
    final double epmach = 2.22e-16;
    if (sigma == 0) {
      return;
    }
    // ij is Fortran's a(ij) as an index into a; z(i) is z[zo + i], w(i) is w[wo + i]
    int ij = pa;
    int zo = pz - 1;
    int wo = pw - 1;
    double t = 1.0 / sigma;
    if (sigma <= 0) {
      System.arraycopy(z, pz, w, pw, n);
      int wend = wo + n;
      for (int i = 1; i <= n; i++) {
        double v = w[wo + i];
        t = t + v * v / a[ij];
        for (int j = wo + i + 1; j <= wend; j++) {
          ij++;
          w[j] = w[j] - v * a[ij];
        }
        ij++;
      }
      if (t >= 0) {
        t = epmach / sigma;
      }
      for (int i = 1; i <= n; i++) {
        int j = wo + n + 1 - i;
        ij = ij - i;
        double u = w[j];
        w[j] = t;
        t = t - u * u / a[ij];
      }
    }
    int zend = zo + n;
    for (int i = 1; i <= n; i++) {
      double v = z[zo + i];
      double delta = v / a[ij];
      double tp = 0;
      if (sigma < 0) {
        tp = w[wo + i];
      }
      if (sigma > 0) {
        tp = t + delta * v;
      }
      double alpha = tp / t;
      a[ij] = alpha * a[ij];
      if (i == n) {
        return;
      }
      double beta = delta / tp;
      if (alpha <= 4.0) {
        for (int j = zo + i + 1; j <= zend; j++) {
          ij++;
          double zj = z[j] - v * a[ij];
          z[j] = zj;
          a[ij] = a[ij] + beta * zj;
        }
      } else {
        double gamma = t / tp;
        for (int j = zo + i + 1; j <= zend; j++) {
          ij++;
          double u = a[ij];
          a[ij] = gamma * u + beta * z[j];
          z[j] = z[j] - v * u;
        }
      }
      ij++;
      t = tp;
    }
  }
}
