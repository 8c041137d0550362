package dev.feder.article;

import static dev.feder.support.Problems.assertProblem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.feder.support.Api;
import dev.feder.support.Problems;
import dev.feder.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The trash: deleting an article hides it everywhere; it can be listed, restored as it was within
 * the retention, and purged for good.
 */
@QuarkusTest
class ArticleTrashTest {

  private static final String ARTICLES = "/api/v1/articles";
  private static final String TRASH = "/api/v1/trash";

  @Inject ArticleTrash trash;
  @Inject TrashPurgeJob purgeJob;
  @Inject DataSource dataSource;

  private String run;
  private TestData.Created category;
  private TestData.Created author;
  private String tag;

  @BeforeEach
  void createFixtures() {
    run = TestData.suffix();
    category = TestData.category("Papierkorb " + run);
    author = TestData.author("Tina Tonne " + run);
    tag = "Tonne-" + run;
  }

  // --- deleting -------------------------------------------------------------------------------

  @Test
  void deletedArticleDisappearsFromReadsListsSearchRelatedCountsFeedsAndSitemap() {
    String word = "Kehrwoche" + run;
    JsonPath gone = published("Hafen " + word + " gesperrt", List.of());
    JsonPath sibling = published("Hafen bleibt offen", List.of());
    JsonPath pinning = published("Mit Bezug", List.of(gone.getString("slug")));
    long categoryCount = articleCount("/api/v1/categories/" + category.id());
    long authorCount = articleCount("/api/v1/authors/" + author.id());

    trashArticle(gone.getString("id"));

    String id = gone.getString("id");
    String slug = gone.getString("slug");
    assertProblem(Api.admin().get(ARTICLES + "/" + id), 404, "/problems/not-found");
    assertProblem(Api.anonymous().get(ARTICLES + "/" + id), 404, "/problems/not-found");
    assertProblem(Api.admin().get(ARTICLES + "/slug/" + slug), 404, "/problems/not-found");
    assertProblem(Api.anonymous().get(ARTICLES + "/slug/" + slug), 404, "/problems/not-found");
    for (var client : List.of(Api.admin(), Api.anonymous())) {
      client
          .queryParam("category", category.slug())
          .get(ARTICLES)
          .then()
          .statusCode(200)
          .body("data.id", not(hasItem(id)))
          .body("data.id", hasItem(sibling.getString("id")));
    }
    Api.admin().queryParam("q", word).get(ARTICLES).then().statusCode(200).body("data", empty());
    Api.anonymous()
        .queryParam("q", word)
        .get(ARTICLES)
        .then()
        .statusCode(200)
        .body("data", empty());
    Api.anonymous()
        .get(ARTICLES + "/" + sibling.getString("id") + "/related")
        .then()
        .statusCode(200)
        .body("data.id", not(hasItem(id)))
        .body("data.id", hasItem(pinning.getString("id")));
    Api.anonymous()
        .get(ARTICLES + "/" + pinning.getString("id") + "/related")
        .then()
        .statusCode(200)
        .body("data.id", not(hasItem(id)));
    for (var client : List.of(Api.admin(), Api.anonymous())) {
      client
          .get(ARTICLES + "/" + pinning.getString("id"))
          .then()
          .statusCode(200)
          .body("related", empty());
    }
    assertEquals(categoryCount - 1, articleCount("/api/v1/categories/" + category.id()));
    assertEquals(authorCount - 1, articleCount("/api/v1/authors/" + author.id()));
    String feed =
        Api.anonymous()
            .accept("application/rss+xml")
            .get("/api/v1/feeds/categories/" + category.slug() + ".rss")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertFalse(feed.contains(slug), feed);
    assertTrue(feed.contains(sibling.getString("slug")), feed);
    String sitemap =
        Api.anonymous()
            .accept("application/xml")
            .get("/sitemap.xml")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertFalse(sitemap.contains(slug));
    assertTrue(sitemap.contains(sibling.getString("slug")));
  }

