package dev.feder.article;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.feder.support.Api;
import dev.feder.support.Fixtures;
import dev.feder.support.SentStatements;
import dev.feder.web.ResponseCache;
import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The list queries read their partial indexes in order although every query also filters on the
 * trash: the queries' conditions imply the index predicates, and the index order is the lists'
 * ({@code V6__article_trash.sql}).
 *
 * <p>Each test asks the API for a list and explains the query of the page's ids in the statement
 * sent for it ({@link SentStatements}) with the values of its parameters, so a change of the query
 * or of its index shows here. The plan is made for a newsroom-sized table ({@link
 * NewsroomArticles}) in the test's transaction, which is rolled back. The search's plans are in
 * {@code ArticleSearchPlansTest}.
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
    String plan = plan(page, Instant.now());
    assertReadsInOrder(plan, "article_published_idx");
    // The page's ids come from the index alone: an OFFSET skips index entries, not rows.
    assertTrue(plan.contains("Index Only Scan using article_published_idx"), plan);
  }

  @Test
  @TestTransaction
  void publicCursorPageStartsReadingThePublishedIndexAtTheCursor() {
    String category = Fixtures.category("Cursor " + Fixtures.suffix()).slug();
    for (int i = 0; i < 2; i++) {
      Fixtures.newArticle("Cursor " + Fixtures.suffix(), category).published().create();
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
    // id); the first 20 rows from there (no offset at all).
    Instant cursorDate = Instant.now().minus(7, ChronoUnit.DAYS);
    UUID cursorId = UUID.fromString("00000000-0000-4000-8000-000000000000");
    String plan = plan(page, Instant.now(), cursorDate, cursorDate, cursorId, cursorDate);
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
    assertReadsInOrder(plan(page), "article_updated_idx");
  }

  @Test
  @TestTransaction
  void trashListUsesTheTrashIndexInItsOrder() {
    // The trash is read through Hibernate, rows and all.
    String page =
        SentStatements.during(
            () -> Api.admin().get("/api/v1/trash").then().statusCode(200),
            sql -> sql.contains(" from article ") && sql.contains(" order by "));
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

  /**
   * The query of the page's ids in the statement that {@code request} sent for the page: the list
   * reads its ids off the index, and the rows of those ids in the same statement.
   */
  private static String pageStatement(Runnable request) {
    String sent =
        SentStatements.during(
            request, sql -> sql.contains(" from article ") && sql.contains(" order by "));
    int start = sent.indexOf(IDS_FROM);
    int end = sent.indexOf(IDS_UNTIL, start);
    assertTrue(start >= 0 && end > start, sent);
    return sent.substring(start + IDS_FROM.length(), end);
  }

  /** Where the ids query of a list statement begins and ends. */
  private static final String IDS_FROM = "unnest(array(";

  private static final String IDS_UNTIL = ")) with ordinality";

  /** The plan of a statement with these values over the newsroom's articles. */
  private String plan(String sql, Object... values) {
    NewsroomArticles.fill(entityManager);
    return SentStatements.plan(entityManager, sql, values);
  }

  /**
   * The plan reads the index and needs no sort: a page stops after its rows. The lists' pages ask
   * for ids alone (their rows are read by id afterwards), which the index holds, so PostgreSQL
   * reads no row it skips; the trash list reads whole rows.
   */
  private static void assertReadsInOrder(String plan, String index) {
    assertTrue(
        plan.contains("Index Scan using " + index)
            || plan.contains("Index Only Scan using " + index),
        plan);
    assertFalse(plan.contains("Sort"), plan);
  }
}
