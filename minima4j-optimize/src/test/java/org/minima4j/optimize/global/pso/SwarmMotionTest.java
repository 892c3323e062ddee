package org.minima4j.optimize.global.pso;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.minima4j.optimize.Bounds;
import org.minima4j.optimize.Objective;
import org.minima4j.optimize.global.GlobalResult;
import org.minima4j.random.NumpyRandomState;

/**
 * PSO draws in bulk from a {@link NumpyRandomState} and one value at a time from any other
 * generator: both must give the same run (the same draws in the same order), for both variants,
 * every boundary handling, the velocity clamp, the ring and constraints; and a state saved mid-run
 * must continue the same run.
 */
class SwarmMotionTest {
  private static final Objective RASTRIGIN = x -> {
    double f = 10.0 * x.length;
    for (double xi : x) {
      f += xi * xi - 10.0 * Math.cos(2 * Math.PI * xi);
    }
    return f;
  };

  /** Hides the NumpyRandomState's type, so PSO takes its one-value-at-a-time path. */
  private static final class OneByOne implements RandomGenerator {
    private final NumpyRandomState r;

    OneByOne(long seed) {
      r = new NumpyRandomState(seed);
    }

    @Override
    public long nextLong() {
      return r.nextLong();
    }

    @Override
    public double nextDouble() {
      return r.nextDouble();
    }
  }

  private static List<PSO.Options> options() {
    List<PSO.Options> all = new ArrayList<>();
    PSO.Options pyswarm = PSO.Options.DEFAULTS.withSwarmSize(23).withMaxiter(40).withMinfunc(0).withMinstep(0);
    PSO.Options pyswarms = PSO.Options.pyswarms(17, 0.5, 0.3, 0.9, 40);
    for (PSO.BoundaryHandling b : PSO.BoundaryHandling.values()) {
      all.add(pyswarms.withBoundary(b));
      all.add(pyswarms.withBoundary(b).withVelocityClamp(-0.7, 0.9));
    }
    all.add(pyswarm);
    all.add(pyswarm.withIeqcons(x -> new double[] {1.5 - x[0]}));
    all.add(pyswarms.withRing(4, 1));
    all.add(pyswarms.withRing(3, 2).withBoundary(PSO.BoundaryHandling.REFLECTIVE));
    return all;
  }

  @Test
  void bulkDrawsGiveTheOneByOneRun() {
    Bounds bounds = Bounds.of(new double[] {-5.12, -1, -3, 0, -2, -5.12, -0.5}, new double[] {5.12, 2, 3, 1, 4, 5.12, 0.5});
    for (PSO.Options o : options()) {
      for (long seed : new long[] {0, 42}) {
        GlobalResult bulk = new PSO(bounds, o, new NumpyRandomState(seed)).optimize(RASTRIGIN, 100_000);
        GlobalResult single = new PSO(bounds, o, new OneByOne(seed)).optimize(RASTRIGIN, 100_000);
        assertThat(bulk.history()).as("%s seed %d", o, seed).isEqualTo(single.history());
        assertThat(bulk.x()).isEqualTo(single.x());
        assertThat(bulk.nfev()).isEqualTo(single.nfev());
        assertThat(bulk.message()).isEqualTo(single.message());
      }
    }
  }

  @Test
  void aSavedStateContinuesTheRun() {
    Bounds bounds = Bounds.of(new double[] {-5.12, -5.12, -5.12}, new double[] {5.12, 5.12, 5.12});
    for (PSO.Options o : options()) {
      PSO.Options opts = o.withIeqcons(null).withSeed(3);
      PSO whole = new PSO(bounds, opts);
      GlobalResult all = whole.optimize(RASTRIGIN, 100_000);
      PSO first = new PSO(bounds, opts);
      first.optimize(RASTRIGIN, 400);
      Map<String, Object> state = first.stateDict();
      PSO resumed = new PSO(bounds, opts);
      resumed.loadStateDict(state);
      GlobalResult rest = resumed.optimize(RASTRIGIN, 100_000);
      assertThat(rest.history()).as("%s", opts).isEqualTo(all.history());
      assertThat(rest.x()).isEqualTo(all.x());
      assertThat(rest.nfev()).isEqualTo(all.nfev());
    }
  }
}
