package org.minima4j.tune.storages.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.minima4j.logging.LazyLogger;
import org.minima4j.tune.CategoricalDistribution;
import org.minima4j.tune.Distribution;
import org.minima4j.tune.FrozenTrial;
import org.minima4j.tune.StudyDirection;
import org.minima4j.tune.TrialState;
import org.minima4j.tune.storages.Storage;

/**
 * A {@link Storage} in a relational database, in Optuna 3.1's RDB table layout and encodings
 * ({@code optuna/storages/_rdb/models.py}, schema version 12, alembic revision {@code v3.0.0.d}), so that
 * Optuna 3.1 opens a study written here and this storage opens one written by Optuna.
 *
 * <pre>{@code
 * try (JdbcStorage storage = JdbcStorage.open("jdbc:sqlite:study.db")) {
 *   Study study = Studies.create(StudyOptions.DEFAULTS.withStorage(storage).withStudyName("s").withLoadIfExists(true));
 *   study.optimize(t -> t.suggestFloat("x", -1, 1), 20);
 * }
 * }</pre>
 *
 * <p>Databases: SQLite ({@code jdbc:sqlite:FILE}, embedded; opened in WAL mode with {@code synchronous=NORMAL},
 * a busy timeout and {@code BEGIN IMMEDIATE} transactions, so a few local processes share one file without
 * "database is locked") and PostgreSQL ({@code jdbc:postgresql://HOST[:PORT]/DB}, for many machines). Optuna's
 * SQLAlchemy URLs ({@code sqlite:///FILE}, {@code postgresql://USER:PASSWORD@HOST/DB}) are accepted too.
 *
 * <p>Concurrency, as Optuna's RDB storage: a new trial's number is the count of the study's trials, taken in
 * the same transaction that inserts it while the study row is locked ({@code SELECT ... FOR UPDATE} on
 * PostgreSQL; SQLite's write transactions are serial), so numbers are unique and gap-free across processes;
 * state changes are conditional updates ({@code ... WHERE state = 'WAITING'}), so an enqueued trial is claimed
 * by exactly one worker and a stale trial is failed by exactly one. Serialization failures and deadlocks are
 * retried with a deterministic backoff.
 *
 * <p>Every statement is a prepared statement with constant SQL text; names, values and attributes travel as
 * parameters only. Messages name the database by its {@linkplain StorageUrl#redacted() redacted} URL.
 *
 * <p>Finished trials are immutable, so they are cached after their first read (as Optuna's
 * {@code _CachedStorage}); unfinished trials are read from the database every time. One instance holds one
 * connection and serializes its callers; open one per process (or per thread for heavy multi-threaded use).
 */
public final class JdbcStorage implements Storage, AutoCloseable {
  private static final System.Logger LOG = LazyLogger.of(JdbcStorage.class);

  /** Optuna's {@code SCHEMA_VERSION} of the 3.x table layout. */
  public static final int SCHEMA_VERSION = 12;
  /** The alembic revision of Optuna 3.1's schema. */
  public static final String ALEMBIC_REVISION = "v3.0.0.d";
  /** The Optuna version whose schema this storage writes (stored in {@code version_info.library_version}). */
  public static final String OPTUNA_VERSION = "3.1.0";

  private static final int MAX_RETRIES = 8;

  /**
   * Options of {@link JdbcStorage}.
   *
   * @param busyTimeout how long SQLite waits for a lock before failing (30 s)
   * @param connectTimeout how long to wait for a PostgreSQL server (10 s)
   * @param createSchema create Optuna's tables in an empty database (true)
   */
  public record Options(Duration busyTimeout, Duration connectTimeout, boolean createSchema) {
    public static final Options DEFAULTS = new Options(Duration.ofSeconds(30), Duration.ofSeconds(10), true);

    public Options {
      Objects.requireNonNull(busyTimeout, "busyTimeout");
      Objects.requireNonNull(connectTimeout, "connectTimeout");
      if (busyTimeout.isNegative() || connectTimeout.isNegative()) {
        throw new IllegalArgumentException("timeouts must not be negative");
      }
    }

    public Options withBusyTimeout(Duration v) {
      return new Options(v, connectTimeout, createSchema);
    }

    public Options withConnectTimeout(Duration v) {
      return new Options(busyTimeout, v, createSchema);
    }

    public Options withCreateSchema(boolean v) {
      return new Options(busyTimeout, connectTimeout, v);
    }
  }

  private static final DateTimeFormatter SQLITE_TIME = new DateTimeFormatterBuilder()
      .appendPattern("yyyy-MM-dd HH:mm:ss")
      .optionalStart().appendFraction(ChronoField.MICRO_OF_SECOND, 0, 9, true).optionalEnd()
      .toFormatter();
  private static final DateTimeFormatter SQLITE_WRITE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

  private final StorageUrl url;
  private final StorageUrl.Dialect dialect;
  private final Connection conn;
  private final Map<Integer, FrozenTrial> finishedCache = new ConcurrentHashMap<>();
  private final Map<Integer, List<StudyDirection>> directionsCache = new ConcurrentHashMap<>();
  private final Map<Integer, Map<String, Distribution>> distributionCache = new ConcurrentHashMap<>();
  /** Trial id to {study id, number}: both never change. */
  private final Map<Integer, int[]> trialKeys = new ConcurrentHashMap<>();
  private boolean closed;

  private JdbcStorage(StorageUrl url, Options options) {
    this.url = url;
    this.dialect = url.dialect();
    this.conn = connect(url, options);
    try {
      initSchema(options.createSchema());
    } catch (RuntimeException e) {
      closeQuietly();
      throw e;
    }
  }

  /** Opens (creating Optuna's tables when the database is empty) the storage at {@code url}. */
  public static JdbcStorage open(String url) {
    return open(url, Options.DEFAULTS);
  }

  /** Opens the storage at {@code url} with {@code options}. */
  public static JdbcStorage open(String url, Options options) {
    return new JdbcStorage(StorageUrl.parse(url), options == null ? Options.DEFAULTS : options);
  }

  /** The storage URL with credentials redacted. */
  public String url() {
    return url.redacted();
  }

  /** Which database this is. */
  public StorageUrl.Dialect dialect() {
    return dialect;
  }

  // ------------------------------------------------------------------ connection and schema

