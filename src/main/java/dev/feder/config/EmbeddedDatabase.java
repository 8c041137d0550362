package dev.feder.config;

import io.quarkus.runtime.configuration.ConfigurationException;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jboss.logging.Logger;

/**
 * Supplies the datasource when none is configured, so that dev mode, the tests and a first try of
 * the jar need no database installed.
 *
 * <ul>
 *   <li>No {@code quarkus.datasource.jdbc.url} and {@code feder.database.embedded=true} (the
 *       default in dev and test): an embedded PostgreSQL server is started once per JVM, keeping
 *       its data in {@code feder.database.embedded-data-dir}, or in a fresh temporary folder when
 *       that is empty.
 *   <li>A URL in the test profile: a throw-away database is created on that server for this run and
 *       dropped at exit, so tests never touch data a developer keeps.
 *   <li>Otherwise nothing: prod mode never falls back silently (see {@link MissingDatasource}).
 * </ul>
 *
 * <p>Quarkus builds its configuration several times per JVM (and again on every dev-mode reload,
 * with a new class loader), so the started server is remembered in system properties rather than in
 * a static field.
 */
public class EmbeddedDatabase implements ConfigSourceFactory {

  private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);
  private static final String URL = "quarkus.datasource.jdbc.url";
  private static final String USER = "quarkus.datasource.username";
  private static final String PASSWORD = "quarkus.datasource.password";
  private static final String STARTED_URL = "dev.feder.embedded-database.url";
  private static final String TEST_URL = "dev.feder.test-database.url";

  private static final String NO_BINARIES =
      "The embedded PostgreSQL server cannot start on %s %s (%s). The packaged application"
          + " carries PostgreSQL for Linux on amd64 and arm64 only; dev mode and the tests add"
          + " that of a developer's macOS or Windows machine. Set QUARKUS_DATASOURCE_JDBC_URL to"
          + " use a PostgreSQL server instead.";

  /** Above system properties (400), so the per-run test database wins over a given URL. */
  private static final int ORDINAL = 450;

  @Override
  public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
    boolean test = context.getProfiles().contains("test");
    String url = value(context, URL);
    if (url != null) {
      return test ? List.of(source(testDatabaseOn(context, url))) : List.of();
    }
    if (!"true".equalsIgnoreCase(value(context, "feder.database.embedded"))) {
      return List.of(new MissingDatasource());
    }
    return List.of(source(embedded(value(context, "feder.database.embedded-data-dir"))));
  }

  /**
   * Answers a lookup of the datasource URL, when none is configured and the embedded server is off,
   * with a failure that says what to set, instead of a generic "datasource not active".
   */
  static final class MissingDatasource implements ConfigSource {

    static final String MESSAGE =
        "Feder has no database. Set QUARKUS_DATASOURCE_JDBC_URL (for example"
            + " jdbc:postgresql://localhost:5432/feder) with QUARKUS_DATASOURCE_USERNAME and"
            + " QUARKUS_DATASOURCE_PASSWORD, or set FEDER_DATABASE_EMBEDDED=true to start an"
            + " embedded PostgreSQL server for a trial.";

    @Override
    public java.util.Set<String> getPropertyNames() {
      return java.util.Set.of();
    }

    @Override
    public String getValue(String name) {
      if (URL.equals(name) && isRuntime()) {
        throw new ConfigurationException(MESSAGE);
      }
      return null;
    }

    @Override
    public String getName() {
      return "FederMissingDatasource";
    }

    @Override
    public int getOrdinal() {
      return Integer.MIN_VALUE;
    }

    private static boolean isRuntime() {
      return io.quarkus.runtime.ExecutionMode.current() != io.quarkus.runtime.ExecutionMode.UNSET;
    }
  }

  private static ConfigSource source(Map<String, String> properties) {
    return new MapBackedConfigSource("FederEmbeddedDatabase", properties, ORDINAL) {};
  }

  private static String value(ConfigSourceContext context, String name) {
    ConfigValue value = context.getValue(name);
    return value == null || value.getValue() == null || value.getValue().isBlank()
        ? null
        : value.getValue();
  }

  private static synchronized Map<String, String> embedded(String dataDir) {
    String started = System.getProperty(STARTED_URL);
    if (started == null) {
      try {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        if (dataDir != null) {
          Path dir = Path.of(dataDir).toAbsolutePath();
          Files.createDirectories(dir.getParent());
          builder.setDataDirectory(dir).setCleanDataDirectory(false);
        }
        EmbeddedPostgres postgres = builder.start();
        started = postgres.getJdbcUrl("postgres", "postgres");
        System.setProperty(STARTED_URL, started);
        LOG.infof(
            "Started embedded PostgreSQL at %s (data in %s)",
            started, dataDir == null ? "a temporary folder" : dataDir);
      } catch (IOException e) {
        throw new UncheckedIOException("Could not start the embedded PostgreSQL server", e);
      } catch (IllegalStateException e) {
        // The library's answer when no PostgreSQL binaries on the class path fit this system.
        throw new ConfigurationException(
            String.format(
                NO_BINARIES,
                System.getProperty("os.name"),
                System.getProperty("os.arch"),
                e.getMessage()),
            e);
      }
    }
    return Map.of(URL, started, USER, "postgres", PASSWORD, "postgres");
  }

  private static synchronized Map<String, String> testDatabaseOn(
      ConfigSourceContext context, String serverUrl) {
    String user = value(context, USER);
    String password = value(context, PASSWORD);
    String testUrl = System.getProperty(TEST_URL);
    if (testUrl == null) {
      String name = "feder_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
      execute(serverUrl, user, password, "CREATE DATABASE " + name);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> execute(serverUrl, user, password, "DROP DATABASE IF EXISTS " + name)));
      testUrl = withDatabase(serverUrl, name);
      System.setProperty(TEST_URL, testUrl);
      LOG.infof("Tests use the throw-away database %s", testUrl);
    }
    return Map.of(URL, testUrl);
  }

  private static void execute(String url, String user, String password, String sql) {
    try (Connection connection = DriverManager.getConnection(url, user, password);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Tests need a database of their own on " + url + " and could not run: " + sql, e);
    }
  }

  /** Replaces the database name of a JDBC URL, keeping host, port and parameters. */
  static String withDatabase(String jdbcUrl, String database) {
    int query = jdbcUrl.indexOf('?');
    String base = query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
    String params = query < 0 ? "" : jdbcUrl.substring(query);
    int hostStart = base.indexOf("//") + 2;
    int slash = base.indexOf('/', hostStart);
    String server = slash < 0 ? base : base.substring(0, slash);
    return server + "/" + database + params;
  }
}
