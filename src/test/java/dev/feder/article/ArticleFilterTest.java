package dev.feder.article;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import dev.feder.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The article list filters: category tree, author, tag, language and publication window. */
@QuarkusTest
class ArticleFilterTest {

  private String run;
  private String world;
  private String news;
  private String sports;
  private String sophie;
  private String joerg;

  @BeforeEach
  void createFixtures() {
    run = UUID.randomUUID().toString().substring(0, 8);
    world = category("Welt " + run, null);
    news = category("Nachrichten " + run, world);
    sports = category("Sport " + run, null);
    sophie = author("Sophie Müller " + run);
    joerg = author("Jörg Weißmann " + run);
  }

  @Test
  void categoryFilterIncludesDescendants() {
    String inWorld =
        article("Gipfel in Genf", world, sophie, "de", "2026-11-20T08:00:00Z", "Gipfel");
    String inNews = article("Wahl in Übersee", news, sophie, "de", "2026-11-21T08:00:00Z", "Wahl");
    article("Pokal in Mühlbach", sports, joerg, "de", "2026-11-22T08:00:00Z", "Fußball");

    list(Map.of("category", world)).body("data.slug", contains(inNews, inWorld));
    list(Map.of("category", news)).body("data.slug", contains(inNews));
  }

  @Test
  void authorTagAndLanguageFiltersCombine() {
    String german =
        article("Hafen wächst", world, sophie, "de", "2026-11-20T08:00:00Z", "Hafen " + run);
    String english =
        article("Port grows", world, sophie, "en", "2026-11-21T08:00:00Z", "Hafen " + run);
    article("Hafen schrumpft", world, joerg, "de", "2026-11-22T08:00:00Z", "Hafen " + run);

    list(Map.of("author", sophie)).body("data.slug", containsInAnyOrder(german, english));
    list(Map.of("tag", "Hafen " + run, "author", sophie, "language", "en"))
        .body("data.slug", contains(english));
  }

  @Test
  void publicationWindowIsHalfOpen() {
    article("Früh", world, sophie, "de", "2026-11-01T00:00:00Z", "x");
    String middle = article("Mitte", world, sophie, "de", "2026-11-10T00:00:00Z", "x");
    article("Spät", world, sophie, "de", "2026-11-20T00:00:00Z", "x");

    list(Map.of(
            "category", world,
            "publishedAfter", "2026-11-10T00:00:00Z",
            "publishedBefore", "2026-11-20T00:00:00Z"))
        .body("data.slug", contains(middle));
  }

  @Test
  void unknownCategoryOrAuthorGivesAnEmptyPage() {
    list(Map.of("category", "gibt-es-nicht-" + run)).body("data", empty());
    list(Map.of("author", "niemand-" + run)).body("meta.totalItems", equalTo(0));
  }

  @Test
  void malformedFiltersAreBadRequests() {
    badFilter("category", "Welt und Ärger");
    badFilter("author", "a\u0000b");
    badFilter("language", "deutsch!");
    badFilter("publishedAfter", "gestern");
    badFilter("publishedBefore", "2026-13-01");
  }

  private void badFilter(String name, String value) {
    Api.raw()
        .queryParam(name, value)
        .get("/api/v1/articles")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/bad-parameter"))
        .body("errors[0].field", equalTo(name));
  }

  private io.restassured.response.ValidatableResponse list(Map<String, String> filters) {
    return Api.anonymous()
        .queryParams(filters)
        .queryParam("size", 100)
        .get("/api/v1/articles")
        .then()
        .statusCode(200);
  }

  private static String category(String name, String parent) {
    String body =
        parent == null
            ? "{\"name\":\"" + name + "\"}"
            : "{\"name\":\"" + name + "\",\"parent\":{\"slug\":\"" + parent + "\"}}";
    return Api.admin()
        .body(body)
        .post("/api/v1/categories")
        .then()
        .statusCode(201)
        .extract()
        .path("slug");
  }

  private static String author(String name) {
    return Api.admin()
        .body("{\"name\":\"" + name + "\"}")
        .post("/api/v1/authors")
        .then()
        .statusCode(201)
        .extract()
        .path("slug");
  }

  private String article(
      String title,
      String category,
      String author,
      String language,
      String publishedAt,
      String tag) {
    return Api.admin()
        .body(
            Map.of(
                "title",
                title + " " + run,
                "category",
                Map.of("slug", category),
                "authors",
                java.util.List.of(Map.of("slug", author)),
                "language",
                language,
                "status",
                "published",
                "publishedAt",
                publishedAt,
                "tags",
                java.util.List.of(tag)))
        .post("/api/v1/articles")
        .then()
        .statusCode(201)
        .extract()
        .path("slug");
  }
}
