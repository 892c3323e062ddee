package org.minima4j.optimize.global;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Replays the random draws an anchor made (logged by reference/generators/replay_fixtures.py): each
 * call must ask for the kind of number that was drawn at that position ("u" uniform, "i" integer,
 * "g" normal), so a different draw order fails loudly.
 */
final class ReplayRandom implements RandomGenerator {
  private final List<List<Object>> draws;
  private int pos;

  ReplayRandom(List<List<Object>> draws) {
    this.draws = draws;
  }

  int position() {
    return pos;
  }

  int size() {
    return draws.size();
  }

  private Object next(String kind) {
    if (pos >= draws.size()) {
      throw new AssertionError("replay exhausted at draw " + pos + " asking for " + kind);
    }
    List<Object> d = draws.get(pos);
    if (!kind.equals(d.get(0))) {
      throw new AssertionError("draw " + pos + ": Java asks for '" + kind + "' but the anchor drew '" + d.get(0) + "'");
    }
    pos++;
    return d.get(1);
  }

  @Override
  public double nextDouble() {
    return ((Number) next("u")).doubleValue();
  }

  @Override
  public double nextGaussian() {
    return ((Number) next("g")).doubleValue();
  }

  @Override
  public int nextInt(int bound) {
    int k = ((Number) next("i")).intValue();
    if (k < 0 || k >= bound) {
      throw new AssertionError("draw " + (pos - 1) + ": integer " + k + " outside [0, " + bound + ")");
    }
    return k;
  }

  @Override
  public long nextLong() {
    throw new AssertionError("the anchors draw no raw longs (draw " + pos + ")");
  }
}
