package dev.feder.article;

import static org.hamcrest.Matchers.equalTo;

import dev.feder.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Categories and authors carry the number of articles public now, drafts and future ones not. */
@QuarkusTest
class ArticleCountsTest {

  private final String run = UUID.randomUUID().toString().substring(0, 8);

  @Test
  void categoryCountsIncludeSubcategoriesAndOnlyPublicArticles() {
    String world = create("/api/v1/categories", Map.of("name", "Welt " + run));
    String news =
        create(
            "/api/v1/categories",
            Map.of("name", "Nachrichten " + run, "parent", Map.of("slug", world)));
    String author = create("/api/v1/authors", Map.of("name", "Zählerin " + run));
    article(world, author, "published", "2026-11-01T08:00:00Z");
    article(news, author, "published", "2026-11-02T08:00:00Z");
    article(news, author, "published", "2099-01-01T08:00:00Z");
    article(news, author, "draft", null);

    Api.anonymous()
        .get("/api/v1/categories/slug/" + world)
        .then()
        .statusCode(200)
        .body("articleCount", equalTo(2));
    Api.anonymous()
        .get("/api/v1/categories/slug/" + news)
        .then()
        .statusCode(200)
        .body("articleCount", equalTo(1));
    Api.anonymous()
        .queryParam("tree", true)
        .queryParam("size", 100)
        .get("/api/v1/categories")
        .then()
        .statusCode(200)
        .body("data.find { it.slug == '" + world + "' }.articleCount", equalTo(2))
        .body("data.find { it.slug == '" + world + "' }.children[0].articleCount", equalTo(1));
    Api.anonymous()
        .get("/api/v1/authors/slug/" + author)
        .then()
        .statusCode(200)
        .body("articleCount", equalTo(2));
  }

  @Test
  void newCategoriesAndAuthorsCountZero() {
    Api.admin()
        .body(Map.of("name", "Leer " + run))
        .post("/api/v1/categories")
        .then()
        .statusCode(201)
        .body("articleCount", equalTo(0));
    Api.admin()
        .body(Map.of("name", "Neu " + run))
        .post("/api/v1/authors")
        .then()
        .statusCode(201)
        .body("articleCount", equalTo(0));
  }

  private static String create(String path, Map<String, Object> body) {
    return Api.admin().body(body).post(path).then().statusCode(201).extract().path("slug");
  }

  private void article(String category, String author, String status, String publishedAt) {
    Map<String, Object> body = new HashMap<>();
    body.put("title", "Zählung " + run);
    body.put("category", Map.of("slug", category));
    body.put("authors", List.of(Map.of("slug", author)));
    body.put("status", status);
    if (publishedAt != null) {
      body.put("publishedAt", publishedAt);
    }
    Api.admin().body(body).post("/api/v1/articles").then().statusCode(201);
  }
}
