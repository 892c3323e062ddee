package org.minima4j.optimize.internal;

import java.lang.System.Logger.Level;
import org.minima4j.logging.LazyLogger;

/**
 * The three projection operators of trust-constr for a constraint Jacobian {@code A} (m x n),
 * following scipy 1.10.1 {@code scipy/optimize/_trustregion_constr/projections.py} (N. Gould,
 * M. Hribar and J. Nocedal, "On the solution of equality constrained quadratic programming problems
 * arising in optimization", SIAM J. Sci. Comput. 23(4), 2001): the null-space projection
 * {@code Z x = x - A^T (A A^T)^-1 A x} with up to 3 iterative refinements while the orthogonality
 * measure exceeds 1e-12, the least-squares multipliers {@code (A A^T)^-1 A x} and the row-space
 * step {@code A^T (A A^T)^-1 x}. Three factorizations: the augmented system
 * {@code [[I, A^T], [A, 0]]} (LU with partial pivoting here; scipy uses SuperLU on the sparse
 * matrix), QR with column pivoting of {@code A^T}, and SVD; the first two fall back to SVD on a
 * singular Jacobian, as in scipy.
 */
public abstract class TrProjections {
  private static final System.Logger LOG = LazyLogger.of(TrProjections.class);
  private static final double ORTH_TOL = 1e-12;
  private static final int MAX_REFIN = 3;
  private static final double TOL = 1e-15;

  /** The factorizations (scipy's names 'AugmentedSystem', 'QRFactorization', 'SVDFactorization'). */
  public enum Kind { AUGMENTED_SYSTEM, QR, SVD }

  final double[][] a;
  final int m;
  final int n;
  private final double normA;

  TrProjections(double[][] a, int n) {
    this.a = a;
    this.m = a.length;
    this.n = n;
    this.normA = Vec.frobenius(a);
  }

  /** The operators for {@code a} ({@code m} rows of length {@code n}) with factorization {@code kind}. */
  public static TrProjections of(double[][] a, int n, Kind kind) {
    if (a.length == 0) {
      return new Empty(n);
    }
    switch (kind) {
      case AUGMENTED_SYSTEM: {
        Augmented p = new Augmented(a, n);
        if (p.singular) {
          LOG.log(Level.WARNING, "Singular Jacobian matrix. Using dense SVD decomposition to perform the "
              + "factorizations.");
          return new Svd(a, n);
        }
        return p;
      }
      case QR: {
        Qr p = new Qr(a, n);
        if (p.singular) {
          LOG.log(Level.WARNING, "Singular Jacobian matrix. Using SVD decomposition to perform the "
              + "factorizations.");
          return new Svd(a, n);
        }
        return p;
      }
      default:
        return new Svd(a, n);
    }
  }

  /** {@code x} projected onto the null space of {@code A}. */
  public abstract double[] nullSpace(double[] x);

  /** The least-squares solution {@code y} of {@code A^T y = x} (length m). */
  public abstract double[] leastSquares(double[] x);

  /** The minimum-norm solution of {@code A y = x} (x of length m, result of length n). */
  public abstract double[] rowSpace(double[] x);

  /** scipy's {@code orthogonality(A, g)}: {@code |A g| / (|A|_F |g|)}. */
  final double orthogonality(double[] g) {
    double normG = Vec.norm(g);
    if (normG == 0 || normA == 0) {
      return 0;
    }
    return Vec.norm(Vec.mul(a, g)) / (normA * normG);
  }

  /** No constraints: Z is the identity. */
  static final class Empty extends TrProjections {
    Empty(int n) {
      super(new double[0][], n);
    }

    @Override
    public double[] nullSpace(double[] x) {
      return x.clone();
    }

    @Override
    public double[] leastSquares(double[] x) {
      return new double[0];
    }

    @Override
    public double[] rowSpace(double[] x) {
      return new double[n];
    }
  }

  /** The augmented system {@code K = [[I, A^T], [A, 0]]} solved by LU with partial pivoting. */
  static final class Augmented extends TrProjections {
    private final double[][] lu;
    private final int[] piv;
    private final boolean singular;
    private final int size;

