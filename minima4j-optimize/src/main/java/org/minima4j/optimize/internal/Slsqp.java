package org.minima4j.optimize.internal;

/**
 * The SQP iteration of Kraft's SLSQP ({@code slsqpb} of scipy 1.10.1
 * {@code scipy/optimize/slsqp/slsqp_optmz.f}), with the reverse-communication calls replaced by
 * direct calls to {@link Callbacks}: BFGS update of the LDL' factors of the Lagrangian Hessian
 * ({@code ldl}), the QP subproblem ({@link SlsqpLsq#lsq}), the augmented problem for inconsistent
 * linearizations, and the non-monotone Armijo line search on the L1 merit function
 * (the inexact search scipy always uses; {@code linmin} is not needed).
 */
public final class Slsqp {
  /** User functions as the iteration needs them. */
  public interface Callbacks {
    double fun(double[] x);

    double[] grad(double[] x);

    double[] constraints(double[] x);

    double[][] jacobian(double[] x);

    void iteration(double[] x, double f, int iter);
  }

  /** Final state: point, value, gradient, constraint values, iterations and exit mode. */
  public record Outcome(double[] x, double f, double[] g, double[] c, int iterations, int mode) {}

  private static final double ALFMIN = 0.1;

  private final int m;
  private final int meq;
  private final int n;
  private final int la;
  private final double[] xl;
  private final double[] xu;
  private final double acc;
  private final int itermx;
  private final Callbacks cb;
  private double[] acceptedX;
  private double acceptedF = Double.NaN;
  private double[] acceptedC;
  private int acceptedIter;
  private double[] lastR;

  /** {@code acc} is scipy's {@code ftol}; {@code itermx} is {@code maxiter - 1} as scipy passes it. */
  public Slsqp(int m, int meq, int n, double[] xl, double[] xu, double acc, int itermx, Callbacks cb) {
    this.m = m;
    this.meq = meq;
    this.n = n;
    this.la = Math.max(1, m);
    this.xl = xl;
    this.xu = xu;
    this.acc = Math.abs(acc);
    this.itermx = itermx;
    this.cb = cb;
  }

