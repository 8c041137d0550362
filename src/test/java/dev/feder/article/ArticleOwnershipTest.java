package dev.feder.article;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.feder.support.Api;
import dev.feder.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Author tokens write only the articles whose byline lists their author. */
@QuarkusTest
class ArticleOwnershipTest {

  private static final String PROBLEM_JSON = "application/problem+json";
  private static final String MERGE_PATCH = "application/merge-patch+json";

  private TestData.Created category;
  private TestData.Created me;
  private TestData.Created other;
  private String token;

  @BeforeEach
  void authorWithToken() {
    String suffix = TestData.suffix();
    category = TestData.category("Eigene Ressort " + suffix);
    me = TestData.author("Ich Selbst " + suffix);
    other = TestData.author("Jemand Anderes " + suffix);
    token =
        Api.admin()
            .body(
                Map.of(
                    "name",
                    "Autorin " + suffix,
                    "role",
                    "author",
                    "author",
                    Map.of("slug", me.slug())))
            .post("/api/v1/tokens")
            .then()
            .statusCode(201)
            .extract()
            .path("token");
  }

  private Map<String, Object> article(String title, List<Map<String, String>> authors) {
    return Map.of("title", title, "category", Map.of("slug", category.slug()), "authors", authors);
  }

  @Test
  void authorTokenCreatesArticleWithEmptyBylineAsItsAuthor() {
    Api.withToken(token)
        .body(article("Mein Text " + TestData.suffix(), List.of()))
        .post("/api/v1/articles")
        .then()
        .statusCode(201)
        .body("authors.slug", equalTo(List.of(me.slug())));
  }

  @Test
  void authorTokenCreatesEditsAndDeletesItsOwnArticle() {
    Response created =
        Api.withToken(token)
            .body(
                article(
                    "Gemeinsam " + TestData.suffix(),
                    List.of(Map.of("slug", other.slug()), Map.of("slug", me.slug()))))
            .post("/api/v1/articles");
    created.then().statusCode(201);
    String id = created.path("id");

    Response patched =
        Api.withToken(token)
            .contentType(MERGE_PATCH)
            .header("If-Match", TestData.etag("/api/v1/articles/" + id))
            .body(Map.of("status", "published"))
            .patch("/api/v1/articles/" + id);
    patched.then().statusCode(200).body("status", equalTo("published"));

    Response replaced =
        Api.withToken(token)
            .header("If-Match", TestData.etag("/api/v1/articles/" + id))
            .body(article("Neu betitelt " + TestData.suffix(), List.of(Map.of("slug", me.slug()))))
            .put("/api/v1/articles/" + id);
    replaced.then().statusCode(200);

    Api.withToken(token)
        .header("If-Match", TestData.etag("/api/v1/articles/" + id))
        .delete("/api/v1/articles/" + id)
        .then()
        .statusCode(204);
  }

  @Test
  void authorTokenCannotCreateArticleForSomeoneElse() {
    Api.withToken(token)
        .body(article("Fremd " + TestData.suffix(), List.of(Map.of("slug", other.slug()))))
        .post("/api/v1/articles")
        .then()
        .statusCode(403)
        .contentType(PROBLEM_JSON)
        .body("type", equalTo("/problems/forbidden"));
  }

  @Test
  void authorTokenCannotChangeAnotherAuthorsArticle() {
    TestData.Created foreign =
        TestData.publishedArticle(
            "Nicht meins " + TestData.suffix(), category.slug(), other.slug());
    String path = "/api/v1/articles/" + foreign.id();

    Api.withToken(token)
        .contentType(MERGE_PATCH)
        .header("If-Match", foreign.etag())
        .body(Map.of("title", "Gekapert"))
        .patch(path)
        .then()
        .statusCode(403)
        .contentType(PROBLEM_JSON)
        .body("type", equalTo("/problems/forbidden"));
    Api.withToken(token)
        .header("If-Match", foreign.etag())
        .body(article("Gekapert", List.of(Map.of("slug", me.slug()))))
        .put(path)
        .then()
        .statusCode(403);
    Api.withToken(token).header("If-Match", foreign.etag()).delete(path).then().statusCode(403);
    Api.anonymous().get(path).then().statusCode(200).body("title", startsWith("Nicht meins "));
  }

  @Test
  void authorTokenCannotDropItselfFromTheByline() {
    Response created =
        Api.withToken(token)
            .body(article("Weggeben " + TestData.suffix(), List.of()))
            .post("/api/v1/articles");
    created.then().statusCode(201);
    Api.withToken(token)
        .contentType(MERGE_PATCH)
        .header("If-Match", created.header("ETag"))
        .body(Map.of("authors", List.of(Map.of("slug", other.slug()))))
        .patch("/api/v1/articles/" + created.path("id"))
        .then()
        .statusCode(403);
  }

