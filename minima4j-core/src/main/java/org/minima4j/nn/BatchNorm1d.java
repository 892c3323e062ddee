package org.minima4j.nn;

import java.util.Arrays;
import org.minima4j.autograd.GradMode;
import org.minima4j.tensor.Tensor;

/**
 * Batch normalization over a (N, C) or (N, C, L) input, as torch.nn.BatchNorm1d (Ioffe and
 * Szegedy 2015): in training mode each channel is normalized with the batch mean and biased
 * variance, and the running statistics are updated as {@code (1 - momentum) running + momentum
 * batch} with the unbiased batch variance (with {@code momentum} null-equivalent NaN: a cumulative
 * average); in evaluation mode the running statistics are used. Defaults: eps 1e-5, momentum 0.1,
 * affine, tracking running statistics.
 */
public final class BatchNorm1d extends Module {
  private final int numFeatures;
  private final double eps;
  private final double momentum;
  private final Parameter weight;
  private final Parameter bias;
  private final Tensor runningMean;
  private final Tensor runningVar;
  private final Tensor numBatchesTracked;

  public BatchNorm1d(int numFeatures) {
    this(numFeatures, 1e-5, 0.1, true, true);
  }

  /** @param momentum the running-average factor, or NaN for a cumulative average (torch's momentum=None) */
  public BatchNorm1d(int numFeatures, double eps, double momentum, boolean affine, boolean trackRunningStats) {
    if (numFeatures < 1) {
      throw new IllegalArgumentException("BatchNorm1d: num_features must be positive, got " + numFeatures);
    }
    if (!(eps > 0)) {
      throw new IllegalArgumentException("BatchNorm1d: eps must be positive, got " + eps);
    }
    if (!Double.isNaN(momentum) && !(momentum >= 0 && momentum <= 1)) {
      throw new IllegalArgumentException("BatchNorm1d: momentum must be in [0, 1] (or NaN for a cumulative average), got " + momentum);
    }
    this.numFeatures = numFeatures;
    this.eps = eps;
    this.momentum = momentum;
    this.weight = affine ? registerParameter("weight", new Parameter(Tensor.ones(numFeatures))) : null;
    this.bias = affine ? registerParameter("bias", Parameter.zeros(numFeatures)) : null;
    if (trackRunningStats) {
      runningMean = registerBuffer("running_mean", Tensor.zeros(numFeatures));
      runningVar = registerBuffer("running_var", Tensor.ones(numFeatures));
      numBatchesTracked = registerBuffer("num_batches_tracked", Tensor.scalar(0));
    } else {
      runningMean = null;
      runningVar = null;
      numBatchesTracked = null;
    }
  }

  public Tensor runningMean() {
    return runningMean;
  }

  public Tensor runningVar() {
    return runningVar;
  }

  @Override
  public Tensor forward(Tensor input) {
    int[] s = input.shape();
    if ((s.length != 2 && s.length != 3) || s[1] != numFeatures) {
      throw new IllegalArgumentException("BatchNorm1d(" + numFeatures + "): expected 2D or 3D input (N, " + numFeatures
          + ") or (N, " + numFeatures + ", L), got shape " + Arrays.toString(s));
    }
    // channels last, one row per (sample, position)
    Tensor x = s.length == 3 ? input.transpose(1, 2).reshape(-1, numFeatures) : input;
    boolean useBatch = isTraining() || runningMean == null;
    Tensor out;
    if (useBatch) {
      int n = x.size(0);
      if (isTraining() && n <= 1) {
        throw new IllegalArgumentException("Expected more than 1 value per channel when training, got input size "
            + Arrays.toString(s));
      }
      Tensor mean = x.mean(0, true);
      Tensor var = x.var(0, 0, true);
      out = x.sub(mean).div(var.add(eps).sqrt());
      if (isTraining() && runningMean != null) {
        updateRunningStats(mean, var, n);
      }
    } else {
      Tensor mean = runningMean.reshape(1, numFeatures);
      Tensor var = runningVar.reshape(1, numFeatures);
      out = x.sub(mean).div(var.add(eps).sqrt());
    }
    if (weight != null) {
      out = out.mul(weight).add(bias);
    }
    return s.length == 3 ? out.reshape(s[0], s[2], numFeatures).transpose(1, 2) : out;
  }

  private void updateRunningStats(Tensor mean, Tensor var, int n) {
    GradMode.noGrad(() -> {
      numBatchesTracked.data()[0] += 1;
      double m = Double.isNaN(momentum) ? 1.0 / numBatchesTracked.data()[0] : momentum;
      double[] rm = runningMean.data();
      double[] rv = runningVar.data();
      double[] bm = mean.data();
      double[] bv = var.data();
      double unbias = (double) n / (n - 1);
      for (int c = 0; c < numFeatures; c++) {
        rm[c] = (1 - m) * rm[c] + m * bm[c];
        rv[c] = (1 - m) * rv[c] + m * bv[c] * unbias;
      }
    });
  }

  @Override
  protected String extraRepr() {
    return numFeatures + ", eps=" + eps + ", momentum=" + momentum + ", affine=" + (weight != null)
        + ", track_running_stats=" + (runningMean != null);
  }
}
