package dev.feder.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * An administrator's connection to the test database, beside Feder's pool, to do to Feder's
 * connections what a restart or an outage of PostgreSQL does, without stopping the server that the
 * other tests share: end every session of the database (as a restart does), or in addition refuse
 * new ones (as a database that is down does). Whoever refuses connections must allow them again.
 */
final class DatabaseControl implements AutoCloseable {

  private static final Duration PATIENCE = Duration.ofSeconds(20);

  private final Connection admin;
  private final String database;

  private DatabaseControl(Connection admin) throws SQLException {
    this.admin = admin;
    try (Statement statement = admin.createStatement();
        ResultSet rs = statement.executeQuery("SELECT current_database()")) {
      rs.next();
      this.database = rs.getString(1);
    }
  }

  /** Connects with the credentials Feder uses. */
  static DatabaseControl open() throws SQLException {
    return new DatabaseControl(connect());
  }

  /** A connection to the test database, or to another database of its server. */
  private static Connection connect(String otherDatabase) throws SQLException {
    Config config = ConfigProvider.getConfig();
    String url = config.getValue("quarkus.datasource.jdbc.url", String.class);
    return DriverManager.getConnection(
        otherDatabase == null ? url : withDatabase(url, otherDatabase),
        config.getValue("quarkus.datasource.username", String.class),
        config.getOptionalValue("quarkus.datasource.password", String.class).orElse(null));
  }

  /**
   * Ends every other session of the database, as a restart of the server does, and waits until they
   * are gone; returns how many there were.
   */
  int terminateOtherSessions() throws SQLException, InterruptedException {
    List<Integer> ended = new ArrayList<>();
    try (Statement statement = admin.createStatement();
        ResultSet rs =
            statement.executeQuery(
                "SELECT pid, pg_terminate_backend(pid) FROM pg_stat_activity"
                    + " WHERE datname = current_database() AND pid <> pg_backend_pid()")) {
      while (rs.next()) {
        if (rs.getBoolean(2)) {
          ended.add(rs.getInt(1));
        }
      }
    }
    until(() -> count("SELECT count(*) FROM pg_stat_activity WHERE pid = ANY (?)", ended) == 0);
    return ended.size();
  }

  /** Refuses new connections to the database and ends the open ones: the database is down. */
  void refuseConnections() throws SQLException, InterruptedException {
    alterAllowConnections(false);
    terminateOtherSessions();
  }

  /** Accepts connections again: the database is back. */
  void allowConnections() throws SQLException {
    alterAllowConnections(true);
  }

  /**
   * Waits for a session of Feder's that waits for a lock while running a statement on table {@code
   * article}, other than those given, and returns its process id.
   */
  int blockedSession(Set<Integer> except) throws SQLException, InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (System.nanoTime() < deadline) {
      try (PreparedStatement statement =
          admin.prepareStatement(
              "SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
                  + " AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'"
                  + " AND query ILIKE '%article%' AND NOT (pid = ANY (?))")) {
        statement.setArray(1, admin.createArrayOf("integer", except.toArray()));
        try (ResultSet rs = statement.executeQuery()) {
          if (rs.next()) {
            return rs.getInt(1);
          }
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError(
        "No session of Feder's waited for a lock within " + PATIENCE + "; sessions: " + sessions());
  }

  /** Ends one session, as a restart ends them all. */
  void terminate(int pid) throws SQLException, InterruptedException {
    try (PreparedStatement statement = admin.prepareStatement("SELECT pg_terminate_backend(?)")) {
      statement.setInt(1, pid);
      statement.execute();
    }
    until(
        () ->
            count("SELECT count(*) FROM pg_stat_activity WHERE pid = ANY (?)", List.of(pid)) == 0);
  }

  /**
   * Another connection to the test database, for locks held in a transaction; the control
   * connection stays out of transactions, since within one PostgreSQL shows the same snapshot of
   * its sessions throughout.
   */
  static Connection connect() throws SQLException {
    return connect(null);
  }

  @Override
  public void close() throws SQLException {
    admin.close();
  }

  /**
   * Through a connection to another database of the server: PostgreSQL refuses to change this
   * setting of the database one is connected to.
   */
  private void alterAllowConnections(boolean allow) throws SQLException {
    String other = "template1".equals(database) ? "postgres" : "template1";
    try (Connection connection = connect(other);
        Statement statement = connection.createStatement()) {
      statement.execute(
          "ALTER DATABASE \""
              + database.replace("\"", "\"\"")
              + "\" WITH ALLOW_CONNECTIONS "
              + allow);
    }
  }

  /** The JDBC URL with another database name, keeping host, port and parameters. */
  private static String withDatabase(String url, String name) {
    int query = url.indexOf('?');
    String base = query < 0 ? url : url.substring(0, query);
    return base.substring(0, base.lastIndexOf('/') + 1)
        + name
        + (query < 0 ? "" : url.substring(query));
  }

  private List<String> sessions() throws SQLException {
    List<String> sessions = new ArrayList<>();
    try (Statement statement = admin.createStatement();
        ResultSet rs =
            statement.executeQuery(
                "SELECT pid, state, wait_event_type, wait_event, left(query, 80) FROM"
                    + " pg_stat_activity WHERE datname = current_database()")) {
      while (rs.next()) {
        sessions.add(
            rs.getInt(1)
                + " "
                + rs.getString(2)
                + " "
                + rs.getString(3)
                + " "
                + rs.getString(4)
                + " "
                + rs.getString(5));
      }
    }
    return sessions;
  }

  private long count(String sql, List<Integer> pids) throws SQLException {
    try (PreparedStatement statement = admin.prepareStatement(sql)) {
      statement.setArray(1, admin.createArrayOf("integer", pids.toArray()));
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private interface Check {
    boolean done() throws SQLException;
  }

  private static void until(Check check) throws SQLException, InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!check.done()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Sessions did not end within " + PATIENCE);
      }
      Thread.sleep(10);
    }
  }
}
