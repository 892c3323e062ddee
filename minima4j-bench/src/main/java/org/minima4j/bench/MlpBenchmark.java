package org.minima4j.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.minima4j.nn.Linear;
import org.minima4j.nn.Losses;
import org.minima4j.nn.Parameter;
import org.minima4j.nn.ReLU;
import org.minima4j.nn.Sequential;
import org.minima4j.tensor.Tensor;
import org.minima4j.tensor.internal.Gemm;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Forward + backward of the two reference MLPs, next to plain matrix products of the big MLP's
 * first layer measured in the same run.
 *
 * <ul>
 *   <li>{@code seedMlpStep}: the seed experiment's Sequential(Linear(2,2,false), ReLU,
 *       Linear(2,2,true)), batch 32, MSE loss, zero grad + forward + backward.</li>
 *   <li>{@code mlp784Step}: Linear(784,256) + ReLU + Linear(256,10), batch 128, cross-entropy,
 *       zero grad + forward + backward: 2*128*(784*256 + 256*10) = 52.04 MFLOP forward and
 *       2*128*784*256 + 2*2*128*256*10 = 52.69 MFLOP backward (the input needs no gradient), so
 *       104.7 MFLOP a step.</li>
 *   <li>{@code matmulKernel}: the library's {@code Gemm.nn} on (128x784)(784x256): 51.38 MFLOP.</li>
 *   <li>{@code matmulNaive}: the textbook i-j-p triple loop on the same shapes: the baseline.</li>
 * </ul>
 *
 * Run: {@code mvn -B -q package -pl minima4j-bench -am -DskipTests && java -jar
 * minima4j-bench/target/benchmarks.jar MlpBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MlpBenchmark {
  private Sequential seed;
  private Tensor seedX;
  private Tensor seedY;
  private Sequential big;
  private Tensor bigX;
  private Tensor bigY;
  private double[] a;
  private double[] b;
  private double[] c;

  @Setup
  public void setup() {
    SplittableRandom rng = new SplittableRandom(42);
    seed = new Sequential(new Linear(2, 2, false, rng), new ReLU(), new Linear(2, 2, true, rng));
    seedX = Tensor.randn(rng, 32, 2);
    seedY = seedX.copy();
    big = new Sequential(new Linear(784, 256, true, rng), new ReLU(), new Linear(256, 10, true, rng));
    bigX = Tensor.randn(rng, 128, 784);
    bigY = Tensor.randint(rng, 0, 10, 128);
    a = Tensor.randn(rng, 128 * 784).data();
    b = Tensor.randn(rng, 784 * 256).data();
    c = new double[128 * 256];
  }

  @Benchmark
  public double seedMlpStep() {
    for (Parameter p : seed.parameters()) {
      p.setGrad(null);
    }
    Tensor loss = Losses.mse(seed.forward(seedX), seedY);
    loss.backward();
    return loss.item();
  }

  @Benchmark
  public double mlp784Step() {
    for (Parameter p : big.parameters()) {
      p.setGrad(null);
    }
    Tensor loss = Losses.crossEntropy(big.forward(bigX), bigY);
    loss.backward();
    return loss.item();
  }

  @Benchmark
  public double[] matmulKernel() {
    java.util.Arrays.fill(c, 0.0);
    Gemm.nn(128, 256, 784, a, 0, b, 0, c, 0);
    return c;
  }

  @Benchmark
  public double[] matmulNaive() {
    final int m = 128;
    final int n = 256;
    final int k = 784;
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double s = 0.0;
        for (int p = 0; p < k; p++) {
          s += a[i * k + p] * b[p * n + j];
        }
        c[i * n + j] = s;
      }
    }
    return c;
  }
}
