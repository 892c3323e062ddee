package org.minima4j.optimize.global.cmaes;

import org.minima4j.optimize.global.internal.NumpyEigh;
import org.minima4j.tensor.internal.SymmetricEigen;

/**
 * The cached eigen-decomposition {@code C = B diag(D^2) B^T} of {@link CMA}'s covariance, as cmaes 0.9.1's
 * {@code _eigen_decomposition} keeps {@code _B} and {@code _D} until {@code tell} changes C, together with
 * what a generation derives from it: {@code B diag(D)} for the samples and {@code C^(-1/2) = B diag(1/D) B^T}
 * for the step-size path, each computed once per decomposition in the order cmaes' expressions imply. The
 * work arrays are reused, so a generation allocates only D.
 *
 * <p>It also holds the two inner loops of a generation's matrix products ({@link #dot}, {@link #mul}), small
 * methods the JIT compiles within the first generations, where the once-per-generation code that calls
 * them stays interpreted for most of a short run.
 */
final class CmaEigen {
  private static final double EPS = 1e-8;

  private final int n;
  /**
   * Eigenvectors by column ({@code b[i][k]}); null when C must be decomposed again. A work array that the next
   * decomposition overwrites: copy it to keep it.
   */
  double[][] b;
  /** Square roots of the eigenvalues (negative ones replaced by cmaes' 1e-8). */
  double[] d;
  /** {@code bd[i][k] = b[i][k] * d[k]}; valid while {@link #derived}. */
  final double[][] bd;
  /** C^(-1/2); valid while {@link #derived}. */
  final double[][] invSqrtC;
  /** Whether {@link #bd} and {@link #invSqrtC} belong to the current b and d. */
  boolean derived;

  private final NumpyEigh.Workspace work;
  private final double[] values;
  private final double[][] vectors;
  private final double[] scale;
  private final double[] row;

  CmaEigen(int n) {
    this.n = n;
    bd = new double[n][n];
    invSqrtC = new double[n][n];
    work = new NumpyEigh.Workspace(n);
    values = new double[n];
    vectors = new double[n][n];
    scale = new double[n];
    row = new double[n];
  }

  /** Forgets the decomposition (the next {@link #decompose} call is due). */
  void invalidate() {
    b = null;
    d = null;
    derived = false;
  }

  /** Adopts a saved decomposition (either may be null); the derived matrices follow on {@link #derive()}. */
  void set(double[][] savedB, double[] savedD) {
    b = savedB;
    d = savedD;
    derived = false;
  }

  /**
   * Symmetrizes {@code c} in place, decomposes it as numpy's {@code eigh} (Jacobi only where LAPACK would fail:
   * non-finite C or no convergence, where numpy raises LinAlgError), floors the eigenvalues at 1e-8, rebuilds
   * {@code c = B diag(D^2) B^T} and derives the sampling and whitening matrices.
   */
  void decompose(double[][] c) {
    for (int i = 0; i < n; i++) {
      symmetrizeRow(c, i);
    }
    double[] vals;
    double[][] bb;
    if (work.decompose(c, values, vectors) && allFinite(values)) {
      vals = values;
      bb = vectors;
    } else {
      SymmetricEigen e = SymmetricEigen.of(c);
      vals = e.values;
      bb = e.vectors;
    }
    double[] dd = new double[n];
    double[] sq = scale;
    for (int i = 0; i < n; i++) {
      double v = Math.sqrt(vals[i] < 0 ? EPS : vals[i]);
      dd[i] = v;
      sq[i] = v * v;
    }
    // C = (B diag(D^2)) B^T, row by row
    for (int i = 0; i < n; i++) {
      scaledRowTimesTranspose(bb[i], sq, bb, c[i], row);
    }
    b = bb;
    d = dd;
    derive();
  }

  /** {@code c[i][j] = c[j][i] = (c[i][j] + c[j][i]) / 2} for j > i. */
  private static void symmetrizeRow(double[][] c, int i) {
    double[] ci = c[i];
    for (int j = i + 1; j < ci.length; j++) {
      double s = (ci[j] + c[j][i]) / 2;
      ci[j] = s;
      c[j][i] = s;
    }
  }

  /** bd = B diag(D) and C^(-1/2) = (B diag(1/D)) B^T from the current b and d. */
  void derive() {
    double[][] bb = b;
    double[] dd = d;
    double[] inv = scale;
    for (int k = 0; k < n; k++) {
      inv[k] = 1 / dd[k];
    }
    for (int i = 0; i < n; i++) {
      mul(bb[i], dd, bd[i], 0, n);
      scaledRowTimesTranspose(bb[i], inv, bb, invSqrtC[i], row);
    }
    derived = true;
  }

  /** {@code out[j] = sum_k (bi[k] s[k]) b[j][k]}, summed in k order: row i of {@code (B diag(s)) B^T}. */
  private static void scaledRowTimesTranspose(double[] bi, double[] s, double[][] b, double[] out, double[] tmp) {
    int n = bi.length;
    for (int k = 0; k < n; k++) {
      tmp[k] = bi[k] * s[k];
    }
    for (int j = 0; j < n; j++) {
      out[j] = dot(tmp, b[j], 0, n);
    }
  }

  private static boolean allFinite(double[] v) {
    for (double x : v) {
      if (!Double.isFinite(x)) {
        return false;
      }
    }
    return true;
  }

  /** {@code s = 0; s += a[k] * b[k]} for k = from, ..., to - 1 (left to right, as the loops it replaces). */
  static double dot(double[] a, double[] b, int from, int to) {
    double s = 0;
    for (int k = from; k < to; k++) {
      s += a[k] * b[k];
    }
    return s;
  }

  /** {@code out[k] = a[k] * b[k]} for k = from, ..., to - 1. */
  static void mul(double[] a, double[] b, double[] out, int from, int to) {
    for (int k = from; k < to; k++) {
      out[k] = a[k] * b[k];
    }
  }
}
