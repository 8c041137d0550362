package dev.feder.audit;

import static dev.feder.support.Problems.assertProblem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.feder.article.ArticleTrash;
import dev.feder.support.Api;
import dev.feder.support.Problems;
import dev.feder.support.QueryCounts;
import dev.feder.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The audit log: every kind of change with its actor, nothing for refused writes, admins only. */
@QuarkusTest
class AuditLogTest {

  private static final String EVENTS = "/api/v1/audit-events";
  private static final String ARTICLES = "/api/v1/articles";

  @Inject ArticleTrash trash;
  @Inject DataSource dataSource;
  @Inject SessionFactory sessionFactory;

  private String run;
  private String editorName;
  private String editor;
  private TestData.Created category;
  private TestData.Created author;

  @BeforeEach
  void createFixtures() {
    run = TestData.suffix();
    editorName = "Redaktion " + run;
    editor = token(editorName, "editor", null).path("token");
    category = TestData.category("Protokoll " + run);
    author = TestData.author("Petra Protokoll " + run);
  }

  // --- what is recorded -----------------------------------------------------------------------

  @Test
  void everyArticleChangeIsRecordedWithItsActorActionAndChangedFields() {
    Response created = Api.withToken(editor).body(article("Erste Fassung", "draft")).post(ARTICLES);
    created.then().statusCode(201);
    String id = created.path("id");
    String slug = created.path("slug");
    String path = ARTICLES + "/" + id;
    Problems.mergePatch(Api.withToken(editor))
        .header("If-Match", created.header("ETag"))
        .body(Map.of("title", "Zweite Fassung " + run, "status", "published"))
        .patch(path)
        .then()
        .statusCode(200);
    Map<String, Object> replacement = article("Erste Fassung", "published");
    replacement.put("subtitle", "Mit Unterzeile");
    Api.withToken(editor)
        .header("If-Match", TestData.etag(path))
        .body(replacement)
        .put(path)
        .then()
        .statusCode(200);
    Api.withToken(editor)
        .header("If-Match", TestData.etag(path))
        .post(path + "/revisions/1/restore")
        .then()
        .statusCode(200);
    Api.withToken(editor)
        .header("If-Match", TestData.etag(path))
        .delete(path)
        .then()
        .statusCode(204);
    Api.withToken(editor)
        .header("If-Match", TestData.etag("/api/v1/trash/" + id))
        .post("/api/v1/trash/" + id + "/restore")
        .then()
        .statusCode(200);
    Api.admin().header("If-Match", TestData.etag(path)).delete(path).then().statusCode(204);
    Api.admin()
        .header("If-Match", TestData.etag("/api/v1/trash/" + id))
        .delete("/api/v1/trash/" + id)
        .then()
        .statusCode(204);

    JsonPath events = events(Map.of("entityId", id));
    assertEquals(
        List.of(
            "purge", "trash", "restore", "trash", "restore-revision", "update", "patch", "create"),
        events.getList("data.action"));
    assertEquals(
        List.of("admin", "admin", "editor", "editor", "editor", "editor", "editor", "editor"),
        events.getList("data.actorRole"));
    assertEquals("bootstrap-admin", events.getString("data[0].actor"));
    assertEquals(editorName, events.getString("data[2].actor"));
    assertEquals(List.of("article"), distinct(events.getList("data.entityType")));
    assertEquals(List.of(slug), distinct(events.getList("data.label")));
    assertEquals("draft", events.getString("data[7].details.status"));
    assertEquals(
        List.of("publishedAt", "status", "title"), events.getList("data[6].details.changed"));
    assertEquals("published", events.getString("data[6].details.status"));
    assertEquals(List.of("subtitle", "title"), events.getList("data[5].details.changed"));
    assertEquals(
        List.of("publishedAt", "status", "subtitle"), events.getList("data[4].details.changed"));
    assertEquals(1, events.getInt("data[4].details.fromRevision"));
    assertEquals("draft", events.getString("data[4].details.status"));
  }

