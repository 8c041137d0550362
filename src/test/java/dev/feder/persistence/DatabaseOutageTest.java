package dev.feder.persistence;

import static dev.feder.support.Problems.assertProblem;
import static dev.feder.support.Problems.mergePatch;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.feder.support.Api;
import dev.feder.support.TestData;
import dev.feder.support.TestData.Created;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What clients see when PostgreSQL restarts or is down. A restart is done to Feder's connections by
 * ending every session of the test database from a connection of its own; an outage by refusing new
 * connections to the database as well ({@link DatabaseControl}). The server itself, which the other
 * tests share, keeps running.
 */
@QuarkusTest
class DatabaseOutageTest {

  private static final String RSS = "application/rss+xml";
  private static final int POOLED = 8;

  /** Threads for requests that wait, or go side by side (the common pool may have one thread). */
  private static final ExecutorService CLIENTS =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "outage-test-client");
            thread.setDaemon(true);
            return thread;
          });

  @Inject AgroalDataSource dataSource;
  @Inject ContentChanges changes;

  /** A published article in a category of its own, and an editor's API token. */
  record Fixture(Created category, Created article, String token) {}

  static Fixture fixture() {
    String suffix = TestData.suffix();
    Created category = TestData.category("Neustart " + suffix);
    Created author = TestData.author("Lena Öztürk " + suffix);
    Created article =
        TestData.publishedArticle("Die Datenbank startet neu", category.slug(), author.slug());
    String token =
        Api.admin()
            .body(Map.of("name", "Redaktion " + suffix, "role", "editor"))
            .post("/api/v1/tokens")
            .then()
            .statusCode(201)
            .extract()
            .path("token");
    return new Fixture(category, article, token);
  }

  /** Later tests rely on the cache of public answers, which waits for notifications again. */
  @AfterEach
  void hearChangesAgain() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!changes.listening() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertTrue(changes.listening(), "content changes are heard again");
  }

  @Test
  void noRequestFailsAfterARestartLeftEveryPooledConnectionDead() throws Exception {
    Fixture fixture = fixture();
    fillPool();
    try (DatabaseControl database = DatabaseControl.open()) {
      int ended = database.terminateOtherSessions();
      assertTrue(ended >= POOLED, "pooled connections ended: " + ended);
    }

    // More requests than dead connections, of every kind: each may be handed a dead one.
    String etag = fixture.article().etag();
    for (int round = 1; round <= 2; round++) {
      Api.anonymous().get("/api/v1/articles?tag=" + TestData.suffix()).then().statusCode(200);
      Api.withToken(fixture.token())
          .get("/api/v1/articles/" + fixture.article().id())
          .then()
          .statusCode(200);
      Api.admin()
          .accept(RSS)
          .get("/api/v1/feeds/categories/" + fixture.category().slug() + ".rss")
          .then()
          .statusCode(200);
      Api.admin().get("/api/v1/categories/" + fixture.category().id()).then().statusCode(200);
      etag =
          mergePatch(Api.withToken(fixture.token()))
              .header("If-Match", etag)
              .body(Map.of("subtitle", "Runde " + round))
              .patch("/api/v1/articles/" + fixture.article().id())
              .then()
              .statusCode(200)
              .extract()
              .header("ETag");
    }
  }

  @Test
  void whileTheDatabaseIsDownEveryRequestIsAnswered503WithRetryAfter() throws Exception {
    Fixture fixture = fixture();
    String article = "/api/v1/articles/" + fixture.article().id();
    try (DatabaseControl database = DatabaseControl.open()) {
      database.refuseConnections();
      try {
        // Side by side, since each waits for the pool to try twice: public reads that Feder has
        // not kept, a read with an API token (looked up in the database: not refused as unknown),
        // a feed, a change.
        List<CompletableFuture<Response>> requests =
            List.of(
                async(() -> Api.anonymous().get("/api/v1/articles?q=" + TestData.suffix())),
                async(() -> Api.withToken(fixture.token()).get(article)),
                async(() -> Api.admin().get("/api/v1/categories/" + fixture.category().id())),
                async(
                    () ->
                        Api.anonymous()
                            .accept(RSS + ", application/problem+json")
                            .get("/api/v1/feeds/categories/" + fixture.category().slug() + ".rss")),
                async(
                    () ->
                        mergePatch(Api.withToken(fixture.token()))
                            .header("If-Match", fixture.article().etag())
                            .body(Map.of("title", "Nie gespeichert"))
                            .patch(article)));
        for (CompletableFuture<Response> request : requests) {
          assertUnavailable(request.get(30, TimeUnit.SECONDS))
              .body("detail", containsString("cannot be reached at the moment"));
        }
        given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
      } finally {
        database.allowConnections();
      }
    }

    // Back: the very first requests are answered, and the refused change was not made.
    given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    Api.withToken(fixture.token())
        .get(article)
        .then()
        .statusCode(200)
        .header("ETag", fixture.article().etag())
        .body("title", equalTo("Die Datenbank startet neu"));
    mergePatch(Api.withToken(fixture.token()))
        .header("If-Match", fixture.article().etag())
        .body(Map.of("subtitle", "Wieder da"))
        .patch(article)
        .then()
        .statusCode(200);
  }

  @Test
  void readWhoseConnectionBreaksIsAnsweredFromAnotherConnection() throws Exception {
    Fixture fixture = fixture();
    try (DatabaseControl database = DatabaseControl.open();
        Connection admin = DatabaseControl.connect()) {
      admin.setAutoCommit(false);
      CompletableFuture<Response> read;
      try {
        // The read waits for the table lock; its session is ended while it waits.
        try (Statement lock = admin.createStatement()) {
          lock.execute("LOCK TABLE article IN ACCESS EXCLUSIVE MODE");
        }
        read = async(() -> Api.admin().get("/api/v1/articles/" + fixture.article().id()));
        int first = database.blockedSession(Set.of());
        database.terminate(first);
        // Run once more, on another connection, it waits again.
        database.blockedSession(Set.of(first));
      } finally {
        admin.rollback();
      }
      read.get(20, TimeUnit.SECONDS)
          .then()
          .statusCode(200)
          .body("title", equalTo("Die Datenbank startet neu"));
    }
  }

  @Test
  void changeWhoseConnectionBreaksIsAnswered503SayingItMayNotBeSaved() throws Exception {
    Fixture fixture = fixture();
    String article = "/api/v1/articles/" + fixture.article().id();
    try (DatabaseControl database = DatabaseControl.open();
        Connection admin = DatabaseControl.connect()) {
      admin.setAutoCommit(false);
      try {
        try (PreparedStatement lock =
            admin.prepareStatement("SELECT id FROM article WHERE id = ? FOR UPDATE")) {
          lock.setObject(1, UUID.fromString(fixture.article().id()));
          lock.execute();
        }
        CompletableFuture<Response> change =
            async(
                () ->
                    mergePatch(Api.withToken(fixture.token()))
                        .header("If-Match", fixture.article().etag())
                        .body(Map.of("title", "Vielleicht gespeichert"))
                        .patch(article));
        database.terminate(database.blockedSession(Set.of()));
        // Answered while the row is still locked: the change was not run again.
        assertUnavailable(change.get(20, TimeUnit.SECONDS))
            .body("detail", containsString("may or may not have been saved"));
      } finally {
        admin.rollback();
      }
    }
    Api.withToken(fixture.token())
        .get(article)
        .then()
        .statusCode(200)
        .header("ETag", fixture.article().etag());
  }

  /** A request sent from another thread, for requests that wait or that go side by side. */
  private static CompletableFuture<Response> async(Supplier<Response> request) {
    return CompletableFuture.supplyAsync(request, CLIENTS);
  }

  private static ValidatableResponse assertUnavailable(Response response) {
    return assertProblem(response, 503, "/problems/unavailable")
        .header("Retry-After", "5")
        .body("title", equalTo("Service unavailable"));
  }

  /** Opens connections side by side and returns them, so that the pool keeps that many. */
  private void fillPool() throws Exception {
    List<Connection> open = new ArrayList<>();
    try {
      for (int i = 0; i < POOLED; i++) {
        open.add(dataSource.getConnection());
      }
    } finally {
      for (Connection connection : open) {
        connection.close();
      }
    }
    assertEquals(POOLED, open.size());
  }
}
