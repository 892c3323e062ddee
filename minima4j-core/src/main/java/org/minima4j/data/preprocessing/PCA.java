package org.minima4j.data.preprocessing;

import org.minima4j.tensor.Tensor;
import org.minima4j.tensor.internal.SymmetricEigen;

/**
 * Principal component analysis with optional whitening, and ZCA whitening.
 *
 * <p>PCA follows scikit-learn's PCA: components are the eigenvectors of the sample covariance
 * (denominator n - 1) in order of decreasing explained variance, signed as scikit-learn's
 * {@code svd_flip} does (the largest-magnitude training projection on each component is
 * positive); {@code transform} projects the centered data, divided by {@code sqrt(explained
 * variance)} when whitening.
 *
 * <p>ZCA ({@link #zca}, Bell and Sejnowski 1997) rotates the whitened components back:
 * {@code (x - mean) V diag(1/sqrt(lambda + eps)) V^T}, so the output has identity covariance and
 * stays as close as possible to the input.
 */
public final class PCA extends Transformer {
  private final int nComponents;
  private final boolean whiten;
  private final boolean zca;
  private final double eps;
  private double[] mean;
  private double[][] components;
  private double[] explainedVariance;

  /** PCA keeping {@code nComponents} (0 keeps all), whitened or not. */
  public PCA(int nComponents, boolean whiten) {
    this(nComponents, whiten, false, 0.0);
  }

  private PCA(int nComponents, boolean whiten, boolean zca, double eps) {
    if (nComponents < 0) {
      throw new IllegalArgumentException("n_components must be >= 0 (0 keeps all), got " + nComponents);
    }
    if (!(eps >= 0)) {
      throw new IllegalArgumentException("eps must be >= 0, got " + eps);
    }
    this.nComponents = nComponents;
    this.whiten = whiten;
    this.zca = zca;
    this.eps = eps;
  }

  /** ZCA whitening with {@code eps} added to the eigenvalues (for degenerate directions). */
  public static PCA zca(double eps) {
    return new PCA(0, true, true, eps);
  }

  /** The components as rows (k x d). */
  public double[][] components() {
    double[][] c = new double[components.length][];
    for (int i = 0; i < c.length; i++) {
      c[i] = components[i].clone();
    }
    return c;
  }

  public double[] explainedVariance() {
    return explainedVariance.clone();
  }

  @Override
  protected void doFit(double[][] x) {
    int n = x.length;
    int d = x[0].length;
    if (n < 2) {
      throw new IllegalArgumentException("PCA needs at least 2 samples, got " + n);
    }
    int k = nComponents == 0 ? d : nComponents;
    if (k > Math.min(n, d)) {
      throw new IllegalArgumentException("n_components=" + k + " must be between 0 and min(n_samples, n_features)="
          + Math.min(n, d));
    }
    mean = new double[d];
    for (double[] row : x) {
      for (int j = 0; j < d; j++) {
        mean[j] += row[j];
      }
    }
    for (int j = 0; j < d; j++) {
      mean[j] /= n;
    }
    double[][] cov = new double[d][d];
    for (double[] row : x) {
      for (int a = 0; a < d; a++) {
        double ca = row[a] - mean[a];
        for (int b = a; b < d; b++) {
          cov[a][b] += ca * (row[b] - mean[b]);
        }
      }
    }
    for (int a = 0; a < d; a++) {
      for (int b = a; b < d; b++) {
        cov[a][b] /= (n - 1);
        cov[b][a] = cov[a][b];
      }
    }
    SymmetricEigen e = SymmetricEigen.of(cov);
    components = new double[k][d];
    explainedVariance = new double[k];
    for (int c = 0; c < k; c++) {
      int col = d - 1 - c; // eigenvalues ascend
      explainedVariance[c] = Math.max(e.values[col], 0.0);
      for (int j = 0; j < d; j++) {
        components[c][j] = e.vectors[j][col];
      }
      flipSign(x, components[c]);
    }
  }

  /** scikit-learn's svd_flip (u-based): the training sample with the largest |projection| projects positively. */
  private void flipSign(double[][] x, double[] v) {
    double best = -1;
    double sign = 1;
    for (double[] row : x) {
      double p = 0;
      for (int j = 0; j < v.length; j++) {
        p += (row[j] - mean[j]) * v[j];
      }
      if (Math.abs(p) > best) {
        best = Math.abs(p);
        sign = p < 0 ? -1 : 1;
      }
    }
    for (int j = 0; j < v.length; j++) {
      v[j] *= sign;
    }
  }

  @Override
  protected Tensor doTransform(double[][] x) {
    int d = mean.length;
    int k = components.length;
    double[][] out = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      double[] proj = new double[k];
      for (int c = 0; c < k; c++) {
        double p = 0;
        for (int j = 0; j < d; j++) {
          p += (x[i][j] - mean[j]) * components[c][j];
        }
        proj[c] = whiten ? p / Math.sqrt(explainedVariance[c] + eps) : p;
      }
      if (zca) {
        double[] back = new double[d];
        for (int c = 0; c < k; c++) {
          for (int j = 0; j < d; j++) {
            back[j] += proj[c] * components[c][j];
          }
        }
        out[i] = back;
      } else {
        out[i] = proj;
      }
    }
    return matrix(out, zca ? d : k);
  }
}
