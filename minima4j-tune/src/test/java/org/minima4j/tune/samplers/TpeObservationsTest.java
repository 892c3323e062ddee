package org.minima4j.tune.samplers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.minima4j.tune.Distribution;
import org.minima4j.tune.FloatDistribution;
import org.minima4j.tune.Studies;
import org.minima4j.tune.Study;
import org.minima4j.tune.StudyOptions;
import org.minima4j.tune.Trial;
import org.minima4j.tune.TrialPruned;
import org.minima4j.tune.internal.ParzenEstimator;
import org.minima4j.tune.pruners.NopPruner;

/**
 * The observations TPE reuses from call to call ({@link TpeObservations}) give the estimators a sampler that
 * never saw the study fits: pruned trials with reports, a parameter whose range changed, trials added between
 * calls, and parameters asked in a different order.
 */
class TpeObservationsTest {

  private static void assertSame(ParzenEstimator[] got, ParzenEstimator[] want) {
    assertThat(got).hasSize(2);
    for (int e = 0; e < 2; e++) {
      assertThat(got[e].weights()).containsExactly(want[e].weights());
      assertThat(got[e].mus(0)).containsExactly(want[e].mus(0));
      assertThat(got[e].sigmas(0)).containsExactly(want[e].sigmas(0));
    }
  }

  @Test
  void reusedObservationsFitWhatAFreshSamplerFits() {
    TPESampler.Options opts = TPESampler.Options.DEFAULTS.withNStartupTrials(3);
    TPESampler used = new TPESampler(opts.withSeed(7));
    Study study = Studies.create(StudyOptions.DEFAULTS.withSampler(used).withPruner(new NopPruner()));
    String[] x = {"x"};
    String[] y = {"y"};
    Distribution[] dx = {FloatDistribution.of(-5, 5)};
    Distribution[] dyWide = {FloatDistribution.of(0, 10)};
    Distribution[] dyNarrow = {FloatDistribution.of(0, 4)};
    for (int round = 0; round < 6; round++) {
      int r = round;
      study.optimize(t -> {
        double a = t.suggestFloat("x", -5, 5);
        // y's range changes with the round: old values count only if they lie in the current range
        double b = r % 2 == 0 ? t.suggestFloat("y", 0, 10) : t.suggestFloat("y", 0, 4);
        if (t.number() % 5 == 3) {
          t.report(a * a + b, 0);
          throw new TrialPruned();
        }
        return a * a + (b - 2) * (b - 2);
      }, 4);
      for (Distribution[] dy : new Distribution[][] {dyWide, dyNarrow}) {
        // the used sampler has observations from its own last call (and columns from earlier trials)
        ParzenEstimator[] gotY = used.estimators(study, y, dy);
        ParzenEstimator[] gotX = used.estimators(study, x, dx);
        ParzenEstimator[] gotY2 = used.estimators(study, y, dy);
        TPESampler fresh = new TPESampler(opts.withSeed(7));
        ParzenEstimator[] wantX = fresh.estimators(study, x, dx);
        ParzenEstimator[] wantY = new TPESampler(opts.withSeed(7)).estimators(study, y, dy);
        assertSame(gotX, wantX);
        assertSame(gotY, wantY);
        assertSame(gotY2, wantY);
      }
    }
    // a running trial (constant liar off) does not change the observations; asking it suggests as usual
    Trial t = study.ask();
    t.suggestFloat("x", -5, 5);
    assertSame(used.estimators(study, y, dyNarrow), new TPESampler(opts).estimators(study, y, dyNarrow));
  }
}
