package org.minima4j.tensor.internal;

/**
 * Dense row-major matrix products on raw arrays: {@code C += op(A) op(B)} with optional
 * transposes. Loop orders keep the innermost loop contiguous so that C2 vectorizes it
 * (axpy form); the {@code A B^T} case transposes B into a scratch buffer when it is large enough
 * for that to pay.
 */
public final class Gemm {
  private static final int TRANSPOSE_THRESHOLD = 4096;
  private static final int KC = 256;

  private Gemm() {}

  /**
   * {@code C[m x n] += A[m x k] B[k x n]}, all row-major with the given offsets.
   */
  public static void nn(int m, int n, int k, double[] a, int aOff, double[] b, int bOff, double[] c, int cOff) {
    for (int p0 = 0; p0 < k; p0 += KC) {
      int p1 = Math.min(k, p0 + KC);
      int i = 0;
      for (; i + 3 < m; i += 4) {
        int c0 = cOff + i * n;
        int c1 = c0 + n;
        int c2 = c1 + n;
        int c3 = c2 + n;
        int a0 = aOff + i * k;
        for (int p = p0; p < p1; p++) {
          double x0 = a[a0 + p];
          double x1 = a[a0 + k + p];
          double x2 = a[a0 + 2 * k + p];
          double x3 = a[a0 + 3 * k + p];
          int bp = bOff + p * n;
          for (int j = 0; j < n; j++) {
            double bv = b[bp + j];
            c[c0 + j] += x0 * bv;
            c[c1 + j] += x1 * bv;
            c[c2 + j] += x2 * bv;
            c[c3 + j] += x3 * bv;
          }
        }
      }
      for (; i < m; i++) {
        int ci = cOff + i * n;
        int ai = aOff + i * k;
        for (int p = p0; p < p1; p++) {
          double x = a[ai + p];
          int bp = bOff + p * n;
          for (int j = 0; j < n; j++) {
            c[ci + j] += x * b[bp + j];
          }
        }
      }
    }
  }

  /** {@code C[m x n] += A[m x k] B^T} where B is stored {@code n x k}. */
  public static void nt(int m, int n, int k, double[] a, int aOff, double[] b, int bOff, double[] c, int cOff) {
    if ((long) n * k >= TRANSPOSE_THRESHOLD && m >= 8) {
      double[] bt = new double[n * k];
      transpose(n, k, b, bOff, bt, 0);
      nn(m, n, k, a, aOff, bt, 0, c, cOff);
      return;
    }
    for (int i = 0; i < m; i++) {
      int ai = aOff + i * k;
      int ci = cOff + i * n;
      for (int j = 0; j < n; j++) {
        int bj = bOff + j * k;
        double s = 0.0;
        for (int p = 0; p < k; p++) {
          s += a[ai + p] * b[bj + p];
        }
        c[ci + j] += s;
      }
    }
  }

  /** {@code C[m x n] += A^T B} where A is stored {@code k x m} and B {@code k x n}. */
  public static void tn(int m, int n, int k, double[] a, int aOff, double[] b, int bOff, double[] c, int cOff) {
    for (int p = 0; p < k; p++) {
      int ap = aOff + p * m;
      int bp = bOff + p * n;
      for (int i = 0; i < m; i++) {
        double x = a[ap + i];
        int ci = cOff + i * n;
        for (int j = 0; j < n; j++) {
          c[ci + j] += x * b[bp + j];
        }
      }
    }
  }

  /** Writes the transpose of the {@code rows x cols} matrix at {@code src} into {@code dst}. */
  public static void transpose(int rows, int cols, double[] src, int sOff, double[] dst, int dOff) {
    final int blk = 32;
    for (int i0 = 0; i0 < rows; i0 += blk) {
      int i1 = Math.min(rows, i0 + blk);
      for (int j0 = 0; j0 < cols; j0 += blk) {
        int j1 = Math.min(cols, j0 + blk);
        for (int i = i0; i < i1; i++) {
          for (int j = j0; j < j1; j++) {
            dst[dOff + j * rows + i] = src[sOff + i * cols + j];
          }
        }
      }
    }
  }
}