  @Test
  void deletedArticleIsListedInTheTrashWithWhoWhenAndThePurgeTime() {
    JsonPath article = published("Abgeräumt", List.of());
    String id = article.getString("id");

    trashArticle(id);

    JsonPath item = trashItem(id);
    assertEquals(article.getString("slug"), item.getString("article.slug"));
    assertEquals("published", item.getString("article.status"));
    assertEquals("bootstrap-admin", item.getString("deletedBy"));
    Instant deletedAt = Instant.parse(item.getString("deletedAt"));
    assertEquals(deletedAt.plus(Duration.ofDays(30)), Instant.parse(item.getString("purgeAt")));
    Api.admin()
        .get(TRASH + "/" + id)
        .then()
        .statusCode(200)
        .header("ETag", notNullValue())
        .body("article.id", equalTo(id))
        .body("article.body", containsString("zwölf Schiffe"))
        .body("deletedBy", equalTo("bootstrap-admin"))
        .body("deletedAt", equalTo(item.getString("deletedAt")))
        .body("purgeAt", equalTo(item.getString("purgeAt")));
  }

  @Test
  void writesAndRevisionsOfADeletedArticleAreNotFound() {
    String id = published("Nicht mehr da", List.of()).getString("id");
    String etag = TestData.etag(ARTICLES + "/" + id);
    trashArticle(id);

    assertProblem(
        Problems.mergePatch(Api.admin())
            .header("If-Match", etag)
            .body(Map.of("title", "Wieder da?"))
            .patch(ARTICLES + "/" + id),
        404,
        "/problems/not-found");
    assertProblem(
        Api.admin().header("If-Match", etag).delete(ARTICLES + "/" + id),
        404,
        "/problems/not-found");
    assertProblem(Api.admin().get(ARTICLES + "/" + id + "/revisions"), 404, "/problems/not-found");
  }

  @Test
  void deletedArticleCannotBePinned() {
    JsonPath pinned = published("Nicht anheftbar", List.of());
    String slug = pinned.getString("slug");
    trashArticle(pinned.getString("id"));

    Response response =
        Api.admin().body(article("Will anheften", "draft", List.of(slug))).post(ARTICLES);

    assertProblem(response, 400, "/problems/validation")
        .body("errors[0].field", equalTo("related[0]"));
  }

  @Test
  void draftsInTheTrashStayInvisibleToAnonymousCallers() {
    JsonPath draft = create(article("Geheimer Entwurf", "draft", List.of()));
    String id = draft.getString("id");
    trashArticle(id);

    assertProblem(Api.raw().get(TRASH), 401, "/problems/unauthorized");
    assertProblem(Api.raw().get(TRASH + "/" + id), 401, "/problems/unauthorized");
    assertProblem(
        Api.raw().header("If-Match", "*").post(TRASH + "/" + id + "/restore"),
        401,
        "/problems/unauthorized");
    assertProblem(Api.anonymous().get(ARTICLES + "/" + id), 404, "/problems/not-found");

    restore(id).then().statusCode(200).body("status", equalTo("draft"));
    assertProblem(Api.anonymous().get(ARTICLES + "/" + id), 404, "/problems/not-found");
    Api.anonymous()
        .queryParam("category", category.slug())
        .get(ARTICLES)
        .then()
        .statusCode(200)
        .body("data.id", not(hasItem(id)));
  }

  // --- restoring ------------------------------------------------------------------------------

  @Test
  void restoreBringsTheArticleBackAsItWasAndRecordsARevision() {
    JsonPath pinned = published("Angeheftet", List.of());
    JsonPath article = published("Zurückgeholt", List.of(pinned.getString("slug")));
    String id = article.getString("id");
    JsonPath pinning = published("Heftet an", List.of(article.getString("slug")));
    int revisions = revisions(id);
    trashArticle(id);

    Response restored = restore(id);

    restored
        .then()
        .statusCode(200)
        .header("ETag", notNullValue())
        .body("id", equalTo(id))
        .body("slug", equalTo(article.getString("slug")))
        .body("status", equalTo("published"))
        .body("publishedAt", equalTo(article.getString("publishedAt")))
        .body("title", equalTo(article.getString("title")))
        .body("related.slug", equalTo(List.of(pinned.getString("slug"))));
    assertEquals(restored.header("ETag"), TestData.etag(ARTICLES + "/" + id));
    Api.anonymous().get(ARTICLES + "/slug/" + article.getString("slug")).then().statusCode(200);
    Api.anonymous()
        .get(ARTICLES + "/" + pinning.getString("id"))
        .then()
        .statusCode(200)
        .body("related.id", equalTo(List.of(id)));
    Api.admin()
        .get(ARTICLES + "/" + id + "/revisions")
        .then()
        .statusCode(200)
        .body("data[0].revision", equalTo(revisions + 1))
        .body("data[0].createdBy", equalTo("bootstrap-admin"));
    assertProblem(Api.admin().get(TRASH + "/" + id), 404, "/problems/not-found");
  }

