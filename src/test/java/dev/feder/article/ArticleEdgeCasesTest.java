package dev.feder.article;

import static dev.feder.support.Problems.assertBadParameter;
import static dev.feder.support.Problems.assertInvalidField;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.feder.support.Api;
import dev.feder.support.Fixtures;
import dev.feder.support.Fixtures.Created;
import dev.feder.support.Fixtures.NewArticle;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Edge cases that once answered 500 or broke an article for good. */
@QuarkusTest
class ArticleEdgeCasesTest {

  private String run;
  private String category;

  @BeforeEach
  void createCategory() {
    run = Fixtures.suffix();
    category = Fixtures.category("Rand " + run).slug();
  }

  @Test
  void deletingAPinnedArticleUnpinsItAndKeepsTheOtherIntact() {
    Created first = article("Erster Bezug", List.of());
    Created second = article("Zweiter Bezug", List.of());
    Created pinning = article("Mit Bezügen", List.of(first.slug(), second.slug()));

    Fixtures.delete("/api/v1/articles/" + first.id());

    Api.admin()
        .get("/api/v1/articles/" + pinning.id())
        .then()
        .statusCode(200)
        .body("related.slug", contains(second.slug()));
    Api.anonymous().get("/api/v1/articles/" + pinning.id() + "/related").then().statusCode(200);
  }

  @Test
  void concurrentCreatesWithOneSlugAreConflictsNeverErrors() throws Exception {
    String slug = "gleicher-slug-" + run;
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        answers.add(
            pool.submit(
                () ->
                    Api.admin()
                        .body(payload("Gleicher Slug").with("slug", slug).toMap())
                        .post("/api/v1/articles")
                        .statusCode()));
      }
      int created = 0;
      for (Future<Integer> answer : answers) {
        int status = answer.get();
        assertTrue(status == 201 || status == 409, "status " + status);
        created += status == 201 ? 1 : 0;
      }
      assertTrue(created == 1, created + " created");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void instantsOutsideYearsOneTo9999AreRefused() {
    Map<String, Object> body =
        payload("Ferne Zukunft").published().publishedAt("+294277-01-01T00:00:00Z").toMap();
    assertInvalidField(
        Api.rawAdmin().contentType(ContentType.JSON).body(body).post("/api/v1/articles"),
        "publishedAt",
        notNullValue());
    assertBadParameter(
        Api.raw()
            .queryParam("publishedAfter", "-1000000000-01-01T00:00:00Z")
            .get("/api/v1/articles"),
        "publishedAfter");
  }

  @Test
  void publishedAtIsKeptToTheMillisecondSoTheEtagStaysValid() {
    Map<String, Object> body =
        payload("Genaue Zeit").published().publishedAt("2026-11-20T10:00:00.123456789Z").toMap();
    var created = Api.admin().body(body).post("/api/v1/articles").then().statusCode(201).extract();
    String id = created.path("id");
    created.response().then().body("publishedAt", equalTo("2026-11-20T10:00:00.123Z"));
    Api.mergePatch(Api.admin())
        .header("If-Match", created.header("ETag"))
        .body("{\"subtitle\": \"Auf die Millisekunde\"}")
        .patch("/api/v1/articles/" + id)
        .then()
        .statusCode(200);
  }

  @Test
  void cursorWithControlCharactersIsRefused() {
    String forged =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                "[\"-publishedAt\",\"2026-11-20T10:00:00Z\",\"a\\u0000\"]"
                    .getBytes(StandardCharsets.UTF_8));
    assertBadParameter(Api.raw().queryParam("cursor", forged).get("/api/v1/articles"), "cursor");
  }

  private Created article(String title, List<String> related) {
    return payload(title).published().related(related).create();
  }

  private NewArticle payload(String title) {
    return Fixtures.newArticle(title + " " + run, category);
  }
}
