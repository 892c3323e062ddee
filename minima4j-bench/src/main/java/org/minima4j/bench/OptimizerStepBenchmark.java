package org.minima4j.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.minima4j.nn.Parameter;
import org.minima4j.optim.Adagrad;
import org.minima4j.optim.Adam;
import org.minima4j.optim.AdamW;
import org.minima4j.optim.Optimizer;
import org.minima4j.optim.RMSprop;
import org.minima4j.optim.SGD;
import org.minima4j.tensor.Tensor;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One optimizer step on 10^6 or 10^7 float64 parameters held in ten tensors, next to plain loops
 * with the same memory traffic, measured in the same run.
 *
 * <p>Bytes moved per parameter and step (8-byte doubles): SGD with momentum reads p, g, buf and
 * writes p, buf (40 B); Adam and AdamW read p, g, m, v and write p, m, v (56 B); RMSprop (no
 * momentum, not centered) reads p, g, v and writes p, v (40 B); Adagrad reads p, g, sum and writes
 * p, sum (40 B). {@link #plain3r2w} moves 40 B and {@link #plain4r3w} 56 B per element. The
 * primary score is steps per second; the {@code bytes} secondary metric (an auxiliary operations
 * counter) is bytes moved per second, so GB/s is {@code bytes / 1e9}. The ratio of an optimizer's
 * score to its plain loop's (same size, same run) is the figure of merit.
 *
 * <p>Run: {@code java -jar minima4j-bench/target/benchmarks.jar OptimizerStep -f 1 -wi 2 -i 3}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx4g"})
public class OptimizerStepBenchmark {
  static final int TENSORS = 10;

  /** Bytes counted per invocation, reported per second by JMH. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Traffic {
    public long bytes;

    @Setup(Level.Iteration)
    public void reset() {
      bytes = 0;
    }
  }

  static List<Parameter> parameters(int size) {
    List<Parameter> out = new ArrayList<>();
    int chunk = size / TENSORS;
    for (int t = 0; t < TENSORS; t++) {
      double[] x = new double[chunk];
      double[] g = new double[chunk];
      for (int i = 0; i < chunk; i++) {
        x[i] = 0.001 * ((i * 31 + t) % 1000) - 0.5;
        g[i] = 0.01 * ((i * 17 + 3 * t) % 200) - 1.0;
      }
      Parameter p = new Parameter(x, chunk);
      p.setGrad(Tensor.wrap(g, chunk));
      out.add(p);
    }
    return out;
  }

  /** The optimizer under test, with its state created by one step before measuring. */
  @State(Scope.Benchmark)
  public static class OptState {
    @Param({"1000000", "10000000"})
    public int size;

    @Param({"sgd_momentum", "adam", "adamw", "rmsprop", "adagrad"})
    public String optimizer;

    Optimizer<?, ?> opt;
    long bytesPerStep;

    @Setup(Level.Trial)
    public void setup() {
      List<Parameter> params = parameters(size);
      switch (optimizer) {
        case "sgd_momentum":
          opt = new SGD(params, SGD.Options.DEFAULTS.withLr(1e-6).withMomentum(0.9));
          bytesPerStep = 40L * size;
          break;
        case "adam":
          opt = new Adam(params, Adam.Options.DEFAULTS.withLr(1e-6));
          bytesPerStep = 56L * size;
          break;
        case "adamw":
          opt = new AdamW(params, AdamW.Options.DEFAULTS.withLr(1e-6));
          bytesPerStep = 56L * size;
          break;
        case "rmsprop":
          opt = new RMSprop(params, RMSprop.Options.DEFAULTS.withLr(1e-6));
          bytesPerStep = 40L * size;
          break;
        case "adagrad":
          opt = new Adagrad(params, Adagrad.Options.DEFAULTS.withLr(1e-6));
          bytesPerStep = 40L * size;
          break;
        default:
          throw new IllegalArgumentException(optimizer);
      }
      opt.step();
    }
  }

  /** Arrays for the plain loops: ten chunks each of p, g, m, v. */
  @State(Scope.Benchmark)
  public static class Plain {
    @Param({"1000000", "10000000"})
    public int size;

    double[][] p;
    double[][] g;
    double[][] m;
    double[][] v;

    @Setup(Level.Trial)
    public void setup() {
      int chunk = size / TENSORS;
      p = new double[TENSORS][chunk];
      g = new double[TENSORS][chunk];
      m = new double[TENSORS][chunk];
      v = new double[TENSORS][chunk];
      for (int t = 0; t < TENSORS; t++) {
        for (int i = 0; i < chunk; i++) {
          p[t][i] = 0.001 * (i % 1000);
          g[t][i] = 0.01 * ((i * 17) % 200) - 1.0;
        }
      }
    }
  }

  @Benchmark
  public void step(OptState s, Traffic traffic) {
    s.opt.step();
    traffic.bytes += s.bytesPerStep;
  }

  /** Reads p, g, m; writes p, m (the traffic of SGD-momentum, RMSprop and Adagrad). */
  @Benchmark
  public void plain3r2w(Plain s, Traffic traffic) {
    for (int t = 0; t < TENSORS; t++) {
      double[] p = s.p[t];
      double[] g = s.g[t];
      double[] m = s.m[t];
      for (int i = 0; i < p.length; i++) {
        double mi = m[i] * 0.9 + g[i];
        m[i] = mi;
        p[i] = p[i] - 1e-6 * mi;
      }
    }
    traffic.bytes += 40L * s.size;
  }

  /** Reads p, g, m, v; writes p, m, v (the traffic of Adam and AdamW). */
  @Benchmark
  public void plain4r3w(Plain s, Traffic traffic) {
    for (int t = 0; t < TENSORS; t++) {
      double[] p = s.p[t];
      double[] g = s.g[t];
      double[] m = s.m[t];
      double[] v = s.v[t];
      for (int i = 0; i < p.length; i++) {
        double gi = g[i];
        double mi = m[i] * 0.9 + gi;
        double vi = v[i] * 0.999 + gi * gi;
        m[i] = mi;
        v[i] = vi;
        p[i] = p[i] - 1e-6 * mi;
      }
    }
    traffic.bytes += 56L * s.size;
  }
}
