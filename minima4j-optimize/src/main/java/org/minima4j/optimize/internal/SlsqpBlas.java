package org.minima4j.optimize.internal;

/**
 * The reference-BLAS routines bundled in scipy 1.10.1 {@code scipy/optimize/slsqp/slsqp_optmz.f}
 * ({@code ddot_sl}, {@code daxpy_sl}, {@code dscal_sl}, {@code dcopy_}, {@code dnrm2_},
 * {@code dsrot}, {@code dsrotg}). Vectors are given as an array plus a 1-based Fortran pointer
 * {@code p}: element k (1-based) with increment {@code inc} is {@code a[p + (k-1)*inc]}.
 */
final class SlsqpBlas {
  private static final double CUTLO = 8.232e-11;
  private static final double CUTHI = 1.304e19;

  private SlsqpBlas() {}

  static double ddot(int n, double[] x, int px, int incx, double[] y, int py, int incy) {
    double dtemp = 0.0;
    for (int i = 0; i < n; i++) {
      dtemp = dtemp + x[px + i * incx] * y[py + i * incy];
    }
    return dtemp;
  }

  static void daxpy(int n, double da, double[] x, int px, int incx, double[] y, int py, int incy) {
    if (n <= 0 || da == 0.0) {
      return;
    }
    for (int i = 0; i < n; i++) {
      y[py + i * incy] = y[py + i * incy] + da * x[px + i * incx];
    }
  }

  static void dscal(int n, double da, double[] x, int px, int incx) {
    for (int i = 0; i < n; i++) {
      x[px + i * incx] = da * x[px + i * incx];
    }
  }

  /** {@code dcopy_}; an increment of 0 on x broadcasts one value. */
  static void dcopy(int n, double[] x, int px, int incx, double[] y, int py, int incy) {
    for (int i = 0; i < n; i++) {
      y[py + i * incy] = x[px + i * incx];
    }
  }

  /** Fills {@code n} entries with {@code v} ({@code dcopy_(n, v, 0, y, inc)}). */
  static void fill(int n, double v, double[] y, int py, int incy) {
    for (int i = 0; i < n; i++) {
      y[py + i * incy] = v;
    }
  }

  /** The scaled Euclidean norm of the 1977 reference BLAS ({@code dnrm2_}), unit stride. */
  static double dnrm2(int n, double[] dx, int p) {
    if (n <= 0) {
      return 0.0;
    }
    int next = 30;
    double sum = 0.0;
    double xmax = 0.0;
    int i = 1;
    int label = 20;
    while (true) {
      switch (label) {
        case 20 -> label = next;
        case 30 -> {
          if (Math.abs(v(dx, p, i)) > CUTLO) {
            label = 85;
          } else {
            next = 50;
            xmax = 0.0;
            label = 50;
          }
        }
        case 50 -> {
          if (v(dx, p, i) == 0.0) {
            label = 200;
          } else if (Math.abs(v(dx, p, i)) > CUTLO) {
            label = 85;
          } else {
            next = 70;
            label = 105;
          }
        }
        case 105 -> {
          xmax = Math.abs(v(dx, p, i));
          label = 115;
        }
        case 70 -> label = Math.abs(v(dx, p, i)) > CUTLO ? 75 : 110;
        case 110 -> {
          if (Math.abs(v(dx, p, i)) <= xmax) {
            label = 115;
          } else {
            double r = xmax / v(dx, p, i);
            sum = 1.0 + sum * (r * r);
            xmax = Math.abs(v(dx, p, i));
            label = 200;
          }
        }
        case 115 -> {
          double r = v(dx, p, i) / xmax;
          sum = sum + r * r;
          label = 200;
        }
        case 75 -> {
          sum = (sum * xmax) * xmax;
          label = 85;
        }
        case 85 -> {
          double hitest = CUTHI / (float) n;
          int j;
          boolean big = false;
          for (j = i; j <= n; j++) {
            if (Math.abs(v(dx, p, j)) >= hitest) {
              big = true;
              break;
            }
            sum = sum + v(dx, p, j) * v(dx, p, j);
          }
          if (!big) {
            return Math.sqrt(sum);
          }
          i = j;
          next = 110;
          sum = (sum / v(dx, p, i)) / v(dx, p, i);
          label = 105;
        }
        case 200 -> {
          i = i + 1;
          if (i <= n) {
            label = 20;
          } else {
            return xmax * Math.sqrt(sum);
          }
        }
        default -> throw new IllegalStateException("dnrm2 label " + label);
      }
    }
  }

  private static double v(double[] a, int p, int k) {
    return a[p + k - 1];
  }

  /** Applies a plane rotation ({@code dsrot}). */
  static void dsrot(int n, double[] x, int px, int incx, double[] y, int py, int incy, double c, double s) {
    for (int i = 0; i < n; i++) {
      int ix = px + i * incx;
      int iy = py + i * incy;
      double dtemp = c * x[ix] + s * y[iy];
      y[iy] = c * y[iy] - s * x[ix];
      x[ix] = dtemp;
    }
  }

  /**
   * Constructs a Givens rotation ({@code dsrotg}); {@code a[pa]} and {@code b[pb]} are overwritten
   * with r and z; returns {c, s}.
   */
  static double[] dsrotg(double[] a, int pa, double[] b, int pb) {
    double da = a[pa];
    double db = b[pb];
    double roe = db;
    if (Math.abs(da) > Math.abs(db)) {
      roe = da;
    }
    double scale = Math.abs(da) + Math.abs(db);
    double c;
    double s;
    double r;
    if (scale != 0.0) {
      double p = da / scale;
      double q = db / scale;
      r = scale * Math.sqrt(p * p + q * q);
      r = Math.copySign(1.0, roe) * r;
      c = da / r;
      s = db / r;
    } else {
      c = 1.0;
      s = 0.0;
      r = 0.0;
    }
    double z = s;
    if (Math.abs(c) > 0.0 && Math.abs(c) <= s) {
      z = 1.0 / c;
    }
    a[pa] = r;
    b[pb] = z;
    return new double[] {c, s};
  }
}
