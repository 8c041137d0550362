package dev.feder.article;

import static dev.feder.support.Problems.assertBadParameter;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import dev.feder.support.Api;
import dev.feder.support.Fixtures;
import dev.feder.support.Fixtures.Created;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.Map;
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
    run = Fixtures.suffix();
    Created welt = Fixtures.category("Welt " + run);
    world = welt.slug();
    news = Fixtures.category("Nachrichten " + run, welt).slug();
    sports = Fixtures.category("Sport " + run).slug();
    sophie = Fixtures.author("Sophie Müller " + run).slug();
    joerg = Fixtures.author("Jörg Weißmann " + run).slug();
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
    assertBadParameter(Api.raw().queryParam(name, value).get("/api/v1/articles"), name);
  }

  private io.restassured.response.ValidatableResponse list(Map<String, String> filters) {
    return Api.anonymous()
        .queryParams(filters)
        .queryParam("size", 100)
        .get("/api/v1/articles")
        .then()
        .statusCode(200);
  }

  private String article(
      String title,
      String category,
      String author,
      String language,
      String publishedAt,
      String tag) {
    return Fixtures.newArticle(title + " " + run, category)
        .authorSlugs(author)
        .with("language", language)
        .published(Instant.parse(publishedAt))
        .tags(tag)
        .create()
        .slug();
  }
}
