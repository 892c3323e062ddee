package org.minima4j.tune.storages.jdbc;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;

/** Databases for the storage tests: SQLite files in a temporary folder, PostgreSQL schemas on loopback. */
final class TestDatabases {
  private TestDatabases() {
  }

  /** The test server, as started by scripts/setup-test-deps.sh; override with MINIMA_TEST_PG_URL. */
  static final String PG_BASE = System.getenv().getOrDefault("MINIMA_TEST_PG_URL",
      "jdbc:postgresql://127.0.0.1:5432/minima_test?user=minima&password=minima");

  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static volatile String pgProblem;
  private static volatile boolean pgChecked;

  static String sqlite(Path dir, String name) {
    return "jdbc:sqlite:" + dir.resolve(name + ".db");
  }

  /** Why PostgreSQL cannot be used here, or null when it can. */
  static synchronized String postgresProblem() {
    if (!pgChecked) {
      pgChecked = true;
      StorageUrl u = StorageUrl.parse(PG_BASE);
      java.util.Properties p = u.properties();
      p.setProperty("connectTimeout", "3");
      try (Connection c = DriverManager.getConnection(u.jdbcUrl(), p)) {
        pgProblem = c.isValid(3) ? null : "PostgreSQL test server " + u.redacted() + " does not answer";
        dropSchemasOfFinishedRuns(c);
      } catch (SQLException e) {
        pgProblem = "PostgreSQL test server " + u.redacted() + " not reachable (run scripts/setup-test-deps.sh as"
            + " root to install and start it): " + u.scrub(e.getMessage());
      }
    }
    return pgProblem;
  }

  /** Drops the test schemas (t_TAG_PID_N) of test JVMs that are no longer running. */
  private static void dropSchemasOfFinishedRuns(Connection c) throws SQLException {
    java.util.List<String> stale = new java.util.ArrayList<>();
    try (java.sql.PreparedStatement ps = c.prepareStatement(
        "SELECT nspname FROM pg_namespace WHERE nspname LIKE 't\\_%' AND nspowner = (SELECT oid FROM pg_roles"
            + " WHERE rolname = current_user)");
        java.sql.ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        String[] parts = rs.getString(1).split("_");
        if (parts.length == 4 && parts[2].matches("[0-9]+")
            && ProcessHandle.of(Long.parseLong(parts[2])).isEmpty()) {
          stale.add(rs.getString(1));
        }
      }
    }
    try (Statement st = c.createStatement()) {
      for (String schema : stale) {
        // Names come from pg_namespace and matched the t_TAG_PID_N pattern of this class.
        st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      }
    }
  }

  /** Skips the calling test, with the reason, when the PostgreSQL test server is not there. */
  static void assumePostgres() {
    String problem = postgresProblem();
    Assumptions.assumeTrue(problem == null, problem);
  }

  /** A fresh, empty schema on the PostgreSQL test server; returns a storage URL that uses it. */
  static String postgres(String tag) {
    assumePostgres();
    String schema = "t_" + tag + "_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
    StorageUrl u = StorageUrl.parse(PG_BASE);
    try (Connection c = DriverManager.getConnection(u.jdbcUrl(), u.properties());
        Statement st = c.createStatement()) {
      // The schema name is built here from a constant tag and counters, never from test data.
      st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      st.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      throw new IllegalStateException(u.scrub(e.getMessage()));
    }
    return PG_BASE + (PG_BASE.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }
}