  @Test
  void categoryAuthorAndTokenChangesAreRecordedAndNoSecretEver() throws Exception {
    TestData.Created section = TestData.category("Kurzlebig " + run);
    String sectionPath = "/api/v1/categories/" + section.id();
    Problems.mergePatch(Api.withToken(editor))
        .header("If-Match", section.etag())
        .body(Map.of("description", "Nur für den Test"))
        .patch(sectionPath)
        .then()
        .statusCode(200);
    Api.withToken(editor)
        .header("If-Match", TestData.etag(sectionPath))
        .body(Map.of("name", "Umbenannt " + run, "slug", section.slug()))
        .put(sectionPath)
        .then()
        .statusCode(200);
    Api.withToken(editor)
        .header("If-Match", TestData.etag(sectionPath))
        .delete(sectionPath)
        .then()
        .statusCode(204);
    String authorPath = "/api/v1/authors/" + author.id();
    Problems.mergePatch(Api.withToken(editor))
        .header("If-Match", author.etag())
        .body(Map.of("email", "petra@example.org"))
        .patch(authorPath)
        .then()
        .statusCode(200);
    Response issued = token("Agentur " + run, "viewer", null);
    String tokenId = issued.path("id");
    Api.admin().delete("/api/v1/tokens/" + tokenId).then().statusCode(204);
    Api.admin().delete("/api/v1/tokens/" + tokenId).then().statusCode(204);

    JsonPath sectionEvents = events(Map.of("entityId", section.id()));
    assertEquals(
        List.of("delete", "update", "patch", "create"), sectionEvents.getList("data.action"));
    assertEquals(List.of("category"), distinct(sectionEvents.getList("data.entityType")));
    assertEquals(List.of("description"), sectionEvents.getList("data[2].details.changed"));
    // The PUT left out the description, so it removed it.
    assertEquals(List.of("description", "name"), sectionEvents.getList("data[1].details.changed"));
    assertEquals("bootstrap-admin", sectionEvents.getString("data[3].actor"));
    assertEquals(editorName, sectionEvents.getString("data[0].actor"));
    JsonPath authorEvents = events(Map.of("entityId", author.id()));
    assertEquals(List.of("patch", "create"), authorEvents.getList("data.action"));
    assertEquals(List.of("email"), authorEvents.getList("data[0].details.changed"));
    assertEquals(author.slug(), authorEvents.getString("data[0].label"));

    Response tokenEvents =
        Api.admin()
            .queryParam("entityId", tokenId)
            .get(EVENTS)
            .then()
            .statusCode(200)
            .extract()
            .response();
    assertEquals(List.of("revoke", "create"), tokenEvents.jsonPath().getList("data.action"));
    assertEquals("Agentur " + run, tokenEvents.jsonPath().getString("data[1].label"));
    assertEquals(Map.of("role", "viewer"), tokenEvents.jsonPath().getMap("data[1].details"));
    assertEquals(Map.of(), tokenEvents.jsonPath().getMap("data[0].details"));
    String secret = issued.path("token");
    String hash =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
    assertFalse(tokenEvents.asString().contains(secret));
    assertFalse(tokenEvents.asString().contains(hash));
  }

  @Test
  void theAutomaticPurgeIsRecordedAsTheSystem() throws Exception {
    Response created = Api.admin().body(article("Verfallen", "published")).post(ARTICLES);
    String id = created.path("id");
    Api.admin()
        .header("If-Match", created.header("ETag"))
        .delete(ARTICLES + "/" + id)
        .then()
        .statusCode(204);
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update =
            connection.prepareStatement(
                "update article set deleted_at = deleted_at - interval '400 days' where id = ?")) {
      update.setObject(1, UUID.fromString(id));
      update.executeUpdate();
    }

    while (trash.purgeExpired(100) == 100) {
      // until every expired item is gone
    }