    Augmented(double[][] a, int n) {
      super(a, n);
      size = n + m;
      lu = new double[size][size];
      for (int i = 0; i < n; i++) {
        lu[i][i] = 1.0;
        for (int r = 0; r < m; r++) {
          lu[i][n + r] = a[r][i];
          lu[n + r][i] = a[r][i];
        }
      }
      piv = new int[size];
      boolean sing = false;
      for (int k = 0; k < size; k++) {
        int p = k;
        double best = Math.abs(lu[k][k]);
        for (int i = k + 1; i < size; i++) {
          double v = Math.abs(lu[i][k]);
          if (v > best) {
            best = v;
            p = i;
          }
        }
        piv[k] = p;
        if (p != k) {
          double[] t = lu[p];
          lu[p] = lu[k];
          lu[k] = t;
        }
        double d = lu[k][k];
        if (d == 0.0) {
          sing = true;
          break;
        }
        for (int i = k + 1; i < size; i++) {
          double f = lu[i][k] / d;
          if (f != 0.0) {
            lu[i][k] = f;
            double[] ri = lu[i];
            double[] rk = lu[k];
            for (int j = k + 1; j < size; j++) {
              ri[j] -= f * rk[j];
            }
          } else {
            lu[i][k] = 0.0;
          }
        }
      }
      singular = sing;
    }

    private double[] solve(double[] rhs) {
      double[] x = rhs.clone();
      for (int k = 0; k < size; k++) {
        int p = piv[k];
        if (p != k) {
          double t = x[p];
          x[p] = x[k];
          x[k] = t;
        }
      }
      for (int i = 0; i < size; i++) {
        double s = x[i];
        double[] r = lu[i];
        for (int j = 0; j < i; j++) {
          s -= r[j] * x[j];
        }
        x[i] = s;
      }
      for (int i = size - 1; i >= 0; i--) {
        double s = x[i];
        double[] r = lu[i];
        for (int j = i + 1; j < size; j++) {
          s -= r[j] * x[j];
        }
        x[i] = s / r[i];
      }
      return x;
    }

    /** {@code K v}. */
    private double[] kdot(double[] v) {
      double[] out = new double[size];
      for (int i = 0; i < n; i++) {
        out[i] = v[i];
      }
      for (int r = 0; r < m; r++) {
        double[] row = a[r];
        double vr = v[n + r];
        double s = 0;
        for (int i = 0; i < n; i++) {
          out[i] += row[i] * vr;
          s += row[i] * v[i];
        }
        out[n + r] = s;
      }
      return out;
    }

    @Override
    public double[] nullSpace(double[] x) {
      double[] v = new double[size];
      System.arraycopy(x, 0, v, 0, n);
      double[] sol = solve(v);
      double[] z = java.util.Arrays.copyOf(sol, n);
      int k = 0;
      while (orthogonality(z) > ORTH_TOL) {
        if (k >= MAX_REFIN) {
          break;
        }
        double[] kv = kdot(sol);
        double[] newV = new double[size];
        for (int i = 0; i < size; i++) {
          newV[i] = v[i] - kv[i];
        }
        double[] upd = solve(newV);
        for (int i = 0; i < size; i++) {
          sol[i] += upd[i];
        }
        z = java.util.Arrays.copyOf(sol, n);
        k++;
      }
      return z;
    }

    @Override
    public double[] leastSquares(double[] x) {
      double[] v = new double[size];
      System.arraycopy(x, 0, v, 0, n);
      return java.util.Arrays.copyOfRange(solve(v), n, size);
    }

    @Override
    public double[] rowSpace(double[] x) {
      double[] v = new double[size];
      System.arraycopy(x, 0, v, n, m);
      return java.util.Arrays.copyOf(solve(v), n);
    }
  }

  /**
   * Householder QR with column pivoting of {@code A^T} (n x m), economic: {@code A^T P = Q R}, as
   * LAPACK dgeqp3 called by {@code scipy.linalg.qr(A.T, pivoting=True, mode='economic')}.
   */
  static final class Qr extends TrProjections {
    private final double[][] q; // n x k, column j in q[..][j]
    private final double[][] r; // k x m
    private final int[] perm;
    private final int k;
    private final boolean singular;

