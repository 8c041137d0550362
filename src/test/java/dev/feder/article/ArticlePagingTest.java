package dev.feder.article;

import static dev.feder.support.Problems.assertBadParameter;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.feder.support.Api;
import dev.feder.support.Fixtures;
import dev.feder.support.Fixtures.NewArticle;
import dev.feder.support.SentStatements;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Numbered and keyset (cursor) paging of the article list walk the same items in the same order.
 */
@QuarkusTest
class ArticlePagingTest {

  private String run;
  private String category;

  @BeforeEach
  void createArticles() {
    run = Fixtures.suffix();
    category = Fixtures.category("Paging " + run).slug();
    // Two share a publishedAt, so the id must break the tie; two drafts have none at all.
    String[] dates = {
      "2026-11-01T08:00:00Z",
      "2026-11-02T08:00:00Z",
      "2026-11-02T08:00:00Z",
      "2026-11-03T08:00:00Z",
      "2026-11-04T08:00:00Z",
      "2026-11-05T08:00:00Z",
      null,
      null
    };
    for (int i = 0; i < dates.length; i++) {
      NewArticle article =
          Fixtures.newArticle("Meldung " + (char) ('A' + (i * 5) % 8) + " " + run, category);
      if (dates[i] == null) {
        article.status("draft");
      } else {
        article.published(Instant.parse(dates[i]));
      }
      article.create();
    }
  }

  @Test
  void cursorWalkMatchesNumberedPagesForAnonymousReaders() {
    List<String> numbered = walkNumbered(Api::anonymous, "-publishedAt");
    List<String> cursor = walkCursor(Api::anonymous, "-publishedAt");
    assertEquals(6, numbered.size());
    assertEquals(numbered, cursor);
  }

  @Test
  void cursorWalkIncludesDraftsWithoutDateForEditors() {
    List<String> numbered = walkNumbered(Api::admin, "-publishedAt");
    assertEquals(8, numbered.size());
    assertEquals(numbered, walkCursor(Api::admin, "-publishedAt"));
  }

  @Test
  void publicCursorPageBoundsItsScanAtTheCursorAndEditorsPageKeepsTheDrafts() {
    List<String> pages = cursorPages(() -> walkCursor(Api::anonymous, "-publishedAt"));
    assertTrue(!pages.isEmpty(), "pages after a cursor: " + pages);
    assertTrue(pages.stream().allMatch(ArticlePagingTest::bounded), "bounded: " + pages);

    List<String> editors = new ArrayList<>();
    pages = cursorPages(() -> editors.addAll(walkCursor(Api::admin, "-publishedAt")));
    assertEquals(8, editors.size());
    assertTrue(!pages.isEmpty(), "pages after a cursor: " + pages);
    assertTrue(
        pages.stream().noneMatch(ArticlePagingTest::bounded), "drafts have no date to bound");
  }

  /** The plain bound on the publication date that lets PostgreSQL start its scan at a cursor. */
  private static final String BOUND = "a.published_at <= ? order by ";

  /** The statements of the pages after a cursor that {@code walk} sent (their ids' query). */
  private static List<String> cursorPages(Runnable walk) {
    return SentStatements.allDuring(walk).stream()
        .filter(sql -> sql.contains(" from article a where ") && sql.contains(" a.id > ?"))
        .toList();
  }

  private static boolean bounded(String sql) {
    return sql.contains(BOUND);
  }

  @Test
  void cursorWalkFollowsOtherSorts() {
    assertEquals(walkNumbered(Api::admin, "title"), walkCursor(Api::admin, "title"));
    assertEquals(
        walkNumbered(Api::admin, "publishedAt,-title"),
        walkCursor(Api::admin, "publishedAt,-title"));
  }

  @Test
  void cursorPageHasNoTotalsAndLinksForward() {
    JsonPath first = page(Api.anonymous().queryParam("page", 1), "-publishedAt");
    String next = first.getString("meta.nextCursor");
    Api.anonymous()
        .queryParam("category", category)
        .queryParam("size", 3)
        .queryParam("cursor", next)
        .get("/api/v1/articles")
        .then()
        .statusCode(200)
        .body("meta.page", nullValue())
        .body("meta.totalItems", nullValue())
        .body("links.last", nullValue())
        .body("meta.nextCursor", nullValue())
        .body("data.size()", equalTo(3));
  }

  @Test
  void cursorForAnotherSortIsRefused() {
    String next =
        page(Api.anonymous().queryParam("page", 1), "-publishedAt").getString("meta.nextCursor");
    badCursor(Api.raw().queryParam("cursor", next).queryParam("sort", "title"));
  }

  @Test
  void forgedOrCombinedCursorsAreRefused() {
    badCursor(Api.raw().queryParam("cursor", "bm90LWEtY3Vyc29y"));
    badCursor(Api.raw().queryParam("cursor", "%%%"));
    badCursor(Api.raw().queryParam("cursor", "WyItcHVibGlzaGVkQXQiLCJnZXN0ZXJuIiwieCJd"));
    badCursor(Api.raw().queryParam("cursor", "abc").queryParam("page", 2));
  }

  private static void badCursor(RequestSpecification request) {
    assertBadParameter(request.get("/api/v1/articles"), "cursor");
  }

  private JsonPath page(RequestSpecification request, String sort) {
    return request
        .queryParam("category", category)
        .queryParam("size", 3)
        .queryParam("sort", sort)
        .get("/api/v1/articles")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private List<String> walkNumbered(Supplier<RequestSpecification> caller, String sort) {
    List<String> slugs = new ArrayList<>();
    for (int page = 1; ; page++) {
      JsonPath json = page(caller.get().queryParam("page", page), sort);
      slugs.addAll(json.getList("data.slug"));
      if (page >= json.getInt("meta.totalPages")) {
        return slugs;
      }
    }
  }

  private List<String> walkCursor(Supplier<RequestSpecification> caller, String sort) {
    JsonPath json = page(caller.get(), sort);
    List<String> slugs = new ArrayList<>(json.getList("data.slug"));
    String cursor = json.getString("meta.nextCursor");
    while (cursor != null) {
      json = page(caller.get().queryParam("cursor", cursor), sort);
      slugs.addAll(json.getList("data.slug"));
      cursor = json.getString("meta.nextCursor");
    }
    return slugs;
  }
}
