package dev.feder.bench.seed;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A PostgreSQL server of its own for {@link SeedIT}, whose database the seeder fills before the
 * packaged application starts on it: a seed empties the content tables, so it never runs in the
 * database other tests share.
 */
public class SeededDatabase implements QuarkusTestResourceLifecycleManager {

  static final int ARTICLES = 300;
  static final String USER = "postgres";

  /** Set by start, for the test's own queries. */
  static EmbeddedPostgres server;

  static String url;
  static Seed.Outcome outcome;

  /** The seeder's options for this database, with the arguments of a command line. */
  static SeedOptions options(String url, String... args) {
    return SeedOptions.parse(
        args,
        Map.of(
            "QUARKUS_DATASOURCE_JDBC_URL", url,
            "QUARKUS_DATASOURCE_USERNAME", USER,
            "QUARKUS_DATASOURCE_PASSWORD", USER));
  }

  /** Several batches on two connections, as a real load runs. */
  static SeedOptions seedOptions() {
    return options(url, "--articles", String.valueOf(ARTICLES), "--batch", "100", "--jobs", "2");
  }

  @Override
  public Map<String, String> start() {
    try {
      server = EmbeddedPostgres.builder().start();
      url = server.getJdbcUrl(USER, "postgres");
      outcome = new Seed(seedOptions()).run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new IllegalStateException("the seed failed", e);
    }
    return Map.of(
        "feder.storage.directory", "target/seed-it-storage",
        "quarkus.datasource.jdbc.url", url,
        "quarkus.datasource.username", USER,
        "quarkus.datasource.password", USER);
  }

  /**
   * Leaves the server to the library's shutdown hook, which stops it and deletes its data when the
   * JVM exits: Quarkus stops the test resources before the application, which would otherwise lose
   * its database while it still runs.
   */
  @Override
  public void stop() {}
}
