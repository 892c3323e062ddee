package org.minima4j.optimize.global.internal;

/**
 * The symmetric eigen-decomposition as {@code numpy.linalg.eigh(a)} computes it (numpy 1.24, LAPACK
 * {@code dsyevd} with {@code JOBZ='V'}, {@code UPLO='L'}), so that CMA-ES draws its samples
 * {@code B D z} with the very eigenvectors cmaes gets, signs and order included: eigenvalues ascending.
 *
 * <p>For {@code n <= 25} {@code dsyevd} takes the path ported here, step by step from Reference LAPACK
 * 3.11: {@code dsytd2} (Householder tridiagonalization of the lower triangle, {@code dlarfg}, {@code dsymv},
 * {@code dsyr2}), {@code dstedc('I')}, which for {@code n <= SMLSIZ = 25} is {@code dsteqr('I')} (implicit QL
 * or QR with Wilkinson shifts, {@code dlaev2} for 2 x 2 blocks, {@code dlartg} rotations applied by
 * {@code dlasr}, a final selection sort), then {@code dormtr} ({@code dorm2r}, {@code dlarf}) to apply the
 * reflectors. The BLAS calls are the reference loops; an optimized BLAS (OpenBLAS) sums in another
 * order, so values agree to rounding, not bit for bit. {@code dlartg} is LAPACK 3.10's ({@code la_xlartg}:
 * {@code c >= 0}, {@code r} with the sign of {@code f}). Above 25 numpy switches to divide and conquer,
 * which is not ported: this routine still returns a correct decomposition there, with possibly other
 * signs. The matrix scalings {@code dsyevd}/{@code dsteqr} apply outside [1e-146, 1e146] are done with a
 * plain multiplication.
 *
 * <p>The work is done by a {@link Workspace}, which repeats decompositions of one size without allocating;
 * {@code dsteqr} lives in {@link NumpyEighSteqr}. The loops over i of {@code dsytd2} and {@code dorm2r} call
 * one method per reflector, and the BLAS inner loops are methods of their own, so that the JIT compiles the
 * work early in a short run of many small decompositions (CMA-ES: one per generation), where the
 * once-per-decomposition code stays interpreted. (A CMA-ES run loads only the workspace and
 * {@code NumpyEighSteqr}: each class costs a cold JVM a few hundred microseconds.)
 */
public final class NumpyEigh {
  private static final double EPS = 0x1.0p-53; // dlamch('E')
  private static final double SAFMIN = Double.MIN_NORMAL; // dlamch('S')

  /** Eigenvalues, ascending. */
  public final double[] values;
  /** {@code vectors[i][k]}: component i of the eigenvector of {@code values[k]}. */
  public final double[][] vectors;
  /** False when {@code dsteqr} did not converge in 30 n sweeps (numpy raises LinAlgError). */
  public final boolean converged;

  private NumpyEigh(double[] values, double[][] vectors, boolean converged) {
    this.values = values;
    this.vectors = vectors;
    this.converged = converged;
  }

  /** Decomposes the lower triangle of {@code a} (not modified). */
  public static NumpyEigh of(double[][] a) {
    int n = a.length;
    double[] values = new double[n];
    double[][] vectors = new double[n][n];
    boolean ok = new Workspace(n).decompose(a, values, vectors);
    return new NumpyEigh(values, vectors, ok);
  }

  /**
   * The work arrays of one dimension, for repeated decompositions without allocating: {@link #decompose}
   * gives bit for bit what {@link NumpyEigh#of} gives. Not thread-safe.
   */
  public static final class Workspace {
    private final int n;
    // 1-based copy of A stored by column, as the Fortran's column-major A: aa[j][i] = A(i, j), i >= j
    private final double[][] aa;
    // eigenvectors of the tridiagonal, by column (1-based)
    private final double[][] z;
    private final double[] d;
    private final double[] e;
    private final double[] tau;
    private final double[] y;
    private final double[] rot = new double[4];

    /** Work arrays for n x n matrices. */
    public Workspace(int n) {
      if (n < 0) {
        throw new IllegalArgumentException("n must be >= 0, got " + n);
      }
      this.n = n;
      aa = new double[n + 1][n + 1];
      z = new double[n + 1][n + 1];
      d = new double[n + 1];
      e = new double[n + 1];
      tau = new double[n + 1];
      y = new double[n + 1];
    }

