package dev.feder.article;

import static org.hamcrest.Matchers.equalTo;

import dev.feder.support.Api;
import dev.feder.support.Fixtures;
import dev.feder.support.Fixtures.Created;
import dev.feder.support.Fixtures.NewArticle;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Categories and authors carry the number of articles public now, drafts and future ones not. */
@QuarkusTest
class ArticleCountsTest {

  private final String run = Fixtures.suffix();

  @Test
  void categoryCountsIncludeSubcategoriesAndOnlyPublicArticles() {
    Created welt = Fixtures.category("Welt " + run);
    String world = welt.slug();
    String news = Fixtures.category("Nachrichten " + run, welt).slug();
    String author = Fixtures.author("Zählerin " + run).slug();
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

  private void article(String category, String author, String status, String publishedAt) {
    NewArticle article =
        Fixtures.newArticle("Zählung " + run, category).authorSlugs(author).status(status);
    if (publishedAt != null) {
      article.publishedAt(publishedAt);
    }
    article.create();
  }
}
