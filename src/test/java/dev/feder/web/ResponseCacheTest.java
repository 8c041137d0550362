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

import dev.feder.support.Api;
import dev.feder.support.TestData;
import dev.feder.support.TestData.Created;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
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
import java.time.temporal.ChronoUnit;
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
import java.util.function.Supplier;
import org.apache.http.params.CoreProtocolPNames;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/**
 * Feder keeps public answers in memory, and never serves one that the database would no longer
 * give: not after an edit through the API, not after a change by another instance or tool, not
 * after a scheduled article went live, and never anything only a signed-in caller may see.
 */
@QuarkusTest
class ResponseCacheTest {

  @Inject SessionFactory sessionFactory;
  @Inject AgroalDataSource dataSource;

  @Test
  void repeatedPublicReadIsAnsweredWithoutTheDatabase() {
    Fixture fixture = fixture();
    String path = "/api/v1/articles?category=" + fixture.category().slug();
    Response first = Api.anonymous().get(path);
    first.then().statusCode(200).body("data.title", hasItem(fixture.title()));

    long statements = statementsFor(() -> Api.anonymous().get(path));
    Response second = Api.anonymous().get(path);

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
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path)).build();
    client.send(request, BodyHandlers.ofString());
    // An edit of an article on the page ends it (not its total): what one rebuild costs.
    editExcerpt(fixture, "Erste Fassung");
    long once =
        statementsFor(
            () -> {
              try {
                return client.send(request, BodyHandlers.ofString());
              } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    assertNotEquals(0, once, "the page was built again after the edit");
    editExcerpt(fixture, "Zweite Fassung");

    int readers = 16;
    ExecutorService pool = Executors.newFixedThreadPool(readers);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<HttpResponse<String>>> answers = new ArrayList<>();
    long statements;
    try {
      statements =
          statementsFor(
              () -> {
                for (int i = 0; i < readers; i++) {
                  answers.add(
                      pool.submit(
                          () -> {
                            start.await();
                            return client.send(request, BodyHandlers.ofString());
                          }));
                }
                start.countDown();
                for (Future<HttpResponse<String>> answer : answers) {
                  try {
                    answer.get(30, TimeUnit.SECONDS);
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                }
                return null;
              });
    } finally {
      pool.shutdownNow();
    }

    assertEquals(once, statements, "statements for " + readers + " reads at once");
    String body = answers.get(0).get().body();
    assertTrue(body.contains("Zweite Fassung"), body);
    for (Future<HttpResponse<String>> answer : answers) {
      assertEquals(200, answer.get().statusCode());
      assertEquals(body, answer.get().body());
    }
  }

  private static void editExcerpt(Fixture fixture, String excerpt) {
    Api.admin()
        .contentType("application/merge-patch+json")
        .header("If-Match", TestData.etag("/api/v1/articles/" + fixture.article().id()))
        .body(Map.of("excerpt", excerpt))
        .patch("/api/v1/articles/" + fixture.article().id())
        .then()
        .statusCode(200);
  }

  @Test
  void editThroughTheApiIsVisibleOnTheNextRead() {
    Fixture fixture = fixture();
    String path = "/api/v1/articles/slug/" + fixture.article().slug();
    Api.anonymous().get(path).then().statusCode(200).body("title", equalTo(fixture.title()));
    String before = Api.anonymous().get(path).header("ETag");

    Api.admin()
        .contentType("application/merge-patch+json")
        .header("If-Match", TestData.etag("/api/v1/articles/" + fixture.article().id()))
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
    Api.anonymous().get(path).then().statusCode(200);
    assertEquals(0, statementsFor(() -> Api.anonymous().get(path)), "cached before the change");

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
    String seen = awaitTitle(path, title, Duration.ofSeconds(10));
    assertEquals(title, seen);
  }

  @Test
  void scheduledArticleGoesLiveThroughTheCache() throws InterruptedException {
    Fixture fixture = fixture();
    String scheduledTitle = "Geplante Meldung " + fixture.run();
    Instant goesLive = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.MILLIS);
    Api.admin()
        .body(
            Map.of(
                "title",
                scheduledTitle,
                "category",
                Map.of("slug", fixture.category().slug()),
                "status",
                "published",
                "publishedAt",
                goesLive.toString()))
        .post("/api/v1/articles")
        .then()
        .statusCode(201);
    String path = "/api/v1/articles?category=" + fixture.category().slug();
    Api.anonymous()
        .get(path)
        .then()
        .statusCode(200)
        .body("data.title", not(hasItem(scheduledTitle)));
    assertEquals(0, statementsFor(() -> Api.anonymous().get(path)), "cached while scheduled");

    while (Instant.now().isBefore(goesLive.plusMillis(50))) {
      Thread.sleep(100);
    }

    Api.anonymous().get(path).then().statusCode(200).body("data.title", hasItem(scheduledTitle));
  }

  @Test
  void answersForSignedInCallersAreNeverServedToAnonymousOnes() {
    Fixture fixture = fixture();
    Created draft =
        created(
            Api.admin()
                .body(
                    Map.of(
                        "title",
                        "Entwurf " + fixture.run(),
                        "category",
                        Map.of("slug", fixture.category().slug()),
                        "status",
                        "draft"))
                .post("/api/v1/articles"));
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
    Response first = Api.anonymous().get(path);
    String etag = first.header("ETag");

    long statements =
        statementsFor(
            () -> {
              Api.anonymous()
                  .header("If-None-Match", etag)
                  .get(path)
                  .then()
                  .statusCode(304)
                  .header("ETag", etag)
                  .body(emptyString());
              // HEAD is GET without the body (RFC 9110), so the spec lists no HEAD operations.
              RestAssured.given()
                  .accept("application/json, application/problem+json")
                  .head(path)
                  .then()
                  .statusCode(200)
                  .header("ETag", etag)
                  .header("Content-Type", first.header("Content-Type"))
                  .body(emptyString());
              return null;
            });

    assertEquals(0, statements, "statements for a 304 and a HEAD from the cache");
  }

  @Test
  void cachedAnswerCarriesCorsHeadersForTheAskingOrigin() {
    Fixture fixture = fixture();
    String path = "/api/v1/articles/slug/" + fixture.article().slug();
    Api.anonymous().header("Origin", "http://localhost:3000").get(path).then().statusCode(200);

    Api.anonymous()
        .header("Origin", "http://localhost:5173")
        .get(path)
        .then()
        .statusCode(200)
        .header("Access-Control-Allow-Origin", "http://localhost:5173");
  }

  @Test
  void cachedAnswerIsCompressedLikeTheFirstForClientsThatAcceptGzip() {
    Fixture fixture = fixture();
    String path = "/api/v1/articles?category=" + fixture.category().slug();
    Response first = Api.anonymous().header("Accept-Encoding", "gzip").get(path);
    first.then().statusCode(200).header("Content-Encoding", "gzip");

    List<Response> gzipped = new ArrayList<>();
    List<HttpResponse<String>> plain = new ArrayList<>();
    long statements =
        statementsFor(
            () -> {
              gzipped.add(Api.anonymous().header("Accept-Encoding", "gzip").get(path));
              plain.add(send(path));
              return null;
            });

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
  void cachedAnswerGivesAForeignOriginNoCorsGrant() {
    Fixture fixture = fixture();
    String path = "/api/v1/articles/slug/" + fixture.article().slug();
    Api.anonymous().header("Origin", "http://localhost:3000").get(path).then().statusCode(200);

    long statements =
        statementsFor(
            () ->
                RestAssured.given()
                    .accept("application/json, application/problem+json")
                    .header("Origin", "https://evil.example")
                    .get(path)
                    .then()
                    .header("Access-Control-Allow-Origin", nullValue())
                    .header("Access-Control-Allow-Credentials", nullValue())
                    .extract());

    assertEquals(0, statements, "statements for an answer from the cache");
  }

  @Test
  void headFromTheCacheForAGzipClientGivesTheLengthOfTheUncompressedAnswer() {
    Fixture fixture = fixture();
    String path = "/api/v1/articles/slug/" + fixture.article().slug();
    Response first = Api.anonymous().header("Accept-Encoding", "identity").get(path);
    first.then().statusCode(200);

    RestAssured.given()
        .accept("application/json, application/problem+json")
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
    Api.anonymous().get(path).then().statusCode(200);
    long statements =
        statementsFor(() -> Api.anonymous().get(path).then().statusCode(200).extract());
    assertEquals(0, statements, "statements for an answer from the cache");

    double before = bySlugCount();
    Api.anonymous().get(path).then().statusCode(200);

    assertEquals(before + 1, bySlugCount(), "answers from the cache counted under the route");
    String metrics =
        RestAssured.given().get("/q/metrics").then().statusCode(200).extract().asString();
    assertFalse(
        metrics.contains(fixture.article().slug()), "no metric is named after one article's slug");
  }

  /** How many successful GETs of an article by slug the HTTP metrics have counted. */
  private static double bySlugCount() {
    String metrics =
        RestAssured.given().get("/q/metrics").then().statusCode(200).extract().asString();
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
    RestAssured.given()
        .accept("application/json, application/problem+json")
        .config(
            RestAssuredConfig.config()
                .httpClient(
                    HttpClientConfig.httpClientConfig()
                        .setParam(CoreProtocolPNames.USE_EXPECT_CONTINUE, true)))
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
    String run = TestData.suffix();
    Created category = TestData.category("Zwischenspeicher " + run);
    Created author = TestData.author("Jürgen Groß " + run);
    String title = "Größte Übung „Nordlicht“ " + run;
    Created article = TestData.publishedArticle(title, category.slug(), author.slug());
    return new Fixture(run, category, article, title);
  }

  private static Created created(Response response) {
    response.then().statusCode(201);
    return new Created(response.path("id"), response.path("slug"), response.header("ETag"));
  }

  private long statementsFor(Supplier<?> reads) {
    Statistics statistics = sessionFactory.getStatistics();
    statistics.setStatisticsEnabled(true);
    long before = statistics.getPrepareStatementCount();
    reads.get();
    return statistics.getPrepareStatementCount() - before;
  }

  private static String awaitTitle(String path, String title, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    String seen;
    do {
      seen = Api.anonymous().get(path).then().statusCode(200).extract().path("title");
      if (title.equals(seen)) {
        return seen;
      }
      sleep();
    } while (Instant.now().isBefore(deadline));
    return seen;
  }

  private static void sleep() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