    JsonPath events = events(Map.of("entityId", id, "action", "purge"));
    assertEquals("trash-retention", events.getString("data[0].actor"));
    assertEquals("system", events.getString("data[0].actorRole"));
    assertEquals("published", events.getString("data[0].details.status"));
  }

  // --- what is not recorded -------------------------------------------------------------------

  @Test
  void refusedWritesRecordNothing() {
    Response created = Api.withToken(editor).body(article("Bleibt", "draft")).post(ARTICLES);
    String id = created.path("id");
    String path = ARTICLES + "/" + id;
    String etag = created.header("ETag");
    String viewer = token("Leser " + run, "viewer", null).path("token");
    Problems.mergePatch(Api.withToken(editor))
        .header("If-Match", etag)
        .body(Map.of("subtitle", "Erst einmal"))
        .patch(path)
        .then()
        .statusCode(200);

    assertProblem(
        Problems.mergePatch(Api.withToken(editor))
            .header("If-Match", etag)
            .body(Map.of("title", "Veraltet"))
            .patch(path),
        412,
        "/problems/precondition-failed");
    assertProblem(
        Problems.mergePatch(Api.withToken(viewer))
            .header("If-Match", TestData.etag(path))
            .body(Map.of("title", "Verboten"))
            .patch(path),
        403,
        "/problems/forbidden");
    assertProblem(
        Problems.mergePatch(Api.raw().header("Authorization", "Bearer " + editor))
            .header("If-Match", TestData.etag(path))
            .body(Map.of("title", ""))
            .patch(path),
        400,
        "/problems/validation");
    assertProblem(
        Api.raw().header("Authorization", "Bearer " + editor).delete(path),
        428,
        "/problems/precondition-required");
    assertProblem(
        Api.raw()
            .header("Authorization", "Bearer " + editor)
            .contentType("application/json")
            .body(Map.of("title", "Ohne Rubrik"))
            .post(ARTICLES),
        400,
        "/problems/validation");
    String categoryPath = "/api/v1/categories/" + category.id();
    assertProblem(
        Api.withToken(editor).header("If-Match", TestData.etag(categoryPath)).delete(categoryPath),
        409,
        "/problems/conflict");

    assertEquals(List.of("patch", "create"), events(Map.of("entityId", id)).getList("data.action"));
    assertEquals(
        List.of("create"), events(Map.of("entityId", category.id())).getList("data.action"));
    assertEquals(2, events(Map.of("actor", editorName)).getInt("meta.totalItems"));
    assertEquals(0, events(Map.of("actor", "Leser " + run)).getInt("meta.totalItems"));
  }

  // --- reading --------------------------------------------------------------------------------

  @Test
  void filtersCombineAndPagesFollowEachOtherByNumberAndCursor() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(
          Api.withToken(editor)
              .body(article("Meldung " + i, "draft"))
              .post(ARTICLES)
              .then()
              .statusCode(201)
              .extract()
              .path("id"));
    }
    String section =
        Api.withToken(editor)
            .body(Map.of("name", "Rubrik " + run))
            .post("/api/v1/categories")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Problems.mergePatch(Api.withToken(editor))
        .header("If-Match", TestData.etag("/api/v1/categories/" + section))
        .body(Map.of("position", 3))
        .patch("/api/v1/categories/" + section)
        .then()
        .statusCode(200);

    JsonPath all = events(Map.of("actor", editorName));
    assertEquals(5, all.getInt("meta.totalItems"));
    List<String> order = all.getList("data.entityId");
    assertEquals(List.of(section, section, ids.get(2), ids.get(1), ids.get(0)), order);
    List<Instant> times =
        all.getList("data.at", String.class).stream().map(Instant::parse).toList();
    for (int i = 1; i < times.size(); i++) {
      assertFalse(times.get(i).isAfter(times.get(i - 1)), "newest first: " + times);
    }

    assertEquals(
        List.of(section, section),
        events(Map.of("actor", editorName, "entityType", "category")).getList("data.entityId"));
    assertEquals(
        List.of(section, ids.get(2), ids.get(1), ids.get(0)),
        events(Map.of("actor", editorName, "action", "create")).getList("data.entityId"));
    assertEquals(
        List.of(section),
        events(Map.of("actor", editorName, "entityType", "category", "action", "patch"))
            .getList("data.entityId"));
    String third = all.getString("data[2].at");
    assertEquals(
        order.subList(0, 3),
        events(Map.of("actor", editorName, "since", third)).getList("data.entityId"));
    assertEquals(
        order.subList(3, 5),
        events(Map.of("actor", editorName, "until", third)).getList("data.entityId"));

    List<String> byCursor = new ArrayList<>();
    long bounded = executionsOfQueriesWith("occurredAt <= :after0");
    JsonPath page =
        Api.admin()
            .queryParam("actor", editorName)
            .queryParam("size", 2)
            .get(EVENTS)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    byCursor.addAll(page.getList("data.entityId"));
    while (page.getString("meta.nextCursor") != null) {
      page =
          Api.admin()
              .queryParam("actor", editorName)
              .queryParam("size", 2)
              .queryParam("cursor", page.getString("meta.nextCursor"))
              .get(EVENTS)
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      byCursor.addAll(page.getList("data.entityId"));
    }
    assertEquals(order, byCursor);
    assertTrue(
        executionsOfQueriesWith("occurredAt <= :after0") > bounded,
        "cursor pages start the scan of the log at the cursor");
    Api.admin()
        .queryParam("actor", editorName)
        .queryParam("size", 2)
        .queryParam("page", 3)
        .get(EVENTS)
        .then()
        .statusCode(200)
        .body("data.entityId", equalTo(order.subList(4, 5)))
        .body("meta.totalPages", equalTo(3))
        .body("links.next", equalTo(null))
        .body("links.prev", org.hamcrest.Matchers.endsWith("page=2"));
  }

  @Test
  void malformedFiltersAreBadRequestsThatNameTheParameter() {
    Map<String, String> bad = new LinkedHashMap<>();
    bad.put("entityType", "rubrik");
    bad.put("entityId", "kein-uuid");
    bad.put("action", "vernichten");
    bad.put("since", "gestern");
    bad.put("until", "2026-13-01T00:00:00Z");
    bad.put("cursor", "kaputt");
    bad.put("size", "0");
    bad.forEach(
        (name, value) ->
            assertProblem(
                    Api.rawAdmin().queryParam(name, value).get(EVENTS),
                    400,
                    "/problems/bad-parameter")
                .body("errors.field", equalTo(List.of(name))));
    assertProblem(
            Api.admin()
                .queryParam("since", "2026-12-01T00:00:00Z")
                .queryParam("until", "2026-11-01T00:00:00Z")
                .get(EVENTS),
            400,
            "/problems/bad-parameter")
        .body("errors.field", equalTo(List.of("until")));
    Api.admin()
        .queryParam("entityId", UUID.randomUUID().toString())
        .get(EVENTS)
        .then()
        .statusCode(200)
        .body("data", equalTo(List.of()))
        .body("meta.totalItems", equalTo(0));
  }

  @Test
  void onlyAdminsReadTheLog() {
    assertProblem(Api.raw().get(EVENTS), 401, "/problems/unauthorized");
    String authorToken = token("Autorin " + run, "author", author.slug()).path("token");
    for (String token :
        List.of(
            editor, authorToken, token("Lesend " + run, "viewer", null).<String>path("token"))) {
      assertProblem(Api.withToken(token).get(EVENTS), 403, "/problems/forbidden");
    }
    Api.admin()
        .get(EVENTS)
        .then()
        .statusCode(200)
        .body("data.actorRole", everyItem(org.hamcrest.Matchers.notNullValue()));
  }

  // --- helpers --------------------------------------------------------------------------------

  private Map<String, Object> article(String title, String status) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("title", title + " " + run);
    body.put("body", "<p>Am frühen Morgen liefen zwölf Schiffe aus.</p>");
    body.put("category", Map.of("slug", category.slug()));
    body.put("authors", List.of(Map.of("slug", author.slug())));
    body.put("status", status);
    return body;
  }

  private static Response token(String name, String role, String authorSlug) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name);
    body.put("role", role);
    if (authorSlug != null) {
      body.put("author", Map.of("slug", authorSlug));
    }
    Response response = Api.admin().body(body).post("/api/v1/tokens");
    response.then().statusCode(201);
    return response;
  }

  private long executionsOfQueriesWith(String fragment) {
    return QueryCounts.executionsOfQueriesWith(sessionFactory, fragment);
  }

  private static JsonPath events(Map<String, ?> filters) {
    JsonPath json =
        Api.admin()
            .queryParams(filters)
            .queryParam("size", 100)
            .get(EVENTS)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertTrue(json.getInt("meta.totalItems") <= 100, "one page holds a test's events");
    return json;
  }

  private static List<Object> distinct(List<Object> values) {
    return values.stream().distinct().toList();
  }
}
