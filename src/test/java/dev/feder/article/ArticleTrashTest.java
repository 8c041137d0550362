package dev.feder.article;

import static dev.feder.support.Problems.assertProblem;
import static dev.feder.support.Problems.assertUnauthorized;
import static org.hamcrest.Matchers.containsInAnyOrder;
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
import dev.feder.support.Fixtures;
import dev.feder.support.Fixtures.Created;
import dev.feder.support.Fixtures.NewArticle;
import dev.feder.support.Pages;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
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
  private Created category;
  private Created author;
  private String tag;

  @BeforeEach
  void createFixtures() {
    run = Fixtures.suffix();
    category = Fixtures.category("Papierkorb " + run);
    author = Fixtures.author("Tina Tonne " + run);
    tag = "Tonne-" + run;
  }

  /** Deleting moves an article to the trash: gone from every read, listed in the trash. */
  @Nested
  class Delete {

    @Test
    void deletedArticleDisappearsFromReadsListsSearchRelatedCountsFeedsAndSitemap() {
      String word = "Kehrwoche" + run;
      Created gone = published("Hafen " + word + " gesperrt", List.of());
      Created sibling = published("Hafen " + word + " bleibt offen", List.of());
      Created pinning = published("Mit Bezug", List.of(gone.slug()));
      long categoryCount = articleCount("/api/v1/categories/" + category.id());
      long authorCount = articleCount("/api/v1/authors/" + author.id());
      String id = gone.id();
      for (var client : List.of(Api.admin(), Api.anonymous())) {
        client
            .queryParam("q", word)
            .get(ARTICLES)
            .then()
            .statusCode(200)
            .body("data.id", containsInAnyOrder(id, sibling.id()));
      }

      trashArticle(id);

      String slug = gone.slug();
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
            .body("data.id", hasItem(sibling.id()));
      }
      for (var client : List.of(Api.admin(), Api.anonymous())) {
        client
            .queryParam("q", word)
            .get(ARTICLES)
            .then()
            .statusCode(200)
            .body("data.id", equalTo(List.of(sibling.id())));
      }
      Api.anonymous()
          .get(ARTICLES + "/" + sibling.id() + "/related")
          .then()
          .statusCode(200)
          .body("data.id", not(hasItem(id)))
          .body("data.id", hasItem(pinning.id()));
      Api.anonymous()
          .get(ARTICLES + "/" + pinning.id() + "/related")
          .then()
          .statusCode(200)
          .body("data.id", not(hasItem(id)));
      for (var client : List.of(Api.admin(), Api.anonymous())) {
        client.get(ARTICLES + "/" + pinning.id()).then().statusCode(200).body("related", empty());
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
      assertTrue(feed.contains(sibling.slug()), feed);
      String sitemap =
          Api.anonymous()
              .accept("application/xml")
              .get("/sitemap.xml")
              .then()
              .statusCode(200)
              .extract()
              .asString();
      assertFalse(sitemap.contains(slug));
      assertTrue(sitemap.contains(sibling.slug()));
    }

    @Test
    void deletedArticleIsListedInTheTrashWithWhoWhenAndThePurgeTime() {
      Created article = published("Abgeräumt", List.of());
      String id = article.id();

      trashArticle(id);

      Map<String, Object> item = trashItem(id);
      Map<?, ?> trashed = (Map<?, ?>) item.get("article");
      assertEquals(article.slug(), trashed.get("slug"));
      assertEquals("published", trashed.get("status"));
      assertEquals("bootstrap-admin", item.get("deletedBy"));
      Instant deletedAt = Instant.parse((String) item.get("deletedAt"));
      assertEquals(
          deletedAt.plus(Duration.ofDays(30)), Instant.parse((String) item.get("purgeAt")));
      Api.admin()
          .get(TRASH + "/" + id)
          .then()
          .statusCode(200)
          .header("ETag", notNullValue())
          .body("article.id", equalTo(id))
          .body("article.body", containsString("zwölf Schiffe"))
          .body("deletedBy", equalTo("bootstrap-admin"))
          .body("deletedAt", equalTo(item.get("deletedAt")))
          .body("purgeAt", equalTo(item.get("purgeAt")));
    }

    @Test
    void writesAndRevisionsOfADeletedArticleAreNotFound() {
      String id = published("Nicht mehr da", List.of()).id();
      String etag = Fixtures.etag(ARTICLES + "/" + id);
      trashArticle(id);

      assertProblem(
          Api.mergePatch(Api.admin())
              .header("If-Match", etag)
              .body(Map.of("title", "Wieder da?"))
              .patch(ARTICLES + "/" + id),
          404,
          "/problems/not-found");
      assertProblem(
          Api.admin().header("If-Match", etag).delete(ARTICLES + "/" + id),
          404,
          "/problems/not-found");
      assertProblem(
          Api.admin().get(ARTICLES + "/" + id + "/revisions"), 404, "/problems/not-found");
    }

    @Test
    void deletedArticleCannotBePinned() {
      Created pinned = published("Nicht anheftbar", List.of());
      String slug = pinned.slug();
      trashArticle(pinned.id());

      Response response =
          Api.admin().body(article("Will anheften", "draft", List.of(slug)).toMap()).post(ARTICLES);

      assertProblem(response, 400, "/problems/validation")
          .body("errors[0].field", equalTo("related[0]"));
    }

    @Test
    void draftsInTheTrashStayInvisibleToAnonymousCallers() {
      Created draft = article("Geheimer Entwurf", "draft", List.of()).create();
      String id = draft.id();
      trashArticle(id);

      assertUnauthorized(Api.raw().get(TRASH));
      assertUnauthorized(Api.raw().get(TRASH + "/" + id));
      assertUnauthorized(Api.raw().header("If-Match", "*").post(TRASH + "/" + id + "/restore"));
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
  }

  /** Restoring brings an article back as it was, once, with the current ETag. */
  @Nested
  class Restore {

    @Test
    void restoreBringsTheArticleBackAsItWasAndRecordsARevision() {
      Created pinned = published("Angeheftet", List.of());
      Created article = published("Zurückgeholt", List.of(pinned.slug()));
      String id = article.id();
      Created pinning = published("Heftet an", List.of(article.slug()));
      int revisions = revisions(id);
      trashArticle(id);

      Response restored = restore(id);

      restored
          .then()
          .statusCode(200)
          .header("ETag", notNullValue())
          .body("id", equalTo(id))
          .body("slug", equalTo(article.slug()))
          .body("status", equalTo("published"))
          .body("publishedAt", equalTo(article.json().getString("publishedAt")))
          .body("title", equalTo(article.json().getString("title")))
          .body("related.slug", equalTo(List.of(pinned.slug())));
      assertEquals(restored.header("ETag"), Fixtures.etag(ARTICLES + "/" + id));
      Api.anonymous().get(ARTICLES + "/slug/" + article.slug()).then().statusCode(200);
      Api.anonymous()
          .get(ARTICLES + "/" + pinning.id())
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
      Created pinned = published("Versteckt angeheftet", List.of());
      Created other = published("Sichtbar angeheftet", List.of());
      Created pinning = published("Heftet beide an", List.of(pinned.slug(), other.slug()));
      String pinningId = pinning.id();
      trashArticle(pinned.id());

      Api.mergePatch(Api.admin())
          .header("If-Match", Fixtures.etag(ARTICLES + "/" + pinningId))
          .body(Map.of("subtitle", "Geändert, während ein Bezug im Papierkorb lag"))
          .patch(ARTICLES + "/" + pinningId)
          .then()
          .statusCode(200)
          .body("related.slug", equalTo(List.of(other.slug())));
      restore(pinned.id()).then().statusCode(200);

      Api.anonymous()
          .get(ARTICLES + "/" + pinningId)
          .then()
          .statusCode(200)
          .body("related.slug", equalTo(List.of(other.slug(), pinned.slug())));
    }

    @Test
    void restoringTwiceIsNotFoundTheSecondTime() {
      String id = published("Zweimal zurück", List.of()).id();
      trashArticle(id);
      String etag = Fixtures.etag(TRASH + "/" + id);

      Api.admin()
          .header("If-Match", etag)
          .post(TRASH + "/" + id + "/restore")
          .then()
          .statusCode(200);
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
      String live = published("Lebendig", List.of()).id();
      assertProblem(Api.admin().get(TRASH + "/" + live), 404, "/problems/not-found");
      assertProblem(
          Api.admin().header("If-Match", "*").post(TRASH + "/" + live + "/restore"),
          404,
          "/problems/not-found");
    }

    @Test
    void restoreAndPurgeNeedTheCurrentEtagOfTheTrashItem() {
      String id = published("Vorbedingung", List.of()).id();
      trashArticle(id);

      assertProblem(
          Api.raw().header("Authorization", "Bearer " + Api.ADMIN_TOKEN).post(restorePath(id)),
          428,
          "/problems/precondition-required");
      assertProblem(
              Api.admin().header("If-Match", "\"veraltet\"").post(restorePath(id)),
              412,
              "/problems/precondition-failed")
          .header("ETag", equalTo(Fixtures.etag(TRASH + "/" + id)));
      assertProblem(
          Api.rawAdmin().delete(TRASH + "/" + id), 428, "/problems/precondition-required");
      assertProblem(
          Api.admin().header("If-Match", "\"veraltet\"").delete(TRASH + "/" + id),
          412,
          "/problems/precondition-failed");
      Api.admin().get(TRASH + "/" + id).then().statusCode(200);
    }
  }

  /** Purging, by an admin or after the retention, removes an article for good. */
  @Nested
  class Purge {

    @Test
    void adminPurgeRemovesTheArticleAndFreesItsSlug() throws Exception {
      Created first = published("Erster Bezug", List.of());
      Created gone = published("Wird gelöscht", List.of());
      Created pinning = published("Heftet zwei an", List.of(gone.slug(), first.slug()));
      String id = gone.id();
      trashArticle(id);

      Fixtures.delete(TRASH + "/" + id);

      assertProblem(Api.admin().get(TRASH + "/" + id), 404, "/problems/not-found");
      assertEquals(0, count("select count(*) from article_revision where article_id = ?", id));
      Api.admin()
          .get(ARTICLES + "/" + pinning.id())
          .then()
          .statusCode(200)
          .body("related.slug", equalTo(List.of(first.slug())));
      article("Wird gelöscht", "draft", List.of()).with("slug", gone.slug()).create();
    }

    @Test
    void restoringAfterTheRetentionIsGoneAndThePurgeRemovesTheArticleForGood() throws Exception {
      Created article = published("Abgelaufen", List.of());
      String id = article.id();
      Created pinning = published("Heftet Abgelaufenes an", List.of(article.slug()));
      trashArticle(id);
      String etag = Fixtures.etag(TRASH + "/" + id);
      deletedDaysAgo(id, 31);

      assertProblem(
              Api.admin().header("If-Match", etag).post(restorePath(id)), 410, "/problems/gone")
          .body("detail", containsString("can no longer be restored"));
      assertTrue(
          Instant.parse(Api.admin().get(TRASH + "/" + id).then().extract().path("purgeAt"))
              .isBefore(Instant.now()));

      purgeJob.purgeExpired();

      assertProblem(Api.admin().get(TRASH + "/" + id), 404, "/problems/not-found");
      assertEquals(0, count("select count(*) from article_revision where article_id = ?", id));
      assertEquals(0, count("select count(*) from article where id = ?", id));
      Api.admin()
          .get(ARTICLES + "/" + pinning.id())
          .then()
          .statusCode(200)
          .body("related", empty());
      article("Abgelaufen", "draft", List.of()).with("slug", article.slug()).create();
    }

    @Test
    void articlesWithinTheRetentionAreNotPurged() throws Exception {
      String id = published("Noch frisch", List.of()).id();
      trashArticle(id);
      deletedDaysAgo(id, 29);

      trash.purgeExpired(100);

      Api.admin().get(TRASH + "/" + id).then().statusCode(200);
      restore(id).then().statusCode(200);
    }
  }

  /** What an article in the trash still holds: its slug, its category and author. */
  @Nested
  class Reserved {

    @Test
    void theSlugOfADeletedArticleStaysReserved() {
      Created gone = published("Reserviert " + run, List.of());
      trashArticle(gone.id());

      Map<String, Object> explicit =
          article("Anderer Titel", "draft", List.of()).with("slug", gone.slug()).toMap();
      assertProblem(Api.admin().body(explicit).post(ARTICLES), 409, "/problems/conflict")
          .body("detail", containsString("trash"));
      assertEquals(
          gone.slug() + "-2", article("Reserviert " + run, "draft", List.of()).create().slug());
      restore(gone.id()).then().statusCode(200).body("slug", equalTo(gone.slug()));
    }

    @Test
    void categoryAndAuthorUsedOnlyByTheTrashCannotBeDeletedUntilItIsPurged() {
      String id = published("Letzter Artikel", List.of()).id();
      trashArticle(id);

      String categoryPath = "/api/v1/categories/" + category.id();
      String authorPath = "/api/v1/authors/" + author.id();
      assertProblem(
              Api.admin().header("If-Match", Fixtures.etag(categoryPath)).delete(categoryPath),
              409,
              "/problems/conflict")
          .body("detail", containsString("only by 1 article(s) in the trash"));
      assertProblem(
              Api.admin().header("If-Match", Fixtures.etag(authorPath)).delete(authorPath),
              409,
              "/problems/conflict")
          .body("detail", containsString("only in 1 article(s) in the trash"));

      Fixtures.delete(TRASH + "/" + id);
      Fixtures.delete(categoryPath);
      Fixtures.delete(authorPath);
    }
  }

  /** Who may read the trash, restore and purge, and delete in the first place. */
  @Nested
  class Roles {

    @Test
    void viewersReadTheTrashButCannotRestoreOrPurge() {
      String id = published("Nur lesen", List.of()).id();
      trashArticle(id);
      String viewer = token("viewer");
      String etag = Fixtures.etag(TRASH + "/" + id);

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
      String id = published("Nur Admins", List.of()).id();
      trashArticle(id);
      String etag = Fixtures.etag(TRASH + "/" + id);

      for (String token : List.of(token("editor"), token("author"))) {
        assertProblem(
            Api.withToken(token).header("If-Match", etag).delete(TRASH + "/" + id),
            403,
            "/problems/forbidden");
      }
      assertUnauthorized(Api.raw().header("If-Match", etag).delete(TRASH + "/" + id));
      Api.admin().get(TRASH + "/" + id).then().statusCode(200);
    }

    @Test
    void editorsRestoreAnyArticleAndAuthorsOnlyTheirOwn() {
      String own = published("Eigener", List.of()).id();
      Created stranger = Fixtures.author("Fremde Feder " + run);
      String foreign = article("Fremder", "published", List.of()).authors(stranger).create().id();
      String editorsPick = published("Für die Redaktion", List.of()).id();
      trashArticle(own);
      trashArticle(foreign);
      trashArticle(editorsPick);
      String authorToken = token("author");

      assertProblem(
              Api.withToken(authorToken)
                  .header("If-Match", Fixtures.etag(TRASH + "/" + foreign))
                  .post(restorePath(foreign)),
              403,
              "/problems/forbidden")
          .body("detail", containsString("byline"));
      Api.withToken(authorToken)
          .header("If-Match", Fixtures.etag(TRASH + "/" + own))
          .post(restorePath(own))
          .then()
          .statusCode(200);
      Api.withToken(token("editor"))
          .header("If-Match", Fixtures.etag(TRASH + "/" + editorsPick))
          .post(restorePath(editorsPick))
          .then()
          .statusCode(200);
      Api.admin().get(TRASH + "/" + foreign).then().statusCode(200);
    }

    @Test
    void authorTokensDeleteOnlyTheirOwnArticlesAndViewersNone() {
      String own = published("Selbst gelöscht", List.of()).id();
      String authorToken = token("author");
      assertProblem(
          Api.withToken(token("viewer"))
              .header("If-Match", Fixtures.etag(ARTICLES + "/" + own))
              .delete(ARTICLES + "/" + own),
          403,
          "/problems/forbidden");

      Api.withToken(authorToken)
          .header("If-Match", Fixtures.etag(ARTICLES + "/" + own))
          .delete(ARTICLES + "/" + own)
          .then()
          .statusCode(204);

      Api.admin()
          .get(TRASH + "/" + own)
          .then()
          .statusCode(200)
          .body("deletedBy", equalTo("Autor " + run));
    }
  }

  /** The trash list: newest deletion first, by page and by cursor. */
  @Nested
  class Paging {

    @Test
    void trashListsNewestDeletionFirstByPageAndByCursor() {
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        String id = published("Reihenfolge " + i, List.of()).id();
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
  }

  // --- helpers --------------------------------------------------------------------------------

  /** An article of this test's category, author and tag, with a body and pinned articles. */
  private NewArticle article(String title, String status, List<String> related) {
    return Fixtures.newArticle(title + " " + run, category)
        .with("body", Fixtures.BODY)
        .authors(author)
        .tags(tag)
        .status(status)
        .related(related);
  }

  private Created published(String title, List<String> related) {
    return article(title, "published", related).create();
  }

  private static void trashArticle(String id) {
    Fixtures.delete(ARTICLES + "/" + id);
  }

  private static Response restore(String id) {
    return Api.admin().header("If-Match", Fixtures.etag(TRASH + "/" + id)).post(restorePath(id));
  }

  private static String restorePath(String id) {
    return TRASH + "/" + id + "/restore";
  }

  /** The item of the trash list for the article with this id. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> trashItem(String id) {
    return Pages.all(Api::admin, TRASH, Map.of()).stream()
        .filter(item -> id.equals(((Map<String, Object>) item.get("article")).get("id")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("Article " + id + " is not in the trash list"));
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

  /** A token of this role; an author token writes for this test's author. */
  private String token(String role) {
    return role.equals("author")
        ? Fixtures.token("Autor " + run, role, author).secret()
        : Fixtures.token(role + " " + run, role, null).secret();
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