  @Test
  void aPinToADeletedArticleSurvivesEditsOfThePinningArticle() {
    JsonPath pinned = published("Versteckt angeheftet", List.of());
    JsonPath other = published("Sichtbar angeheftet", List.of());
    JsonPath pinning =
        published("Heftet beide an", List.of(pinned.getString("slug"), other.getString("slug")));
    String pinningId = pinning.getString("id");
    trashArticle(pinned.getString("id"));

    Problems.mergePatch(Api.admin())
        .header("If-Match", TestData.etag(ARTICLES + "/" + pinningId))
        .body(Map.of("subtitle", "Geändert, während ein Bezug im Papierkorb lag"))
        .patch(ARTICLES + "/" + pinningId)
        .then()
        .statusCode(200)
        .body("related.slug", equalTo(List.of(other.getString("slug"))));
    restore(pinned.getString("id")).then().statusCode(200);

    Api.anonymous()
        .get(ARTICLES + "/" + pinningId)
        .then()
        .statusCode(200)
        .body("related.slug", equalTo(List.of(other.getString("slug"), pinned.getString("slug"))));
  }

  @Test
  void restoringTwiceIsNotFoundTheSecondTime() {
    String id = published("Zweimal zurück", List.of()).getString("id");
    trashArticle(id);
    String etag = TestData.etag(TRASH + "/" + id);

    Api.admin().header("If-Match", etag).post(TRASH + "/" + id + "/restore").then().statusCode(200);
    assertProblem(
            Api.admin().header("If-Match", etag).post(TRASH + "/" + id + "/restore"),
            404,
            "/problems/not-found")
        .body("detail", containsString("not in the trash"));
  }

  @Test
  void unknownTrashItemsAreNotFound() {
    String id = UUID.randomUUID().toString();
    assertProblem(Api.admin().get(TRASH + "/" + id), 404, "/problems/not-found");
    assertProblem(
        Api.admin().header("If-Match", "*").post(TRASH + "/" + id + "/restore"),
        404,
        "/problems/not-found");
    assertProblem(
        Api.admin().header("If-Match", "*").delete(TRASH + "/" + id), 404, "/problems/not-found");
    String live = published("Lebendig", List.of()).getString("id");
    assertProblem(Api.admin().get(TRASH + "/" + live), 404, "/problems/not-found");
    assertProblem(
        Api.admin().header("If-Match", "*").post(TRASH + "/" + live + "/restore"),
        404,
        "/problems/not-found");
  }

  @Test
  void restoreAndPurgeNeedTheCurrentEtagOfTheTrashItem() {
    String id = published("Vorbedingung", List.of()).getString("id");
    trashArticle(id);

    assertProblem(
        Api.raw().header("Authorization", "Bearer " + Api.ADMIN_TOKEN).post(restorePath(id)),
        428,
        "/problems/precondition-required");
    assertProblem(
            Api.admin().header("If-Match", "\"veraltet\"").post(restorePath(id)),
            412,
            "/problems/precondition-failed")
        .header("ETag", equalTo(TestData.etag(TRASH + "/" + id)));
    assertProblem(Api.rawAdmin().delete(TRASH + "/" + id), 428, "/problems/precondition-required");
    assertProblem(
        Api.admin().header("If-Match", "\"veraltet\"").delete(TRASH + "/" + id),
        412,
        "/problems/precondition-failed");
    Api.admin().get(TRASH + "/" + id).then().statusCode(200);
  }

