package org.minima4j.tune.samplers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.minima4j.tune.FrozenTrial;
import org.minima4j.tune.Studies;
import org.minima4j.tune.Study;
import org.minima4j.tune.StudyOptions;
import org.minima4j.tune.TrialState;
import org.minima4j.tune.pruners.NopPruner;

/** The contract every sampler meets: bounds, steps, log scale, conditional spaces, seeded reproducibility. */
class SamplerContractTest {

  static Stream<Arguments> samplers() {
    return Stream.of(
        s("random", RandomSampler::new),
        s("tpe", seed -> new TPESampler(TPESampler.Options.DEFAULTS.withSeed(seed).withNStartupTrials(5))),
        s("tpe-multivariate", seed -> new TPESampler(TPESampler.Options.DEFAULTS.withSeed(seed)
            .withNStartupTrials(5).withMultivariate(true))),
        s("tpe-group", seed -> new TPESampler(TPESampler.Options.DEFAULTS.withSeed(seed).withNStartupTrials(5)
            .withMultivariate(true).withGroup(true))),
        s("tpe-constant-liar", seed -> new TPESampler(TPESampler.Options.DEFAULTS.withSeed(seed)
            .withNStartupTrials(5).withConstantLiar(true))),
        s("cmaes", seed -> new CmaEsSampler(null, null, 1, false, 6, seed)),
        s("qmc-sobol", seed -> new QMCSampler(QMCSampler.QmcType.SOBOL, true, seed)),
        s("qmc-halton", seed -> new QMCSampler(QMCSampler.QmcType.HALTON, true, seed)),
        s("gp", seed -> new GPSampler(5, false, 64, 2, seed)),
        s("nsga2", seed -> new NSGAIISampler(6, null, 0.9, 0.5, null, seed)),
        s("partial-fixed", seed -> new PartialFixedSampler(Map.of("c", "b"), new TPESampler(seed))));
  }

  private static Arguments s(String name, LongFunction<Sampler> f) {
    return Arguments.of(Named.of(name, f));
  }

  private static Study run(Sampler sampler, int n) {
    Study study = Studies.create(StudyOptions.DEFAULTS.withSampler(sampler).withPruner(new NopPruner()));
    study.optimize(t -> {
      double u = t.suggestFloat("u", -2.0, 3.0);
      double lg = t.suggestFloat("lg", 1e-4, 1e2, true);
      double st = t.suggestFloat("st", 0.0, 1.0, 0.125);
      int k = t.suggestInt("k", -3, 9, 3, false);
      int lk = t.suggestInt("lk", 1, 1000, true);
      String c = t.suggestCategorical("c", "a", "b", "c");
      double v = (u - 1) * (u - 1) + Math.abs(Math.log10(lg)) + st + Math.abs(k) * 0.1 + Math.log(lk)
          + (c.equals("b") ? 0 : 1);
      if (c.equals("a")) {
        v += t.suggestFloat("only_a", 0, 1);
      }
      return v;
    }, n);
    return study;
  }

  @ParameterizedTest
  @MethodSource("samplers")
  void respectsBoundsStepsAndLogScale(LongFunction<Sampler> f) {
    Study study = run(f.apply(7), 24);
    assertThat(study.trials()).hasSize(24).allMatch(t -> t.state() == TrialState.COMPLETE);
    for (FrozenTrial t : study.trials()) {
      Map<String, Object> p = t.params();
      assertThat((Double) p.get("u")).isBetween(-2.0, 3.0);
      assertThat((Double) p.get("lg")).isBetween(1e-4, 1e2);
      double st = (Double) p.get("st");
      assertThat(st).isBetween(0.0, 1.0);
      assertThat(st / 0.125).isEqualTo(Math.rint(st / 0.125));
      long k = (Long) p.get("k");
      assertThat(k).isBetween(-3L, 9L);
      assertThat((k + 3) % 3).isZero();
      assertThat((Long) p.get("lk")).isBetween(1L, 1000L);
      assertThat(p.get("c")).isIn("a", "b", "c");
      assertThat(p.containsKey("only_a")).isEqualTo("a".equals(p.get("c")));
    }
  }

  @ParameterizedTest
  @MethodSource("samplers")
  void sameSeedSameTrialsDifferentSeedDifferentTrials(LongFunction<Sampler> f) {
    List<Object> a = params(run(f.apply(11), 16));
    List<Object> b = params(run(f.apply(11), 16));
    List<Object> c = params(run(f.apply(12), 16));
    assertThat(a).isEqualTo(b);
    assertThat(a).isNotEqualTo(c);
  }

  private static List<Object> params(Study s) {
    List<Object> out = new ArrayList<>();
    for (FrozenTrial t : s.trials()) {
      out.add(t.params());
    }
    return out;
  }

  @ParameterizedTest
  @MethodSource("samplers")
  void logScaleSpreadsOverDecades(LongFunction<Sampler> f) {
    Study study = Studies.create(StudyOptions.DEFAULTS.withSampler(f.apply(3)).withPruner(new NopPruner()));
    study.optimize(t -> {
      t.suggestFloat("a", 0, 1);
      return -Math.abs(Math.log10(t.suggestFloat("lg", 1e-6, 1.0, true)) + 3);
    }, 20);
    long small = study.trials().stream().filter(t -> (Double) t.params().get("lg") < 1e-3).count();
    assertThat(small).isGreaterThan(0);
  }
}
