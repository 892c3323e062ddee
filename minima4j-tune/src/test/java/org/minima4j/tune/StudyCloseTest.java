package org.minima4j.tune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minima4j.tune.samplers.RandomSampler;
import org.minima4j.tune.storages.jdbc.JdbcStorage;

/** A study closes the database storage it opened from a URL, and only that one. */
class StudyCloseTest {
  @TempDir
  Path tmp;

  @Test
  void studyOpenedFromAUrlClosesItsStorage() {
    String url = "jdbc:sqlite:" + tmp.resolve("s.db");
    StudyOptions o = StudyOptions.DEFAULTS.withStorage(url).withStudyName("s").withSampler(new RandomSampler(1));
    assertThat(o.closeStorage()).isTrue();
    Study study = Studies.create(o);
    study.optimize(t -> t.suggestFloat("x", 0, 1), 3);
    study.close();
    study.close(); // idempotent
    assertThatThrownBy(() -> o.storage().getAllStudyNames()).hasMessageContaining("is closed");
    // the trials were committed: a new connection sees them
    try (JdbcStorage again = JdbcStorage.open(url)) {
      assertThat(Studies.load("s", again, null, null).trials()).hasSize(3);
    }
  }

  @Test
  void storagePassedInStaysOpenForItsOwner() {
    try (JdbcStorage storage = JdbcStorage.open("jdbc:sqlite:" + tmp.resolve("t.db"))) {
      StudyOptions o = StudyOptions.DEFAULTS.withStorage(storage).withStudyName("t");
      assertThat(o.closeStorage()).isFalse();
      try (Study study = Studies.create(o)) {
        study.optimize(t -> t.suggestFloat("x", 0, 1), 2);
      }
      assertThat(storage.getAllStudyNames()).containsExactly("t");
    }
  }

  @Test
  void failedCreateClosesTheStorageItOpened() {
    String url = "jdbc:sqlite:" + tmp.resolve("u.db");
    try (Study first = Studies.create(StudyOptions.DEFAULTS.withStorage(url).withStudyName("u"))) {
      assertThat(first.trials()).isEmpty();
    }
    StudyOptions again = StudyOptions.DEFAULTS.withStorage(url).withStudyName("u");
    assertThatThrownBy(() -> Studies.create(again)).hasMessageContaining("u");
    assertThatThrownBy(() -> again.storage().getAllStudyNames()).hasMessageContaining("is closed");
  }
}
