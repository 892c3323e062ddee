package org.minima4j.tensor;

import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.minima4j.autograd.BackwardFunction;
import org.minima4j.autograd.GradMode;
import org.minima4j.tensor.internal.Shapes;

/**
 * A float64, row-major, contiguous n-dimensional array with reverse-mode autograd, after
 * {@code torch.Tensor}.
 *
 * <p>Every tensor owns one {@code double[]} in row-major order ({@link #data()}); {@link #reshape}
 * and {@link #view} share it, every other operation returns a new array. Operations on tensors
 * that {@linkplain #requiresGrad() require grad} record a graph while {@link GradMode} is enabled,
 * and {@link #backward()} accumulates gradients into the leaves' {@link #grad()}. Binary
 * operations broadcast as NumPy and torch do. Index-valued results ({@link #argmax(int, boolean)},
 * index arguments) hold integral values as doubles.
 *
 * <p>In-place methods ({@code ...InPlace}) work on the raw array for optimizers and no-grad code;
 * they refuse a leaf that requires grad while grad mode is on, as torch does.
 */
public class Tensor {
  final double[] data;
  final int[] shape;
  final int numel;
  private boolean requiresGrad;
  private Tensor grad;
  private boolean retainsGrad;
  final BackwardFunction backwardFn;
  final Tensor[] inputs;
  final String op;
  /** In-place modification counter, shared by tensors that share storage (torch's version counter). */
  final int[] version;
  /** Versions of the inputs and of this output when the operation was recorded. */
  final int[] savedVersions;
  // Scratch used by AutogradEngine during one backward pass.
  double[] gradAccum;
  int visitMark;

  Tensor(double[] data, int[] shape, boolean requiresGrad, BackwardFunction fn, Tensor[] inputs, String op) {
    this(data, shape, requiresGrad, fn, inputs, op, sharedVersion(data, inputs));
  }

  private Tensor(double[] data, int[] shape, boolean requiresGrad, BackwardFunction fn, Tensor[] inputs, String op,
      int[] version) {
    this.data = data;
    this.version = version;
    if (inputs != null) {
      savedVersions = new int[inputs.length + 1];
      for (int i = 0; i < inputs.length; i++) {
        savedVersions[i] = inputs[i].version[0];
      }
      savedVersions[inputs.length] = version[0];
    } else {
      savedVersions = null;
    }
    this.shape = shape;
    this.numel = Shapes.numel(shape);
    if (data.length != numel) {
      throw new IllegalArgumentException("data of length " + data.length + " does not fit shape " + Shapes.str(shape)
          + " (" + numel + " elements)");
    }
    this.requiresGrad = requiresGrad;
    this.backwardFn = fn;
    this.inputs = inputs;
    this.op = op;
  }

  /** A view (same storage as an input) shares that input's version counter; anything else gets its own. */
  private static int[] sharedVersion(double[] data, Tensor[] inputs) {
    if (inputs != null) {
      for (Tensor t : inputs) {
        if (t.data == data) {
          return t.version;
        }
      }
    }
    return new int[1];
  }

  /** A leaf tensor over {@code data} (shared, not copied) with the given shape. */
  protected Tensor(double[] data, int[] shape, boolean requiresGrad) {
    this(data, shape.clone(), requiresGrad, null, null, null);
  }

  Tensor(double[] data, int[] shape) {
    this(data, shape, false, null, null, null);
  }

  // ---------------------------------------------------------------- factories

  /** A 1-D tensor holding a copy of {@code values}. */
  public static Tensor of(double... values) {
    return new Tensor(values.clone(), new int[] {values.length});
  }

  /** A tensor of the given shape holding a copy of {@code values} (row-major). */
  public static Tensor of(double[] values, int... shape) {
    return new Tensor(values.clone(), shape.clone());
  }