  private static Connection connect(StorageUrl url, Options o) {
    Properties p = url.properties();
    if (url.dialect() == StorageUrl.Dialect.SQLITE) {
      p.setProperty("journal_mode", "WAL");
      p.setProperty("synchronous", "NORMAL");
      p.setProperty("busy_timeout", Long.toString(o.busyTimeout().toMillis()));
    } else {
      p.setProperty("connectTimeout", Long.toString(Math.max(1, o.connectTimeout().toSeconds())));
      p.setProperty("loginTimeout", Long.toString(Math.max(1, o.connectTimeout().toSeconds())));
      // Enum columns (state, direction, value types) take plain strings.
      p.setProperty("stringtype", "unspecified");
      p.setProperty("ApplicationName", "minima4j");
    }
    try {
      Connection c = DriverManager.getConnection(url.jdbcUrl(), p);
      if (url.dialect() == StorageUrl.Dialect.POSTGRESQL) {
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      }
      // SQLite stays in autocommit mode between transactions (sqlite-jdbc would otherwise open the next
      // transaction right after each commit and hold the database); transactions are explicit BEGIN/COMMIT.
      return c;
    } catch (SQLException e) {
      throw new StorageException("Cannot open the storage " + url.redacted() + ": " + url.scrub(e.getMessage()),
          e.getSQLState());
    }
  }

  private static final String[] SQLITE_DDL = {
      "CREATE TABLE studies (study_id INTEGER NOT NULL, study_name VARCHAR(512) NOT NULL, PRIMARY KEY (study_id))",
      "CREATE UNIQUE INDEX ix_studies_study_name ON studies (study_name)",
      "CREATE TABLE version_info (version_info_id INTEGER NOT NULL, schema_version INTEGER, library_version"
          + " VARCHAR(256), PRIMARY KEY (version_info_id), CHECK (version_info_id=1))",
      "CREATE TABLE study_directions (study_direction_id INTEGER NOT NULL, direction VARCHAR(8) NOT NULL,"
          + " study_id INTEGER NOT NULL, objective INTEGER NOT NULL, PRIMARY KEY (study_direction_id),"
          + " UNIQUE (study_id, objective), FOREIGN KEY(study_id) REFERENCES studies (study_id))",
      "CREATE TABLE study_user_attributes (study_user_attribute_id INTEGER NOT NULL, study_id INTEGER,"
          + " \"key\" VARCHAR(512), value_json TEXT, PRIMARY KEY (study_user_attribute_id),"
          + " UNIQUE (study_id, \"key\"), FOREIGN KEY(study_id) REFERENCES studies (study_id))",
      "CREATE TABLE study_system_attributes (study_system_attribute_id INTEGER NOT NULL, study_id INTEGER,"
          + " \"key\" VARCHAR(512), value_json TEXT, PRIMARY KEY (study_system_attribute_id),"
          + " UNIQUE (study_id, \"key\"), FOREIGN KEY(study_id) REFERENCES studies (study_id))",
      "CREATE TABLE trials (trial_id INTEGER NOT NULL, number INTEGER, study_id INTEGER, state VARCHAR(8) NOT NULL,"
          + " datetime_start DATETIME, datetime_complete DATETIME, PRIMARY KEY (trial_id),"
          + " FOREIGN KEY(study_id) REFERENCES studies (study_id))",
      "CREATE TABLE trial_user_attributes (trial_user_attribute_id INTEGER NOT NULL, trial_id INTEGER,"
          + " \"key\" VARCHAR(512), value_json TEXT, PRIMARY KEY (trial_user_attribute_id),"
          + " UNIQUE (trial_id, \"key\"), FOREIGN KEY(trial_id) REFERENCES trials (trial_id))",
      "CREATE TABLE trial_system_attributes (trial_system_attribute_id INTEGER NOT NULL, trial_id INTEGER,"
          + " \"key\" VARCHAR(512), value_json TEXT, PRIMARY KEY (trial_system_attribute_id),"
          + " UNIQUE (trial_id, \"key\"), FOREIGN KEY(trial_id) REFERENCES trials (trial_id))",
      "CREATE TABLE trial_params (param_id INTEGER NOT NULL, trial_id INTEGER, param_name VARCHAR(512),"
          + " param_value FLOAT, distribution_json TEXT, PRIMARY KEY (param_id), UNIQUE (trial_id, param_name),"
          + " FOREIGN KEY(trial_id) REFERENCES trials (trial_id))",
      "CREATE TABLE trial_values (trial_value_id INTEGER NOT NULL, trial_id INTEGER NOT NULL,"
          + " objective INTEGER NOT NULL, value FLOAT, value_type VARCHAR(7) NOT NULL, PRIMARY KEY (trial_value_id),"
          + " UNIQUE (trial_id, objective), FOREIGN KEY(trial_id) REFERENCES trials (trial_id))",
      "CREATE TABLE trial_intermediate_values (trial_intermediate_value_id INTEGER NOT NULL,"
          + " trial_id INTEGER NOT NULL, step INTEGER NOT NULL, intermediate_value FLOAT,"
          + " intermediate_value_type VARCHAR(7) NOT NULL, PRIMARY KEY (trial_intermediate_value_id),"
          + " UNIQUE (trial_id, step), FOREIGN KEY(trial_id) REFERENCES trials (trial_id))",
      "CREATE TABLE trial_heartbeats (trial_heartbeat_id INTEGER NOT NULL, trial_id INTEGER NOT NULL,"
          + " heartbeat DATETIME NOT NULL, PRIMARY KEY (trial_heartbeat_id), UNIQUE (trial_id),"
          + " FOREIGN KEY(trial_id) REFERENCES trials (trial_id))",
      "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL,"
          + " CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))",
  };

