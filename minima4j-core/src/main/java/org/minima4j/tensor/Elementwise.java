package org.minima4j.tensor;

import org.minima4j.tensor.internal.Shapes;

/** Element-wise operations with broadcasting and their backward rules. */
final class Elementwise {
  static final int ADD = 0;
  static final int SUB = 1;
  static final int MUL = 2;
  static final int DIV = 3;
  static final int POW = 4;
  static final int MAX = 5;
  static final int MIN = 6;
  static final int GT = 10;
  static final int GE = 11;
  static final int LT = 12;
  static final int LE = 13;
  static final int EQ = 14;
  static final int NE = 15;
  private static final String[] NAMES = {"AddBackward", "SubBackward", "MulBackward", "DivBackward", "PowBackward",
      "MaximumBackward", "MinimumBackward"};

  private Elementwise() {}

  static void accumulate(double[] dst, double[] src) {
    if (dst != null) {
      for (int i = 0; i < dst.length; i++) {
        dst[i] += src[i];
      }
    }
  }

  private static double apply(int op, double x, double y) {
    switch (op) {
      case ADD: return x + y;
      case SUB: return x - y;
      case MUL: return x * y;
      case DIV: return x / y;
      case POW: return Math.pow(x, y);
      case MAX: return (x != x || y != y) ? Double.NaN : Math.max(x, y);
      case MIN: return (x != x || y != y) ? Double.NaN : Math.min(x, y);
      case GT: return x > y ? 1.0 : 0.0;
      case GE: return x >= y ? 1.0 : 0.0;
      case LT: return x < y ? 1.0 : 0.0;
      case LE: return x <= y ? 1.0 : 0.0;
      case EQ: return x == y ? 1.0 : 0.0;
      case NE: return x != y ? 1.0 : 0.0;
      default: throw new AssertionError(op);
    }
  }

  static Tensor binary(Tensor a, Tensor b, int op) {
    int[] outShape = Shapes.broadcast(a.shape, b.shape);
    int[] ia = Shapes.broadcastIndex(a.shape, outShape);
    int[] ib = Shapes.broadcastIndex(b.shape, outShape);
    int n = Shapes.numel(outShape);
    double[] x = a.data;
    double[] y = b.data;
    double[] out = new double[n];
    if (ia == null && ib == null) {
      switch (op) {
        case ADD: for (int i = 0; i < n; i++) { out[i] = x[i] + y[i]; } break;
        case SUB: for (int i = 0; i < n; i++) { out[i] = x[i] - y[i]; } break;
        case MUL: for (int i = 0; i < n; i++) { out[i] = x[i] * y[i]; } break;
        case DIV: for (int i = 0; i < n; i++) { out[i] = x[i] / y[i]; } break;
        default: for (int i = 0; i < n; i++) { out[i] = apply(op, x[i], y[i]); }
      }
    } else {
      for (int i = 0; i < n; i++) {
        out[i] = apply(op, x[ia == null ? i : ia[i]], y[ib == null ? i : ib[i]]);
      }
    }
    if (op >= GT) {
      return new Tensor(out, outShape);
    }
    return Tensor.fromFunction(out, outShape, NAMES[op], (g, gin) -> {
      double[] ga = gin[0];
      double[] gb = gin[1];
      for (int i = 0; i < n; i++) {
        int ja = ia == null ? i : ia[i];
        int jb = ib == null ? i : ib[i];
        double gi = g[i];
        double xa = x[ja];
        double yb = y[jb];
        switch (op) {
          case ADD:
            if (ga != null) { ga[ja] += gi; }
            if (gb != null) { gb[jb] += gi; }
            break;
          case SUB:
            if (ga != null) { ga[ja] += gi; }
            if (gb != null) { gb[jb] -= gi; }
            break;
          case MUL:
            if (ga != null) { ga[ja] += gi * yb; }
            if (gb != null) { gb[jb] += gi * xa; }
            break;
          case DIV:
            if (ga != null) { ga[ja] += gi / yb; }
            if (gb != null) { gb[jb] += -gi * xa / (yb * yb); }
            break;
          case POW:
            if (ga != null) { ga[ja] += yb == 0.0 ? 0.0 : gi * yb * Math.pow(xa, yb - 1.0); }
            if (gb != null) { gb[jb] += (xa == 0.0 && yb >= 0.0) ? 0.0 : gi * out[i] * Math.log(xa); }
            break;
          case MAX:
          case MIN: {
            boolean aWins = op == MAX ? xa > yb : xa < yb;
            boolean tie = xa == yb;
            double share = tie ? 0.5 * gi : gi;
            if (ga != null && (aWins || tie)) { ga[ja] += share; }
            if (gb != null && (!aWins || tie)) { gb[jb] += share; }
            break;
          }
          default:
            throw new AssertionError(op);
        }
      }
    }, a, b);
  }

