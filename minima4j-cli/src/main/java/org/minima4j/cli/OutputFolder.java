package org.minima4j.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * An output folder written all-or-nothing: files go to a hidden staging folder inside it and are
 * moved into place only by {@link #commit()}; {@link #close()} without a commit removes the
 * staging folder, so a failed run leaves nothing half-written behind.
 */
final class OutputFolder implements AutoCloseable {
  private final Path target;
  private final Path staging;
  private final List<String> names = new ArrayList<>();
  private boolean committed;

  private OutputFolder(Path target, Path staging) {
    this.target = target;
    this.staging = staging;
  }

  /** Creates (if needed) and checks the folder; the error says why it cannot be written. */
  static OutputFolder open(Path target) {
    try {
      if (Files.exists(target) && !Files.isDirectory(target)) {
        throw new CliException("output folder " + target + " exists and is not a directory");
      }
      Files.createDirectories(target);
      Path staging = Files.createTempDirectory(target, ".minima-staging-");
      return new OutputFolder(target, staging);
    } catch (AccessDeniedException e) {
      throw new CliException("cannot write to output folder " + target + ": permission denied");
    } catch (FileAlreadyExistsException e) {
      throw new CliException("cannot create output folder " + target + ": " + e.getFile() + " is in the way");
    } catch (IOException e) {
      throw new CliException("cannot write to output folder " + target + ": " + e.getMessage());
    }
  }

  /** Path of a file to write in the staging area (final name {@code name} in the folder). */
  Path file(String name) {
    names.add(name);
    return staging.resolve(name);
  }

  /** Moves every staged file into the folder, replacing older ones; returns their final paths. */
  List<Path> commit() throws IOException {
    List<Path> out = new ArrayList<>();
    for (String name : names) {
      Path src = staging.resolve(name);
      if (!Files.exists(src)) {
        continue;
      }
      Path dst = target.resolve(name);
      try {
        Files.move(src, dst, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(src, dst, StandardCopyOption.REPLACE_EXISTING);
      }
      out.add(dst);
    }
    committed = true;
    return out;
  }

  Path target() {
    return target;
  }

  @Override
  public void close() {
    try (Stream<Path> walk = Files.walk(staging)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort: the staging folder is hidden and named as such
    }
    if (!committed) {
      names.clear();
    }
  }
}