  private static final String[] POSTGRESQL_DDL = {
      "CREATE TYPE studydirection AS ENUM ('NOT_SET', 'MINIMIZE', 'MAXIMIZE')",
      "CREATE TYPE trialintermediatevaluetype AS ENUM ('FINITE', 'INF_POS', 'INF_NEG', 'NAN')",
      "CREATE TYPE trialstate AS ENUM ('RUNNING', 'COMPLETE', 'PRUNED', 'FAIL', 'WAITING')",
      "CREATE TYPE trialvaluetype AS ENUM ('FINITE', 'INF_POS', 'INF_NEG')",
      "CREATE TABLE studies (study_id SERIAL NOT NULL, study_name VARCHAR(512) NOT NULL, PRIMARY KEY (study_id))",
      "CREATE UNIQUE INDEX ix_studies_study_name ON studies (study_name)",
      "CREATE TABLE version_info (version_info_id INTEGER NOT NULL, schema_version INTEGER, library_version"
          + " VARCHAR(256), PRIMARY KEY (version_info_id), CHECK (version_info_id=1))",
      "CREATE TABLE study_directions (study_direction_id SERIAL NOT NULL, direction studydirection NOT NULL,"
          + " study_id INTEGER NOT NULL, objective INTEGER NOT NULL, PRIMARY KEY (study_direction_id),"
          + " UNIQUE (study_id, objective), FOREIGN KEY(study_id) REFERENCES studies (study_id))",
      "CREATE TABLE study_user_attributes (study_user_attribute_id SERIAL NOT NULL, study_id INTEGER,"
          + " key VARCHAR(512), value_json TEXT, PRIMARY KEY (study_user_attribute_id),"
          + " UNIQUE (study_id, key), FOREIGN KEY(study_id) REFERENCES studies (study_id))",
      "CREATE TABLE study_system_attributes (study_system_attribute_id SERIAL NOT NULL, study_id INTEGER,"
          + " key VARCHAR(512), value_json TEXT, PRIMARY KEY (study_system_attribute_id),"
          + " UNIQUE (study_id, key), FOREIGN KEY(study_id) REFERENCES studies (study_id))",
      "CREATE TABLE trials (trial_id SERIAL NOT NULL, number INTEGER, study_id INTEGER, state trialstate NOT NULL,"
          + " datetime_start TIMESTAMP WITHOUT TIME ZONE, datetime_complete TIMESTAMP WITHOUT TIME ZONE,"
          + " PRIMARY KEY (trial_id), FOREIGN KEY(study_id) REFERENCES studies (study_id))",
      "CREATE TABLE trial_user_attributes (trial_user_attribute_id SERIAL NOT NULL, trial_id INTEGER,"
          + " key VARCHAR(512), value_json TEXT, PRIMARY KEY (trial_user_attribute_id),"
          + " UNIQUE (trial_id, key), FOREIGN KEY(trial_id) REFERENCES trials (trial_id))",
      "CREATE TABLE trial_system_attributes (trial_system_attribute_id SERIAL NOT NULL, trial_id INTEGER,"
          + " key VARCHAR(512), value_json TEXT, PRIMARY KEY (trial_system_attribute_id),"
          + " UNIQUE (trial_id, key), FOREIGN KEY(trial_id) REFERENCES trials (trial_id))",
      "CREATE TABLE trial_params (param_id SERIAL NOT NULL, trial_id INTEGER, param_name VARCHAR(512),"
          + " param_value DOUBLE PRECISION, distribution_json TEXT, PRIMARY KEY (param_id),"
          + " UNIQUE (trial_id, param_name), FOREIGN KEY(trial_id) REFERENCES trials (trial_id))",
      "CREATE TABLE trial_values (trial_value_id SERIAL NOT NULL, trial_id INTEGER NOT NULL,"
          + " objective INTEGER NOT NULL, value DOUBLE PRECISION, value_type trialvaluetype NOT NULL,"
          + " PRIMARY KEY (trial_value_id), UNIQUE (trial_id, objective),"
          + " FOREIGN KEY(trial_id) REFERENCES trials (trial_id))",
      "CREATE TABLE trial_intermediate_values (trial_intermediate_value_id SERIAL NOT NULL,"
          + " trial_id INTEGER NOT NULL, step INTEGER NOT NULL, intermediate_value DOUBLE PRECISION,"
          + " intermediate_value_type trialintermediatevaluetype NOT NULL,"
          + " PRIMARY KEY (trial_intermediate_value_id), UNIQUE (trial_id, step),"
          + " FOREIGN KEY(trial_id) REFERENCES trials (trial_id))",
      "CREATE TABLE trial_heartbeats (trial_heartbeat_id SERIAL NOT NULL, trial_id INTEGER NOT NULL,"
          + " heartbeat TIMESTAMP WITHOUT TIME ZONE NOT NULL, PRIMARY KEY (trial_heartbeat_id), UNIQUE (trial_id),"
          + " FOREIGN KEY(trial_id) REFERENCES trials (trial_id))",
      "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL,"
          + " CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))",
  };

  private boolean tableExists(String name) throws SQLException {
    DatabaseMetaData md = conn.getMetaData();
    try (ResultSet rs = md.getTables(null, null, name, new String[] {"TABLE"})) {
      while (rs.next()) {
        String schema = rs.getString("TABLE_SCHEM");
        if (dialect == StorageUrl.Dialect.SQLITE || schema == null || schema.equals(currentSchema())) {
          return true;
        }
      }
    }
    return false;
  }