  static Tensor compare(Tensor a, Tensor b, int op) {
    return binary(a, b, op);
  }

  static Tensor scalarAdd(Tensor a, double s) {
    double[] x = a.data;
    double[] out = new double[x.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = x[i] + s;
    }
    return Tensor.fromFunction(out, a.shape, "AddBackward", (g, gin) -> accumulate(gin[0], g), a);
  }

  static Tensor scalarMul(Tensor a, double s) {
    double[] x = a.data;
    double[] out = new double[x.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = x[i] * s;
    }
    return Tensor.fromFunction(out, a.shape, "MulBackward", (g, gin) -> {
      double[] ga = gin[0];
      for (int i = 0; i < ga.length; i++) {
        ga[i] += g[i] * s;
      }
    }, a);
  }

  static Tensor scalarDiv(Tensor a, double s) {
    double[] x = a.data;
    double[] out = new double[x.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = x[i] / s;
    }
    return Tensor.fromFunction(out, a.shape, "DivBackward", (g, gin) -> {
      double[] ga = gin[0];
      for (int i = 0; i < ga.length; i++) {
        ga[i] += g[i] / s;
      }
    }, a);
  }

  static Tensor powScalar(Tensor a, double p) {
    double[] x = a.data;
    double[] out = new double[x.length];
    if (p == 2.0) {
      for (int i = 0; i < out.length; i++) {
        out[i] = x[i] * x[i];
      }
    } else {
      for (int i = 0; i < out.length; i++) {
        out[i] = Math.pow(x[i], p);
      }
    }
    return Tensor.fromFunction(out, a.shape, "PowBackward", (g, gin) -> {
      double[] ga = gin[0];
      for (int i = 0; i < ga.length; i++) {
        ga[i] += p == 0.0 ? 0.0 : (p == 2.0 ? g[i] * 2.0 * x[i] : g[i] * p * Math.pow(x[i], p - 1.0));
      }
    }, a);
  }

  /** The element-wise functions of one argument, each with its derivative. */
  enum Unary {
    NEG("NegBackward") {
      double f(double x) { return -x; }
      double df(double x, double y) { return -1.0; }
    },
    EXP("ExpBackward") {
      double f(double x) { return Math.exp(x); }
      double df(double x, double y) { return y; }
    },
    LOG("LogBackward") {
      double f(double x) { return Math.log(x); }
      double df(double x, double y) { return 1.0 / x; }
    },
    SQRT("SqrtBackward") {
      double f(double x) { return Math.sqrt(x); }
      double df(double x, double y) { return 0.5 / y; }
    },
    ABS("AbsBackward") {
      double f(double x) { return Math.abs(x); }
      double df(double x, double y) { return Math.signum(x); }
    },
    SIN("SinBackward") {
      double f(double x) { return Math.sin(x); }
      double df(double x, double y) { return Math.cos(x); }
    },
    COS("CosBackward") {
      double f(double x) { return Math.cos(x); }
      double df(double x, double y) { return -Math.sin(x); }
    },
    TANH("TanhBackward") {
      double f(double x) { return Math.tanh(x); }
      double df(double x, double y) { return 1.0 - y * y; }
    },
    SIGMOID("SigmoidBackward") {
      double f(double x) { return 1.0 / (1.0 + Math.exp(-x)); }
      double df(double x, double y) { return y * (1.0 - y); }
    },
    RELU("ReluBackward") {
      double f(double x) { return x > 0.0 ? x : (x != x ? x : 0.0); }
      double df(double x, double y) { return y > 0.0 ? 1.0 : 0.0; }
    },
    SQUARE("PowBackward") {
      double f(double x) { return x * x; }
      double df(double x, double y) { return 2.0 * x; }
    };

    final String backwardName;

    Unary(String backwardName) {
      this.backwardName = backwardName;
    }

    abstract double f(double x);

    abstract double df(double x, double y);
  }

  static Tensor unary(Tensor a, Unary u) {
    double[] x = a.data;
    double[] out = new double[x.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = u.f(x[i]);
    }
    return Tensor.fromFunction(out, a.shape, u.backwardName, (g, gin) -> {
      double[] ga = gin[0];
      for (int i = 0; i < ga.length; i++) {
        ga[i] += g[i] * u.df(x[i], out[i]);
      }
    }, a);
  }

  /** A function of one argument with its derivative given the input and the output. */
  interface Fn {
    double f(double x);
  }

  interface DFn {
    double df(double x, double y);
  }

