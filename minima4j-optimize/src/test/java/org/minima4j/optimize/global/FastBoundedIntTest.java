package org.minima4j.optimize.global;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** SeededRandom.nextInt(bound, reciprocal) must be RandomGenerator.nextInt(bound), draw for draw. */
class FastBoundedIntTest {

  @Test
  void sameValuesAndSameStreamAsTheJdkBoundedDraw() {
    int[] bounds = {1, 2, 3, 5, 7, 8, 13, 149, 150, 1000, 65536, 65537, 1 << 30, (1 << 30) + 1,
        Integer.MAX_VALUE - 1, Integer.MAX_VALUE, 1_500_000_001};
    for (int bound : bounds) {
      SeededRandom a = new SeededRandom(bound);
      SeededRandom b = new SeededRandom(bound);
      long rec = SeededRandom.reciprocal(bound);
      for (int i = 0; i < 20_000; i++) {
        assertThat(b.nextInt(bound, rec)).isEqualTo(a.nextInt(bound));
      }
      assertThat(b.nextLong()).isEqualTo(a.nextLong());
    }
    SeededRandom a = new SeededRandom(99);
    SeededRandom b = new SeededRandom(99);
    for (int i = 0; i < 200_000; i++) {
      int bound = 1 + (i % 300);
      assertThat(b.nextInt(bound, SeededRandom.reciprocal(bound))).isEqualTo(a.nextInt(bound));
    }
  }
}
