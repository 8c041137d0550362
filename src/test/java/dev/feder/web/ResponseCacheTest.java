package dev.feder.web;

import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.feder.persistence.ContentVersions;
import dev.feder.support.Api;
import dev.feder.support.Await;
import dev.feder.support.Fixtures;
import dev.feder.support.Fixtures.Created;
import dev.feder.support.QueryCounts;
import dev.feder.support.TestClock;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Feder keeps public answers in memory, and never serves one that the database would no longer
 * give: not after an edit through the API, not after a change by another instance or tool, not
 * after a scheduled article went live, and never anything only a signed-in caller may see.
 */
@QuarkusTest
class ResponseCacheTest {

  /** Two of the frontend origins the test profile allows, and one it does not know. */
  private static final String FRONTEND = "http://localhost:3000";

  private static final String OTHER_FRONTEND = "http://localhost:5173";
  private static final String FOREIGN = "https://evil.example";

  @Inject AgroalDataSource dataSource;
  @Inject ContentVersions versions;
  @Inject TestClock clock;

  @Test
  void repeatedPublicReadIsAnsweredWithoutTheDatabase() {
    Fixture fixture = fixture();
    String path = "/api/v1/articles?category=" + fixture.category().slug();
    List<Response> answers = new ArrayList<>();
    long statements =
        statementsAfter(
            () -> {
              answers.clear();
              answers.add(Api.anonymous().get(path));
            },
            () -> answers.add(Api.anonymous().get(path)));
    Response first = answers.get(0);
    Response second = answers.get(1);

    first.then().statusCode(200).body("data.title", hasItem(fixture.title()));
    assertEquals(0, statements, "statements for a repeated public read");
    second.then().statusCode(200).header("ETag", first.header("ETag"));
    assertEquals(first.asString(), second.asString());
    assertEquals(first.header("Cache-Control"), second.header("Cache-Control"));
    assertEquals(first.header("Vary"), second.header("Vary"));
    assertEquals(first.header("Link"), second.header("Link"));
  }

  @Test
  void concurrentReadsOfAPageNotKeptYetBuildItOnce() throws Exception {
    Fixture fixture = fixture();
    String path = "/api/v1/articles?category=" + fixture.category().slug();
    // An edit of an article on the page ends the kept page (not its total): what one rebuild costs.
    Api.anonymous().get(path).then().statusCode(200);
    editExcerpt(fixture, "Erste Fassung");
    long once = statementsFor(() -> Api.anonymous().get(path).then().statusCode(200));
    assertNotEquals(0, once, "the page was built again after the edit");
    editExcerpt(fixture, "Zweite Fassung");

    int readers = 16;
    ExecutorService pool = Executors.newFixedThreadPool(readers);
    List<HttpResponse<String>> answers = new ArrayList<>();
    long statements;
    try {
      statements = statementsFor(() -> answers.addAll(readAtOnce(pool, readers, path)));
    } finally {
      pool.shutdownNow();
    }

    assertEquals(once, statements, "statements for " + readers + " reads at once");
    String body = answers.get(0).body();
    assertTrue(body.contains("Zweite Fassung"), body);
    for (HttpResponse<String> answer : answers) {
      assertEquals(200, answer.statusCode());
      assertEquals(answers.get(0).body(), answer.body());
    }
  }