  private static List<Integer> revisionNumbers(String path) {
    return Api.admin()
        .get(path + "/revisions")
        .then()
        .statusCode(200)
        .extract()
        .path("data.revision");
  }

  @Test
  void authorTokenCannotRestoreAnotherAuthorsArticleAndNothingChanges() {
    String title = "Nicht meins " + TestData.suffix();
    TestData.Created foreign = TestData.publishedArticle(title, category.slug(), other.slug());
    String path = "/api/v1/articles/" + foreign.id();
    Api.admin()
        .contentType(MERGE_PATCH)
        .header("If-Match", foreign.etag())
        .body(Map.of("subtitle", "Redigiert"))
        .patch(path)
        .then()
        .statusCode(200);
    String etag = TestData.etag(path);

    Api.withToken(token)
        .header("If-Match", etag)
        .post(path + "/revisions/1/restore")
        .then()
        .statusCode(403)
        .contentType(PROBLEM_JSON)
        .body("type", equalTo("/problems/forbidden"));

    assertEquals(etag, TestData.etag(path));
    assertEquals(List.of(2, 1), revisionNumbers(path));
    Api.anonymous().get(path).then().body("subtitle", equalTo("Redigiert"));
  }

  @Test
  void authorTokenReadsTheRevisionsOfEveryArticleAsItReadsTheirDrafts() {
    TestData.Created foreign =
        TestData.publishedArticle("Fremd " + TestData.suffix(), category.slug(), other.slug());
    String path = "/api/v1/articles/" + foreign.id();
    Api.withToken(token).get(path + "/revisions").then().statusCode(200);
    Api.withToken(token).get(path + "/revisions/1").then().statusCode(200);
    Api.withToken(token).get(path + "/revisions/1/diff").then().statusCode(200);
  }

  @Test
  void authorTokenRestoresARevisionOfItsOwnArticle() {
    String title = "Meine Fassung " + TestData.suffix();
    Response created =
        Api.withToken(token).body(article(title, List.of())).post("/api/v1/articles");
    created.then().statusCode(201);
    String path = "/api/v1/articles/" + created.path("id");
    Api.withToken(token)
        .contentType(MERGE_PATCH)
        .header("If-Match", created.header("ETag"))
        .body(Map.of("title", "Vertippt"))
        .patch(path)
        .then()
        .statusCode(200);

    Api.withToken(token)
        .header("If-Match", TestData.etag(path))
        .post(path + "/revisions/1/restore")
        .then()
        .statusCode(200)
        .body("title", equalTo(title))
        .body("authors.slug", equalTo(List.of(me.slug())));
    assertEquals(List.of(3, 2, 1), revisionNumbers(path));
  }

  @Test
  void authorTokenCannotRestoreARevisionWhoseBylineLacksItsAuthor() {
    // Revision 1 is by someone else alone; revision 2 adds this token's author to the byline.
    TestData.Created article =
        TestData.publishedArticle("Übernommen " + TestData.suffix(), category.slug(), other.slug());
    String path = "/api/v1/articles/" + article.id();
    Api.admin()
        .contentType(MERGE_PATCH)
        .header("If-Match", article.etag())
        .body(Map.of("authors", List.of(Map.of("id", other.id()), Map.of("id", me.id()))))
        .patch(path)
        .then()
        .statusCode(200);
    String etag = TestData.etag(path);

    Api.withToken(token)
        .header("If-Match", etag)
        .post(path + "/revisions/1/restore")
        .then()
        .statusCode(403)
        .contentType(PROBLEM_JSON)
        .body("type", equalTo("/problems/forbidden"))
        .body("detail", containsString("byline"));

    assertEquals(etag, TestData.etag(path));
    assertEquals(List.of(2, 1), revisionNumbers(path));
    Api.admin().get(path).then().body("authors.slug", equalTo(List.of(other.slug(), me.slug())));
  }

  @Test
  void authorTokenCannotWriteCategories() {
    Api.withToken(token)
        .body(Map.of("name", "Ressort " + TestData.suffix()))
        .post("/api/v1/categories")
        .then()
        .statusCode(403)
        .body("type", equalTo("/problems/forbidden"));
  }

  @Test
  void editorTokenChangesAnyArticle() {
    String editor =
        Api.admin()
            .body(Map.of("name", "Redakteur " + TestData.suffix(), "role", "editor"))
            .post("/api/v1/tokens")
            .then()
            .statusCode(201)
            .extract()
            .path("token");
    TestData.Created foreign =
        TestData.publishedArticle("Für alle " + TestData.suffix(), category.slug(), other.slug());
    Api.withToken(editor)
        .contentType(MERGE_PATCH)
        .header("If-Match", TestData.etag("/api/v1/articles/" + foreign.id()))
        .body(Map.of("subtitle", "Redigiert"))
        .patch("/api/v1/articles/" + foreign.id())
        .then()
        .statusCode(200)
        .body("subtitle", equalTo("Redigiert"));
  }
}
