package org.minima4j.autograd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.minima4j.nn.ELU;
import org.minima4j.nn.Flatten;
import org.minima4j.nn.Functional;
import org.minima4j.nn.GELU;
import org.minima4j.nn.LeakyReLU;
import org.minima4j.nn.Linear;
import org.minima4j.nn.LogSoftmax;
import org.minima4j.nn.Losses;
import org.minima4j.nn.Module;
import org.minima4j.nn.ReLU;
import org.minima4j.nn.Sequential;
import org.minima4j.nn.Sigmoid;
import org.minima4j.nn.Softmax;
import org.minima4j.nn.Tanh;
import org.minima4j.tensor.Tensor;

/** Every differentiable op, layer and loss against central finite differences (torch's gradcheck tolerances). */
class GradCheckOpsTest {
  private static final SplittableRandom RNG = new SplittableRandom(7);

  /** Values in [lo, hi) kept at least 0.05 away from 0 (kinks of abs/relu), deterministic. */
  private static Tensor r(double lo, double hi, int... shape) {
    Tensor t = Tensor.rand(RNG, shape);
    double[] d = t.data();
    for (int i = 0; i < d.length; i++) {
      double v = lo + (hi - lo) * d[i];
      if (Math.abs(v) < 0.05) {
        v = v < 0 ? -0.05 - 0.1 * d[i] : 0.05 + 0.1 * d[i];
      }
      d[i] = v;
    }
    return t;
  }

  private static Tensor pos(int... shape) {
    return r(0.5, 2.0, shape);
  }

  private static Arguments c(String name, Function<Tensor[], Tensor> f, Tensor... in) {
    return Arguments.of(name, f, in);
  }

  private static Function<Tensor[], Tensor> layer(Module m) {
    return x -> m.forward(x[0]);
  }