  /** A 2-D tensor holding a copy of the rows, which must all have the same length. */
  public static Tensor of(double[][] rows) {
    int r = rows.length;
    int c = r == 0 ? 0 : rows[0].length;
    double[] d = new double[r * c];
    for (int i = 0; i < r; i++) {
      if (rows[i].length != c) {
        throw new IllegalArgumentException("ragged rows: row 0 has " + c + " values, row " + i + " has " + rows[i].length);
      }
      System.arraycopy(rows[i], 0, d, i * c, c);
    }
    return new Tensor(d, new int[] {r, c});
  }

  /** A tensor that uses {@code data} as its storage without copying. */
  public static Tensor wrap(double[] data, int... shape) {
    return new Tensor(data, shape.clone());
  }

  /** A 0-dim tensor. */
  public static Tensor scalar(double value) {
    return new Tensor(new double[] {value}, new int[0]);
  }

  public static Tensor zeros(int... shape) {
    return new Tensor(new double[Shapes.numel(shape)], shape.clone());
  }

  public static Tensor ones(int... shape) {
    return full(1.0, shape);
  }

  public static Tensor full(double value, int... shape) {
    double[] d = new double[Shapes.numel(shape)];
    Arrays.fill(d, value);
    return new Tensor(d, shape.clone());
  }

  public static Tensor zerosLike(Tensor t) {
    return zeros(t.shape);
  }

  public static Tensor onesLike(Tensor t) {
    return ones(t.shape);
  }

  /** {@code 0, 1, ..., end-1}. */
  public static Tensor arange(double end) {
    return arange(0, end, 1);
  }

