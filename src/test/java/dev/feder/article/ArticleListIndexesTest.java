package dev.feder.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The list queries read their partial indexes in order although every query now also filters on the
 * trash: the queries' conditions imply the index predicates, and the index order is the lists'
 * ({@code V6__article_trash.sql}). The SQL is what {@link ArticleQuery} asks for, by hand. The
 * plans are made for a newsroom-sized table (emptied and filled in a transaction that is rolled
 * back), so they do not depend on what other tests left in the shared database. The same table
 * shows the search choosing how to collect its matches ({@code V11__search_plan_choice.sql}) and
 * where a public search starts its window ({@code V15__search_window_start.sql}).
 */
@QuarkusTest
class ArticleListIndexesTest {

  @Inject DataSource dataSource;

  @Test
  void publicListUsesThePublishedIndexInItsOrder() throws SQLException {
    String plan =
        plan(
            "select a.id from article a where a.deleted_at is null and a.status = 'published'"
                + " and a.published_at <= now()"
                + " order by a.published_at desc nulls last, a.id limit 21");
    assertReadsInOrder(plan, "article_published_idx");
  }

  @Test
  void publicCursorPageStartsReadingThePublishedIndexAtTheCursor() throws SQLException {
    String cursor = "(now() - interval '100 days')";
    String plan =
        plan(
            "select a.id from article a where a.deleted_at is null and a.status = 'published'"
                + " and a.published_at <= now() and ((a.published_at < "
                + cursor
                + " or a.published_at is null) or (a.published_at = "
                + cursor
                + " and a.id > '00000000-0000-4000-8000-000000000000'))"
                + " and a.published_at <= "
                + cursor
                + " order by a.published_at desc nulls last, a.id limit 21");
    assertReadsInOrder(plan, "article_published_idx");
    assertTrue(
        plan.lines()
            .anyMatch(
                line ->
                    line.contains("Index Cond")
                        && line.contains("published_at <= (now() - '100 days'::interval)")),
        plan);
  }

  @Test
  void editorsListUsesTheUpdatedIndexInItsOrder() throws SQLException {
    String plan =
        plan(
            "select a.id from article a where a.deleted_at is null"
                + " order by a.updated_at desc nulls last, a.id limit 21");
    assertReadsInOrder(plan, "article_updated_idx");
  }

  @Test
  void trashListUsesTheTrashIndexInItsOrder() throws SQLException {
    String plan =
        plan(
            "select a.id from article a where a.deleted_at is not null"
                + " order by a.deleted_at desc nulls last, a.id limit 21");
    assertReadsInOrder(plan, "article_trash_idx");
  }

  @Test
  void searchForARareWordCollectsItsMatchesThroughTheSearchIndex() throws SQLException {
    // 40 of 20,000 articles: walking the list index would read 10,000 search vectors.
    assertEquals(
        "t|off|off",
        rows(
            "select public.feder_plan_search(public.feder_search_query('Mietpreisbremse')),"
                + " current_setting('enable_indexscan'), current_setting('enable_seqscan')"));
  }

  @Test
  void searchForACommonWordWalksTheListIndex() throws SQLException {
    // In every article: the newest 200 matches are the newest 200 articles.
    assertEquals(
        "f|on|on",
        rows(
            "select public.feder_plan_search(public.feder_search_query('Meldung')),"
                + " current_setting('enable_indexscan'), current_setting('enable_seqscan')"));
  }

  @Test
  void publicSearchForAWordInAFewPercentStartsItsWindowAtARecentDate() throws SQLException {
    // Wohngeld: in 10 % of the articles, spread over time. The newest 25 public matches since the
    // window start are the newest 25 of all.
    assertEquals(
        "t|25|t",
        rows(
            "with s as (select public.feder_plan_public_search("
                + "public.feder_search_query('Wohngeld'), 25) as start),"
                + " w as ("
                + newestMatches("Wohngeld", "now() - interval '100 years'")
                + "), b as ("
                + newestMatches("Wohngeld", "(select start from s)")
                + ") select (select start is not null from s), (select count(*) from b),"
                + " (select string_agg(id::text, ',' order by n) from w)"
                + " = (select string_agg(id::text, ',' order by n) from b)"));
  }

