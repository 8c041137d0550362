package dev.feder.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;
import org.postgresql.Driver;

/**
 * A database of its own on the server of another one, for a test whose work would disturb the
 * shared test database (a seeder that empties the content tables, migrations run from the start):
 * created empty, dropped when closed.
 */
public final class ThrowAwayDatabase implements AutoCloseable {

  private final String serverUrl;
  private final String user;
  private final String password;
  private final String name;
  private final String url;

  private ThrowAwayDatabase(String serverUrl, String user, String password, String name) {
    this.serverUrl = serverUrl;
    this.user = user;
    this.password = password;
    this.name = name;
    this.url = withDatabase(serverUrl, name);
  }

  /**
   * Creates a database named {@code prefix} with a random suffix on the server of {@code
   * serverUrl}, whose user may create databases.
   */
  public static ThrowAwayDatabase create(
      String serverUrl, String user, String password, String prefix) throws SQLException {
    String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    ThrowAwayDatabase database = new ThrowAwayDatabase(serverUrl, user, password, name);
    database.onServer("create database " + name);
    return database;
  }

  /** Its JDBC URL: the server's, with this database. */
  public String url() {
    return url;
  }

  public String user() {
    return user;
  }

  public String password() {
    return password;
  }

  public String name() {
    return name;
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(url, user, password);
  }

  /** Drops the database, closing whatever connections are still open to it. */
  @Override
  public void close() throws SQLException {
    onServer("drop database if exists " + name + " with (force)");
  }

  /** The server's URL with another database: its hosts and ports, and its parameters. */
  private static String withDatabase(String serverUrl, String name) {
    Properties parsed = Driver.parseURL(serverUrl, null);
    if (parsed == null) {
      throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + serverUrl);
    }
    String[] hosts = parsed.getProperty("PGHOST").split(",");
    String[] ports = parsed.getProperty("PGPORT").split(",");
    StringBuilder url = new StringBuilder("jdbc:postgresql://");
    for (int k = 0; k < hosts.length; k++) {
      url.append(k == 0 ? "" : ",").append(hosts[k]).append(':').append(ports[k]);
    }
    int query = serverUrl.indexOf('?');
    return url.append('/')
        .append(name)
        .append(query < 0 ? "" : serverUrl.substring(query))
        .toString();
  }

  private void onServer(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(serverUrl, user, password);
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