  @Test
  void restoringAfterTheRetentionIsGoneAndThePurgeRemovesTheArticleForGood() throws Exception {
    JsonPath article = published("Abgelaufen", List.of());
    String id = article.getString("id");
    JsonPath pinning = published("Heftet Abgelaufenes an", List.of(article.getString("slug")));
    trashArticle(id);
    String etag = TestData.etag(TRASH + "/" + id);
    deletedDaysAgo(id, 31);

    assertProblem(Api.admin().header("If-Match", etag).post(restorePath(id)), 410, "/problems/gone")
        .body("detail", containsString("can no longer be restored"));
    assertTrue(
        Instant.parse(Api.admin().get(TRASH + "/" + id).then().extract().path("purgeAt"))
            .isBefore(Instant.now()));

    purgeJob.purgeExpired();

    assertProblem(Api.admin().get(TRASH + "/" + id), 404, "/problems/not-found");
    assertEquals(0, count("select count(*) from article_revision where article_id = ?", id));
    assertEquals(0, count("select count(*) from article where id = ?", id));
    Api.admin()
        .get(ARTICLES + "/" + pinning.getString("id"))
        .then()
        .statusCode(200)
        .body("related", empty());
    Map<String, Object> again = article("Abgelaufen", "draft", List.of());
    again.put("slug", article.getString("slug"));
    create(again);
  }

  @Test
  void articlesWithinTheRetentionAreNotPurged() throws Exception {
    String id = published("Noch frisch", List.of()).getString("id");
    trashArticle(id);
    deletedDaysAgo(id, 29);

    trash.purgeExpired(100);

    Api.admin().get(TRASH + "/" + id).then().statusCode(200);
    restore(id).then().statusCode(200);
  }

  // --- purging --------------------------------------------------------------------------------

  @Test
  void adminPurgeRemovesTheArticleAndFreesItsSlug() throws Exception {
    JsonPath first = published("Erster Bezug", List.of());
    JsonPath gone = published("Wird gelöscht", List.of());
    JsonPath pinning =
        published("Heftet zwei an", List.of(gone.getString("slug"), first.getString("slug")));
    String id = gone.getString("id");
    trashArticle(id);

    Api.admin()
        .header("If-Match", TestData.etag(TRASH + "/" + id))
        .delete(TRASH + "/" + id)
        .then()
        .statusCode(204);

    assertProblem(Api.admin().get(TRASH + "/" + id), 404, "/problems/not-found");
    assertEquals(0, count("select count(*) from article_revision where article_id = ?", id));
    Api.admin()
        .get(ARTICLES + "/" + pinning.getString("id"))
        .then()
        .statusCode(200)
        .body("related.slug", equalTo(List.of(first.getString("slug"))));
    Map<String, Object> again = article("Wird gelöscht", "draft", List.of());
    again.put("slug", gone.getString("slug"));
    create(again);
  }

  // --- slugs ----------------------------------------------------------------------------------

  @Test
  void theSlugOfADeletedArticleStaysReserved() {
    JsonPath gone = published("Reserviert " + run, List.of());
    trashArticle(gone.getString("id"));

    Map<String, Object> explicit = article("Anderer Titel", "draft", List.of());
    explicit.put("slug", gone.getString("slug"));
    assertProblem(Api.admin().body(explicit).post(ARTICLES), 409, "/problems/conflict")
        .body("detail", containsString("trash"));
    assertEquals(
        gone.getString("slug") + "-2",
        create(article("Reserviert " + run, "draft", List.of())).getString("slug"));
    restore(gone.getString("id"))
        .then()
        .statusCode(200)
        .body("slug", equalTo(gone.getString("slug")));
  }

  // --- categories and authors used only by the trash ------------------------------------------

  @Test
  void categoryAndAuthorUsedOnlyByTheTrashCannotBeDeletedUntilItIsPurged() {
    String id = published("Letzter Artikel", List.of()).getString("id");
    trashArticle(id);

    String categoryPath = "/api/v1/categories/" + category.id();
    String authorPath = "/api/v1/authors/" + author.id();
    assertProblem(
            Api.admin().header("If-Match", TestData.etag(categoryPath)).delete(categoryPath),
            409,
            "/problems/conflict")
        .body("detail", containsString("only by 1 article(s) in the trash"));
    assertProblem(
            Api.admin().header("If-Match", TestData.etag(authorPath)).delete(authorPath),
            409,
            "/problems/conflict")
        .body("detail", containsString("only in 1 article(s) in the trash"));

    Api.admin()
        .header("If-Match", TestData.etag(TRASH + "/" + id))
        .delete(TRASH + "/" + id)
        .then()
        .statusCode(204);
    Api.admin()
        .header("If-Match", TestData.etag(categoryPath))
        .delete(categoryPath)
        .then()
        .statusCode(204);
    Api.admin()
        .header("If-Match", TestData.etag(authorPath))
        .delete(authorPath)
        .then()
        .statusCode(204);
  }