  /** {@code readers} GETs of {@code path} sent at the same moment. */
  private static List<HttpResponse<String>> readAtOnce(
      ExecutorService pool, int readers, String path) {
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path)).build();
    CountDownLatch start = new CountDownLatch(1);
    List<Future<HttpResponse<String>>> futures = new ArrayList<>();
    for (int i = 0; i < readers; i++) {
      futures.add(
          pool.submit(
              () -> {
                start.await();
                return client.send(request, BodyHandlers.ofString());
              }));
    }
    start.countDown();
    List<HttpResponse<String>> answers = new ArrayList<>();
    for (Future<HttpResponse<String>> future : futures) {
      try {
        answers.add(future.get(30, TimeUnit.SECONDS));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    return answers;
  }

  private static void editExcerpt(Fixture fixture, String excerpt) {
    Fixtures.patch("/api/v1/articles/" + fixture.article().id(), Map.of("excerpt", excerpt));
  }

  @Test
  void editThroughTheApiIsVisibleOnTheNextRead() {
    Fixture fixture = fixture();
    String path = "/api/v1/articles/slug/" + fixture.article().slug();
    Api.anonymous().get(path).then().statusCode(200).body("title", equalTo(fixture.title()));
    String before = Api.anonymous().get(path).header("ETag");

    Api.mergePatch(Api.admin())
        .header("If-Match", Fixtures.etag("/api/v1/articles/" + fixture.article().id()))
        .body(Map.of("title", "Neue Überschrift „geändert“ " + fixture.run()))
        .patch("/api/v1/articles/" + fixture.article().id())
        .then()
        .statusCode(200);

    Response after = Api.anonymous().get(path);
    after
        .then()
        .statusCode(200)
        .body("title", equalTo("Neue Überschrift „geändert“ " + fixture.run()));
    assertNotEquals(before, after.header("ETag"));
  }

  @Test
  void changeMadeElsewhereReachesTheCache() throws SQLException {
    Fixture fixture = fixture();
    String path = "/api/v1/articles/slug/" + fixture.article().slug();
    assertEquals(
        0,
        statementsAfter(
            () -> Api.anonymous().get(path).then().statusCode(200),
            () -> Api.anonymous().get(path)),
        "cached before the change");

    // As another instance or a maintenance script would: straight in the database.
    String title = "Von anderer Instanz geändert " + fixture.run();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update =
            connection.prepareStatement("update article set title = ? where id = ?")) {
      update.setString(1, title);
      update.setObject(2, UUID.fromString(fixture.article().id()));
      assertEquals(1, update.executeUpdate());
    }

    // The database tells every instance; that takes a moment, never a stale answer for long.
    String seen =
        Await.until(
            () -> Api.anonymous().get(path).then().statusCode(200).extract().path("title"),
            title::equals,
            Duration.ofSeconds(10));
    assertEquals(title, seen);
  }

  @Test
  void scheduledArticleGoesLiveThroughTheCache() {
    Fixture fixture = fixture();
    String scheduledTitle = "Geplante Meldung " + fixture.run();
    String path = "/api/v1/articles?category=" + fixture.category().slug();
    Instant now = clock.stop();
    try {
      Instant goesLive = now.plus(Duration.ofMinutes(10));
      Created scheduled =
          Fixtures.newArticle(scheduledTitle, fixture.category()).published(goesLive).create();
      assertEquals("scheduled", scheduled.json().getString("status"));
      assertEquals(0, hiddenAndKept(path, scheduledTitle), "cached while scheduled");

      // A moment before it goes live nothing has changed; at the moment, without any write, the
      // kept list gives way to one with the article.
      clock.set(goesLive.minusMillis(1));
      assertEquals(0, hiddenAndKept(path, scheduledTitle), "cached until it goes live");
      clock.set(goesLive);
      Api.anonymous().get(path).then().statusCode(200).body("data.title", hasItem(scheduledTitle));
    } finally {
      clock.resume();
    }
  }

  /** Statements for a repeated read of the list, which does not show the title. */
  private long hiddenAndKept(String path, String title) {
    return statementsAfter(
        () ->
            Api.anonymous()
                .get(path)
                .then()
                .statusCode(200)
                .body("data.title", not(hasItem(title))),
        () ->
            Api.anonymous()
                .get(path)
                .then()
                .statusCode(200)
                .body("data.title", not(hasItem(title))));
  }

  @Test
  void answersForSignedInCallersAreNeverServedToAnonymousOnes() {
    Fixture fixture = fixture();
    Created draft =
        Fixtures.newArticle("Entwurf " + fixture.run(), fixture.category())
            .status("draft")
            .create();
    String path = "/api/v1/articles/" + draft.id();
    Api.admin().get(path).then().statusCode(200);
    Api.admin().get(path).then().statusCode(200);
    Api.anonymous().get(path).then().statusCode(404);

    String list = "/api/v1/articles?category=" + fixture.category().slug() + "&status=draft";
    Api.admin().get(list).then().statusCode(200).body("data.id", hasItem(draft.id()));
    // Same URL and Accept as the admin's request, so only the Authorization header tells them
    // apart.
    Api.anonymous().get(list).then().statusCode(200).body("data.id", not(hasItem(draft.id())));
  }

  @Test
  void conditionalAndHeadRequestsAreAnsweredFromTheCache() {
    Fixture fixture = fixture();
    String path = "/api/v1/articles/slug/" + fixture.article().slug();
    List<Response> first = new ArrayList<>();
    long statements =
        statementsAfter(
            () -> {
              first.clear();
              first.add(Api.anonymous().get(path));
            },
            () -> {
              String etag = first.get(0).header("ETag");
              Api.anonymous()
                  .header("If-None-Match", etag)
                  .get(path)
                  .then()
                  .statusCode(304)
                  .header("ETag", etag)
                  .body(emptyString());
              // HEAD is GET without the body (RFC 9110), so the spec lists no HEAD operations.
              Api.plain()
                  .accept(Api.ACCEPT_WITH_PROBLEMS)
                  .head(path)
                  .then()
                  .statusCode(200)
                  .header("ETag", etag)
                  .header("Content-Type", first.get(0).header("Content-Type"))
                  .body(emptyString());
            });

    assertEquals(0, statements, "statements for a 304 and a HEAD from the cache");
  }

  @Test
  void cachedAnswerCarriesCorsHeadersForTheAskingOrigin() {
    Fixture fixture = fixture();
    String path = "/api/v1/articles/slug/" + fixture.article().slug();
    Api.anonymous().header("Origin", FRONTEND).get(path).then().statusCode(200);

    Api.anonymous()
        .header("Origin", OTHER_FRONTEND)
        .get(path)
        .then()
        .statusCode(200)
        .header("Access-Control-Allow-Origin", OTHER_FRONTEND);
  }

  @Test
  void cachedAnswerIsCompressedLikeTheFirstForClientsThatAcceptGzip() {
    Fixture fixture = fixture();
    String path = "/api/v1/articles?category=" + fixture.category().slug();
    List<Response> gzipped = new ArrayList<>();
    List<HttpResponse<String>> plain = new ArrayList<>();
    long statements =
        statementsAfter(
            () -> {
              gzipped.clear();
              plain.clear();
              gzipped.add(Api.anonymous().header("Accept-Encoding", "gzip").get(path));
            },
            () -> {
              gzipped.add(Api.anonymous().header("Accept-Encoding", "gzip").get(path));
              plain.add(send(path));
            });
    Response first = gzipped.remove(0);

    first.then().statusCode(200).header("Content-Encoding", "gzip");
    assertEquals(0, statements, "statements for answers from the cache");
    gzipped.get(0).then().statusCode(200).header("Content-Encoding", "gzip");
    assertEquals(first.asString(), gzipped.get(0).asString());
    assertEquals(200, plain.get(0).statusCode());
    assertEquals(Optional.empty(), plain.get(0).headers().firstValue("Content-Encoding"));
    assertEquals(first.asString(), plain.get(0).body());
  }

  /** A GET as {@link Api#anonymous()} sends it, through the JDK's client: without compression. */
  private static HttpResponse<String> send(String path) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
            .header("Accept", "application/json, application/problem+json")
            .build();
    try {
      return HttpClient.newHttpClient().send(request, BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void cachedAnswerNeverHandsOneOriginsCorsGrantToAnother() {
    Fixture fixture = fixture();
    String path = "/api/v1/articles/slug/" + fixture.article().slug();

    List<Response> answers = new ArrayList<>();
    long statements =
        statementsAfter(
            () -> {
              answers.clear();
              // Kept while answering one frontend, with the grant for its origin ...
              Api.anonymous()
                  .header("Origin", FRONTEND)
                  .get(path)
                  .then()
                  .statusCode(200)
                  .header("Access-Control-Allow-Origin", FRONTEND);
            },
            () -> {
              // ... served from memory to another frontend, a caller without an origin and
              // an origin Feder does not know.
              answers.add(Api.anonymous().header("Origin", OTHER_FRONTEND).get(path));
              answers.add(Api.anonymous().get(path));
              answers.add(
                  Api.plain().accept(Api.ACCEPT_WITH_PROBLEMS).header("Origin", FOREIGN).get(path));
            });

    assertEquals(0, statements, "statements for answers from the cache");
    Response other = answers.get(0);
    other.then().statusCode(200);
    assertEquals(List.of(OTHER_FRONTEND), other.headers().getValues("Access-Control-Allow-Origin"));
    Response withoutOrigin = answers.get(1);
    withoutOrigin
        .then()
        .statusCode(200)
        .header("Access-Control-Allow-Origin", nullValue())
        .header("Access-Control-Allow-Credentials", nullValue());
    Response foreign = answers.get(2);
    foreign
        .then()
        .statusCode(403)
        .header("Access-Control-Allow-Origin", nullValue())
        .header("Access-Control-Allow-Credentials", nullValue());
  }

  @Test
  void headFromTheCacheForAGzipClientGivesTheLengthOfTheUncompressedAnswer() {
    Fixture fixture = fixture();
    String path = "/api/v1/articles/slug/" + fixture.article().slug();
    Response first = Api.anonymous().header("Accept-Encoding", "identity").get(path);
    first.then().statusCode(200);

    Api.plain()
        .accept(Api.ACCEPT_WITH_PROBLEMS)
        .header("Accept-Encoding", "gzip")
        .head(path)
        .then()
        .statusCode(200)
        .header("ETag", first.header("ETag"))
        .header("Content-Encoding", nullValue())
        .header("Content-Length", String.valueOf(first.asByteArray().length));
  }

  @Test
  void cachedAnswerIsCountedUnderItsRouteInTheMetrics() {
    Fixture fixture = fixture();
    String path = "/api/v1/articles/slug/" + fixture.article().slug();
    long statements =
        statementsAfter(
            () -> Api.anonymous().get(path).then().statusCode(200),
            () -> Api.anonymous().get(path).then().statusCode(200));
    assertEquals(0, statements, "statements for an answer from the cache");

    double before = bySlugCount();
    Api.anonymous().get(path).then().statusCode(200);

    assertEquals(before + 1, bySlugCount(), "answers from the cache counted under the route");
    String metrics = Api.plain().get("/q/metrics").then().statusCode(200).extract().asString();
    assertFalse(
        metrics.contains(fixture.article().slug()), "no metric is named after one article's slug");
  }

  /** How many successful GETs of an article by slug the HTTP metrics have counted. */
  private static double bySlugCount() {
    String metrics = Api.plain().get("/q/metrics").then().statusCode(200).extract().asString();
    return metrics
        .lines()
        .filter(line -> line.startsWith("http_server_requests_seconds_count{"))
        .filter(line -> line.contains("method=\"GET\"") && line.contains("status=\"200\""))
        .filter(line -> line.contains("uri=\"/api/v1/articles/slug/{slug}\""))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }

  @Test
  void getWithABodyOverTheLimitIsRefusedEvenWhenItsAnswerIsKept() {
    Fixture fixture = fixture();
    String path = "/api/v1/articles/slug/" + fixture.article().slug();
    Api.anonymous().get(path).then().statusCode(200);

    // Outside the API's contract (a GET has no body), hence not through the spec-checking Api.
    // Expect: 100-continue, so that the client does not send 3 MB the server will not read.
    Api.expectingContinue(Api.plain())
        .accept(Api.ACCEPT_WITH_PROBLEMS)
        .contentType("text/plain")
        .body("x".repeat(3 * 1024 * 1024))
        .get(path)
        .then()
        .statusCode(413)
        .contentType(startsWith("application/problem+json"))
        .body("type", endsWith("/problems/payload-too-large"));
  }

  private record Fixture(String run, Created category, Created article, String title) {}

  private static Fixture fixture() {
    String run = Fixtures.suffix();
    Created category = Fixtures.category("Zwischenspeicher " + run);
    Created author = Fixtures.author("Jürgen Groß " + run);
    String title = "Größte Übung „Nordlicht“ " + run;
    Created article = Fixtures.newArticle(title, category).authors(author).published().create();
    return new Fixture(run, category, article, title);
  }

  /**
   * Statements for {@code reads} made right after {@code first}, while no change is heard: none
   * when they are answered from what {@code first} left in the cache.
   */
  private long statementsAfter(Runnable first, Runnable reads) {
    return QueryCounts.inOneVersion(
        versions,
        () -> {
          first.run();
          return statementsFor(reads);
        });
  }

  private long statementsFor(Runnable reads) {
    return QueryCounts.statementsFor(reads);
  }
}
