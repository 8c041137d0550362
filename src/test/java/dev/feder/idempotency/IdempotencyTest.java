package dev.feder.idempotency;

import static dev.feder.support.Problems.assertProblem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.feder.support.Api;
import dev.feder.support.Fixtures;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Idempotency-Key on every creating POST: a retry with the same key and request gets the first
 * answer and creates nothing; another request under the key is a 422, one while the first still
 * runs a 409; failures keep the key free; keys are per token and expire.
 */
@QuarkusTest
class IdempotencyTest {

  private static final String KEY = "Idempotency-Key";
  private static final String CATEGORIES = "/api/v1/categories";

  @Inject AgroalDataSource dataSource;
  @Inject IdempotencyPurgeJob purge;

  private static String key() {
    return UUID.randomUUID().toString();
  }

  private static Map<String, Object> category(String name) {
    return Map.of("name", name, "description", "Berichte aus " + name);
  }

  private long rows(String sql, Object... parameters) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (ResultSet result = statement.executeQuery()) {
        result.next();
        return result.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Creates a category with this key as the admin; its id. */
  private static String createdWithKey(String key, String name) {
    return Api.admin()
        .header(KEY, key)
        .body(category(name))
        .post(CATEGORIES)
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  private long categoriesNamed(String name) {
    return rows("select count(*) from category where name = ?", name);
  }

  private static void assertReplayOf(Response first, Response again) {
    again.then().statusCode(first.statusCode()).header("Idempotent-Replayed", "true");
    assertEquals(first.header("Location"), again.header("Location"));
    assertEquals(first.header("ETag"), again.header("ETag"));
    assertEquals(first.header("Content-Type"), again.header("Content-Type"));
    assertArrayEquals(first.asByteArray(), again.asByteArray());
    assertNull(first.header("Idempotent-Replayed"));
  }

  // --- Replays --------------------------------------------------------------------------------

  @Test
  void sameKeyAndBodyReplayTheFirstAnswerAndCreateNothing() {
    String name = "Lokales „Hafen“ 🚢 " + Fixtures.suffix();
    String key = key();
    Response first = Api.admin().header(KEY, key).body(category(name)).post(CATEGORIES);
    first.then().statusCode(201);

    Response again = Api.admin().header(KEY, key).body(category(name)).post(CATEGORIES);

    assertReplayOf(first, again);
    assertEquals(1, categoriesNamed(name));
    assertEquals(
        1,
        rows(
            "select count(*) from audit_event where action = 'create' and entity_id = ?::uuid",
            first.path("id").toString()));
  }

  @Test
  void theSameBodyCountsAsWrittenByJacksonNotAsSent() {
    String name = "Umland " + Fixtures.suffix();
    String key = key();
    Response first =
        Api.rawAdmin()
            .contentType(ContentType.JSON)
            .header(KEY, key)
            .body("{\"name\": \"" + name + "\", \"description\": \"Kurz\"}")
            .post(CATEGORIES);
    first.then().statusCode(201);

    // Other whitespace, other order, a read-only field that is ignored anyway.
    Response again =
        Api.rawAdmin()
            .contentType(ContentType.JSON)
            .header(KEY, key)
            .body(
                "{\"id\":\""
                    + UUID.randomUUID()
                    + "\",\"description\":\"Kurz\",\"name\":\""
                    + name
                    + "\"}")
            .post(CATEGORIES);

    assertReplayOf(first, again);
    assertEquals(1, categoriesNamed(name));
  }

  @Test
  void replaysAnArticleWithItsLocationAndEtag() {
    Fixtures.Created category = Fixtures.category("Hafen " + Fixtures.suffix());
    Map<String, Object> article =
        Map.of(
            "title",
            "Neue Kräne im Hafen " + Fixtures.suffix(),
            "category",
            Map.of("slug", category.slug()));
    String key = key();
    Response first = Api.admin().header(KEY, key).body(article).post("/api/v1/articles");
    first.then().statusCode(201);

    assertReplayOf(first, Api.admin().header(KEY, key).body(article).post("/api/v1/articles"));
    assertEquals(
        1, rows("select count(*) from article where title = ?", article.get("title").toString()));
  }

  @Test
  void replaysAnAuthorAndAPreviewLink() {
    Map<String, Object> author = Map.of("name", "Jana Kühn " + Fixtures.suffix());
    String key = key();
    Response first = Api.admin().header(KEY, key).body(author).post("/api/v1/authors");
    assertReplayOf(first, Api.admin().header(KEY, key).body(author).post("/api/v1/authors"));

    Fixtures.Created category = Fixtures.category("Vorschau " + Fixtures.suffix());
    String article =
        Api.admin()
            .body(
                Map.of(
                    "title",
                    "Entwurf " + Fixtures.suffix(),
                    "category",
                    Map.of("slug", category.slug())))
            .post("/api/v1/articles")
            .path("id");
    String links = "/api/v1/articles/" + article + "/preview-links";
    String linkKey = key();
    Response link = Api.admin().header(KEY, linkKey).body(Map.of()).post(links);
    Response replayed = Api.admin().header(KEY, linkKey).body(Map.of()).post(links);
    // The same link again, not a second one.
    assertReplayOf(link, replayed);
    assertEquals(
        1,
        rows(
            "select count(*) from audit_event where action = 'create-preview-link'"
                + " and entity_id = ?::uuid",
            article));
  }

  @Test
  void aReplayedTokenShowsItsSecretWhichTheDatabaseNeverHolds() {
    String key = key();
    Map<String, Object> token =
        Map.of("name", "Redaktionssystem " + Fixtures.suffix(), "role", "editor");
    Response first = Api.admin().header(KEY, key).body(token).post("/api/v1/tokens");
    first.then().statusCode(201);
    String secret = first.path("token");

    Response again = Api.admin().header(KEY, key).body(token).post("/api/v1/tokens");

    assertReplayOf(first, again);
    assertEquals(secret, again.path("token"));
    assertEquals(1, rows("select count(*) from api_token where name = ?", token.get("name")));
    assertEquals(1, rows("select count(*) from idempotent_request where idempotency_key = ?", key));
    assertEquals(
        0,
        rows(
            "select count(*) from idempotent_request where idempotency_key = ?"
                + " and (position(convert_to(?, 'UTF8') in body) > 0"
                + " or position(convert_to(?, 'UTF8') in body) > 0)",
            key,
            secret,
            first.path("name").toString()));
    // The issued token works: the replay handed out the real secret.
    Api.withToken(secret).get("/api/v1/tokens").then().statusCode(403);
  }

  // --- Keys that do not replay ----------------------------------------------------------------

  @Test
  void sameKeyWithAnotherBodyIs422AndCreatesNothing() {
    String key = key();
    String first = "Sport " + Fixtures.suffix();
    Api.admin().header(KEY, key).body(category(first)).post(CATEGORIES).then().statusCode(201);
    String second = "Kultur " + Fixtures.suffix();

    Response reused = Api.admin().header(KEY, key).body(category(second)).post(CATEGORIES);

    assertProblem(reused, 422, "/problems/idempotency-key-reused")
        .body(
            "detail",
            equalTo(
                "Idempotency-Key '"
                    + key
                    + "' was used within the last 24 hours for a request with another method, path"
                    + " or body; send a new key for a new request"));
    assertEquals(0, categoriesNamed(second));
  }

  @Test
  void sameKeyOnAnotherOperationIs422() {
    String key = key();
    Api.admin()
        .header(KEY, key)
        .body(category("Wetter " + Fixtures.suffix()))
        .post(CATEGORIES)
        .then()
        .statusCode(201);
    String name = "Wetter " + Fixtures.suffix();

    assertProblem(
        Api.admin().header(KEY, key).body(Map.of("name", name)).post("/api/v1/authors"),
        422,
        "/problems/idempotency-key-reused");
    assertEquals(0, rows("select count(*) from author where name = ?", name));
  }

  @Test
  void keysArePerToken() {
    String key = key();
    String editor =
        Fixtures.tokenFor("Zweites System " + Fixtures.suffix(), "editor", null).secret();
    String name = "Verkehr " + Fixtures.suffix();

    String byAdmin = createdWithKey(key, name);
    String byEditor =
        Api.withToken(editor)
            .header(KEY, key)
            .body(category(name + " 2"))
            .post(CATEGORIES)
            .then()
            .statusCode(201)
            .extract()
            .path("id");

    assertNotEquals(byAdmin, byEditor);
  }

  @Test
  void aFailedRequestKeepsTheKeyFree() {
    String key = key();
    String name = "Bildung " + Fixtures.suffix();
    assertProblem(
        Api.rawAdmin()
            .contentType(ContentType.JSON)
            .header(KEY, key)
            .body("{\"name\": \"\"}")
            .post(CATEGORIES),
        400,
        "/problems/validation");
    String taken = Fixtures.category("Gesundheit " + Fixtures.suffix()).slug();
    assertProblem(
        Api.admin().header(KEY, key).body(Map.of("name", name, "slug", taken)).post(CATEGORIES),
        409,
        "/problems/conflict");

    Response created = Api.admin().header(KEY, key).body(category(name)).post(CATEGORIES);

    created.then().statusCode(201);
    assertNull(created.header("Idempotent-Replayed"));
    assertEquals(1, categoriesNamed(name));
    assertEquals(1, rows("select count(*) from idempotent_request where idempotency_key = ?", key));
  }

  @Test
  void aRequestWhileTheFirstStillRunsIs409() throws Exception {
    String key = key();
    String name = "Wissenschaft " + Fixtures.suffix();
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (Connection blocker = dataSource.getConnection()) {
      blocker.setAutoCommit(false);
      try (Statement lock = blocker.createStatement()) {
        // Holds the first request in its transaction at its audit record, key lock taken.
        lock.execute("lock table audit_event in share row exclusive mode");
      }
      Future<Response> first =
          pool.submit(() -> Api.admin().header(KEY, key).body(category(name)).post(CATEGORIES));
      awaitWaitingFor("audit_event");

      Response second = Api.admin().header(KEY, key).body(category(name)).post(CATEGORIES);

      assertProblem(second, 409, "/problems/idempotency-key-in-use").header("Retry-After", "1");
      blocker.rollback();
      first.get(30, TimeUnit.SECONDS).then().statusCode(201);
    } finally {
      pool.shutdownNow();
    }
    Api.admin()
        .header(KEY, key)
        .body(category(name))
        .post(CATEGORIES)
        .then()
        .statusCode(201)
        .header("Idempotent-Replayed", "true");
    assertEquals(1, categoriesNamed(name));
  }

  private void awaitWaitingFor(String table) throws InterruptedException {
    Instant until = Instant.now().plus(Duration.ofSeconds(30));
    while (rows("select count(*) from pg_locks where not granted and relation = ?::regclass", table)
        == 0) {
      assertTrue(Instant.now().isBefore(until), "the first request never reached " + table);
      Thread.sleep(20);
    }
  }

  @Test
  void anAnswerPastItsRetentionIsNotReplayedAndIsPurged() {
    String key = key();
    String name = "Archiv " + Fixtures.suffix();
    String first = createdWithKey(key, name);
    ageStoredAnswer(key, Duration.ofHours(25));

    // Free again, for the same request or another one.
    String second = createdWithKey(key, name + " neu");
    assertNotEquals(first, second);

    ageStoredAnswer(key, Duration.ofHours(25));
    purge.purgeExpired();
    assertEquals(0, rows("select count(*) from idempotent_request where idempotency_key = ?", key));
  }

  @Test
  void thePurgeKeepsAnswersWithinTheirRetention() {
    String key = key();
    Api.admin()
        .header(KEY, key)
        .body(category("Frisch " + Fixtures.suffix()))
        .post(CATEGORIES)
        .then()
        .statusCode(201);
    ageStoredAnswer(key, Duration.ofHours(23));

    purge.purgeExpired();

    assertEquals(1, rows("select count(*) from idempotent_request where idempotency_key = ?", key));
  }

  private void ageStoredAnswer(String key, Duration age) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update =
            connection.prepareStatement(
                "update idempotent_request set created_at = now() - ?::interval"
                    + " where idempotency_key = ?")) {
      update.setString(1, age.toSeconds() + " seconds");
      update.setString(2, key);
      assertEquals(1, update.executeUpdate());
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  // --- The header itself ----------------------------------------------------------------------

  @Test
  void malformedKeysAreRefusedAndCreateNothing() {
    String name = "Falsch " + Fixtures.suffix();
    List<String> malformed =
        List.of(
            "",
            "   ",
            "x".repeat(256),
            "mit\ttabulator",
            "\"offen",
            "\"fa\"lsch\"",
            "\"schräg\\x\"",
            "\"\"");
    for (String key : malformed) {
      assertProblem(
              Api.rawAdmin()
                  .contentType(ContentType.JSON)
                  .header(KEY, key)
                  .body("{\"name\": \"" + name + "\"}")
                  .post(CATEGORIES),
              400,
              "/problems/bad-parameter")
          .body("errors[0].field", equalTo(KEY));
    }
    assertProblem(
            Api.rawAdmin()
                .contentType(ContentType.JSON)
                .header(KEY, key())
                .header(KEY, key())
                .body("{\"name\": \"" + name + "\"}")
                .post(CATEGORIES),
            400,
            "/problems/bad-parameter")
        .body("errors[0].message", equalTo("must be sent once"));
    // Non-ASCII bytes, as a client that sends UTF-8 in a header would.
    assertProblem(
        Api.rawAdmin()
            .contentType(ContentType.JSON)
            .header(
                KEY,
                new String(
                    "schlüssel".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1))
            .body("{\"name\": \"" + name + "\"}")
            .post(CATEGORIES),
        400,
        "/problems/bad-parameter");
    assertEquals(0, categoriesNamed(name));
  }

  @Test
  void aQuotedKeyIsTheSameKeyAsItsContent() {
    String key = key();
    String name = "Zitat " + Fixtures.suffix();
    Response first = Api.admin().header(KEY, key).body(category(name)).post(CATEGORIES);
    first.then().statusCode(201);

    assertReplayOf(
        first, Api.admin().header(KEY, "\"" + key + "\"").body(category(name)).post(CATEGORIES));
    String escaped = "a\"b\\c " + Fixtures.suffix();
    Response quoted =
        Api.admin()
            .header(KEY, "\"" + escaped.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
            .body(category(name + " 2"))
            .post(CATEGORIES);
    quoted.then().statusCode(201);
    assertEquals(
        1, rows("select count(*) from idempotent_request where idempotency_key = ?", escaped));
  }

  @Test
  void withoutAKeyEveryPostCreatesAgain() {
    String name = "Doppelt " + Fixtures.suffix();
    Api.admin().body(category(name)).post(CATEGORIES).then().statusCode(201);
    Api.admin().body(category(name + " 2")).post(CATEGORIES).then().statusCode(201);
    assertEquals(2, rows("select count(*) from category where name like ?", name + "%"));
  }

  /**
   * The spec documents the header on every POST that creates, and each of those really reads it: a
   * malformed key is refused before anything else happens. So a creating POST without {@link
   * Idempotent} fails here.
   */
  @Test
  void everyPostTheSpecDocumentsWithTheKeyReadsIt() throws IOException {
    JsonNode paths =
        new ObjectMapper().readTree(Path.of("openapi/openapi.json").toFile()).get("paths");
    TreeSet<String> documented = new TreeSet<>();
    List<String> creating = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> path = it.next();
      JsonNode post = path.getValue().get("post");
      if (post == null) {
        continue;
      }
      boolean takesKey = false;
      for (JsonNode parameter : post.path("parameters")) {
        takesKey |=
            "#/components/parameters/IdempotencyKey".equals(parameter.path("$ref").asText());
      }
      // A file upload is idempotent by its bytes (the same file again answers its asset).
      boolean upload = post.path("requestBody").path("content").has("multipart/form-data");
      assertEquals(post.path("responses").has("201") && !upload, takesKey, path.getKey());
      if (takesKey) {
        documented.add(post.get("operationId").asText());
        creating.add(path.getKey());
      }
    }
    // At least these; a creating POST added later is held to the same below.
    assertTrue(
        documented.containsAll(
            List.of(
                "createArticle",
                "createAuthor",
                "createCategory",
                "createPreviewLink",
                "createToken")),
        documented.toString());
    for (String path : creating) {
      assertProblem(
              Api.rawAdmin()
                  .contentType(ContentType.JSON)
                  .header(KEY, "")
                  .body("{}")
                  .post(path.replace("{id}", UUID.randomUUID().toString())),
              400,
              "/problems/bad-parameter")
          .body("errors[0].field", equalTo(KEY));
    }
  }

  @Test
  void anAnswerWithoutAKeyStoresNothing() {
    long before = rows("select count(*) from idempotent_request");
    Api.admin().body(category("Ohne " + Fixtures.suffix())).post(CATEGORIES).then().statusCode(201);
    assertEquals(before, rows("select count(*) from idempotent_request"));
  }

  @Test
  void aReplayIsRefusedToTokensThatMayNoLongerCreate() {
    String key = key();
    Response issued =
        Api.admin()
            .body(Map.of("name", "Widerrufen " + Fixtures.suffix(), "role", "editor"))
            .post("/api/v1/tokens");
    issued.then().statusCode(201);
    String editorToken = issued.path("token");
    String editorId = issued.path("id");
    Map<String, Object> body = category("Widerruf " + Fixtures.suffix());
    Api.withToken(editorToken).header(KEY, key).body(body).post(CATEGORIES).then().statusCode(201);
    Api.admin().delete("/api/v1/tokens/" + editorId).then().statusCode(204);

    assertProblem(
            Api.withToken(editorToken).header(KEY, key).body(body).post(CATEGORIES),
            401,
            "/problems/unauthorized")
        .header("Idempotent-Replayed", nullValue());
  }
}