  // --- roles ----------------------------------------------------------------------------------

  @Test
  void viewersReadTheTrashButCannotRestoreOrPurge() {
    String id = published("Nur lesen", List.of()).getString("id");
    trashArticle(id);
    String viewer = token("viewer", null);
    String etag = TestData.etag(TRASH + "/" + id);

    Api.withToken(viewer).get(TRASH).then().statusCode(200);
    Api.withToken(viewer).get(TRASH + "/" + id).then().statusCode(200);
    assertProblem(
        Api.withToken(viewer).header("If-Match", etag).post(restorePath(id)),
        403,
        "/problems/forbidden");
    assertProblem(
        Api.withToken(viewer).header("If-Match", etag).delete(TRASH + "/" + id),
        403,
        "/problems/forbidden");
    Api.admin().get(TRASH + "/" + id).then().statusCode(200);
  }

  @Test
  void onlyAdminsPurge() {
    String id = published("Nur Admins", List.of()).getString("id");
    trashArticle(id);
    String etag = TestData.etag(TRASH + "/" + id);

    for (String token : List.of(token("editor", null), token("author", author.slug()))) {
      assertProblem(
          Api.withToken(token).header("If-Match", etag).delete(TRASH + "/" + id),
          403,
          "/problems/forbidden");
    }
    assertProblem(
        Api.raw().header("If-Match", etag).delete(TRASH + "/" + id), 401, "/problems/unauthorized");
    Api.admin().get(TRASH + "/" + id).then().statusCode(200);
  }

  @Test
  void editorsRestoreAnyArticleAndAuthorsOnlyTheirOwn() {
    String own = published("Eigener", List.of()).getString("id");
    TestData.Created stranger = TestData.author("Fremde Feder " + run);
    Map<String, Object> foreignBody = article("Fremder", "published", List.of());
    foreignBody.put("authors", List.of(Map.of("slug", stranger.slug())));
    String foreign = create(foreignBody).getString("id");
    String editorsPick = published("Für die Redaktion", List.of()).getString("id");
    trashArticle(own);
    trashArticle(foreign);
    trashArticle(editorsPick);
    String authorToken = token("author", author.slug());

    assertProblem(
            Api.withToken(authorToken)
                .header("If-Match", TestData.etag(TRASH + "/" + foreign))
                .post(restorePath(foreign)),
            403,
            "/problems/forbidden")
        .body("detail", containsString("byline"));
    Api.withToken(authorToken)
        .header("If-Match", TestData.etag(TRASH + "/" + own))
        .post(restorePath(own))
        .then()
        .statusCode(200);
    Api.withToken(token("editor", null))
        .header("If-Match", TestData.etag(TRASH + "/" + editorsPick))
        .post(restorePath(editorsPick))
        .then()
        .statusCode(200);
    Api.admin().get(TRASH + "/" + foreign).then().statusCode(200);
  }

  @Test
  void authorTokensDeleteOnlyTheirOwnArticlesAndViewersNone() {
    String own = published("Selbst gelöscht", List.of()).getString("id");
    String authorToken = token("author", author.slug());
    assertProblem(
        Api.withToken(token("viewer", null))
            .header("If-Match", TestData.etag(ARTICLES + "/" + own))
            .delete(ARTICLES + "/" + own),
        403,
        "/problems/forbidden");

    Api.withToken(authorToken)
        .header("If-Match", TestData.etag(ARTICLES + "/" + own))
        .delete(ARTICLES + "/" + own)
        .then()
        .statusCode(204);

    Api.admin()
        .get(TRASH + "/" + own)
        .then()
        .statusCode(200)
        .body("deletedBy", equalTo("Autor " + run));
  }

  // --- paging ---------------------------------------------------------------------------------