    Qr(double[][] a, int n) {
      super(a, n);
      k = Math.min(n, m);
      // w = A^T as columns: w[j] is column j of A^T = row j of A
      double[][] w = new double[m][];
      for (int j = 0; j < m; j++) {
        w[j] = a[j].clone();
      }
      perm = new int[m];
      for (int j = 0; j < m; j++) {
        perm[j] = j;
      }
      double[][] vs = new double[k][];
      double[] taus = new double[k];
      for (int s = 0; s < k; s++) {
        int best = s;
        double bestNorm = -1;
        for (int j = s; j < m; j++) {
          double nn = 0;
          for (int i = s; i < n; i++) {
            nn += w[j][i] * w[j][i];
          }
          if (nn > bestNorm) {
            bestNorm = nn;
            best = j;
          }
        }
        if (best != s) {
          double[] t = w[best];
          w[best] = w[s];
          w[s] = t;
          int tp = perm[best];
          perm[best] = perm[s];
          perm[s] = tp;
        }
        double[] col = w[s];
        double alpha = col[s];
        double xnorm = 0;
        for (int i = s + 1; i < n; i++) {
          xnorm += col[i] * col[i];
        }
        xnorm = Math.sqrt(xnorm);
        double[] v = new double[n];
        double tau;
        if (xnorm == 0) {
          tau = 0;
          v[s] = 1;
        } else {
          double beta = -Math.copySign(Math.hypot(alpha, xnorm), alpha);
          tau = (beta - alpha) / beta;
          double sc = 1.0 / (alpha - beta);
          v[s] = 1;
          for (int i = s + 1; i < n; i++) {
            v[i] = col[i] * sc;
          }
          col[s] = beta;
          for (int i = s + 1; i < n; i++) {
            col[i] = 0;
          }
        }
        vs[s] = v;
        taus[s] = tau;
        if (tau != 0) {
          for (int j = s + 1; j < m; j++) {
            double[] cj = w[j];
            double d = 0;
            for (int i = s; i < n; i++) {
              d += v[i] * cj[i];
            }
            d *= tau;
            for (int i = s; i < n; i++) {
              cj[i] -= d * v[i];
            }
          }
        }
      }
      r = new double[k][m];
      for (int j = 0; j < m; j++) {
        for (int i = 0; i < k && i <= j; i++) {
          r[i][j] = w[j][i];
        }
      }
      // Q = H_0 H_1 ... H_{k-1} applied to the first k unit vectors
      q = new double[n][k];
      for (int j = 0; j < k; j++) {
        q[j][j] = 1.0;
      }
      for (int s = k - 1; s >= 0; s--) {
        double[] v = vs[s];
        double tau = taus[s];
        if (tau == 0) {
          continue;
        }
        for (int j = 0; j < k; j++) {
          double d = 0;
          for (int i = s; i < n; i++) {
            d += v[i] * q[i][j];
          }
          d *= tau;
          for (int i = s; i < n; i++) {
            q[i][j] -= d * v[i];
          }
        }
      }
      double last = 0;
      for (int j = 0; j < m; j++) {
        last = Math.max(last, Math.abs(r[k - 1][j]));
      }
      singular = last < TOL || k < m;
    }

    /** {@code P R^-1 Q^T x}. */
    private double[] pRinvQt(double[] x) {
      double[] aux = new double[k];
      for (int j = 0; j < k; j++) {
        double s = 0;
        for (int i = 0; i < n; i++) {
          s += q[i][j] * x[i];
        }
        aux[j] = s;
      }
      for (int i = k - 1; i >= 0; i--) {
        double s = aux[i];
        for (int j = i + 1; j < k; j++) {
          s -= r[i][j] * aux[j];
        }
        aux[i] = s / r[i][i];
      }
      double[] v = new double[m];
      for (int i = 0; i < k; i++) {
        v[perm[i]] = aux[i];
      }
      return v;
    }

    @Override
    public double[] nullSpace(double[] x) {
      double[] v = pRinvQt(x);
      double[] z = Vec.sub(x, Vec.mulT(a, v, n));
      int it = 0;
      while (orthogonality(z) > ORTH_TOL) {
        if (it >= MAX_REFIN) {
          break;
        }
        v = pRinvQt(z);
        z = Vec.sub(z, Vec.mulT(a, v, n));
        it++;
      }
      return z;
    }

    @Override
    public double[] leastSquares(double[] x) {
      return pRinvQt(x);
    }

