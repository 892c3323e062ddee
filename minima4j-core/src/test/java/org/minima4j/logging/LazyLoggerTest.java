package org.minima4j.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class LazyLoggerTest {
  @Test
  void looksUpThePlatformLoggerOnlyWhenUsedAndForwardsMessages() {
    LazyLogger lazy = (LazyLogger) LazyLogger.of(LazyLoggerTest.class);
    assertThat(lazy.getName()).isEqualTo(LazyLoggerTest.class.getName());
    assertThat(lazy.started()).isFalse();

    Logger jul = Logger.getLogger(LazyLoggerTest.class.getName());
    List<LogRecord> seen = new ArrayList<>();
    Handler h = new Handler() {
      @Override
      public void publish(LogRecord r) {
        seen.add(r);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    jul.addHandler(h);
    jul.setUseParentHandlers(false);
    try {
      lazy.log(System.Logger.Level.WARNING, "x0 clipped to {0}", 3);
      lazy.log(System.Logger.Level.WARNING, () -> "from a supplier");
      RuntimeException boom = new RuntimeException("boom");
      lazy.log(System.Logger.Level.ERROR, "failed", boom);
      assertThat(lazy.started()).isTrue();
      assertThat(seen).hasSize(3);
      assertThat(seen.get(0).getMessage()).isEqualTo("x0 clipped to {0}");
      assertThat(seen.get(0).getParameters()).containsExactly(3);
      assertThat(seen.get(1).getMessage()).isEqualTo("from a supplier");
      assertThat(seen.get(2).getThrown()).isSameAs(boom);
      assertThat(lazy.isLoggable(System.Logger.Level.WARNING)).isTrue();
    } finally {
      jul.removeHandler(h);
      jul.setUseParentHandlers(true);
    }
  }
}