  private String currentSchema() throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement("SELECT current_schema()"); ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getString(1) : "public";
    }
  }

  private void initSchema(boolean create) {
    tx(c -> {
      if (dialect == StorageUrl.Dialect.POSTGRESQL) {
        // Serializes concurrent first opens of an empty database (the key is an arbitrary constant).
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(7324617305)")) {
          ps.execute();
        }
      }
      boolean hasVersion = tableExists("version_info");
      boolean hasStudies = tableExists("studies");
      if (!hasVersion) {
        if (hasStudies) {
          throw new StorageException("The storage " + url.redacted() + " has a 'studies' table but no"
              + " 'version_info' table: it was not written by Optuna >= 0.9 or minima4j, and is left untouched.");
        }
        if (!create) {
          throw new StorageException("The storage " + url.redacted() + " holds no Optuna schema.");
        }
        try (Statement st = c.createStatement()) {
          for (String ddl : dialect == StorageUrl.Dialect.SQLITE ? SQLITE_DDL : POSTGRESQL_DDL) {
            st.execute(ddl);
          }
        }
        try (PreparedStatement ps = c.prepareStatement(
            "INSERT INTO version_info (version_info_id, schema_version, library_version) VALUES (1, ?, ?)")) {
          ps.setInt(1, SCHEMA_VERSION);
          ps.setString(2, OPTUNA_VERSION);
          ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO alembic_version (version_num) VALUES (?)")) {
          ps.setString(1, ALEMBIC_REVISION);
          ps.executeUpdate();
        }
        LOG.log(System.Logger.Level.DEBUG, "Created Optuna " + OPTUNA_VERSION + " tables in " + url.redacted());
        return null;
      }
      Integer schemaVersion = null;
      String library = null;
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT schema_version, library_version FROM version_info WHERE version_info_id = 1");
          ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          schemaVersion = rs.getInt(1);
          library = rs.getString(2);
        }
      }
      String revision = null;
      if (tableExists("alembic_version")) {
        try (PreparedStatement ps = c.prepareStatement("SELECT version_num FROM alembic_version");
            ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            revision = rs.getString(1);
          }
        }
      }
      if (!Objects.equals(schemaVersion, SCHEMA_VERSION) || !ALEMBIC_REVISION.equals(revision)) {
        throw new StorageException("The storage " + url.redacted() + " has the schema of Optuna " + library
            + " (schema version " + schemaVersion + ", alembic revision " + revision + "); minima4j reads and"
            + " writes only Optuna 3.1's schema (schema version " + SCHEMA_VERSION + ", alembic revision "
            + ALEMBIC_REVISION + "). Upgrade an older storage with `optuna storage upgrade` of Optuna 3.1, or"
            + " use a new database.");
      }
      return null;
    });
  }

  // ------------------------------------------------------------------ transactions

  @FunctionalInterface
  private interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /** Runs {@code work} in a write transaction (SQLite: {@code BEGIN IMMEDIATE}, taking the write lock first). */
  private <T> T tx(Work<T> work) {
    return transaction(work, false);
  }

  /** Runs {@code work} in a read transaction (SQLite: {@code BEGIN DEFERRED}, never blocked by a writer in WAL). */
  private <T> T read(Work<T> work) {
    return transaction(work, true);
  }

  private void sqlite(String statement) throws SQLException {
    try (Statement st = conn.createStatement()) {
      st.execute(statement);
    }
  }

  private synchronized <T> T transaction(Work<T> work, boolean readOnly) {
    if (closed) {
      throw new IllegalStateException("The storage " + url.redacted() + " is closed.");
    }
    boolean lite = dialect == StorageUrl.Dialect.SQLITE;
    for (int attempt = 0;; attempt++) {
      try {
        if (lite) {
          sqlite(readOnly ? "BEGIN DEFERRED" : "BEGIN IMMEDIATE");
        }
        T r = work.run(conn);
        if (lite) {
          sqlite("COMMIT");
        } else {
          conn.commit();
        }
        return r;
      } catch (SQLException e) {
        rollbackQuietly();
        if (retryable(e) && attempt < MAX_RETRIES) {
          LOG.log(System.Logger.Level.DEBUG, "retrying a transaction on " + url.redacted() + " after "
              + url.scrub(e.getMessage()));
          sleepBackoff(attempt);
          continue;
        }
        throw translate(e);
      } catch (RuntimeException | Error e) {
        rollbackQuietly();
        throw e;
      }
    }
  }

  private boolean retryable(SQLException e) {
    String state = e.getSQLState();
    if (dialect == StorageUrl.Dialect.POSTGRESQL) {
      return "40001".equals(state) || "40P01".equals(state);
    }
    int code = e.getErrorCode() & 0xff;
    return code == 5 || code == 6; // SQLITE_BUSY, SQLITE_LOCKED (after the busy timeout)
  }

  private static void sleepBackoff(int attempt) {
    try {
      Thread.sleep(Math.min(1000L, 5L << attempt));
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
      throw new StorageException("interrupted while retrying a transaction");
    }
  }

  private boolean uniqueViolation(SQLException e) {
    if (dialect == StorageUrl.Dialect.POSTGRESQL) {
      return "23505".equals(e.getSQLState());
    }
    return (e.getErrorCode() & 0xff) == 19; // SQLITE_CONSTRAINT
  }

  private RuntimeException translate(SQLException e) {
    return new StorageException("Storage error on " + url.redacted() + ": " + url.scrub(e.getMessage()),
        e.getSQLState());
  }

  private void rollbackQuietly() {
    try {
      if (dialect == StorageUrl.Dialect.SQLITE) {
        sqlite("ROLLBACK"); // fails harmlessly when BEGIN itself failed
      } else {
        conn.rollback();
      }
    } catch (SQLException ignored) {
      LOG.log(System.Logger.Level.DEBUG, "rollback failed on " + url.redacted());
    }
  }

  private void closeQuietly() {
    try {
      conn.close();
    } catch (SQLException ignored) {
      LOG.log(System.Logger.Level.DEBUG, "close failed on " + url.redacted());
    }
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      rollbackQuietly();
      closeQuietly();
    }
  }

  // ------------------------------------------------------------------ small SQL helpers

  private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    for (int i = 0; i < args.length; i++) {
      Object a = args[i];
      if (a == null) {
        ps.setObject(i + 1, null);
      } else if (a instanceof Integer v) {
        ps.setInt(i + 1, v);
      } else if (a instanceof Long v) {
        ps.setLong(i + 1, v);
      } else if (a instanceof Double v) {
        ps.setDouble(i + 1, v);
      } else if (a instanceof String v) {
        ps.setString(i + 1, v);
      } else {
        throw new IllegalArgumentException("unsupported SQL parameter type " + a.getClass());
      }
    }
    return ps;
  }

  private static int update(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = prepare(c, sql, args)) {
      return ps.executeUpdate();
    }
  }

  private static Integer queryInt(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = prepare(c, sql, args); ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getInt(1) : null;
    }
  }

  private void setTime(PreparedStatement ps, int i, Instant t) throws SQLException {
    if (t == null) {
      ps.setObject(i, null);
      return;
    }
    // Optuna stores naive local times (datetime.now()).
    LocalDateTime ldt = LocalDateTime.ofInstant(t, ZoneId.systemDefault());
    if (dialect == StorageUrl.Dialect.SQLITE) {
      ps.setString(i, SQLITE_WRITE.format(ldt));
    } else {
      ps.setObject(i, ldt);
    }
  }

  private Instant getTime(ResultSet rs, int i) throws SQLException {
    LocalDateTime ldt;
    if (dialect == StorageUrl.Dialect.SQLITE) {
      String s = rs.getString(i);
      if (s == null) {
        return null;
      }
      ldt = LocalDateTime.parse(s.replace('T', ' '), SQLITE_TIME);
    } else {
      ldt = rs.getObject(i, LocalDateTime.class);
      if (ldt == null) {
        return null;
      }
    }
    return ldt.atZone(ZoneId.systemDefault()).toInstant();
  }

  private static String valueType(double v) {
    return v == Double.POSITIVE_INFINITY ? "INF_POS" : v == Double.NEGATIVE_INFINITY ? "INF_NEG" : "FINITE";
  }

  private static double fromValueType(String type, double stored, boolean wasNull) {
    switch (type) {
      case "INF_POS":
        return Double.POSITIVE_INFINITY;
      case "INF_NEG":
        return Double.NEGATIVE_INFINITY;
      case "NAN":
        return Double.NaN;
      default:
        return wasNull ? Double.NaN : stored;
    }
  }

  private static Double finiteOrNull(double v) {
    return Double.isFinite(v) ? v : null;
  }

  // ------------------------------------------------------------------ studies

  @Override
  public int createNewStudy(List<StudyDirection> directions, String studyName) {
    if (directions == null || directions.isEmpty()) {
      throw new IllegalArgumentException("directions must not be empty");
    }
    if (studyName == null) {
      throw new IllegalArgumentException("studyName must not be null");
    }
    int id = tx(c -> {
      if (queryInt(c, "SELECT study_id FROM studies WHERE study_name = ?", studyName) != null) {
        throw new IllegalArgumentException("Another study with name '" + studyName + "' already exists.");
      }
      int sid;
      try {
        sid = queryInt(c, "INSERT INTO studies (study_name) VALUES (?) RETURNING study_id", studyName);
      } catch (SQLException e) {
        if (uniqueViolation(e)) {
          throw new IllegalArgumentException("Another study with name '" + studyName + "' already exists.");
        }
        throw e;
      }
      for (int k = 0; k < directions.size(); k++) {
        update(c, "INSERT INTO study_directions (direction, study_id, objective) VALUES (?, ?, ?)",
            directions.get(k).name(), sid, k);
      }
      return sid;
    });
    directionsCache.put(id, List.copyOf(directions));
    LOG.log(System.Logger.Level.INFO, "A new study created in " + url.redacted() + " with name: " + studyName);
    return id;
  }

  @Override
  public void deleteStudy(int studyId) {
    tx(c -> {
      requireStudy(c, studyId);
      String sub = " WHERE trial_id IN (SELECT trial_id FROM trials WHERE study_id = ?)";
      for (String table : new String[] {"trial_params", "trial_values", "trial_intermediate_values",
          "trial_user_attributes", "trial_system_attributes", "trial_heartbeats"}) {
        update(c, "DELETE FROM " + table + sub, studyId);
      }
      update(c, "DELETE FROM trials WHERE study_id = ?", studyId);
      update(c, "DELETE FROM study_user_attributes WHERE study_id = ?", studyId);
      update(c, "DELETE FROM study_system_attributes WHERE study_id = ?", studyId);
      update(c, "DELETE FROM study_directions WHERE study_id = ?", studyId);
      update(c, "DELETE FROM studies WHERE study_id = ?", studyId);
      return null;
    });
    finishedCache.clear();
    trialKeys.clear();
    directionsCache.remove(studyId);
    distributionCache.remove(studyId);
  }

  private void requireStudy(Connection c, int studyId) throws SQLException {
    if (queryInt(c, "SELECT study_id FROM studies WHERE study_id = ?", studyId) == null) {
      throw new NoSuchElementException("No study with study_id " + studyId + " exists.");
    }
  }

  @Override
  public int getStudyIdFromName(String studyName) {
    Integer id = read(c -> queryInt(c, "SELECT study_id FROM studies WHERE study_name = ?", studyName));
    if (id == null) {
      throw new NoSuchElementException("No such study " + studyName + " in " + url.redacted() + ".");
    }
    return id;
  }

  @Override
  public String getStudyNameFromId(int studyId) {
    String name = read(c -> {
      try (PreparedStatement ps = prepare(c, "SELECT study_name FROM studies WHERE study_id = ?", studyId);
          ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    });
    if (name == null) {
      throw new NoSuchElementException("No study with study_id " + studyId + " exists.");
    }
    return name;
  }

  @Override
  public List<StudyDirection> getStudyDirections(int studyId) {
    List<StudyDirection> cached = directionsCache.get(studyId);
    if (cached != null) {
      return cached;
    }
    List<StudyDirection> ds = read(c -> {
      requireStudy(c, studyId);
      List<StudyDirection> out = new ArrayList<>();
      try (PreparedStatement ps = prepare(c,
          "SELECT direction FROM study_directions WHERE study_id = ? ORDER BY objective", studyId);
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String d = rs.getString(1);
          if (d.equals("NOT_SET")) {
            throw new StorageException("Study " + studyId + " in " + url.redacted() + " has direction NOT_SET.");
          }
          out.add(StudyDirection.valueOf(d));
        }
      }
      return List.copyOf(out);
    });
    directionsCache.put(studyId, ds);
    return ds;
  }

  @Override
  public List<String> getAllStudyNames() {
    return read(c -> {
      List<String> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT study_name FROM studies ORDER BY study_id");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
      return out;
    });
  }

  @Override
  public void setStudyUserAttr(int studyId, String key, Object value) {
    setStudyAttr("study_user_attributes", studyId, key, value);
  }

  @Override
  public void setStudySystemAttr(int studyId, String key, Object value) {
    setStudyAttr("study_system_attributes", studyId, key, value);
  }

  private void setStudyAttr(String table, int studyId, String key, Object value) {
    String json = OptunaJson.write(value);
    tx(c -> {
      requireStudy(c, studyId);
      update(c, "INSERT INTO " + table + " (study_id, key, value_json) VALUES (?, ?, ?)"
          + " ON CONFLICT (study_id, key) DO UPDATE SET value_json = excluded.value_json", studyId, key, json);
      return null;
    });
  }

  /**
   * Sets a study system attribute only if it is absent, atomically across processes; returns whether this
   * call set it. Workers use it to do something once per study (enqueue a grid).
   */
  public boolean setStudySystemAttrIfAbsent(int studyId, String key, Object value) {
    String json = OptunaJson.write(value);
    return tx(c -> {
      requireStudy(c, studyId);
      return update(c, "INSERT INTO study_system_attributes (study_id, key, value_json) VALUES (?, ?, ?)"
          + " ON CONFLICT (study_id, key) DO NOTHING", studyId, key, json) == 1;
    });
  }

  @Override
  public Map<String, Object> getStudyUserAttrs(int studyId) {
    return studyAttrs("study_user_attributes", studyId);
  }

  @Override
  public Map<String, Object> getStudySystemAttrs(int studyId) {
    return studyAttrs("study_system_attributes", studyId);
  }

  private Map<String, Object> studyAttrs(String table, int studyId) {
    return read(c -> {
      requireStudy(c, studyId);
      Map<String, Object> out = new LinkedHashMap<>();
      try (PreparedStatement ps = prepare(c, "SELECT key, value_json FROM " + table
          + " WHERE study_id = ? ORDER BY 1", studyId); ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(1), OptunaJson.read(rs.getString(2)));
        }
      }
      return Collections.unmodifiableMap(out);
    });
  }

  // ------------------------------------------------------------------ trials: writes

  @Override
  public int createNewTrial(int studyId, FrozenTrial template) {
    if (template != null) {
      for (Map.Entry<String, Distribution> e : template.distributions().entrySet()) {
        checkCompatible(studyId, e.getKey(), e.getValue());
      }
    }
    return tx(c -> {
      if (dialect == StorageUrl.Dialect.POSTGRESQL) {
        if (queryInt(c, "SELECT study_id FROM studies WHERE study_id = ? FOR UPDATE", studyId) == null) {
          throw new NoSuchElementException("No study with study_id " + studyId + " exists.");
        }
      } else {
        requireStudy(c, studyId);
      }
      int number = queryInt(c, "SELECT COUNT(*) FROM trials WHERE study_id = ?", studyId);
      TrialState state = template == null ? TrialState.RUNNING : template.state();
      Instant start = template == null ? Instant.now() : template.datetimeStart();
      if (start == null && state != TrialState.WAITING) {
        start = Instant.now();
      }
      Instant complete = template == null ? null : template.datetimeComplete();
      if (complete == null && state.isFinished()) {
        complete = Instant.now();
      }
      int trialId;
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO trials (number, study_id, state, datetime_start,"
          + " datetime_complete) VALUES (?, ?, ?, ?, ?) RETURNING trial_id")) {
        ps.setInt(1, number);
        ps.setInt(2, studyId);
        ps.setString(3, state.name());
        setTime(ps, 4, start);
        setTime(ps, 5, complete);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          trialId = rs.getInt(1);
        }
      }
      trialKeys.put(trialId, new int[] {studyId, number});
      if (template != null) {
        for (Map.Entry<String, Double> e : template.internalParams().entrySet()) {
          insertParam(c, trialId, e.getKey(), e.getValue(), template.distributions().get(e.getKey()));
        }
        if (template.values() != null) {
          insertValues(c, trialId, template.values());
        }
        for (Map.Entry<Integer, Double> e : template.intermediateValues().entrySet()) {
          insertIntermediate(c, trialId, e.getKey(), e.getValue());
        }
        for (Map.Entry<String, Object> e : template.userAttrs().entrySet()) {
          upsertTrialAttr(c, "trial_user_attributes", trialId, e.getKey(), OptunaJson.write(e.getValue()));
        }
        for (Map.Entry<String, Object> e : template.systemAttrs().entrySet()) {
          upsertTrialAttr(c, "trial_system_attributes", trialId, e.getKey(), OptunaJson.write(e.getValue()));
        }
      }
      return trialId;
    });
  }

  private static void insertParam(Connection c, int trialId, String name, double internal, Distribution d)
      throws SQLException {
    update(c, "INSERT INTO trial_params (trial_id, param_name, param_value, distribution_json) VALUES (?, ?, ?, ?)",
        trialId, name, internal, OptunaJson.distributionToJson(d));
  }

  private static void insertValues(Connection c, int trialId, List<Double> values) throws SQLException {
    for (int k = 0; k < values.size(); k++) {
      double v = values.get(k);
      update(c, "INSERT INTO trial_values (trial_id, objective, value, value_type) VALUES (?, ?, ?, ?)", trialId, k,
          finiteOrNull(v), valueType(v));
    }
  }

  private static void insertIntermediate(Connection c, int trialId, int step, double v) throws SQLException {
    String type = Double.isNaN(v) ? "NAN" : valueType(v);
    update(c, "INSERT INTO trial_intermediate_values (trial_id, step, intermediate_value, intermediate_value_type)"
        + " VALUES (?, ?, ?, ?)", trialId, step, finiteOrNull(v), type);
  }

  private static void upsertTrialAttr(Connection c, String table, int trialId, String key, String json)
      throws SQLException {
    update(c, "INSERT INTO " + table + " (trial_id, key, value_json) VALUES (?, ?, ?)"
        + " ON CONFLICT (trial_id, key) DO UPDATE SET value_json = excluded.value_json", trialId, key, json);
  }

  /** The study and state of a trial, checking that it exists and (with {@code updatable}) is unfinished. */
  private int[] trialHeader(Connection c, int trialId, boolean updatable) throws SQLException {
    try (PreparedStatement ps = prepare(c, "SELECT study_id, number, state FROM trials WHERE trial_id = ?", trialId);
        ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        throw new NoSuchElementException("No trial with trial_id " + trialId + " exists.");
      }
      int studyId = rs.getInt(1);
      int number = rs.getInt(2);
      TrialState state = TrialState.valueOf(rs.getString(3));
      if (updatable && state.isFinished()) {
        throw new IllegalStateException("Trial#" + number + " has already finished and can not be updated.");
      }
      return new int[] {studyId, number, state.ordinal()};
    }
  }

  private void checkCompatible(int studyId, String name, Distribution d) {
    read(c -> {
      checkCompatible(c, studyId, name, d);
      return null;
    });
  }

  private void checkCompatible(Connection c, int studyId, String name, Distribution d) throws SQLException {
    Map<String, Distribution> known = distributionCache.computeIfAbsent(studyId, k -> new ConcurrentHashMap<>());
    Distribution old = known.get(name);
    if (old == null) {
      String json;
      try (PreparedStatement ps = prepare(c, "SELECT p.distribution_json FROM trial_params p JOIN trials t"
          + " ON p.trial_id = t.trial_id WHERE t.study_id = ? AND p.param_name = ? LIMIT 1", studyId, name);
          ResultSet rs = ps.executeQuery()) {
        json = rs.next() ? rs.getString(1) : null;
      }
      if (json == null) {
        return;
      }
      old = OptunaJson.jsonToDistribution(json);
      known.putIfAbsent(name, old);
    }
    if (old.getClass() != d.getClass()) {
      throw new IllegalArgumentException("Cannot set different distribution kind to the same parameter name ('"
          + name + "': " + old + " then " + d + ").");
    }
    if (old instanceof CategoricalDistribution a && !sameChoices(a.choices(), ((CategoricalDistribution) d).choices())) {
      throw new IllegalArgumentException("CategoricalDistribution does not support dynamic value space ('" + name
          + "': " + a.choices() + " then " + ((CategoricalDistribution) d).choices() + ").");
    }
  }

  /** Choices equal as Optuna compares them after a JSON round trip (1 == 1L, 1.0 == 1.0f). */
  private static boolean sameChoices(List<Object> a, List<Object> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      Object x = a.get(i);
      Object y = b.get(i);
      if (x instanceof Number nx && y instanceof Number ny) {
        boolean fx = x instanceof Double || x instanceof Float;
        boolean fy = y instanceof Double || y instanceof Float;
        if (fx != fy || nx.doubleValue() != ny.doubleValue()) {
          return false;
        }
      } else if (!Objects.equals(x, y)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void setTrialParam(int trialId, String paramName, double internalValue, Distribution distribution) {
    int studyId = tx(c -> {
      int[] key = trialKeys.get(trialId);
      if (key == null) {
        int[] h = trialHeader(c, trialId, true);
        key = new int[] {h[0], h[1]};
        trialKeys.put(trialId, key);
      }
      checkCompatible(c, key[0], paramName, distribution);
      int n;
      try {
        // One statement on the common path: the insert happens only while the trial is unfinished.
        n = update(c, "INSERT INTO trial_params (trial_id, param_name, param_value, distribution_json)"
            + " SELECT ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM trials WHERE trial_id = ? AND state IN (?, ?))",
            trialId, paramName, internalValue, OptunaJson.distributionToJson(distribution), trialId,
            TrialState.RUNNING.name(), TrialState.WAITING.name());
      } catch (SQLException e) {
        if (uniqueViolation(e)) {
          throw new IllegalArgumentException("Parameter '" + paramName + "' is already set in trial#" + key[1] + ".");
        }
        throw e;
      }
      if (n != 1) {
        trialHeader(c, trialId, true); // throws: finished or absent
      }
      return key[0];
    });
    distributionCache.computeIfAbsent(studyId, k -> new ConcurrentHashMap<>()).putIfAbsent(paramName, distribution);
  }

  @Override
  public boolean setTrialStateValues(int trialId, TrialState state, List<Double> values) {
    Objects.requireNonNull(state, "state");
    int[] key = trialKeys.get(trialId);
    if (state.isFinished() && key != null) {
      // Common path (tell): one conditional update, then the values.
      return tx(c -> finish(c, trialId, key[1], state, values));
    }
    return tx(c -> {
      int[] h = trialHeader(c, trialId, false);
      TrialState current = TrialState.values()[h[2]];
      if (state == TrialState.RUNNING) {
        // Popping an enqueued trial: whoever claimed it first (and may have finished it since) won.
        if (current != TrialState.WAITING) {
          return false;
        }
        try (PreparedStatement ps = c.prepareStatement(
            "UPDATE trials SET state = ?, datetime_start = ? WHERE trial_id = ? AND state = ?")) {
          ps.setString(1, TrialState.RUNNING.name());
          setTime(ps, 2, Instant.now());
          ps.setInt(3, trialId);
          ps.setString(4, TrialState.WAITING.name());
          return ps.executeUpdate() == 1;
        }
      }
      if (current.isFinished()) {
        throw new IllegalStateException("Trial#" + h[1] + " has already finished and can not be updated.");
      }
      return finish(c, trialId, h[1], state, values);
    });
  }

  /** The conditional state change of an unfinished trial, and its values. */
  private boolean finish(Connection c, int trialId, int number, TrialState state, List<Double> values)
      throws SQLException {
    int n;
    try (PreparedStatement ps = c.prepareStatement("UPDATE trials SET state = ?, datetime_complete = ?"
        + " WHERE trial_id = ? AND state IN (?, ?)")) {
      ps.setString(1, state.name());
      setTime(ps, 2, state.isFinished() ? Instant.now() : null);
      ps.setInt(3, trialId);
      ps.setString(4, TrialState.RUNNING.name());
      ps.setString(5, TrialState.WAITING.name());
      n = ps.executeUpdate();
    }
    if (n != 1) {
      trialHeader(c, trialId, true); // throws: absent, or finished meanwhile
      throw new IllegalStateException("Trial#" + number + " has already finished and can not be updated.");
    }
    if (values != null) {
      // An unfinished trial has no values yet (Optuna stores them when it finishes).
      insertValues(c, trialId, values);
    }
    return true;
  }

  @Override
  public void setTrialIntermediateValue(int trialId, int step, double value) {
    tx(c -> {
      trialHeader(c, trialId, true);
      if (queryInt(c, "SELECT step FROM trial_intermediate_values WHERE trial_id = ? AND step = ?", trialId, step)
          == null) {
        insertIntermediate(c, trialId, step, value);
      }
      return null;
    });
  }

  @Override
  public void setTrialUserAttr(int trialId, String key, Object value) {
    setTrialAttr("trial_user_attributes", trialId, key, value);
  }

  @Override
  public void setTrialSystemAttr(int trialId, String key, Object value) {
    setTrialAttr("trial_system_attributes", trialId, key, value);
  }

  private void setTrialAttr(String table, int trialId, String key, Object value) {
    String json = OptunaJson.write(value);
    tx(c -> {
      trialHeader(c, trialId, true);
      upsertTrialAttr(c, table, trialId, key, json);
      return null;
    });
  }

  // ------------------------------------------------------------------ trials: reads

  private static final class Row {
    final int trialId;
    final int number;
    final TrialState state;
    final Instant start;
    final Instant complete;
    final Map<String, Double> params = new LinkedHashMap<>();
    final Map<String, Distribution> dists = new LinkedHashMap<>();
    final TreeMap<Integer, Double> values = new TreeMap<>();
    final Map<Integer, Double> intermediate = new TreeMap<>();
    final Map<String, Object> userAttrs = new LinkedHashMap<>();
    final Map<String, Object> systemAttrs = new LinkedHashMap<>();

    Row(int trialId, int number, TrialState state, Instant start, Instant complete) {
      this.trialId = trialId;
      this.number = number;
      this.state = state;
      this.start = start;
      this.complete = complete;
    }

    FrozenTrial freeze() {
      List<Double> vs = values.isEmpty() ? null : new ArrayList<>(values.values());
      return new FrozenTrial(number, trialId, state, vs, start, complete, params, dists, userAttrs, systemAttrs,
          intermediate);
    }
  }

  /**
   * Loads trials of one study (or one trial) with id >= {@code fromTrialId}: six queries, each over the whole
   * range, whatever the number of trials.
   */
  private Map<Integer, Row> load(Connection c, String where, Object... args) throws SQLException {
    Map<Integer, Row> rows = new LinkedHashMap<>();
    try (PreparedStatement ps = prepare(c, "SELECT t.trial_id, t.number, t.state, t.datetime_start,"
        + " t.datetime_complete FROM trials t WHERE " + where + " ORDER BY t.number, t.trial_id", args);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        int id = rs.getInt(1);
        rows.put(id, new Row(id, rs.getInt(2), TrialState.valueOf(rs.getString(3)), getTime(rs, 4), getTime(rs, 5)));
      }
    }
    if (rows.isEmpty()) {
      return rows;
    }
    Map<String, Distribution> parsed = new HashMap<>();
    try (PreparedStatement ps = prepare(c, "SELECT p.trial_id, p.param_name, p.param_value, p.distribution_json"
        + " FROM trial_params p JOIN trials t ON p.trial_id = t.trial_id WHERE " + where + " ORDER BY p.param_id",
        args); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        Row r = rows.get(rs.getInt(1));
        if (r != null) {
          String json = rs.getString(4);
          Distribution d = parsed.computeIfAbsent(json, OptunaJson::jsonToDistribution);
          r.params.put(rs.getString(2), rs.getDouble(3));
          r.dists.put(rs.getString(2), d);
        }
      }
    }
    try (PreparedStatement ps = prepare(c, "SELECT v.trial_id, v.objective, v.value, v.value_type"
        + " FROM trial_values v JOIN trials t ON v.trial_id = t.trial_id WHERE " + where, args);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        Row r = rows.get(rs.getInt(1));
        if (r != null) {
          double v = rs.getDouble(3);
          r.values.put(rs.getInt(2), fromValueType(rs.getString(4), v, rs.wasNull()));
        }
      }
    }
    try (PreparedStatement ps = prepare(c, "SELECT v.trial_id, v.step, v.intermediate_value,"
        + " v.intermediate_value_type FROM trial_intermediate_values v JOIN trials t ON v.trial_id = t.trial_id"
        + " WHERE " + where, args); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        Row r = rows.get(rs.getInt(1));
        if (r != null) {
          double v = rs.getDouble(3);
          r.intermediate.put(rs.getInt(2), fromValueType(rs.getString(4), v, rs.wasNull()));
        }
      }
    }
    for (String table : new String[] {"trial_user_attributes", "trial_system_attributes"}) {
      boolean user = table.equals("trial_user_attributes");
      try (PreparedStatement ps = prepare(c, "SELECT a.trial_id, a.key, a.value_json FROM " + table
          + " a JOIN trials t ON a.trial_id = t.trial_id WHERE " + where + " ORDER BY 1, 2", args);
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Row r = rows.get(rs.getInt(1));
          if (r != null) {
            (user ? r.userAttrs : r.systemAttrs).put(rs.getString(2), OptunaJson.read(rs.getString(3)));
          }
        }
      }
    }
    return rows;
  }

  @Override
  public FrozenTrial getTrial(int trialId) {
    FrozenTrial cached = finishedCache.get(trialId);
    if (cached != null) {
      return cached;
    }
    Map<Integer, Row> rows = read(c -> load(c, "t.trial_id = ?", trialId));
    Row r = rows.get(trialId);
    if (r == null) {
      throw new NoSuchElementException("No trial with trial_id " + trialId + " exists.");
    }
    FrozenTrial t = r.freeze();
    if (t.state().isFinished()) {
      finishedCache.put(trialId, t);
    }
    return t;
  }

  @Override
  public List<FrozenTrial> getAllTrials(int studyId, Set<TrialState> states) {
    return read(c -> {
      requireStudy(c, studyId);
      // Headers first; only trials not cached as finished are loaded in full.
      List<int[]> headers = new ArrayList<>();
      int firstUncached = Integer.MAX_VALUE;
      try (PreparedStatement ps = prepare(c,
          "SELECT trial_id, state FROM trials WHERE study_id = ? ORDER BY number, trial_id", studyId);
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          int id = rs.getInt(1);
          TrialState s = TrialState.valueOf(rs.getString(2));
          headers.add(new int[] {id, s.ordinal()});
          if ((states == null || states.contains(s)) && !finishedCache.containsKey(id)) {
            firstUncached = Math.min(firstUncached, id);
          }
        }
      }
      Map<Integer, Row> rows = firstUncached == Integer.MAX_VALUE ? Map.of()
          : load(c, "t.study_id = ? AND t.trial_id >= ?", studyId, firstUncached);
      List<FrozenTrial> out = new ArrayList<>(headers.size());
      for (int[] h : headers) {
        TrialState s = TrialState.values()[h[1]];
        if (states != null && !states.contains(s)) {
          continue;
        }
        FrozenTrial t = finishedCache.get(h[0]);
        if (t == null) {
          Row r = rows.get(h[0]);
          if (r == null) {
            continue;
          }
          t = r.freeze();
          if (t.state().isFinished()) {
            finishedCache.put(h[0], t);
          }
        }
        out.add(t);
      }
      return out;
    });
  }

  @Override
  public int getNTrials(int studyId, Set<TrialState> states) {
    return read(c -> {
      requireStudy(c, studyId);
      if (states == null) {
        return queryInt(c, "SELECT COUNT(*) FROM trials WHERE study_id = ?", studyId);
      }
      int n = 0;
      for (TrialState s : EnumSet.copyOf(states.isEmpty() ? EnumSet.noneOf(TrialState.class) : states)) {
        n += queryInt(c, "SELECT COUNT(*) FROM trials WHERE study_id = ? AND state = ?", studyId, s.name());
      }
      return n;
    });
  }

  @Override
  public int getTrialIdFromStudyIdTrialNumber(int studyId, int trialNumber) {
    Integer id = read(c -> queryInt(c, "SELECT trial_id FROM trials WHERE study_id = ? AND number = ?", studyId,
        trialNumber));
    if (id == null) {
      throw new NoSuchElementException("No trial with trial number " + trialNumber + " exists in study with"
          + " study_id " + studyId + ".");
    }
    return id;
  }

  // ------------------------------------------------------------------ heartbeats

  @Override
  public void recordHeartbeat(int trialId) {
    tx(c -> {
      trialHeader(c, trialId, true);
      update(c, "INSERT INTO trial_heartbeats (trial_id, heartbeat) VALUES (?, CURRENT_TIMESTAMP)"
          + " ON CONFLICT (trial_id) DO UPDATE SET heartbeat = CURRENT_TIMESTAMP", trialId);
      return null;
    });
  }

  /**
   * RUNNING trials whose heartbeat, by the database's clock (as Optuna), is older than {@code gracePeriod}.
   * SQLite stores heartbeats with whole seconds, as Optuna does.
   */
  @Override
  public List<Integer> getStaleTrialIds(int studyId, Duration gracePeriod) {
    double seconds = gracePeriod.toNanos() / 1e9;
    return read(c -> {
      requireStudy(c, studyId);
      String sql = dialect == StorageUrl.Dialect.SQLITE
          ? "SELECT t.trial_id FROM trials t JOIN trial_heartbeats h ON h.trial_id = t.trial_id WHERE t.study_id = ?"
              + " AND t.state = ? AND (julianday(CURRENT_TIMESTAMP) - julianday(h.heartbeat)) * 86400.0 > ?"
              + " ORDER BY t.number"
          : "SELECT t.trial_id FROM trials t JOIN trial_heartbeats h ON h.trial_id = t.trial_id WHERE t.study_id = ?"
              + " AND t.state = ? AND EXTRACT(EPOCH FROM (CAST(CURRENT_TIMESTAMP AS TIMESTAMP) - h.heartbeat)) > ?"
              + " ORDER BY t.number";
      List<Integer> out = new ArrayList<>();
      try (PreparedStatement ps = prepare(c, sql, studyId, TrialState.RUNNING.name(), seconds);
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getInt(1));
        }
      }
      return out;
    });
  }

  // ------------------------------------------------------------------ batch enqueue

  /**
   * Enqueues {@code templates} (WAITING trials) in one transaction, only if the study system attribute
   * {@code marker} is absent (it is set in the same transaction): of several processes calling this at once,
   * exactly one enqueues. Returns whether this call did.
   */
  public boolean enqueueOnce(int studyId, String marker, List<FrozenTrial> templates) {
    for (FrozenTrial t : templates) {
      if (t.state() != TrialState.WAITING) {
        throw new IllegalArgumentException("enqueueOnce takes WAITING trials, got " + t.state());
      }
    }
    return tx(c -> {
      if (dialect == StorageUrl.Dialect.POSTGRESQL) {
        queryInt(c, "SELECT study_id FROM studies WHERE study_id = ? FOR UPDATE", studyId);
      }
      requireStudy(c, studyId);
      if (update(c, "INSERT INTO study_system_attributes (study_id, key, value_json) VALUES (?, ?, ?)"
          + " ON CONFLICT (study_id, key) DO NOTHING", studyId, marker, "true") != 1) {
        return false;
      }
      int number = queryInt(c, "SELECT COUNT(*) FROM trials WHERE study_id = ?", studyId);
      for (FrozenTrial t : templates) {
        int trialId = queryInt(c, "INSERT INTO trials (number, study_id, state) VALUES (?, ?, ?) RETURNING trial_id",
            number++, studyId, TrialState.WAITING.name());
        for (Map.Entry<String, Double> e : t.internalParams().entrySet()) {
          insertParam(c, trialId, e.getKey(), e.getValue(), t.distributions().get(e.getKey()));
        }
        for (Map.Entry<String, Object> e : t.userAttrs().entrySet()) {
          upsertTrialAttr(c, "trial_user_attributes", trialId, e.getKey(), OptunaJson.write(e.getValue()));
        }
        for (Map.Entry<String, Object> e : t.systemAttrs().entrySet()) {
          upsertTrialAttr(c, "trial_system_attributes", trialId, e.getKey(), OptunaJson.write(e.getValue()));
        }
      }
      return true;
    });
  }

  @Override
  public String toString() {
    return "JdbcStorage[" + url.redacted() + "]";
  }
}