  /** Values from {@code start} (inclusive) to {@code end} (exclusive) by {@code step}, as torch.arange. */
  public static Tensor arange(double start, double end, double step) {
    if (step == 0 || !Double.isFinite(step)) {
      throw new IllegalArgumentException("step must be finite and nonzero, got " + step);
    }
    if ((end - start) / step < 0) {
      throw new IllegalArgumentException("upper bound and larger bound inconsistent with step sign: start="
          + start + ", end=" + end + ", step=" + step);
    }
    int n = (int) Math.ceil((end - start) / step);
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      d[i] = start + i * step;
    }
    return new Tensor(d, new int[] {n});
  }

  /** {@code steps} evenly spaced values from {@code start} to {@code end} inclusive, as torch.linspace. */
  public static Tensor linspace(double start, double end, int steps) {
    if (steps < 0) {
      throw new IllegalArgumentException("number of steps must be non-negative, got " + steps);
    }
    double[] d = new double[steps];
    if (steps == 1) {
      d[0] = start;
    } else if (steps > 1) {
      double step = (end - start) / (steps - 1);
      int half = steps / 2;
      // torch fills the first half from start and the second half from end.
      for (int i = 0; i < steps; i++) {
        d[i] = i < half ? start + step * i : end - step * (steps - 1 - i);
      }
    }
    return new Tensor(d, new int[] {steps});
  }

  public static Tensor eye(int n) {
    return eye(n, n);
  }

  public static Tensor eye(int n, int m) {
    double[] d = new double[Shapes.numel(new int[] {n, m})];
    for (int i = 0; i < Math.min(n, m); i++) {
      d[i * m + i] = 1.0;
    }
    return new Tensor(d, new int[] {n, m});
  }

  /** Uniform samples on [0, 1) from {@code rng}. */
  public static Tensor rand(RandomGenerator rng, int... shape) {
    double[] d = new double[Shapes.numel(shape)];
    for (int i = 0; i < d.length; i++) {
      d[i] = rng.nextDouble();
    }
    return new Tensor(d, shape.clone());
  }

  /** Standard normal samples from {@code rng}. */
  public static Tensor randn(RandomGenerator rng, int... shape) {
    double[] d = new double[Shapes.numel(shape)];
    for (int i = 0; i < d.length; i++) {
      d[i] = rng.nextGaussian();
    }
    return new Tensor(d, shape.clone());
  }

  /** Integers uniform on {@code [low, high)} from {@code rng}. */
  public static Tensor randint(RandomGenerator rng, int low, int high, int... shape) {
    if (high <= low) {
      throw new IllegalArgumentException("randint: high (" + high + ") must be greater than low (" + low + ")");
    }
    double[] d = new double[Shapes.numel(shape)];
    for (int i = 0; i < d.length; i++) {
      d[i] = rng.nextInt(low, high);
    }
    return new Tensor(d, shape.clone());
  }

  /**
   * The output of a custom differentiable operation: {@code data} with {@code shape}, whose
   * gradient flows to {@code inputs} through {@code backward}. It records a graph node only when
   * grad mode is on and some input requires grad.
   */
  public static Tensor fromFunction(double[] data, int[] shape, String name, BackwardFunction backward, Tensor... inputs) {
    if (GradMode.isEnabled()) {
      for (Tensor t : inputs) {
        if (t.requiresGrad) {
          return new Tensor(data, shape.clone(), true, backward, inputs.clone(), name);
        }
      }
    }
    return new Tensor(data, shape.clone(), false, null, null, null, sharedVersion(data, inputs));
  }

  // ---------------------------------------------------------------- accessors

  /** The backing row-major array (not a copy): writes change the tensor. */
  public final double[] data() {
    return data;
  }

  /** A copy of the shape. */
  public final int[] shape() {
    return shape.clone();
  }

  /** Size of dimension {@code dim} (negative counts from the end). */
  public final int size(int dim) {
    return shape[Shapes.dim(dim, shape.length)];
  }

  /** Number of dimensions (0 for a scalar). */
  public final int dim() {
    return shape.length;
  }

  public final int numel() {
    return numel;
  }

  /** The value of a one-element tensor. */
  public final double item() {
    if (numel != 1) {
      throw new IllegalStateException("a Tensor with " + numel + " elements cannot be converted to a scalar");
    }
    return data[0];
  }

  /** The element at a full index (negative indices count from the end). */
  public final double get(int... index) {
    return data[offset(index)];
  }

  /** Writes one element in place (no autograd). */
  public final Tensor set(double value, int... index) {
    checkInPlace("set");
    data[offset(index)] = value;
    return this;
  }

  private int offset(int[] index) {
    if (index.length != shape.length) {
      throw new IllegalArgumentException("index of length " + index.length + " for a tensor of shape " + Shapes.str(shape));
    }
    int off = 0;
    for (int d = 0; d < shape.length; d++) {
      int i = index[d] < 0 ? index[d] + shape[d] : index[d];
      if (i < 0 || i >= shape[d]) {
        throw new IndexOutOfBoundsException("index " + index[d] + " is out of bounds for dimension " + d + " with size " + shape[d]);
      }
      off = off * shape[d] + i;
    }
    return off;
  }

  /** A copy of the values in row-major order. */
  public final double[] toArray() {
    return data.clone();
  }

  /** A copy of a 2-D tensor as rows. */
  public final double[][] toArray2d() {
    if (shape.length != 2) {
      throw new IllegalStateException("toArray2d needs a 2-D tensor, got shape " + Shapes.str(shape));
    }
    double[][] rows = new double[shape[0]][];
    for (int i = 0; i < shape[0]; i++) {
      rows[i] = Arrays.copyOfRange(data, i * shape[1], (i + 1) * shape[1]);
    }
    return rows;
  }

  // ---------------------------------------------------------------- autograd

  public final boolean requiresGrad() {
    return requiresGrad;
  }

  /** Sets whether this leaf requires grad ({@code requires_grad_}); returns this. */
  public Tensor requiresGrad(boolean value) {
    if (!isLeaf()) {
      throw new IllegalStateException("you can only change requires_grad flags of leaf variables (this tensor is the output of "
          + op + ")");
    }
    this.requiresGrad = value;
    return this;
  }

  /** True for tensors not produced by a recorded operation. */
  public final boolean isLeaf() {
    return backwardFn == null;
  }

  /** The accumulated gradient, or {@code null} when none has been computed (or it was reset). */
  public final Tensor grad() {
    return grad;
  }

  /** Replaces the gradient (null clears it). Its shape must match. */
  public final void setGrad(Tensor g) {
    if (g != null && !Arrays.equals(g.shape, shape)) {
      throw new IllegalArgumentException("assigned grad has shape " + Shapes.str(g.shape)
          + " but the tensor has shape " + Shapes.str(shape));
    }
    this.grad = g;
  }

  /** Keeps the gradient of this non-leaf tensor in {@link #grad()} after backward. */
  public final Tensor retainGrad() {
    this.retainsGrad = true;
    return this;
  }

  final boolean retainsGrad() {
    return retainsGrad;
  }

  /** Name of the operation that produced this tensor, or null for a leaf. */
  public final String gradFnName() {
    return op;
  }

  /** Backpropagates from this scalar (gradient 1). */
  public final void backward() {
    if (numel != 1) {
      throw new IllegalStateException("grad can be implicitly created only for scalar outputs; this tensor has shape "
          + Shapes.str(shape) + ", pass a gradient to backward(gradient)");
    }
    AutogradEngine.backward(this, new double[] {1.0});
  }

  /** Backpropagates from this tensor with the given gradient of the same shape. */
  public final void backward(Tensor gradient) {
    if (!Arrays.equals(gradient.shape, shape)) {
      throw new IllegalArgumentException("gradient has shape " + Shapes.str(gradient.shape)
          + " but the output has shape " + Shapes.str(shape));
    }
    AutogradEngine.backward(this, gradient.data.clone());
  }

  /** A tensor sharing this one's data, cut from the graph. */
  public final Tensor detach() {
    return new Tensor(data, shape, false, null, null, null, version);
  }

  /** A differentiable copy with its own storage. */
  public final Tensor copy() {
    double[] g = data.clone();
    return fromFunction(g, shape, "CloneBackward", (go, gi) -> Elementwise.accumulate(gi[0], go), this);
  }

  void accumulateGrad(double[] g) {
    if (grad == null) {
      grad = new Tensor(g.clone(), shape);
    } else {
      double[] d = grad.data;
      for (int i = 0; i < d.length; i++) {
        d[i] += g[i];
      }
    }
  }

  // ---------------------------------------------------------------- element-wise

  public final Tensor add(Tensor o) { return Elementwise.binary(this, o, Elementwise.ADD); }
  public final Tensor sub(Tensor o) { return Elementwise.binary(this, o, Elementwise.SUB); }
  public final Tensor mul(Tensor o) { return Elementwise.binary(this, o, Elementwise.MUL); }
  public final Tensor div(Tensor o) { return Elementwise.binary(this, o, Elementwise.DIV); }
  public final Tensor pow(Tensor o) { return Elementwise.binary(this, o, Elementwise.POW); }
  public final Tensor maximum(Tensor o) { return Elementwise.binary(this, o, Elementwise.MAX); }
  public final Tensor minimum(Tensor o) { return Elementwise.binary(this, o, Elementwise.MIN); }
  /** {@code this + alpha * o}, as torch.add with alpha. */
  public final Tensor add(Tensor o, double alpha) { return add(o.mul(alpha)); }

  public final Tensor add(double s) { return Elementwise.scalarAdd(this, s); }
  public final Tensor sub(double s) { return Elementwise.scalarAdd(this, -s); }
  public final Tensor mul(double s) { return Elementwise.scalarMul(this, s); }
  public final Tensor div(double s) { return Elementwise.scalarDiv(this, s); }
  public final Tensor pow(double p) { return Elementwise.powScalar(this, p); }
  /** {@code s - this}. */
  public final Tensor rsub(double s) { return neg().add(s); }

  public final Tensor neg() { return Elementwise.unary(this, Elementwise.Unary.NEG); }
  public final Tensor exp() { return Elementwise.unary(this, Elementwise.Unary.EXP); }
  public final Tensor log() { return Elementwise.unary(this, Elementwise.Unary.LOG); }
  public final Tensor sqrt() { return Elementwise.unary(this, Elementwise.Unary.SQRT); }
  public final Tensor abs() { return Elementwise.unary(this, Elementwise.Unary.ABS); }
  public final Tensor sin() { return Elementwise.unary(this, Elementwise.Unary.SIN); }
  public final Tensor cos() { return Elementwise.unary(this, Elementwise.Unary.COS); }
  public final Tensor tanh() { return Elementwise.unary(this, Elementwise.Unary.TANH); }
  public final Tensor sigmoid() { return Elementwise.unary(this, Elementwise.Unary.SIGMOID); }
  public final Tensor relu() { return Elementwise.unary(this, Elementwise.Unary.RELU); }
  public final Tensor square() { return Elementwise.unary(this, Elementwise.Unary.SQUARE); }
  /** {@code log(1 + exp(x))}, with torch's defaults beta 1 and threshold 20. */
  public final Tensor softplus() { return Elementwise.softplus(this, 1.0, 20.0); }
  public final Tensor softplus(double beta, double threshold) { return Elementwise.softplus(this, beta, threshold); }
  public final Tensor leakyRelu(double negativeSlope) { return Elementwise.leakyRelu(this, negativeSlope); }
  public final Tensor elu(double alpha) { return Elementwise.elu(this, alpha); }
  /** GELU; {@code tanhApproximation} selects torch's {@code approximate='tanh'}. */
  public final Tensor gelu(boolean tanhApproximation) { return Elementwise.gelu(this, tanhApproximation); }
  /** Clamps into {@code [min, max]}; pass NaN for an open side. Gradient flows where min <= x <= max. */
  public final Tensor clamp(double min, double max) { return Elementwise.clamp(this, min, max); }
  public final Tensor clampMin(double min) { return clamp(min, Double.NaN); }
  public final Tensor clampMax(double max) { return clamp(Double.NaN, max); }

  // comparisons: 1.0 where true, 0.0 where false; never require grad
  public final Tensor gt(Tensor o) { return Elementwise.compare(this, o, Elementwise.GT); }
  public final Tensor ge(Tensor o) { return Elementwise.compare(this, o, Elementwise.GE); }
  public final Tensor lt(Tensor o) { return Elementwise.compare(this, o, Elementwise.LT); }
  public final Tensor le(Tensor o) { return Elementwise.compare(this, o, Elementwise.LE); }
  public final Tensor eq(Tensor o) { return Elementwise.compare(this, o, Elementwise.EQ); }
  public final Tensor ne(Tensor o) { return Elementwise.compare(this, o, Elementwise.NE); }
  public final Tensor gt(double s) { return gt(scalar(s)); }
  public final Tensor ge(double s) { return ge(scalar(s)); }
  public final Tensor lt(double s) { return lt(scalar(s)); }
  public final Tensor le(double s) { return le(scalar(s)); }
  public final Tensor eq(double s) { return eq(scalar(s)); }
  public final Tensor ne(double s) { return ne(scalar(s)); }

  /** Element-wise {@code condition != 0 ? a : b}, broadcasting all three. */
  public static Tensor where(Tensor condition, Tensor a, Tensor b) {
    return Elementwise.where(condition, a, b);
  }

  // ---------------------------------------------------------------- reductions

  /** Sum of all elements (a 0-dim tensor). */
  public final Tensor sum() { return Reductions.sumAll(this); }
  public final Tensor sum(int dim, boolean keepdim) { return Reductions.sum(this, dim, keepdim); }
  public final Tensor sum(int dim) { return sum(dim, false); }
  public final Tensor mean() { return Reductions.sumAll(this).div(numel); }
  public final Tensor mean(int dim, boolean keepdim) {
    int n = shape.length == 0 ? 1 : shape[Shapes.dim(dim, shape.length)];
    return Reductions.sum(this, dim, keepdim).div(n);
  }
  public final Tensor mean(int dim) { return mean(dim, false); }
  /** Maximum of all elements; ties share the gradient evenly, as torch. */
  public final Tensor max() { return Reductions.extremeAll(this, true); }
  public final Tensor min() { return Reductions.extremeAll(this, false); }
  /** Maximum along {@code dim}; the gradient goes to the first maximal element. */
  public final Tensor max(int dim, boolean keepdim) { return Reductions.extreme(this, dim, keepdim, true); }
  public final Tensor min(int dim, boolean keepdim) { return Reductions.extreme(this, dim, keepdim, false); }
  /** Index of the first maximum along {@code dim}. */
  public final Tensor argmax(int dim, boolean keepdim) { return Reductions.argExtreme(this, dim, keepdim, true); }
  public final Tensor argmin(int dim, boolean keepdim) { return Reductions.argExtreme(this, dim, keepdim, false); }
  /** Flat index of the first maximum. */
  public final int argmax() { return Reductions.argExtremeAll(this, true); }
  public final int argmin() { return Reductions.argExtremeAll(this, false); }
  /** Variance along {@code dim} with Bessel's correction ({@code correction} 1), as torch.var. */
  public final Tensor var(int dim, boolean keepdim) { return Reductions.var(this, dim, 1, keepdim); }
  public final Tensor var(int dim, int correction, boolean keepdim) { return Reductions.var(this, dim, correction, keepdim); }
  public final Tensor var() { return reshape(-1).var(0, 1, false); }
  public final Tensor std(int dim, boolean keepdim) { return var(dim, keepdim).sqrt(); }
  public final Tensor std(int dim, int correction, boolean keepdim) { return var(dim, correction, keepdim).sqrt(); }
  public final Tensor std() { return var().sqrt(); }
  public final Tensor logsumexp(int dim, boolean keepdim) { return Reductions.logsumexp(this, dim, keepdim); }
  public final Tensor softmax(int dim) { return Reductions.softmax(this, dim, false); }
  public final Tensor logSoftmax(int dim) { return Reductions.softmax(this, dim, true); }

  // ---------------------------------------------------------------- shape

  /** Same data with a new shape (one dimension may be -1); shares storage. */
  public final Tensor reshape(int... newShape) { return ShapeOps.reshape(this, newShape); }
  /** Alias of {@link #reshape}: every tensor is contiguous, so a view always exists. */
  public final Tensor view(int... newShape) { return ShapeOps.reshape(this, newShape); }
  public final Tensor flatten() { return reshape(-1); }
  public final Tensor flatten(int startDim, int endDim) { return ShapeOps.flatten(this, startDim, endDim); }
  public final Tensor transpose(int dim0, int dim1) { return ShapeOps.transpose(this, dim0, dim1); }
  /** Transpose of a matrix (a 0-D or 1-D tensor is returned as is). */
  public final Tensor t() {
    if (shape.length > 2) {
      throw new IllegalStateException("t() expects a tensor with <= 2 dimensions, but self is " + shape.length + "D");
    }
    return shape.length < 2 ? this : transpose(0, 1);
  }
  public final Tensor permute(int... dims) { return ShapeOps.permute(this, dims); }
  public final Tensor squeeze() { return ShapeOps.squeeze(this); }
  public final Tensor squeeze(int dim) { return ShapeOps.squeeze(this, dim); }
  public final Tensor unsqueeze(int dim) { return ShapeOps.unsqueeze(this, dim); }
  /** Broadcasts to {@code shape} (a copy), as torch.expand followed by contiguous. */
  public final Tensor expand(int... newShape) { return ShapeOps.expand(this, newShape); }
  public static Tensor cat(List<Tensor> tensors, int dim) { return ShapeOps.cat(tensors, dim); }
  public static Tensor stack(List<Tensor> tensors, int dim) { return ShapeOps.stack(tensors, dim); }
  /** Elements {@code start .. start+length-1} along {@code dim}. */
  public final Tensor narrow(int dim, int start, int length) { return ShapeOps.slice(this, dim, start, start + length, 1); }
  /** Python-style slice {@code [start:end:step]} along {@code dim}; negative bounds count from the end. */
  public final Tensor slice(int dim, int start, int end, int step) { return ShapeOps.slice(this, dim, start, end, step); }
  /** The sub-tensor at {@code index} along {@code dim}, which is removed. */
  public final Tensor select(int dim, int index) { return ShapeOps.select(this, dim, index); }
  public final Tensor indexSelect(int dim, int... index) { return IndexOps.indexSelect(this, dim, index); }
  public final Tensor indexSelect(int dim, Tensor index) { return IndexOps.indexSelect(this, dim, IndexOps.toIndices(index, "index")); }
  /** {@code out[i][j] = this[index[i][j]][j]} for dim 0 (and so on), as torch.gather. */
  public final Tensor gather(int dim, Tensor index) { return IndexOps.gather(this, dim, index); }

  // ---------------------------------------------------------------- linear algebra

  /** Matrix product with torch.matmul's rules (1-D, 2-D, batched with broadcasting). */
  public final Tensor matmul(Tensor o) { return LinAlg.matmul(this, o); }

  // ---------------------------------------------------------------- in place (no autograd)

  private void checkInPlace(String what) {
    if (requiresGrad && isLeaf() && GradMode.isEnabled()) {
      throw new IllegalStateException("a leaf Variable that requires grad is being used in an in-place operation (" + what
          + "); wrap it in GradMode.noGrad()");
    }
    version[0]++;
  }

  /**
   * Records that the values were changed in place through {@link #data()} (optimizers call this),
   * so that a recorded operation that used the old values refuses to backpropagate, as torch's
   * version counter does.
   */
  public final void markModified() {
    version[0]++;
  }

  /** The in-place modification count (shared with views of the same storage). */
  public final int version() {
    return version[0];
  }

  private void checkSameShape(Tensor o, String what) {
    if (o.numel != numel || !Arrays.equals(o.shape, shape)) {
      throw new IllegalArgumentException(what + ": shape " + Shapes.str(o.shape) + " does not match shape " + Shapes.str(shape));
    }
  }

  /** {@code this += alpha * o} on the raw data. */
  public final Tensor addInPlace(Tensor o, double alpha) {
    checkInPlace("addInPlace");
    checkSameShape(o, "addInPlace");
    double[] a = data;
    double[] b = o.data;
    for (int i = 0; i < a.length; i++) {
      a[i] += alpha * b[i];
    }
    return this;
  }

  public final Tensor addInPlace(Tensor o) {
    checkInPlace("addInPlace");
    checkSameShape(o, "addInPlace");
    double[] a = data;
    double[] b = o.data;
    for (int i = 0; i < a.length; i++) {
      a[i] += b[i];
    }
    return this;
  }

  public final Tensor subInPlace(Tensor o) {
    return addInPlace(o, -1.0);
  }

  public final Tensor mulInPlace(Tensor o) {
    checkInPlace("mulInPlace");
    checkSameShape(o, "mulInPlace");
    for (int i = 0; i < data.length; i++) {
      data[i] *= o.data[i];
    }
    return this;
  }

  public final Tensor mulInPlace(double s) {
    checkInPlace("mulInPlace");
    for (int i = 0; i < data.length; i++) {
      data[i] *= s;
    }
    return this;
  }

  public final Tensor divInPlace(Tensor o) {
    checkInPlace("divInPlace");
    checkSameShape(o, "divInPlace");
    for (int i = 0; i < data.length; i++) {
      data[i] /= o.data[i];
    }
    return this;
  }

  public final Tensor addInPlace(double s) {
    checkInPlace("addInPlace");
    for (int i = 0; i < data.length; i++) {
      data[i] += s;
    }
    return this;
  }

  /** {@code this += value * t1 * t2}, as torch.addcmul_. */
  public final Tensor addcmulInPlace(Tensor t1, Tensor t2, double value) {
    checkInPlace("addcmulInPlace");
    checkSameShape(t1, "addcmulInPlace");
    checkSameShape(t2, "addcmulInPlace");
    for (int i = 0; i < data.length; i++) {
      data[i] += value * t1.data[i] * t2.data[i];
    }
    return this;
  }

  /** {@code this += value * t1 / t2}, as torch.addcdiv_. */
  public final Tensor addcdivInPlace(Tensor t1, Tensor t2, double value) {
    checkInPlace("addcdivInPlace");
    checkSameShape(t1, "addcdivInPlace");
    checkSameShape(t2, "addcdivInPlace");
    for (int i = 0; i < data.length; i++) {
      data[i] += value * (t1.data[i] / t2.data[i]);
    }
    return this;
  }

  public final Tensor clampInPlace(double min, double max) {
    checkInPlace("clampInPlace");
    for (int i = 0; i < data.length; i++) {
      double v = data[i];
      if (v < min) {
        v = min;
      }
      if (v > max) {
        v = max;
      }
      data[i] = v;
    }
    return this;
  }

  public final Tensor fillInPlace(double value) {
    checkInPlace("fillInPlace");
    Arrays.fill(data, value);
    return this;
  }

  public final Tensor zeroInPlace() {
    return fillInPlace(0.0);
  }

  /** Copies {@code src}'s values into this tensor (same number of elements). */
  public final Tensor copyFrom(Tensor src) {
    checkInPlace("copyFrom");
    if (src.numel != numel) {
      throw new IllegalArgumentException("copyFrom: source has shape " + Shapes.str(src.shape)
          + " but destination has shape " + Shapes.str(shape));
    }
    System.arraycopy(src.data, 0, data, 0, numel);
    return this;
  }

  /** Copies {@code src}'s values into this tensor (same number of elements). */
  public final Tensor copyFrom(double[] src) {
    checkInPlace("copyFrom");
    if (src.length != numel) {
      throw new IllegalArgumentException("copyFrom: source has " + src.length + " values but destination has shape "
          + Shapes.str(shape));
    }
    System.arraycopy(src, 0, data, 0, numel);
    return this;
  }

  /** True when both tensors have the same shape and every pair of values is within {@code atol + rtol*|other|}. */
  public final boolean allClose(Tensor other, double rtol, double atol) {
    if (!Arrays.equals(shape, other.shape)) {
      return false;
    }
    for (int i = 0; i < numel; i++) {
      double a = data[i];
      double b = other.data[i];
      if (a == b) {
        continue;
      }
      if (!(Math.abs(a - b) <= atol + rtol * Math.abs(b))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("tensor(");
    if (numel <= 100) {
      format(sb, 0, 0);
    } else {
      sb.append("[").append(numel).append(" values]");
    }
    sb.append(", shape=").append(Arrays.toString(shape));
    if (op != null) {
      sb.append(", grad_fn=").append(op);
    } else if (requiresGrad) {
      sb.append(", requires_grad=true");
    }
    return sb.append(')').toString();
  }

  private int format(StringBuilder sb, int d, int off) {
    if (d == shape.length) {
      sb.append(data[off]);
      return off + 1;
    }
    sb.append('[');
    for (int i = 0; i < shape[d]; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      off = format(sb, d + 1, off);
    }
    sb.append(']');
    return off;
  }
}
