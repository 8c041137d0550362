package dev.feder.article;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

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