    /**
     * Decomposes the lower triangle of the n x n matrix {@code a} (not modified) into {@code values} (length
     * n, ascending) and {@code vectors} (n x n, {@code vectors[i][k]} = component i of vector k); returns
     * whether {@code dsteqr} converged, as {@link NumpyEigh#converged}.
     */
    public boolean decompose(double[][] a, double[] values, double[][] vectors) {
      if (a.length != n) {
        throw new IllegalArgumentException("workspace is for n = " + n + ", matrix has " + a.length + " rows");
      }
      if (n == 0) {
        return true;
      }
      if (n == 1) {
        values[0] = a[0][0];
        vectors[0][0] = 1.0;
        return Double.isFinite(a[0][0]);
      }
      double anrm = 0;
      for (int j = 1; j <= n; j++) {
        anrm = copyColumn(a, j, aa[j], anrm);
      }
      double smlnum = SAFMIN / EPS;
      double rmin = Math.sqrt(smlnum);
      double rmax = Math.sqrt(1 / smlnum);
      double sigma = 1;
      if (anrm > 0 && anrm < rmin) {
        sigma = rmin / anrm;
      } else if (anrm > rmax) {
        sigma = rmax / anrm;
      }
      if (sigma != 1) {
        for (int j = 1; j <= n; j++) {
          double[] aj = aa[j];
          for (int i = j; i <= n; i++) {
            aj[i] *= sigma;
          }
        }
      }
      dsytd2Lower(n, aa, d, e, tau, y);
      // z is zero here: allocated so, and storeColumn clears each column after reading it
      boolean ok = NumpyEighSteqr.dsteqr(n, d, e, z, rot);
      dorm2r(n, aa, tau, z);
      double inv = 1 / sigma;
      for (int k = 0; k < n; k++) {
        values[k] = sigma != 1 ? d[k + 1] * inv : d[k + 1];
        storeColumn(z[k + 1], vectors, k);
      }
      return ok;
    }

    /** {@code aj[i] = a[i - 1][j - 1]} for i = j..n; returns anrm updated with their absolute values. */
    private static double copyColumn(double[][] a, int j, double[] aj, double anrm) {
      double mx = anrm;
      for (int i = j; i <= a.length; i++) {
        double v = a[i - 1][j - 1];
        aj[i] = v;
        double av = Math.abs(v);
        if (av > mx || av != av) { // Math.max(mx, av): both >= +0 or NaN, NaN sticks
          mx = av;
        }
      }
      return mx;
    }

    /** Column k of the 0-based result from the 1-based vector {@code zk}, which is left zero for the next call. */
    private static void storeColumn(double[] zk, double[][] vectors, int k) {
      for (int i = 0; i < vectors.length; i++) {
        vectors[i][k] = zk[i + 1];
        zk[i + 1] = 0;
      }
    }

    // ------------------------------------------------------------------ dsytd2 (UPLO = 'L')

    /** {@code y} is work space of length n + 1. */
    private static void dsytd2Lower(int n, double[][] a, double[] d, double[] e, double[] tau, double[] y) {
      for (int i = 1; i <= n - 1; i++) {
        reflect(n, a, i, e, tau, y);
        d[i] = a[i][i];
      }
      d[n] = a[n][n];
    }

