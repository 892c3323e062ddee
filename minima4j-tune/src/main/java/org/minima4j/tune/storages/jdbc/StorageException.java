package org.minima4j.tune.storages.jdbc;

/**
 * A storage failure (unreachable database, unsupported schema, SQL error) whose message names the
 * storage by its redacted URL: user names and passwords never appear in it. The driver's own exception
 * is not chained (its message could carry the URL); its SQL state is kept.
 */
public final class StorageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String sqlState;

  public StorageException(String message) {
    this(message, null);
  }

  public StorageException(String message, String sqlState) {
    super(message);
    this.sqlState = sqlState;
  }

  /** The SQL state of the underlying driver error, or null. */
  public String sqlState() {
    return sqlState;
  }
}