  @Test
  void trashListsNewestDeletionFirstByPageAndByCursor() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String id = published("Reihenfolge " + i, List.of()).getString("id");
      trashArticle(id);
      ids.add(0, id);
    }

    JsonPath first =
        Api.admin().queryParam("size", 2).get(TRASH).then().statusCode(200).extract().jsonPath();
    assertEquals(ids.subList(0, 2), first.getList("data.article.id"));
    assertEquals(1, first.getInt("meta.page"));
    JsonPath second =
        Api.admin()
            .queryParam("size", 2)
            .queryParam("cursor", first.getString("meta.nextCursor"))
            .get(TRASH)
            .then()
            .statusCode(200)
            .body("meta.totalItems", equalTo(null))
            .extract()
            .jsonPath();
    assertEquals(ids.get(2), second.getList("data.article.id").get(0));
    Api.admin()
        .queryParam("size", 2)
        .queryParam("page", 2)
        .get(TRASH)
        .then()
        .statusCode(200)
        .body("data[0].article.id", equalTo(ids.get(2)));
  }

  @Test
  void badPagingParametersAreBadRequests() {
    assertProblem(Api.rawAdmin().queryParam("size", 0).get(TRASH), 400, "/problems/bad-parameter")
        .body("errors[0].field", equalTo("size"));
    assertProblem(
            Api.admin().queryParam("cursor", "kaputt").get(TRASH), 400, "/problems/bad-parameter")
        .body("errors[0].field", equalTo("cursor"));
    assertProblem(
            Api.admin().queryParam("cursor", "kaputt").queryParam("page", 2).get(TRASH),
            400,
            "/problems/bad-parameter")
        .body("errors[0].field", equalTo("cursor"));
  }

  // --- helpers --------------------------------------------------------------------------------

  private Map<String, Object> article(String title, String status, List<String> related) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("title", title + " " + run);
    body.put("body", "<p>Am frühen Morgen liefen zwölf Schiffe aus.</p>");
    body.put("category", Map.of("slug", category.slug()));
    body.put("authors", List.of(Map.of("slug", author.slug())));
    body.put("tags", List.of(tag));
    body.put("status", status);
    body.put("related", related.stream().map(slug -> Map.of("slug", slug)).toList());
    return body;
  }

  private JsonPath published(String title, List<String> related) {
    return create(article(title, "published", related));
  }

  private static JsonPath create(Map<String, Object> body) {
    return Api.admin().body(body).post(ARTICLES).then().statusCode(201).extract().jsonPath();
  }

  private static void trashArticle(String id) {
    Api.admin()
        .header("If-Match", TestData.etag(ARTICLES + "/" + id))
        .delete(ARTICLES + "/" + id)
        .then()
        .statusCode(204);
  }

  private static Response restore(String id) {
    return Api.admin().header("If-Match", TestData.etag(TRASH + "/" + id)).post(restorePath(id));
  }

  private static String restorePath(String id) {
    return TRASH + "/" + id + "/restore";
  }

  private static JsonPath trashItem(String id) {
    for (int page = 1; ; page++) {
      JsonPath json =
          Api.admin()
              .queryParam("size", 100)
              .queryParam("page", page)
              .get(TRASH)
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      List<String> ids = json.getList("data.article.id");
      int index = ids.indexOf(id);
      if (index >= 0) {
        return new JsonPath(json.prettify()).setRootPath("data[" + index + "]");
      }
      if (page >= json.getInt("meta.totalPages")) {
        throw new AssertionError("Article " + id + " is not in the trash list");
      }
    }
  }

  private static long articleCount(String path) {
    return Api.anonymous()
        .get(path)
        .then()
        .statusCode(200)
        .extract()
        .<Number>path("articleCount")
        .longValue();
  }

  private static int revisions(String id) {
    return Api.admin()
        .get(ARTICLES + "/" + id + "/revisions")
        .then()
        .statusCode(200)
        .extract()
        .path("data[0].revision");
  }

  private String token(String role, String authorSlug) {
    return TestData.token((role.equals("author") ? "Autor " : role + " ") + run, role, authorSlug);
  }

  /** Moves the deletion of a trashed article back in time, as if the retention had passed. */
  private void deletedDaysAgo(String id, int days) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update =
            connection.prepareStatement(
                "update article set deleted_at = deleted_at - make_interval(days => ?)"
                    + " where id = ?")) {
      update.setInt(1, days);
      update.setObject(2, UUID.fromString(id));
      assertEquals(1, update.executeUpdate());
    }
  }

  private long count(String sql, String id) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query = connection.prepareStatement(sql)) {
      query.setObject(1, UUID.fromString(id));
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
