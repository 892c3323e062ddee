package org.minima4j.tensor;

import org.minima4j.tensor.internal.Shapes;

/**
 * Reductions along one dimension and over all elements, with their backward rules. A reduction
 * over dimension {@code d} views the tensor as {@code [outer, n, inner]}.
 */
final class Reductions {
  private Reductions() {}

  static Tensor sumAll(Tensor a) {
    double[] x = a.data;
    double s = 0.0;
    for (double v : x) {
      s += v;
    }
    return Tensor.fromFunction(new double[] {s}, new int[0], "SumBackward", (g, gin) -> {
      double[] ga = gin[0];
      double gv = g[0];
      for (int i = 0; i < ga.length; i++) {
        ga[i] += gv;
      }
    }, a);
  }

  static Tensor sum(Tensor a, int dim, boolean keepdim) {
    int d = Shapes.dim(dim, a.shape.length);
    if (a.shape.length == 0) {
      return sumAll(a);
    }
    int outer = Shapes.prod(a.shape, 0, d);
    int n = a.shape[d];
    int inner = Shapes.prod(a.shape, d + 1, a.shape.length);
    double[] x = a.data;
    double[] out = new double[outer * inner];
    for (int o = 0; o < outer; o++) {
      int base = o * n * inner;
      int ob = o * inner;
      for (int k = 0; k < n; k++) {
        int row = base + k * inner;
        for (int i = 0; i < inner; i++) {
          out[ob + i] += x[row + i];
        }
      }
    }
    return Tensor.fromFunction(out, Shapes.reduced(a.shape, d, keepdim), "SumBackward", (g, gin) -> {
      double[] ga = gin[0];
      for (int o = 0; o < outer; o++) {
        for (int k = 0; k < n; k++) {
          int row = (o * n + k) * inner;
          for (int i = 0; i < inner; i++) {
            ga[row + i] += g[o * inner + i];
          }
        }
      }
    }, a);
  }

  static Tensor extremeAll(Tensor a, boolean max) {
    if (a.numel == 0) {
      throw new IllegalArgumentException((max ? "max" : "min") + "(): expected a non-empty tensor");
    }
    double[] x = a.data;
    double best = x[0];
    for (double v : x) {
      if (v != v) {
        best = v;
        break;
      }
      if (max ? v > best : v < best) {
        best = v;
      }
    }
    double m = best;
    return Tensor.fromFunction(new double[] {m}, new int[0], max ? "MaxBackward" : "MinBackward", (g, gin) -> {
      int count = 0;
      for (double v : x) {
        if (v == m || (v != v && m != m)) {
          count++;
        }
      }
      double share = g[0] / count;
      double[] ga = gin[0];
      for (int i = 0; i < x.length; i++) {
        if (x[i] == m || (x[i] != x[i] && m != m)) {
          ga[i] += share;
        }
      }
    }, a);
  }

  /** Index (within the reduced dimension) of the first extreme element, NaN counting as extreme. */
  private static int[] argIndices(Tensor a, int d, boolean max) {
    int outer = Shapes.prod(a.shape, 0, d);
    int n = a.shape[d];
    int inner = Shapes.prod(a.shape, d + 1, a.shape.length);
    if (n == 0) {
      throw new IllegalArgumentException("cannot reduce over a zero-size dimension " + d + " of shape " + Shapes.str(a.shape));
    }
    double[] x = a.data;
    int[] idx = new int[outer * inner];
    for (int o = 0; o < outer; o++) {
      for (int i = 0; i < inner; i++) {
        int bestK = 0;
        double best = x[o * n * inner + i];
        if (best == best) {
          for (int k = 1; k < n; k++) {
            double v = x[(o * n + k) * inner + i];
            if (v != v) {
              bestK = k;
              break;
            }
            if (max ? v > best : v < best) {
              best = v;
              bestK = k;
            }
          }
        }
        idx[o * inner + i] = bestK;
      }
    }
    return idx;
  }

  static Tensor extreme(Tensor a, int dim, boolean keepdim, boolean max) {
    if (a.shape.length == 0) {
      return extremeAll(a, max);
    }
    int d = Shapes.dim(dim, a.shape.length);
    int n = a.shape[d];
    int inner = Shapes.prod(a.shape, d + 1, a.shape.length);
    int[] idx = argIndices(a, d, max);
    double[] x = a.data;
    double[] out = new double[idx.length];
    for (int j = 0; j < idx.length; j++) {
      int o = j / inner;
      int i = j % inner;
      out[j] = x[(o * n + idx[j]) * inner + i];
    }
    return Tensor.fromFunction(out, Shapes.reduced(a.shape, d, keepdim), max ? "MaxBackward" : "MinBackward", (g, gin) -> {
      double[] ga = gin[0];
      for (int j = 0; j < idx.length; j++) {
        int o = j / inner;
        int i = j % inner;
        ga[(o * n + idx[j]) * inner + i] += g[j];
      }
    }, a);
  }

  static Tensor argExtreme(Tensor a, int dim, boolean keepdim, boolean max) {
    if (a.shape.length == 0) {
      return Tensor.scalar(0);
    }
    int d = Shapes.dim(dim, a.shape.length);
    int[] idx = argIndices(a, d, max);
    double[] out = new double[idx.length];
    for (int j = 0; j < idx.length; j++) {
      out[j] = idx[j];
    }
    return new Tensor(out, Shapes.reduced(a.shape, d, keepdim));
  }

