package org.minima4j.cli;

/** A user-facing error: its message is printed as is and the command exits with status 2. */
final class CliException extends RuntimeException {
  CliException(String message) {
    super(message);
  }
}