  static Stream<Arguments> cases() {
    Tensor classes = Tensor.of(2, 0, 1, 2);
    Tensor probsTarget = Tensor.of(new double[] {0, 1, 1, 0, 0.3, 0.8}, 2, 3);
    return Stream.of(
        c("add", x -> x[0].add(x[1]), r(-1, 1, 3, 4), r(-1, 1, 3, 4)),
        c("add broadcast row", x -> x[0].add(x[1]), r(-1, 1, 3, 4), r(-1, 1, 4)),
        c("add broadcast both", x -> x[0].add(x[1]), r(-1, 1, 3, 1), r(-1, 1, 1, 4)),
        c("sub broadcast", x -> x[0].sub(x[1]), r(-1, 1, 2, 3, 4), r(-1, 1, 3, 1)),
        c("mul broadcast", x -> x[0].mul(x[1]), r(-1, 1, 2, 3), r(-1, 1, 2, 1)),
        c("div", x -> x[0].div(x[1]), r(-1, 1, 2, 3), pos(2, 3)),
        c("div broadcast scalar tensor", x -> x[0].div(x[1]), r(-1, 1, 2, 3), pos()),
        c("pow tensor", x -> x[0].pow(x[1]), pos(2, 3), r(-2, 2, 2, 3)),
        c("maximum", x -> x[0].maximum(x[1]), r(-1, 1, 5), r(-1, 1, 5)),
        c("minimum", x -> x[0].minimum(x[1]), r(-1, 1, 5), r(-1, 1, 5)),
        c("add scalar", x -> x[0].add(2.5), r(-1, 1, 3)),
        c("mul scalar", x -> x[0].mul(-1.5), r(-1, 1, 3)),
        c("div scalar", x -> x[0].div(4.0), r(-1, 1, 3)),
        c("rsub", x -> x[0].rsub(1.0), r(-1, 1, 3)),
        c("pow scalar", x -> x[0].pow(3.0), r(-1, 1, 4)),
        c("pow 2", x -> x[0].pow(2.0), r(-1, 1, 4)),
        c("pow fractional", x -> x[0].pow(0.5), pos(4)),
        c("neg", x -> x[0].neg(), r(-1, 1, 4)),
        c("exp", x -> x[0].exp(), r(-1, 1, 4)),
        c("log", x -> x[0].log(), pos(4)),
        c("sqrt", x -> x[0].sqrt(), pos(4)),
        c("abs", x -> x[0].abs(), r(-1, 1, 6)),
        c("sin", x -> x[0].sin(), r(-3, 3, 4)),
        c("cos", x -> x[0].cos(), r(-3, 3, 4)),
        c("tanh", x -> x[0].tanh(), r(-2, 2, 4)),
        c("sigmoid", x -> x[0].sigmoid(), r(-3, 3, 4)),
        c("relu", x -> x[0].relu(), r(-1, 1, 6)),
        c("square", x -> x[0].square(), r(-1, 1, 6)),
        c("softplus", x -> x[0].softplus(), r(-3, 3, 6)),
        c("softplus beta", x -> x[0].softplus(2.0, 3.0), r(-3, 3, 6)),
        c("leakyRelu", x -> x[0].leakyRelu(0.1), r(-1, 1, 6)),
        c("elu", x -> x[0].elu(1.3), r(-2, 2, 6)),
        c("gelu", x -> x[0].gelu(false), r(-3, 3, 6)),
        c("gelu tanh", x -> x[0].gelu(true), r(-3, 3, 6)),
        c("clamp", x -> x[0].clamp(-0.5, 0.5), Tensor.of(-0.9, -0.3, 0.1, 0.45, 0.7)),
        c("clampMin", x -> x[0].clampMin(0.2), Tensor.of(-0.9, 0.3, 0.1, 0.45)),
        c("where", x -> Tensor.where(x[0].gt(0.0), x[0], x[1]), r(-1, 1, 2, 3), r(-1, 1, 3)),
        c("sum", x -> x[0].sum(), r(-1, 1, 2, 3)),
        c("sum dim 0", x -> x[0].sum(0), r(-1, 1, 2, 3, 2)),
        c("sum dim -1 keepdim", x -> x[0].sum(-1, true), r(-1, 1, 2, 3)),
        c("mean", x -> x[0].mean(), r(-1, 1, 2, 3)),
        c("mean dim 1", x -> x[0].mean(1), r(-1, 1, 2, 3, 2)),
        c("max all", x -> x[0].max(), r(-1, 1, 2, 3)),
        c("min all", x -> x[0].min(), r(-1, 1, 2, 3)),
        c("max dim", x -> x[0].max(1, false), r(-1, 1, 3, 4)),
        c("min dim keepdim", x -> x[0].min(0, true), r(-1, 1, 3, 4)),
        c("var dim", x -> x[0].var(1, false), r(-1, 1, 3, 4)),
        c("var correction 0", x -> x[0].var(0, 0, true), r(-1, 1, 3, 4)),
        c("var all", x -> x[0].var(), r(-1, 1, 3, 4)),
        c("std dim", x -> x[0].std(0, false), r(-1, 1, 3, 4)),
        c("logsumexp", x -> x[0].logsumexp(1, false), r(-3, 3, 3, 4)),
        c("softmax", x -> x[0].softmax(1), r(-3, 3, 3, 4)),
        c("softmax dim 0", x -> x[0].softmax(0), r(-3, 3, 3, 4)),
        c("logSoftmax", x -> x[0].logSoftmax(-1), r(-3, 3, 3, 4)),
        c("reshape", x -> x[0].reshape(3, -1).mul(x[0].reshape(3, 2)), r(-1, 1, 2, 3)),
        c("flatten", x -> x[0].flatten(1, 2).square(), r(-1, 1, 2, 3, 2)),
        c("transpose", x -> x[0].transpose(0, 2).mul(Tensor.arange(4).reshape(4, 1, 1)), r(-1, 1, 1, 3, 4)),
        c("t", x -> x[0].t().matmul(x[1]), r(-1, 1, 3, 2), r(-1, 1, 3, 4)),
        c("permute", x -> x[0].permute(2, 0, 1).square(), r(-1, 1, 2, 3, 4)),
        c("squeeze unsqueeze", x -> x[0].squeeze().unsqueeze(0).square(), r(-1, 1, 1, 3, 1)),
        c("expand", x -> x[0].expand(2, 3, 4).square(), r(-1, 1, 3, 1)),
        c("cat", x -> Tensor.cat(List.of(x[0], x[1], x[0]), 1).square(), r(-1, 1, 2, 3), r(-1, 1, 2, 2)),
        c("stack", x -> Tensor.stack(List.of(x[0], x[1]), 1).square(), r(-1, 1, 2, 3), r(-1, 1, 2, 3)),
        c("narrow", x -> x[0].narrow(1, 1, 2).square(), r(-1, 1, 3, 4)),
        c("slice step", x -> x[0].slice(0, 0, 5, 2).square(), r(-1, 1, 5, 2)),
        c("select", x -> x[0].select(1, -1).square(), r(-1, 1, 3, 4)),
        c("indexSelect", x -> x[0].indexSelect(0, 2, 0, 2).square(), r(-1, 1, 3, 4)),
        c("gather", x -> x[0].gather(1, Tensor.of(new double[] {0, 0, 3, 1, 2, 2}, 3, 2)).square(), r(-1, 1, 3, 4)),
        c("matmul 1d.1d", x -> x[0].matmul(x[1]), r(-1, 1, 4), r(-1, 1, 4)),
        c("matmul 2d.1d", x -> x[0].matmul(x[1]), r(-1, 1, 3, 4), r(-1, 1, 4)),
        c("matmul 1d.2d", x -> x[0].matmul(x[1]), r(-1, 1, 3), r(-1, 1, 3, 4)),
        c("matmul 2d.2d", x -> x[0].matmul(x[1]), r(-1, 1, 3, 4), r(-1, 1, 4, 5)),
        c("matmul batched broadcast", x -> x[0].matmul(x[1]), r(-1, 1, 2, 3, 4), r(-1, 1, 4, 2)),
        c("matmul batched both", x -> x[0].matmul(x[1]), r(-1, 1, 2, 1, 3, 4), r(-1, 1, 3, 4, 2)),
        c("copy", x -> x[0].copy().mul(x[0]), r(-1, 1, 3)),
        c("linear", x -> Functional.linear(x[0], x[1], x[2]), r(-1, 1, 5, 3), r(-1, 1, 2, 3), r(-1, 1, 2)),
        c("linear no bias 3d", x -> Functional.linear(x[0], x[1], null), r(-1, 1, 2, 5, 3), r(-1, 1, 2, 3)),
        c("Linear layer", layer(new Linear(3, 4, true, new SplittableRandom(1))), r(-1, 1, 5, 3)),
        c("Sequential MLP", layer(new Sequential(new Linear(3, 4, true, new SplittableRandom(2)), new Tanh(),
            new Linear(4, 2, true, new SplittableRandom(3)))), r(-1, 1, 6, 3)),
        c("ReLU", layer(new ReLU()), r(-1, 1, 6)),
        c("LeakyReLU", layer(new LeakyReLU()), r(-1, 1, 6)),
        c("ELU", layer(new ELU()), r(-2, 2, 6)),
        c("GELU", layer(new GELU()), r(-2, 2, 6)),
        c("Sigmoid", layer(new Sigmoid()), r(-2, 2, 6)),
        c("Softmax", layer(new Softmax(1)), r(-2, 2, 2, 3)),
        c("LogSoftmax", layer(new LogSoftmax(1)), r(-2, 2, 2, 3)),
        c("Flatten", x -> new Flatten().forward(x[0]).square(), r(-1, 1, 2, 3, 2)),
        c("mse", x -> Losses.mse(x[0], x[1]), r(-1, 1, 3, 2), r(-1, 1, 3, 2)),
        c("mse sum", x -> Losses.mse(x[0], x[1], Losses.Reduction.SUM), r(-1, 1, 3, 2), r(-1, 1, 3, 2)),
        c("l1", x -> Losses.l1(x[0], x[1]), r(-1, 1, 3, 2), r(2, 3, 3, 2)),
        c("smoothL1", x -> Losses.smoothL1(x[0], x[1], 0.7, Losses.Reduction.MEAN), Tensor.of(0.1, 2.0, -1.5, 0.3), Tensor.of(0.3, 0.2, 0.0, -0.1)),
        c("huber", x -> Losses.huber(x[0], x[1], 0.7, Losses.Reduction.SUM), Tensor.of(0.1, 2.0, -1.5, 0.3), Tensor.of(0.3, 0.2, 0.0, -0.1)),
        c("nll", x -> Losses.nll(x[0].logSoftmax(1), classes), r(-2, 2, 4, 3)),
        c("crossEntropy", x -> Losses.crossEntropy(x[0], classes), r(-2, 2, 4, 3)),
        c("crossEntropy smoothing weights", x -> Losses.crossEntropy(x[0], classes, Tensor.of(0.5, 1.0, 2.0), -100, 0.2,
            Losses.Reduction.MEAN), r(-2, 2, 4, 3)),
        c("crossEntropy 1d", x -> Losses.crossEntropy(x[0], Tensor.scalar(1)), r(-2, 2, 3)),
        c("bce", x -> Losses.bce(x[0], probsTarget), r(0.1, 0.9, 2, 3)),
        c("bce target grad", x -> Losses.bce(x[1], x[0]), r(0.1, 0.9, 2, 3), r(0.1, 0.9, 2, 3)),
        c("bceWithLogits", x -> Losses.bceWithLogits(x[0], probsTarget), r(-3, 3, 2, 3)),
        c("bceWithLogits posWeight", x -> Losses.bceWithLogits(x[0], probsTarget, Tensor.of(1.0, 0.5, 2.0),
            Tensor.of(3.0, 1.0, 0.5), Losses.Reduction.SUM), r(-3, 3, 2, 3)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void gradientMatchesCentralDifferences(String name, Function<Tensor[], Tensor> f, Tensor[] inputs) {
    GradCheck.Result res = GradCheck.check(f, inputs);
    assertThat(res.passed()).as(name + ": " + res.detail()).isTrue();
  }

  @Test
  void gradCheckDetectsAWrongGradient() {
    // A custom function whose backward rule is deliberately wrong (factor 3 instead of 2).
    Function<Tensor[], Tensor> wrong = x -> {
      double[] d = x[0].data();
      double[] out = new double[d.length];
      for (int i = 0; i < d.length; i++) {
        out[i] = d[i] * d[i];
      }
      return Tensor.fromFunction(out, x[0].shape(), "WrongSquare", (g, gin) -> {
        for (int i = 0; i < d.length; i++) {
          gin[0][i] += 3.0 * d[i] * g[i];
        }
      }, x[0]);
    };
    GradCheck.Result res = GradCheck.check(wrong, Tensor.of(0.5, -1.0, 2.0));
    assertThat(res.passed()).isFalse();
    assertThat(res.detail()).contains("Jacobian mismatch for input 0");
  }
}
