package org.minima4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFolderTest {
  @TempDir
  Path tmp;

  @Test
  void nothingIsLeftBehindWithoutACommit() throws IOException {
    Path out = tmp.resolve("o");
    try (OutputFolder f = OutputFolder.open(out)) {
      Files.writeString(f.file("a.txt"), "half");
      // the run fails here: no commit
    }
    try (Stream<Path> s = Files.list(out)) {
      assertThat(s).isEmpty();
    }
  }

  @Test
  void commitMovesFilesIntoPlace() throws IOException {
    Path out = tmp.resolve("o");
    try (OutputFolder f = OutputFolder.open(out)) {
      Files.writeString(f.file("a.txt"), "done");
      assertThat(f.commit()).containsExactly(out.resolve("a.txt"));
    }
    try (Stream<Path> s = Files.list(out)) {
      assertThat(s).containsExactly(out.resolve("a.txt"));
    }
  }
}
