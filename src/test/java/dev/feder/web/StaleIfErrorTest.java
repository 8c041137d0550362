package dev.feder.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.feder.persistence.ContentChanges;
import dev.feder.support.Fixtures;
import dev.feder.support.Fixtures.Created;
import dev.feder.support.QueryCounts;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.postgresql.Driver;

/**
 * While the database cannot be reached, public answers kept before keep being served in place of
 * the {@code 503}, marked with their {@code Age}, for {@code feder.http.cache.stale-if-error} (5 s
 * in the tests); nothing kept is served as current meanwhile; once changes are heard again,
 * everything kept before is dropped.
 *
 * <p>The outage is real for the instance's listener and pool: the database refuses connections and
 * every session of it is ended, so the instance stops hearing changes. The {@code 503} that Feder
 * answers for a read that needs the database is simulated ({@link SimulatedOutage}), so that the
 * test does not depend on how long a connection attempt takes to fail.
 */
@QuarkusTest
class StaleIfErrorTest {

  @Inject ContentChanges changes;
  @Inject AgroalDataSource dataSource;

  @ConfigProperty(name = "quarkus.datasource.jdbc.url")
  String url;

  @ConfigProperty(name = "quarkus.datasource.username")
  String user;

  @ConfigProperty(name = "quarkus.datasource.password")
  Optional<String> password;

  @ConfigProperty(name = "feder.http.cache.stale-if-error")
  Duration staleIfError;

  @Test
  void keptAnswersStandInForA503UntilTheBoundAndAreDroppedWhenChangesAreHeardAgain()
      throws Exception {
    String run = Fixtures.suffix();
    String category = Fixtures.category("Ausfall " + run).slug();
    String author = Fixtures.author("Ines Ausfall " + run).slug();
    Created kept =
        Fixtures.newArticle("Bleibt lesbar " + run, category)
            .published()
            .authorSlugs(author)
            .create();
    Created never =
        Fixtures.newArticle("Nie gelesen " + run, category)
            .published()
            .authorSlugs(author)
            .create();
    String path = "/api/v1/articles/slug/" + kept.slug();
    Response before = read(path);
    before.then().statusCode(200);
    assertEquals(0, statementsFor(() -> read(path)), "kept before the outage");

    String database;
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("select current_database()")) {
      r.next();
      database = r.getString(1);
    }
    try (Connection admin = adminConnection()) {
      outage(admin, database, true);
      try {
        await(() -> !changes.listening(), "the instance stops hearing changes");
        SimulatedOutage.start();

        Response stale = read(path);
        stale.then().statusCode(200);
        assertEquals(before.asString(), stale.asString());
        assertEquals(before.header("ETag"), stale.header("ETag"));
        assertEquals(before.header("Cache-Control"), stale.header("Cache-Control"));
        assertEquals(before.header(CacheTags.SURROGATE_KEY), stale.header(CacheTags.SURROGATE_KEY));
        assertNotEquals(null, stale.header("Age"));
        assertTrue(Long.parseLong(stale.header("Age")) >= 0);
        assertNull(stale.header("Retry-After"));
        given()
            .accept("application/json")
            .header("If-None-Match", before.header("ETag"))
            .get(path)
            .then()
            .statusCode(304)
            .header("Age", org.hamcrest.Matchers.notNullValue());

        // Nothing was kept for this one: the 503 stands.
        read("/api/v1/articles/slug/" + never.slug())
            .then()
            .statusCode(503)
            .header("Retry-After", "5");

        Instant deaf = changes.deafSince().orElseThrow();
        await(
            () -> Instant.now().isAfter(deaf.plus(staleIfError).plusMillis(100)),
            "the bound passes");
        read(path).then().statusCode(503);
      } finally {
        SimulatedOutage.stop();
        outage(admin, database, false);
      }
    }
    // The pool's connections died with the outage: it opens new ones.
    dataSource.flush(AgroalDataSource.FlushMode.ALL);
    await(changes::listening, "the instance hears changes again");

    // Whatever changed meanwhile may have been missed: the answer is built anew.
    long statements = statementsFor(() -> read(path).then().statusCode(200));
    assertTrue(statements > 0, "built anew after the outage");
    assertNull(read(path).header("Age"));
  }

  /** A frontend's GET, outside the spec (which describes no simulated 503). */
  private static Response read(String path) {
    return given().accept("application/json").get(path);
  }

  /** Refuses new connections to the database and ends its sessions, or allows them again. */
  private static void outage(Connection admin, String database, boolean down) throws SQLException {
    try (Statement s = admin.createStatement()) {
      s.execute("alter database \"" + database + "\" allow_connections " + !down);
      if (down) {
        s.execute(
            "select pg_terminate_backend(pid) from pg_stat_activity where datname = '"
                + database
                + "'");
      }
    }
  }

  /** A connection to the server's maintenance database, which the outage leaves alone. */
  private Connection adminConnection() throws SQLException {
    Properties parsed = Driver.parseURL(url, null);
    String server =
        "jdbc:postgresql://"
            + parsed.getProperty("PGHOST")
            + ":"
            + parsed.getProperty("PGPORT")
            + "/postgres";
    return DriverManager.getConnection(server, user, password.orElse(null));
  }

  private long statementsFor(Supplier<?> reads) {
    return QueryCounts.statementsFor(reads::get);
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("not within 20 s: " + what);
      }
      Thread.sleep(20);
    }
  }
}
