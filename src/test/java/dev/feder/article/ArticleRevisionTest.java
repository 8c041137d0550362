package dev.feder.article;

import static dev.feder.support.Problems.assertProblem;
import static dev.feder.support.Problems.assertUnauthorized;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.feder.support.Api;
import dev.feder.support.Fixtures;
import dev.feder.support.Fixtures.Created;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every write of an article stores a numbered revision that can be read and restored. */
@QuarkusTest
class ArticleRevisionTest {

  private static final String ADMIN_NAME = "bootstrap-admin";
  private static final String ORIGINAL = "„Erste Fassung“: Größe zählt – Grüße aus Köln";

  private String id;
  private String path;

  @BeforeEach
  void articleWithThreeRevisions() {
    String suffix = Fixtures.suffix();
    Created category = Fixtures.category("Revisionen " + suffix);
    id = Fixtures.newArticle(ORIGINAL + " " + suffix, category).create().id();
    path = "/api/v1/articles/" + id;
    patch(Map.of("title", "Zweite Fassung " + suffix));
    patch(Map.of("title", "Dritte Fassung " + suffix, "excerpt", "Weiß über Öl"));
  }

  private void patch(Map<String, ?> changes) {
    Fixtures.patch(path, changes);
  }

  @Test
  void listShowsEveryWriteNewestFirstWithTheCallersName() {
    Api.admin()
        .get(path + "/revisions")
        .then()
        .statusCode(200)
        .body("data.revision", equalTo(List.of(3, 2, 1)))
        .body("data.createdBy", everyItem(equalTo(ADMIN_NAME)));
  }

  @Test
  void firstRevisionKeepsTheOriginalGermanTitle() {
    String title = Api.admin().get(path).path("title");
    Api.admin()
        .get(path + "/revisions/1")
        .then()
        .statusCode(200)
        .body("revision", equalTo(1))
        .body("createdBy", equalTo(ADMIN_NAME))
        .body("state.title", startsWith(ORIGINAL));
    Api.admin()
        .get(path + "/revisions/3")
        .then()
        .statusCode(200)
        .body("state.title", equalTo(title))
        .body("state.excerpt", equalTo("Weiß über Öl"));
  }

  @Test
  void restoreBringsBackTheStateAsANewRevision() {
    String original = Api.admin().get(path + "/revisions/1").path("state.title");
    Response restored =
        Api.admin().header("If-Match", Fixtures.etag(path)).post(path + "/revisions/1/restore");
    restored.then().statusCode(200).body("title", equalTo(original));
    Api.admin().get(path).then().body("title", equalTo(original));
    assertEquals(restored.header("ETag"), Fixtures.etag(path));
    Api.admin().get(path + "/revisions").then().body("data.revision", equalTo(List.of(4, 3, 2, 1)));
    Api.admin().get(path + "/revisions/4").then().body("state.title", equalTo(original));
  }

  @Test
  void restoreWithoutIfMatchIsPreconditionRequired() {
    assertProblem(
        Api.rawAdmin().post(path + "/revisions/1/restore"), 428, "/problems/precondition-required");
    Api.admin().get(path + "/revisions").then().body("data.revision", equalTo(List.of(3, 2, 1)));
  }

  @Test
  void restoreWithStaleEtagIsPreconditionFailedWithTheCurrentEtag() {
    String stale = Fixtures.etag(path);
    patch(Map.of("subtitle", "Noch eine Änderung"));
    String current = Fixtures.etag(path);
    assertProblem(
            Api.admin().header("If-Match", stale).post(path + "/revisions/1/restore"),
            412,
            "/problems/precondition-failed")
        .header("ETag", equalTo(current));
    Api.admin().get(path + "/revisions").then().body("data.revision", equalTo(List.of(4, 3, 2, 1)));
    Api.admin().get(path).then().body("subtitle", equalTo("Noch eine Änderung"));
  }

  @Test
  void aBotchedEditIsRolledBack() {
    String suffix = Fixtures.suffix();
    Created welt = Fixtures.category("Welt " + suffix);
    Created sport = Fixtures.category("Sport " + suffix);
    Created sophie = Fixtures.author("Sophie Müller " + suffix);
    Created jorg = Fixtures.author("Jörg Weißmann " + suffix);
    String title = "„Größte Übung seit Jahren“ " + suffix;
    String body = "<h2>Was geschah</h2><p>Am frühen Morgen liefen zwölf Schiffe aus.</p>";
    String article =
        "/api/v1/articles/"
            + Fixtures.newArticle(title, welt)
                .with("body", body)
                .published(Instant.parse("2025-06-01T08:15:00Z"))
                .authors(sophie, jorg)
                .tags("Nordkorea", "Marine")
                .create()
                .id();
    String before = Fixtures.etag(article);

    Api.mergePatch(Api.admin())
        .header("If-Match", before)
        .body(
            Map.of(
                "title", "asdf " + suffix,
                "body", "<p>xxxxxxxx</p>",
                "tags", List.of("Kaputt"),
                "authors", List.of(Map.of("id", jorg.id())),
                "category", Map.of("id", sport.id())))
        .patch(article)
        .then()
        .statusCode(200)
        .body("title", equalTo("asdf " + suffix));
    String botched = Fixtures.etag(article);

    Response restored =
        Api.admin().header("If-Match", botched).post(article + "/revisions/1/restore");
    restored.then().statusCode(200);

    assertNotEquals(botched, restored.header("ETag"));
    assertEquals(restored.header("ETag"), Fixtures.etag(article));
    Api.admin().get(article + "/revisions").then().body("data.revision", equalTo(List.of(3, 2, 1)));
    Api.admin().get(article + "/revisions/3/diff?from=1").then().body("changes", empty());
    Api.anonymous()
        .get(article)
        .then()
        .statusCode(200)
        .body("title", equalTo(title))
        .body("body", equalTo(body))
        .body("tags", equalTo(List.of("Nordkorea", "Marine")))
        .body("authors.slug", equalTo(List.of(sophie.slug(), jorg.slug())))
        .body("category.slug", equalTo(welt.slug()))
        .body("publishedAt", equalTo("2025-06-01T08:15:00Z"));
  }

