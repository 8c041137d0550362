package dev.feder.article;

import static dev.feder.article.ArticleFixtures.assertProblem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import dev.feder.support.Api;
import dev.feder.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every write of an article stores a numbered revision that can be read and restored. */
@QuarkusTest
class ArticleRevisionTest {

  private static final String MERGE_PATCH = "application/merge-patch+json; charset=UTF-8";
  private static final String ADMIN_NAME = "bootstrap-admin";
  private static final String ORIGINAL = "„Erste Fassung“: Größe zählt – Grüße aus Köln";

  private String id;
  private String path;

  @BeforeEach
  void articleWithThreeRevisions() {
    String suffix = TestData.suffix();
    TestData.Created category = TestData.category("Revisionen " + suffix);
    id =
        Api.admin()
            .body(
                Map.of(
                    "title", ORIGINAL + " " + suffix, "category", Map.of("slug", category.slug())))
            .post("/api/v1/articles")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    path = "/api/v1/articles/" + id;
    patch(Map.of("title", "Zweite Fassung " + suffix));
    patch(Map.of("title", "Dritte Fassung " + suffix, "excerpt", "Weiß über Öl"));
  }

  private Response patch(Map<String, ?> changes) {
    Response response =
        Api.admin()
            .contentType(MERGE_PATCH)
            .header("If-Match", TestData.etag(path))
            .body(changes)
            .patch(path);
    response.then().statusCode(200);
    return response;
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
        .body("state.title", org.hamcrest.Matchers.startsWith(ORIGINAL));
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
        Api.admin().header("If-Match", TestData.etag(path)).post(path + "/revisions/1/restore");
    restored.then().statusCode(200).body("title", equalTo(original));
    Api.admin().get(path).then().body("title", equalTo(original));
    org.junit.jupiter.api.Assertions.assertEquals(restored.header("ETag"), TestData.etag(path));
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
  void restoreWithStaleEtagIsPreconditionFailed() {
    String stale = TestData.etag(path);
    patch(Map.of("subtitle", "Noch eine Änderung"));
    assertProblem(
        Api.admin().header("If-Match", stale).post(path + "/revisions/1/restore"),
        412,
        "/problems/precondition-failed");
  }

  @Test
  void unknownRevisionIsNotFound() {
    assertProblem(Api.admin().get(path + "/revisions/99"), 404, "/problems/not-found");
    assertProblem(
        Api.admin().header("If-Match", TestData.etag(path)).post(path + "/revisions/99/restore"),
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
    assertProblem(Api.raw().get(path + "/revisions"), 401, "/problems/unauthorized");
    assertProblem(Api.raw().get(path + "/revisions/1"), 401, "/problems/unauthorized");
    assertProblem(
        Api.raw().header("If-Match", "*").post(path + "/revisions/1/restore"),
        401,
        "/problems/unauthorized");
  }
}