    /** dsytd2's step i: the reflector H(i) annihilating A(i+2:n, i), and its two-sided application. */
    private static void reflect(int n, double[][] a, int i, double[] e, double[] tau, double[] y) {
      double[] ai = a[i];
      int m = n - i;
      // dlarfg(n - i, A(i+1, i), A(min(i+2, n):n, i))
      double alpha = ai[i + 1];
      double xnorm = 0;
      double scale = 0;
      for (int r = i + 2; r <= n; r++) {
        double av = Math.abs(ai[r]);
        if (av > scale || av != av) { // Math.max(scale, av): both >= +0 or NaN, NaN sticks
          scale = av;
        }
      }
      if (scale > 0) {
        double ss = 0;
        for (int r = i + 2; r <= n; r++) {
          double t = ai[r] / scale;
          ss += t * t;
        }
        xnorm = scale * Math.sqrt(ss);
      }
      double taui;
      if (m <= 1 || xnorm == 0) {
        taui = 0;
      } else {
        double beta = -Math.copySign(NumpyEighSteqr.dlapy2(alpha, xnorm), alpha);
        taui = (beta - alpha) / beta;
        double inv = 1 / (alpha - beta);
        for (int r = i + 2; r <= n; r++) {
          ai[r] *= inv;
        }
        alpha = beta;
      }
      ai[i + 1] = alpha;
      e[i] = ai[i + 1];
      if (taui != 0) {
        ai[i + 1] = 1;
        // x := taui * A(i+1:n, i+1:n) v, into y(i+1:n) (reference dsymv, lower, beta = 0); v = A(i+1:n, i)
        for (int r = i + 1; r <= n; r++) {
          y[r] = 0;
        }
        for (int j = i + 1; j <= n; j++) {
          double[] aj = a[j];
          double temp1 = taui * ai[j];
          y[j] += temp1 * aj[j];
          double temp2 = symvColumn(temp1, aj, ai, y, j + 1, n + 1);
          y[j] += taui * temp2;
        }
        // w := x - 1/2 tau (x^T v) v
        double dot = dot(y, ai, i + 1, n + 1);
        double alpha2 = -0.5 * taui * dot;
        axpy(alpha2, ai, y, i + 1, n + 1);
        // A := A - v w^T - w v^T (reference dsyr2, lower, alpha = -1)
        for (int j = i + 1; j <= n; j++) {
          double xj = ai[j];
          double yj = y[j];
          if (xj != 0 || yj != 0) {
            syr2Column(a[j], ai, -1 * yj, y, -1 * xj, j, n + 1);
          }
        }
        ai[i + 1] = e[i];
      }
      tau[i] = taui;
    }

    // ------------------------------------------------------------------ dormtr('L', 'L', 'N') = dorm2r on rows 2..n

    private static void dorm2r(int n, double[][] a, double[] tau, double[][] z) {
      for (int i = n - 1; i >= 1; i--) {
        if (tau[i] != 0) {
          applyReflector(n, a[i], tau[i], i, z);
        }
      }
    }

    /**
     * H(i) = I - tau v v^T, v = (1, A(i+2:n, i)), applied to Z(i+1:n, 1:n) (dlarf: dgemv 'T' then dger); column j
     * of Z only needs its own dgemv entry, so the two passes are done column by column.
     */
    private static void applyReflector(int n, double[] ai, double t, int i, double[][] z) {
      for (int j = 1; j <= n; j++) {
        double[] zj = z[j];
        double w = dotFrom(zj[i + 1], zj, ai, i + 2, n + 1);
        if (w != 0) {
          double temp = -t * w;
          zj[i + 1] += temp;
          axpy(temp, ai, zj, i + 2, n + 1);
        }
      }
    }

    // ---------------------------------------------------------------- reference BLAS inner loops (in order)

    /** {@code s = 0; s += a[k] * b[k]} for k = from, ..., to - 1. */
    private static double dot(double[] a, double[] b, int from, int to) {
      double s = 0;
      for (int k = from; k < to; k++) {
        s += a[k] * b[k];
      }
      return s;
    }

    /** {@code s += a[k] * b[k]} for k = from, ..., to - 1, starting from {@code s}. */
    private static double dotFrom(double s, double[] a, double[] b, int from, int to) {
      double t = s;
      for (int k = from; k < to; k++) {
        t += a[k] * b[k];
      }
      return t;
    }

    /** {@code y[k] += x[k] * alpha} for k = from, ..., to - 1. */
    private static void axpy(double alpha, double[] x, double[] y, int from, int to) {
      for (int k = from; k < to; k++) {
        y[k] += x[k] * alpha;
      }
    }

    /**
     * One column of reference {@code dsymv} (lower, beta = 0) below the diagonal: {@code y[k] += t * a[k]} and
     * returns {@code s = 0; s += a[k] * x[k]}, for k = from, ..., to - 1.
     */
    private static double symvColumn(double t, double[] a, double[] x, double[] y, int from, int to) {
      double s = 0;
      for (int k = from; k < to; k++) {
        double v = a[k];
        y[k] += t * v;
        s += v * x[k];
      }
      return s;
    }

    /** One column of reference {@code dsyr2}: {@code a[k] = a[k] + x[k] * s + y[k] * t} for k = from, ..., to - 1. */
    private static void syr2Column(double[] a, double[] x, double s, double[] y, double t, int from, int to) {
      for (int k = from; k < to; k++) {
        a[k] = a[k] + x[k] * s + y[k] * t;
      }
    }
  }
}