  static Tensor map(Tensor a, String name, Fn f, DFn df) {
    double[] x = a.data;
    double[] out = new double[x.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = f.f(x[i]);
    }
    return Tensor.fromFunction(out, a.shape, name, (g, gin) -> {
      double[] ga = gin[0];
      for (int i = 0; i < ga.length; i++) {
        ga[i] += g[i] * df.df(x[i], out[i]);
      }
    }, a);
  }

  static Tensor softplus(Tensor a, double beta, double threshold) {
    // torch: x*beta > threshold -> x, else log1p(exp(beta*x)) / beta
    return map(a, "SoftplusBackward",
        x -> x * beta > threshold ? x : Math.log1p(Math.exp(x * beta)) / beta,
        (x, y) -> {
          if (x * beta > threshold) {
            return 1.0;
          }
          double z = Math.exp(x * beta);
          return z / (z + 1.0);
        });
  }

  static Tensor leakyRelu(Tensor a, double slope) {
    return map(a, "LeakyReluBackward", x -> x > 0.0 ? x : x * slope, (x, y) -> x > 0.0 ? 1.0 : slope);
  }

  static Tensor elu(Tensor a, double alpha) {
    return map(a, "EluBackward", x -> x > 0.0 ? x : alpha * Math.expm1(x), (x, y) -> x > 0.0 ? 1.0 : y + alpha);
  }

  private static final double SQRT_2_OVER_PI = Math.sqrt(2.0 / Math.PI);
  private static final double INV_SQRT_2 = 1.0 / Math.sqrt(2.0);
  private static final double INV_SQRT_2PI = 1.0 / Math.sqrt(2.0 * Math.PI);

  static Tensor gelu(Tensor a, boolean tanh) {
    if (tanh) {
      return map(a, "GeluBackward", x -> {
        double inner = SQRT_2_OVER_PI * (x + 0.044715 * x * x * x);
        return 0.5 * x * (1.0 + Math.tanh(inner));
      }, (x, y) -> {
        double x2 = x * x;
        double inner = SQRT_2_OVER_PI * (x + 0.044715 * x2 * x);
        double t = Math.tanh(inner);
        double dInner = SQRT_2_OVER_PI * (1.0 + 3.0 * 0.044715 * x2);
        return 0.5 * (1.0 + t) + 0.5 * x * (1.0 - t * t) * dInner;
      });
    }
    return map(a, "GeluBackward", x -> 0.5 * x * (1.0 + Erf.erf(x * INV_SQRT_2)),
        (x, y) -> 0.5 * (1.0 + Erf.erf(x * INV_SQRT_2)) + x * INV_SQRT_2PI * Math.exp(-0.5 * x * x));
  }

  static Tensor clamp(Tensor a, double min, double max) {
    if (min == min && max == max && min > max) {
      throw new IllegalArgumentException("clamp: min (" + min + ") must not exceed max (" + max + ")");
    }
    double[] x = a.data;
    double[] out = new double[x.length];
    for (int i = 0; i < out.length; i++) {
      double v = x[i];
      if (min == min && v < min) {
        v = min;
      }
      if (max == max && v > max) {
        v = max;
      }
      out[i] = v;
    }
    return Tensor.fromFunction(out, a.shape, "ClampBackward", (g, gin) -> {
      double[] ga = gin[0];
      for (int i = 0; i < ga.length; i++) {
        double v = x[i];
        boolean pass = (min != min || v >= min) && (max != max || v <= max);
        if (pass) {
          ga[i] += g[i];
        }
      }
    }, a);
  }

  static Tensor where(Tensor cond, Tensor a, Tensor b) {
    int[] outShape = Shapes.broadcast(Shapes.broadcast(cond.shape, a.shape), b.shape);
    int[] ic = Shapes.broadcastIndex(cond.shape, outShape);
    int[] ia = Shapes.broadcastIndex(a.shape, outShape);
    int[] ib = Shapes.broadcastIndex(b.shape, outShape);
    int n = Shapes.numel(outShape);
    double[] c = cond.data;
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      boolean pick = c[ic == null ? i : ic[i]] != 0.0;
      out[i] = pick ? a.data[ia == null ? i : ia[i]] : b.data[ib == null ? i : ib[i]];
    }
    return Tensor.fromFunction(out, outShape, "WhereBackward", (g, gin) -> {
      for (int i = 0; i < n; i++) {
        boolean pick = c[ic == null ? i : ic[i]] != 0.0;
        if (pick && gin[1] != null) {
          gin[1][ia == null ? i : ia[i]] += g[i];
        } else if (!pick && gin[2] != null) {
          gin[2][ib == null ? i : ib[i]] += g[i];
        }
      }
    }, cond.requiresGrad() ? cond.detach() : cond, a, b);
  }
}
