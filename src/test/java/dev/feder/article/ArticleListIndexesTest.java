package dev.feder.article;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.feder.support.Api;
import dev.feder.support.SentStatements;
import dev.feder.support.TestData;
import dev.feder.web.ResponseCache;
import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The list queries read their partial indexes in order although every query also filters on the
 * trash: the queries' conditions imply the index predicates, and the index order is the lists'
 * ({@code V6__article_trash.sql}).
 *
 * <p>Each test asks the API for a list and explains the page statement Hibernate sent for it
 * ({@link SentStatements}) with the values of its parameters, so a change of the query or of its
 * index shows here. The plan is made for a newsroom-sized table ({@link NewsroomArticles}) in the
 * test's transaction, which is rolled back. The search's plans are in {@code
 * ArticleSearchPlansTest}.
 */
@QuarkusTest
class ArticleListIndexesTest {

  private static final String ARTICLES = "/api/v1/articles";

  /** The default page size, the last parameter of a page statement (after the offset). */
  private static final int PAGE = 20;

  @Inject EntityManager entityManager;
  @Inject ResponseCache responseCache;

  @Test
  @TestTransaction
  void publicListUsesThePublishedIndexInItsOrder() {
    String page = pageStatement(() -> uncached().get(ARTICLES).then().statusCode(200));
    // Visible at this instant; the first page of 20.
    assertReadsInOrder(plan(page, Instant.now(), 0, PAGE), "article_published_idx");
  }

  @Test
  @TestTransaction
  void publicCursorPageStartsReadingThePublishedIndexAtTheCursor() {
    String category = TestData.category("Cursor " + TestData.suffix()).slug();
    for (int i = 0; i < 2; i++) {
      Api.admin()
          .body(
              Map.of(
                  "title",
                  "Cursor " + TestData.suffix(),
                  "category",
                  Map.of("slug", category),
                  "status",
                  "published"))
          .post(ARTICLES)
          .then()
          .statusCode(201);
    }
    String cursor =
        uncached()
            .queryParam("size", 1)
            .get(ARTICLES)
            .then()
            .statusCode(200)
            .extract()
            .path("meta.nextCursor");

    String page =
        pageStatement(
            () -> uncached().queryParam("cursor", cursor).get(ARTICLES).then().statusCode(200));

    // Visible now; after an article published a week ago (the cursor's date three times, then its
    // id); the first 20 rows from there.
    Instant cursorDate = Instant.now().minus(7, ChronoUnit.DAYS);
    UUID cursorId = UUID.fromString("00000000-0000-4000-8000-000000000000");
    String plan = plan(page, Instant.now(), cursorDate, cursorDate, cursorId, cursorDate, 0, PAGE);
    assertReadsInOrder(plan, "article_published_idx");
    // The plain bound on the cursor's date is an index condition: the scan starts there, instead of
    // walking every row before the cursor.
    assertTrue(
        plan.lines()
            .anyMatch(
                line ->
                    line.contains("Index Cond")
                        && line.indexOf("published_at <=") != line.lastIndexOf("published_at <=")),
        page + "\n" + plan);
  }

  @Test
  @TestTransaction
  void editorsListUsesTheUpdatedIndexInItsOrder() {
    String page =
        pageStatement(
            () ->
                Api.admin().queryParam("sort", "-updatedAt").get(ARTICLES).then().statusCode(200));
    assertReadsInOrder(plan(page, 0, PAGE), "article_updated_idx");
  }

  @Test
  @TestTransaction
  void trashListUsesTheTrashIndexInItsOrder() {
    String page = pageStatement(() -> Api.admin().get("/api/v1/trash").then().statusCode(200));
    assertReadsInOrder(plan(page, 0, PAGE), "article_trash_idx");
  }

  /**
   * An anonymous reader after the response cache was emptied, so that the list is read from the
   * database.
   */
  private RequestSpecification uncached() {
    responseCache.invalidate();
    return Api.raw().accept("application/json");
  }

  /** The statement of the page's articles that {@code request} made Hibernate send. */
  private static String pageStatement(Runnable request) {
    return SentStatements.during(
        request, sql -> sql.contains(" from article ") && sql.contains(" order by "));
  }

  /** The plan of a statement with these values over the newsroom's articles. */
  private String plan(String sql, Object... values) {
    NewsroomArticles.fill(entityManager);
    return SentStatements.plan(entityManager, sql, values);
  }

  /** The plan reads the index and needs no sort: a page stops after its rows. */
  private static void assertReadsInOrder(String plan, String index) {
    assertTrue(plan.contains("Index Scan using " + index), plan);
    assertFalse(plan.contains("Sort"), plan);
  }
}