  @Test
  void restoringARevisionWhoseCategoryWasDeletedIsAConflictNamingItAndChangesNothing() {
    Created replacement = Fixtures.category("Ersatz " + Fixtures.suffix());
    String doomed = Api.admin().get(path).path("category.id");
    patch(Map.of("category", Map.of("id", replacement.id())));
    String categoryPath = "/api/v1/categories/" + doomed;
    Fixtures.delete(categoryPath);
    String etag = Fixtures.etag(path);

    assertProblem(
            Api.admin().header("If-Match", etag).post(path + "/revisions/1/restore"),
            409,
            "/problems/conflict")
        .body("detail", containsString("category"))
        .body("errors.field", equalTo(List.of("category")))
        .body("errors[0].message", containsString(doomed));

    assertEquals(etag, Fixtures.etag(path));
    Api.admin().get(path).then().body("category.id", equalTo(replacement.id()));
    Api.admin().get(path + "/revisions").then().body("data.revision", equalTo(List.of(4, 3, 2, 1)));
  }

  @Test
  void restoringARevisionWhoseAuthorWasDeletedIsAConflictNamingItAndChangesNothing() {
    Created stays = Fixtures.author("Bleibt " + Fixtures.suffix());
    Created leaves = Fixtures.author("Geht " + Fixtures.suffix());
    patch(Map.of("authors", List.of(Map.of("id", stays.id()), Map.of("id", leaves.id()))));
    patch(Map.of("authors", List.of(Map.of("id", stays.id()))));
    String authorPath = "/api/v1/authors/" + leaves.id();
    Fixtures.delete(authorPath);
    String etag = Fixtures.etag(path);

    assertProblem(
            Api.admin().header("If-Match", etag).post(path + "/revisions/4/restore"),
            409,
            "/problems/conflict")
        .body("errors.field", equalTo(List.of("authors[1]")))
        .body("errors[0].message", containsString(leaves.id()));

    assertEquals(etag, Fixtures.etag(path));
    Api.admin().get(path).then().body("authors.id", equalTo(List.of(stays.id())));
    Api.admin()
        .get(path + "/revisions")
        .then()
        .body("data.revision", equalTo(List.of(5, 4, 3, 2, 1)));
  }

  @Test
  void restoringARevisionLeavesOutPinnedArticlesDeletedSince() {
    String category = Api.admin().get(path).path("category.slug");
    String keptArticle =
        Fixtures.newArticle("Bleibt gepinnt " + Fixtures.suffix(), category).create().id();
    String deletedArticle =
        Fixtures.newArticle("Wird gelöscht " + Fixtures.suffix(), category).create().id();
    patch(
        Map.of(
            "title",
            "Mit Verweisen",
            "related",
            List.of(Map.of("id", deletedArticle), Map.of("id", keptArticle))));
    patch(Map.of("title", "Ohne Verweise", "related", List.of()));
    String deletedPath = "/api/v1/articles/" + deletedArticle;
    Fixtures.delete(deletedPath);

    Api.admin()
        .header("If-Match", Fixtures.etag(path))
        .post(path + "/revisions/4/restore")
        .then()
        .statusCode(200)
        .body("title", equalTo("Mit Verweisen"))
        .body("related.id", equalTo(List.of(keptArticle)));
    Api.admin()
        .get(path + "/revisions/6")
        .then()
        .body("state.related.id", equalTo(List.of(keptArticle)));
  }

  @Test
  void unknownRevisionIsNotFound() {
    assertProblem(Api.admin().get(path + "/revisions/99"), 404, "/problems/not-found");
    assertProblem(
        Api.admin().header("If-Match", Fixtures.etag(path)).post(path + "/revisions/99/restore"),
        404,
        "/problems/not-found");
  }

  @Test
  void unknownArticleIsNotFound() {
    String unknown = "/api/v1/articles/" + UUID.randomUUID();
    assertProblem(Api.admin().get(unknown + "/revisions"), 404, "/problems/not-found");
    assertProblem(Api.admin().get(unknown + "/revisions/1"), 404, "/problems/not-found");
  }

  @Test
  void revisionNumberThatIsNoPositiveIntegerIsBadParameter() {
    assertProblem(Api.rawAdmin().get(path + "/revisions/0"), 400, "/problems/bad-parameter");
    assertProblem(Api.rawAdmin().get(path + "/revisions/zwei"), 400, "/problems/bad-parameter");
  }

  @Test
  void anonymousCallersAreUnauthorized() {
    assertUnauthorized(Api.raw().get(path + "/revisions"));
    assertUnauthorized(Api.raw().get(path + "/revisions/1"));
    assertUnauthorized(Api.raw().header("If-Match", "*").post(path + "/revisions/1/restore"));
  }
}