  /** Runs from {@code x} (value f, gradient g, constraint values c, constraint Jacobian jac). */
  public Outcome run(double[] x0in, double f0in, double[] g0, double[] c0, double[][] jac0) {
    int n1 = n + 1;
    int mineq = m - meq + n1 + n1;
    int lenW = (3 * n1 + m) * (n1 + 1) + (n1 - meq + 1) * (mineq + 2) + 2 * mineq + (n1 + mineq) * (n1 - meq)
        + 2 * meq + n1 + ((n + 1) * n) / 2 + 2 * m + 3 * n + 3 * n1 + 1;
    double[] w = new double[lenW + 2];
    int[] jw = new int[Math.max(mineq, n1 - meq) + 1];
    double[] x = x0in.clone();
    double f = f0in;
    double[] g = new double[n1];
    System.arraycopy(g0, 0, g, 0, n);
    double[] c = new double[la];
    System.arraycopy(c0, 0, c, 0, m);
    double[] a = new double[la * n1];
    setJacobian(a, jac0);
    double[] r = new double[m + n + n + 2];
    lastR = r;
    double[] l = new double[(n + 1) * (n + 2) / 2];
    double[] x0 = new double[n];
    double[] mu = new double[la];
    double[] s = new double[n1];
    double[] u = new double[n1];
    double[] v = new double[n1];
    double tol = 10.0 * acc;
    int iter = 0;
    int ireset = 0;
    int n2 = n1 * n / 2;
    int n3 = n2 + 1;
    double f0 = f;
    accept(x, f, c, 0);
    double h1;
    double h2;
    double h3 = 0;
    double h4;
    boolean badlin = false;
    int mode;
    reset:
    while (true) {
      ireset++;
      if (ireset > 5) {
        h3 = 0;
        for (int j = 1; j <= m; j++) {
          h3 += Math.max(-c[j - 1], j <= meq ? c[j - 1] : 0.0);
        }
        mode = (Math.abs(f - f0) < tol || SlsqpBlas.dnrm2(n, s, 0) < tol) && h3 < tol && !badlin && f == f ? 0 : 8;
        return new Outcome(x, f, java.util.Arrays.copyOf(g, n), java.util.Arrays.copyOf(c, m), iter, mode);
      }
      java.util.Arrays.fill(l, 0, n2, 0.0);
      int jj = 1;
      for (int i = 1; i <= n; i++) {
        l[jj - 1] = 1.0;
        jj = jj + n1 - i;
      }
      while (true) {
        iter++;
        if (iter > itermx) {
          return new Outcome(x, f, java.util.Arrays.copyOf(g, n), java.util.Arrays.copyOf(c, m), iter, 9);
        }
        for (int i = 0; i < n; i++) {
          u[i] = xl[i] + (-1.0) * x[i];
          v[i] = xu[i] + (-1.0) * x[i];
        }
        h4 = 1.0;
        mode = SlsqpLsq.lsq(m, meq, n, n3, la, l, 0, g, 0, a, 0, c, 0, u, 0, v, 0, s, 0, r, 0, w, jw);
        badlin = false;
        if (mode == 6 && n == meq) {
          mode = 4;
        }
        if (mode == 4) {
          badlin = true;
          for (int j = 1; j <= m; j++) {
            a[(j - 1) + n * la] = j <= meq ? -c[j - 1] : Math.max(-c[j - 1], 0.0);
          }
          java.util.Arrays.fill(s, 0, n, 0.0);
          h3 = 0;
          g[n] = 0;
          l[n3 - 1] = 100.0;
          s[n] = 1.0;
          u[n] = 0.0;
          v[n] = 1.0;
          int incons = 0;
          while (true) {
            mode = SlsqpLsq.lsq(m, meq, n1, n3, la, l, 0, g, 0, a, 0, c, 0, u, 0, v, 0, s, 0, r, 0, w, jw);
            h4 = 1.0 - s[n];
            if (mode == 4) {
              l[n3 - 1] = 10.0 * l[n3 - 1];
              incons++;
              if (incons > 5) {
                return new Outcome(x, f, java.util.Arrays.copyOf(g, n), java.util.Arrays.copyOf(c, m), iter, 4);
              }
            } else if (mode != 1) {
              return new Outcome(x, f, java.util.Arrays.copyOf(g, n), java.util.Arrays.copyOf(c, m), iter, mode);
            } else {
              break;
            }
          }
        } else if (mode != 1) {
          return new Outcome(x, f, java.util.Arrays.copyOf(g, n), java.util.Arrays.copyOf(c, m), iter, mode);
        }
        for (int i = 1; i <= n; i++) {
          v[i - 1] = g[i - 1] - SlsqpBlas.ddot(m, a, (i - 1) * la, 1, r, 0, 1);
        }
        f0 = f;
        System.arraycopy(x, 0, x0, 0, n);
        double gs = SlsqpBlas.ddot(n, g, 0, 1, s, 0, 1);
        h1 = Math.abs(gs);
        h2 = 0;
        for (int j = 1; j <= m; j++) {
          h3 = j <= meq ? c[j - 1] : 0.0;
          h2 = h2 + Math.max(-c[j - 1], h3);
          h3 = Math.abs(r[j - 1]);
          mu[j - 1] = Math.max(h3, (mu[j - 1] + h3) / 2.0);
          h1 = h1 + h3 * Math.abs(c[j - 1]);
        }
        if (h1 < acc && h2 < acc && !badlin && f == f) {
          return new Outcome(x, f, java.util.Arrays.copyOf(g, n), java.util.Arrays.copyOf(c, m), iter, 0);
        }
        h1 = 0;
        for (int j = 1; j <= m; j++) {
          h3 = j <= meq ? c[j - 1] : 0.0;
          h1 = h1 + mu[j - 1] * Math.max(-c[j - 1], h3);
        }
        double t0 = f + h1;
        h3 = gs - h1 * h4;
        if (h3 >= 0) {
          mode = 8;
          continue reset;
        }
        int line = 0;
        double alpha = 1.0;
        while (true) {
          line++;
          h3 = alpha * h3;
          SlsqpBlas.dscal(n, alpha, s, 0, 1);
          System.arraycopy(x0, 0, x, 0, n);
          SlsqpBlas.daxpy(n, 1.0, s, 0, 1, x, 0, 1);
          f = cb.fun(x);
          double[] cn = cb.constraints(x);
          System.arraycopy(cn, 0, c, 0, m);
          double t = f;
          for (int j = 1; j <= m; j++) {
            h1 = j <= meq ? c[j - 1] : 0.0;
            t = t + mu[j - 1] * Math.max(-c[j - 1], h1);
          }
          h1 = t - t0;
          if (h1 <= h3 / 10.0 || line > 10) {
            break;
          }
          alpha = Math.max(h3 / (2.0 * (h3 - h1)), ALFMIN);
        }
        h3 = 0;
        for (int j = 1; j <= m; j++) {
          h1 = j <= meq ? c[j - 1] : 0.0;
          h3 = h3 + Math.max(-c[j - 1], h1);
        }
        if ((Math.abs(f - f0) < acc || SlsqpBlas.dnrm2(n, s, 0) < acc) && h3 < acc && !badlin && f == f) {
          return new Outcome(x, f, java.util.Arrays.copyOf(g, n), java.util.Arrays.copyOf(c, m), iter, 0);
        }
        accept(x, f, c, iter);
        double[] gn = cb.grad(x);
        System.arraycopy(gn, 0, g, 0, n);
        g[n] = 0.0;
        setJacobian(a, cb.jacobian(x));
        cb.iteration(x.clone(), f, iter);
        // BFGS update of the LDL' factors (label 260)
        for (int i = 1; i <= n; i++) {
          u[i - 1] = g[i - 1] - SlsqpBlas.ddot(m, a, (i - 1) * la, 1, r, 0, 1) - v[i - 1];
        }
        // k is Fortran's l(k) as an index into l
        int k = -1;
        for (int i = 0; i < n; i++) {
          h1 = 0;
          k++;
          for (int j = i + 1; j < n; j++) {
            k++;
            h1 = h1 + l[k] * s[j];
          }
          v[i] = s[i] + h1;
        }
        k = 0;
        for (int i = 1; i <= n; i++) {
          v[i - 1] = l[k] * v[i - 1];
          k = k + n1 - i;
        }
        for (int i = n; i >= 1; i--) {
          h1 = 0;
          k = i - 1;
          for (int j = 0; j < i - 1; j++) {
            h1 = h1 + l[k] * v[j];
            k = k + n - 1 - j;
          }
          v[i - 1] = v[i - 1] + h1;
        }
        h1 = SlsqpBlas.ddot(n, s, 0, 1, u, 0, 1);
        h2 = SlsqpBlas.ddot(n, s, 0, 1, v, 0, 1);
        h3 = 0.2 * h2;
        if (h1 < h3) {
          h4 = (h2 - h3) / (h2 - h1);
          h1 = h3;
          SlsqpBlas.dscal(n, h4, u, 0, 1);
          SlsqpBlas.daxpy(n, 1.0 - h4, v, 0, 1, u, 0, 1);
        }
        if (h1 == 0 || h2 == 0) {
          continue reset;
        }
        SlsqpNnls.ldl(n, l, 0, u, 0, 1.0 / h1, v, 0);
        SlsqpNnls.ldl(n, l, 0, v, 0, -1.0 / h2, u, 0);
      }
    }
  }

  private void accept(double[] x, double f, double[] c, int iter) {
    acceptedIter = iter;
    acceptedX = x.clone();
    acceptedF = f;
    acceptedC = java.util.Arrays.copyOf(c, m);
  }

  /**
   * The last iterate accepted by the line search (the start point before the first step), for a
   * run cut short by the evaluation budget: {x, f, c} are returned through the outcome record.
   */
  /**
   * The Lagrange multipliers of the constraints from the last least-squares subproblem (Kraft's
   * {@code r(1..m)}: equalities first), zeros before the first one.
   */
  public double[] multipliers() {
    return lastR == null ? new double[m] : java.util.Arrays.copyOf(lastR, m);
  }

  public Outcome accepted(int mode) {
    return new Outcome(acceptedX.clone(), acceptedF, null, acceptedC.clone(), acceptedIter, mode);
  }

  /** Stores the constraint Jacobian with a zero last column, as scipy's {@code _eval_con_normals}. */
  private void setJacobian(double[] a, double[][] jac) {
    java.util.Arrays.fill(a, 0.0);
    for (int j = 0; j < m; j++) {
      for (int i = 0; i < n; i++) {
        a[j + i * la] = jac[j][i];
      }
    }
  }
}