  @Test
  void publicSearchReadsTheWholeArchiveForRareAndCommonWords() throws SQLException {
    // 40 matches: three windows of them reach too far back. Every article: the list index is
    // walked, which stops at the window by itself.
    assertEquals(
        "t|t",
        rows(
            "select public.feder_plan_public_search("
                + "public.feder_search_query('Mietpreisbremse'), 25) is null,"
                + " public.feder_plan_public_search(public.feder_search_query('Meldung'), 25)"
                + " is null"));
  }

  @Test
  void wordOfPastYearsHasTooFewMatchesSinceTheWindowStart() throws SQLException {
    // Altlasten: 2,000 matches, all among the oldest articles. The window start assumes them spread
    // over time, so fewer than a window follow it: Feder then searches the whole archive.
    assertEquals(
        "t|0",
        rows(
            "with s as (select public.feder_plan_public_search("
                + "public.feder_search_query('Altlasten'), 25) as start)"
                + " select (select start is not null from s), count(*) from ("
                + newestMatches("Altlasten", "(select start from s)")
                + ") b"));
  }

  /** The newest 25 public matches of a word published since a date, numbered newest first. */
  private static String newestMatches(String word, String since) {
    return "select a.id, row_number() over (order by a.published_at desc nulls last, a.id) n"
        + " from article a where a.search_vector @@ public.feder_search_query('"
        + word
        + "') and a.deleted_at is null and a.status = 'published' and a.published_at <= now()"
        + " and a.published_at >= "
        + since
        + " order by a.published_at desc nulls last, a.id limit 25";
  }

  /** The plan reads the index and needs no sort: a page stops after its rows. */
  private static void assertReadsInOrder(String plan, String index) {
    assertTrue(plan.contains("Index Only Scan using " + index), plan);
    assertFalse(plan.contains("Sort"), plan);
  }

  private String plan(String sql) throws SQLException {
    return rows("explain " + sql);
  }

  /** The rows of a query over the newsroom-sized table, a line each, columns joined by |. */
  private String rows(String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      connection.setAutoCommit(false);
      try {
        statement.execute("set local lock_timeout = '10s'");
        statement.execute("truncate article cascade");
        statement.execute(
            "insert into category (id, slug, name, created_at, updated_at)"
                + " values ('00000000-0000-4000-8000-00000000000f', 'explain-only', 'Explain',"
                + " now(), now())");
        statement.execute(
            "insert into article (id, slug, title, status, published_at, category_id,"
                + " created_at, updated_at, deleted_at, deleted_by)"
                + " select gen_random_uuid(), 'explain-only-' || i,"
                + " case when i % 500 = 0 then 'Mietpreisbremse: ' when i % 10 = 1 then"
                + " 'Wohngeld: ' when i > 16000 and i % 2 = 0 then 'Altlasten: ' else '' end"
                + " || 'Meldung ' || i,"
                + " case when i % 10 < 7 then 'published' when i % 10 < 9 then 'draft'"
                + " else 'archived' end,"
                + " case when i % 10 < 7 or i % 10 = 9 then now() - make_interval(mins => i)"
                + " end,"
                + " '00000000-0000-4000-8000-00000000000f', now() - make_interval(mins => i),"
                + " now() - make_interval(mins => i),"
                + " case when i % 20 = 3 then now() - make_interval(secs => i) end,"
                + " case when i % 20 = 3 then 'explain' end"
                + " from generate_series(1, 20000) i");
        statement.execute("analyze article");
        StringBuilder text = new StringBuilder();
        try (ResultSet rows = statement.executeQuery(sql)) {
          int columns = rows.getMetaData().getColumnCount();
          while (rows.next()) {
            if (!text.isEmpty()) {
              text.append('\n');
            }
            for (int i = 1; i <= columns; i++) {
              text.append(i > 1 ? "|" : "").append(rows.getString(i));
            }
          }
        }
        return text.toString();
      } finally {
        connection.rollback();
        connection.setAutoCommit(true);
      }
    }
  }
}
