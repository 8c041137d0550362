package dev.feder.article;

import static dev.feder.support.Problems.assertProblem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.feder.support.Api;
import dev.feder.support.Fixtures;
import dev.feder.support.Fixtures.Created;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Author tokens write only the articles whose byline lists their author. */
@QuarkusTest
class ArticleOwnershipTest {

  private Created category;
  private Created me;
  private Created other;
  private String token;

  @BeforeEach
  void authorWithToken() {
    String suffix = Fixtures.suffix();
    category = Fixtures.category("Eigene Ressort " + suffix);
    me = Fixtures.author("Ich Selbst " + suffix);
    other = Fixtures.author("Jemand Anderes " + suffix);
    token = Fixtures.token("Autorin " + suffix, "author", me).secret();
  }

  /** An article of this test's category with this byline, as a request body. */
  private Map<String, Object> article(String title, Created... authors) {
    return Fixtures.newArticle(title, category).authors(authors).toMap();
  }

  @Test
  void authorTokenCreatesArticleWithEmptyBylineAsItsAuthor() {
    Api.withToken(token)
        .body(article("Mein Text " + Fixtures.suffix()))
        .post("/api/v1/articles")
        .then()
        .statusCode(201)
        .body("authors.slug", equalTo(List.of(me.slug())));
  }

  @Test
  void authorTokenCreatesEditsAndDeletesItsOwnArticle() {
    Response created =
        Api.withToken(token)
            .body(article("Gemeinsam " + Fixtures.suffix(), other, me))
            .post("/api/v1/articles");
    created.then().statusCode(201);
    String id = created.path("id");

    Response patched =
        Api.mergePatch(Api.withToken(token))
            .header("If-Match", Fixtures.etag("/api/v1/articles/" + id))
            .body(Map.of("status", "published"))
            .patch("/api/v1/articles/" + id);
    patched.then().statusCode(200).body("status", equalTo("published"));

    Response replaced =
        Api.withToken(token)
            .header("If-Match", Fixtures.etag("/api/v1/articles/" + id))
            .body(article("Neu betitelt " + Fixtures.suffix(), me))
            .put("/api/v1/articles/" + id);
    replaced.then().statusCode(200);

    Api.withToken(token)
        .header("If-Match", Fixtures.etag("/api/v1/articles/" + id))
        .delete("/api/v1/articles/" + id)
        .then()
        .statusCode(204);
  }

  @Test
  void authorTokenCannotCreateArticleForSomeoneElse() {
    assertProblem(
        Api.withToken(token)
            .body(article("Fremd " + Fixtures.suffix(), other))
            .post("/api/v1/articles"),
        403,
        "/problems/forbidden");
  }

  @Test
  void authorTokenCannotChangeAnotherAuthorsArticle() {
    Created foreign =
        Fixtures.newArticle("Nicht meins " + Fixtures.suffix(), category)
            .authors(other)
            .published()
            .create();
    String path = "/api/v1/articles/" + foreign.id();

    assertProblem(
        Api.mergePatch(Api.withToken(token))
            .header("If-Match", foreign.etag())
            .body(Map.of("title", "Gekapert"))
            .patch(path),
        403,
        "/problems/forbidden");
    Api.withToken(token)
        .header("If-Match", foreign.etag())
        .body(article("Gekapert", me))
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
            .body(article("Weggeben " + Fixtures.suffix()))
            .post("/api/v1/articles");
    created.then().statusCode(201);
    Api.mergePatch(Api.withToken(token))
        .header("If-Match", created.header("ETag"))
        .body(Map.of("authors", List.of(other.bySlug())))
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
    String title = "Nicht meins " + Fixtures.suffix();
    Created foreign = Fixtures.newArticle(title, category).authors(other).published().create();
    String path = "/api/v1/articles/" + foreign.id();
    String etag = Fixtures.patch(path, Map.of("subtitle", "Redigiert"));

    assertProblem(
        Api.withToken(token).header("If-Match", etag).post(path + "/revisions/1/restore"),
        403,
        "/problems/forbidden");

    assertEquals(etag, Fixtures.etag(path));
    assertEquals(List.of(2, 1), revisionNumbers(path));
    Api.anonymous().get(path).then().body("subtitle", equalTo("Redigiert"));
  }

  @Test
  void authorTokenReadsTheRevisionsOfEveryArticleAsItReadsTheirDrafts() {
    Created foreign =
        Fixtures.newArticle("Fremd " + Fixtures.suffix(), category)
            .authors(other)
            .published()
            .create();
    String path = "/api/v1/articles/" + foreign.id();
    Api.withToken(token).get(path + "/revisions").then().statusCode(200);
    Api.withToken(token).get(path + "/revisions/1").then().statusCode(200);
    Api.withToken(token).get(path + "/revisions/1/diff").then().statusCode(200);
  }

  @Test
  void authorTokenRestoresARevisionOfItsOwnArticle() {
    String title = "Meine Fassung " + Fixtures.suffix();
    Response created = Api.withToken(token).body(article(title)).post("/api/v1/articles");
    created.then().statusCode(201);
    String path = "/api/v1/articles/" + created.path("id");
    Api.mergePatch(Api.withToken(token))
        .header("If-Match", created.header("ETag"))
        .body(Map.of("title", "Vertippt"))
        .patch(path)
        .then()
        .statusCode(200);

    Api.withToken(token)
        .header("If-Match", Fixtures.etag(path))
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
    Created article =
        Fixtures.newArticle("Übernommen " + Fixtures.suffix(), category)
            .authors(other)
            .published()
            .create();
    String path = "/api/v1/articles/" + article.id();
    String etag = Fixtures.patch(path, Map.of("authors", List.of(other.byId(), me.byId())));

    assertProblem(
            Api.withToken(token).header("If-Match", etag).post(path + "/revisions/1/restore"),
            403,
            "/problems/forbidden")
        .body("detail", containsString("byline"));

    assertEquals(etag, Fixtures.etag(path));
    assertEquals(List.of(2, 1), revisionNumbers(path));
    Api.admin().get(path).then().body("authors.slug", equalTo(List.of(other.slug(), me.slug())));
  }

  @Test
  void authorTokenCannotWriteCategories() {
    assertProblem(
        Api.withToken(token)
            .body(Map.of("name", "Ressort " + Fixtures.suffix()))
            .post("/api/v1/categories"),
        403,
        "/problems/forbidden");
  }

  @Test
  void editorTokenChangesAnyArticle() {
    String editor = Fixtures.token("editor");
    Created foreign =
        Fixtures.newArticle("Für alle " + Fixtures.suffix(), category)
            .authors(other)
            .published()
            .create();
    Api.mergePatch(Api.withToken(editor))
        .header("If-Match", Fixtures.etag("/api/v1/articles/" + foreign.id()))
        .body(Map.of("subtitle", "Redigiert"))
        .patch("/api/v1/articles/" + foreign.id())
        .then()
        .statusCode(200)
        .body("subtitle", equalTo("Redigiert"));
  }
}