    @Override
    public double[] rowSpace(double[] x) {
      double[] aux = new double[k];
      for (int i = 0; i < k; i++) {
        aux[i] = x[perm[i]];
      }
      for (int i = 0; i < k; i++) {
        double s = aux[i];
        for (int j = 0; j < i; j++) {
          s -= r[j][i] * aux[j];
        }
        aux[i] = s / r[i][i];
      }
      double[] z = new double[n];
      for (int i = 0; i < n; i++) {
        double s = 0;
        for (int j = 0; j < k; j++) {
          s += q[i][j] * aux[j];
        }
        z[i] = s;
      }
      return z;
    }
  }

  /**
   * SVD of {@code A} by one-sided Jacobi rotations of {@code A^T}'s columns; singular values at most
   * 1e-15 are dropped, as in scipy.
   */
  static final class Svd extends TrProjections {
    private final double[][] u; // kept left vectors of A^T: length-n columns, u[j]
    private final double[][] v; // matching right vectors of A^T: length-m, v[j]
    private final double[] s;

    Svd(double[][] a, int n) {
      super(a, n);
      double[][] w = new double[m][];
      double[][] vv = new double[m][m];
      for (int j = 0; j < m; j++) {
        w[j] = a[j].clone();
        vv[j][j] = 1.0;
      }
      for (int sweep = 0; sweep < 60; sweep++) {
        boolean rotated = false;
        for (int p = 0; p < m - 1; p++) {
          for (int qq = p + 1; qq < m; qq++) {
            double alpha = Vec.dot(w[p], w[p]);
            double beta = Vec.dot(w[qq], w[qq]);
            double gamma = Vec.dot(w[p], w[qq]);
            if (gamma == 0 || Math.abs(gamma) <= 1e-15 * Math.sqrt(alpha * beta)) {
              continue;
            }
            rotated = true;
            double zeta = (beta - alpha) / (2 * gamma);
            double t = Math.signum(zeta == 0 ? 1 : zeta) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
            double c = 1 / Math.sqrt(1 + t * t);
            double sn = c * t;
            rotate(w[p], w[qq], c, sn);
            rotate(vv[p], vv[qq], c, sn);
          }
        }
        if (!rotated) {
          break;
        }
      }
      // vv[j] holds column j of V (as a row array): A^T V = W
      int kept = 0;
      double[] sig = new double[m];
      for (int j = 0; j < m; j++) {
        sig[j] = Vec.norm(w[j]);
        if (sig[j] > TOL) {
          kept++;
        }
      }
      u = new double[kept][];
      v = new double[kept][];
      s = new double[kept];
      int c = 0;
      for (int j = 0; j < m; j++) {
        if (sig[j] > TOL) {
          s[c] = sig[j];
          u[c] = Vec.scale(1 / sig[j], w[j]);
          double[] col = new double[m];
          for (int i = 0; i < m; i++) {
            col[i] = vv[j][i];
          }
          v[c] = col;
          c++;
        }
      }
    }

    private static void rotate(double[] x, double[] y, double c, double s) {
      for (int i = 0; i < x.length; i++) {
        double xi = x[i];
        double yi = y[i];
        x[i] = c * xi - s * yi;
        y[i] = s * xi + c * yi;
      }
    }

    /** {@code (A A^T)^-1 A x = V S^-1 U^T x}. */
    private double[] pinvT(double[] x) {
      double[] out = new double[m];
      for (int j = 0; j < s.length; j++) {
        double c = Vec.dot(u[j], x) / s[j];
        for (int i = 0; i < m; i++) {
          out[i] += v[j][i] * c;
        }
      }
      return out;
    }

    @Override
    public double[] nullSpace(double[] x) {
      double[] z = Vec.sub(x, Vec.mulT(a, pinvT(x), n));
      int it = 0;
      while (orthogonality(z) > ORTH_TOL) {
        if (it >= MAX_REFIN) {
          break;
        }
        z = Vec.sub(z, Vec.mulT(a, pinvT(z), n));
        it++;
      }
      return z;
    }

    @Override
    public double[] leastSquares(double[] x) {
      return pinvT(x);
    }

    @Override
    public double[] rowSpace(double[] x) {
      double[] z = new double[n];
      for (int j = 0; j < s.length; j++) {
        double c = Vec.dot(v[j], x) / s[j];
        for (int i = 0; i < n; i++) {
          z[i] += u[j][i] * c;
        }
      }
      return z;
    }
  }
}
