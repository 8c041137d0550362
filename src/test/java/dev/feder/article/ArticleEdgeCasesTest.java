package dev.feder.article;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.feder.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
    run = UUID.randomUUID().toString().substring(0, 8);
    category = create(Map.of("name", "Rand " + run), "/api/v1/categories").get("slug");
  }

  @Test
  void deletingAPinnedArticleUnpinsItAndKeepsTheOtherIntact() {
    Map<String, String> first = article("Erster Bezug", List.of());
    Map<String, String> second = article("Zweiter Bezug", List.of());
    Map<String, String> pinning =
        article("Mit Bezügen", List.of(first.get("slug"), second.get("slug")));

    Api.admin()
        .header("If-Match", etag("/api/v1/articles/" + first.get("id")))
        .delete("/api/v1/articles/" + first.get("id"))
        .then()
        .statusCode(204);

    Api.admin()
        .get("/api/v1/articles/" + pinning.get("id"))
        .then()
        .statusCode(200)
        .body("related.slug", contains(second.get("slug")));
    Api.anonymous()
        .get("/api/v1/articles/" + pinning.get("id") + "/related")
        .then()
        .statusCode(200);
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
                        .body(payload("Gleicher Slug", slug))
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
    Map<String, Object> body = payload("Ferne Zukunft", null);
    body.put("status", "published");
    body.put("publishedAt", "+294277-01-01T00:00:00Z");
    Api.rawAdmin()
        .contentType("application/json")
        .body(body)
        .post("/api/v1/articles")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("publishedAt"));
    Api.raw()
        .queryParam("publishedAfter", "-1000000000-01-01T00:00:00Z")
        .get("/api/v1/articles")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("publishedAfter"));
  }

  @Test
  void publishedAtIsKeptToTheMillisecondSoTheEtagStaysValid() {
    Map<String, Object> body = payload("Genaue Zeit", null);
    body.put("status", "published");
    body.put("publishedAt", "2026-11-20T10:00:00.123456789Z");
    var created = Api.admin().body(body).post("/api/v1/articles").then().statusCode(201).extract();
    String id = created.path("id");
    created.response().then().body("publishedAt", equalTo("2026-11-20T10:00:00.123Z"));
    Api.admin()
        .contentType("application/merge-patch+json")
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
    Api.raw()
        .queryParam("cursor", forged)
        .get("/api/v1/articles")
        .then()
        .statusCode(400)
        .body("type", equalTo("/problems/bad-parameter"))
        .body("errors[0].field", equalTo("cursor"));
  }

  private Map<String, String> article(String title, List<String> related) {
    Map<String, Object> body = payload(title, null);
    body.put("status", "published");
    body.put("related", related.stream().map(slug -> Map.of("slug", slug)).toList());
    return create(body, "/api/v1/articles");
  }

  private Map<String, Object> payload(String title, String slug) {
    Map<String, Object> body = new HashMap<>();
    body.put("title", title + " " + run);
    body.put("category", Map.of("slug", category));
    if (slug != null) {
      body.put("slug", slug);
    }
    return body;
  }

  private static Map<String, String> create(Map<String, Object> body, String path) {
    var response = Api.admin().body(body).post(path).then().statusCode(201).extract();
    return Map.of("id", response.path("id"), "slug", response.path("slug"));
  }

  private static String etag(String path) {
    return Api.admin().get(path).then().statusCode(200).extract().header("ETag");
  }
}