  static int argExtremeAll(Tensor a, boolean max) {
    if (a.numel == 0) {
      throw new IllegalArgumentException("argmax/argmin of an empty tensor");
    }
    return argIndices(a.detach().reshape(-1), 0, max)[0];
  }

  static Tensor var(Tensor a, int dim, int correction, boolean keepdim) {
    int d = Shapes.dim(dim, a.shape.length);
    int outer = Shapes.prod(a.shape, 0, d);
    int n = a.shape.length == 0 ? 1 : a.shape[d];
    int inner = a.shape.length == 0 ? 1 : Shapes.prod(a.shape, d + 1, a.shape.length);
    double[] x = a.data;
    double[] mean = new double[outer * inner];
    double[] out = new double[outer * inner];
    double denom = Math.max(0, n - correction);
    for (int o = 0; o < outer; o++) {
      for (int i = 0; i < inner; i++) {
        double s = 0.0;
        for (int k = 0; k < n; k++) {
          s += x[(o * n + k) * inner + i];
        }
        double mu = s / n;
        double ss = 0.0;
        for (int k = 0; k < n; k++) {
          double dv = x[(o * n + k) * inner + i] - mu;
          ss += dv * dv;
        }
        mean[o * inner + i] = mu;
        out[o * inner + i] = ss / denom;
      }
    }
    int[] outShape = a.shape.length == 0 ? new int[0] : Shapes.reduced(a.shape, d, keepdim);
    return Tensor.fromFunction(out, outShape, "VarBackward", (g, gin) -> {
      double[] ga = gin[0];
      for (int o = 0; o < outer; o++) {
        for (int i = 0; i < inner; i++) {
          double c = 2.0 * g[o * inner + i] / denom;
          double mu = mean[o * inner + i];
          for (int k = 0; k < n; k++) {
            int p = (o * n + k) * inner + i;
            ga[p] += c * (x[p] - mu);
          }
        }
      }
    }, a);
  }

  static Tensor logsumexp(Tensor a, int dim, boolean keepdim) {
    int d = Shapes.dim(dim, a.shape.length);
    int outer = Shapes.prod(a.shape, 0, d);
    int n = a.shape.length == 0 ? 1 : a.shape[d];
    int inner = a.shape.length == 0 ? 1 : Shapes.prod(a.shape, d + 1, a.shape.length);
    double[] x = a.data;
    double[] out = new double[outer * inner];
    for (int o = 0; o < outer; o++) {
      for (int i = 0; i < inner; i++) {
        double m = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < n; k++) {
          m = Math.max(m, x[(o * n + k) * inner + i]);
        }
        double mm = Double.isInfinite(m) ? 0.0 : m;
        double s = 0.0;
        for (int k = 0; k < n; k++) {
          s += Math.exp(x[(o * n + k) * inner + i] - mm);
        }
        out[o * inner + i] = Math.log(s) + mm;
      }
    }
    int[] outShape = a.shape.length == 0 ? new int[0] : Shapes.reduced(a.shape, d, keepdim);
    return Tensor.fromFunction(out, outShape, "LogsumexpBackward", (g, gin) -> {
      double[] ga = gin[0];
      for (int o = 0; o < outer; o++) {
        for (int i = 0; i < inner; i++) {
          double lse = out[o * inner + i];
          double gv = g[o * inner + i];
          for (int k = 0; k < n; k++) {
            int p = (o * n + k) * inner + i;
            ga[p] += gv * Math.exp(x[p] - lse);
          }
        }
      }
    }, a);
  }

  /** softmax or log_softmax along {@code dim}, computed with the max subtracted as torch does. */
  static Tensor softmax(Tensor a, int dim, boolean log) {
    int d = Shapes.dim(dim, a.shape.length);
    int outer = Shapes.prod(a.shape, 0, d);
    int n = a.shape.length == 0 ? 1 : a.shape[d];
    int inner = a.shape.length == 0 ? 1 : Shapes.prod(a.shape, d + 1, a.shape.length);
    double[] x = a.data;
    double[] out = new double[x.length];
    for (int o = 0; o < outer; o++) {
      for (int i = 0; i < inner; i++) {
        double m = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < n; k++) {
          m = Math.max(m, x[(o * n + k) * inner + i]);
        }
        double s = 0.0;
        for (int k = 0; k < n; k++) {
          int p = (o * n + k) * inner + i;
          double e = Math.exp(x[p] - m);
          s += e;
          if (!log) {
            out[p] = e;
          }
        }
        if (log) {
          double ls = Math.log(s);
          for (int k = 0; k < n; k++) {
            int p = (o * n + k) * inner + i;
            out[p] = x[p] - m - ls;
          }
        } else {
          for (int k = 0; k < n; k++) {
            out[(o * n + k) * inner + i] /= s;
          }
        }
      }
    }
    return Tensor.fromFunction(out, a.shape, log ? "LogSoftmaxBackward" : "SoftmaxBackward", (g, gin) -> {
      double[] ga = gin[0];
      for (int o = 0; o < outer; o++) {
        for (int i = 0; i < inner; i++) {
          double dot = 0.0;
          for (int k = 0; k < n; k++) {
            int p = (o * n + k) * inner + i;
            dot += log ? g[p] : g[p] * out[p];
          }
          for (int k = 0; k < n; k++) {
            int p = (o * n + k) * inner + i;
            ga[p] += log ? g[p] - Math.exp(out[p]) * dot : out[p] * (g[p] - dot);
          }
        }
      }
    }, a);
  }
}
