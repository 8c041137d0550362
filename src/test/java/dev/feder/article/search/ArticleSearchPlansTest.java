package dev.feder.article.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.feder.article.NewsroomArticles;
import dev.feder.config.FederConfig;
import dev.feder.paging.PageRequest;
import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A search chooses how to collect its window of matches for the text at hand ({@code
 * V11__search_plan_choice.sql}, {@code V13}) and, when public, where the window starts ({@code
 * V15__search_window_start.sql}).
 *
 * <p>Each test describes the search as an anonymous reader's list does ({@link
 * NewsroomArticles#publicSearch}), runs its own plan statement and explains or runs its own page
 * statement with their values, as {@link ArticleSearch#find} sends them, over a newsroom-sized
 * table ({@link NewsroomArticles}) in the test's transaction, which is rolled back.
 */
@QuarkusTest
class ArticleSearchPlansTest {

  @Inject EntityManager entityManager;
  @Inject FederConfig config;

  private int window;

  @BeforeEach
  void window() {
    window = config.search().maxResults();
  }

  @Test
  @TestTransaction
  void searchForARareWordCollectsItsMatchesThroughTheSearchIndex() {
    NewsroomArticles.fill(entityManager);
    // 40 of 20,000 articles: walking the list index would read 10,000 search vectors.
    String plan = planOfFirstPage("Mietpreisbremse");
    assertTrue(plan.contains("Bitmap Index Scan on article_search_idx"), plan);
    assertFalse(plan.contains("article_published_idx"), plan);
  }

  @Test
  @TestTransaction
  void searchForACommonWordWalksTheListIndex() {
    NewsroomArticles.fill(entityManager);
    // In every article: the newest matches are the newest articles.
    String plan = planOfFirstPage("Meldung");
    assertTrue(plan.contains("Index Scan using article_published_idx"), plan);
    assertFalse(plan.contains("article_search_idx"), plan);
    // Read in the list's order: the window is the first rows of the index, never sorted itself
    // (only the page is, by relevance).
    assertFalse(
        plan.lines().anyMatch(line -> line.matches("\\s*Sort Key: \\w+\\.published_at.*")), plan);
  }

  @Test
  @TestTransaction
  void publicSearchForAWordInAFewPercentStartsItsWindowAtARecentDate() {
    NewsroomArticles.fill(entityManager);
    // Wohngeld: in 10 % of the articles, spread over time. The newest public matches since the
    // window start are the newest of all.
    Planned wohngeld = planned("Wohngeld");
    assertNotNull(wohngeld.start());
    PageRequest wholeWindow = PageRequest.of(null, String.valueOf(window));
    List<Object[]> since = rows(wohngeld.page(wholeWindow, wohngeld.start()));
    List<Object[]> all = rows(wohngeld.page(wholeWindow, null));
    assertEquals(window, since.size());
    assertEquals(ids(all), ids(since));
    // The start bounds the list index, which PostgreSQL reads from there.
    String plan = explain(wohngeld.page(wholeWindow, wohngeld.start()));
    List<String> lines = plan.lines().toList();
    assertTrue(
        IntStream.range(0, lines.size() - 1)
            .anyMatch(
                i ->
                    lines.get(i).contains("Index Scan")
                        && lines.get(i).contains("article_published_idx")
                        && lines.get(i + 1).contains("Index Cond")
                        && lines.get(i + 1).contains("published_at >= ")),
        plan);
  }

  @Test
  @TestTransaction
  void publicSearchReadsTheWholeArchiveForRareAndCommonWords() {
    NewsroomArticles.fill(entityManager);
    // 40 matches: three windows of them reach too far back. Every article: the list index is
    // walked, which stops at the window by itself.
    for (String word : List.of("Mietpreisbremse", "Meldung")) {
      assertNull(planned(word).start(), word);
    }
  }

  @Test
  @TestTransaction
  void wordOfPastYearsHasTooFewMatchesSinceTheWindowStart() {
    NewsroomArticles.fill(entityManager);
    // Altlasten: 2,000 matches, all among the oldest articles. The window start assumes them
    // spread over time, so fewer than a window follow it: the search then reads the whole archive.
    Planned altlasten = planned("Altlasten");
    assertNotNull(altlasten.start());
    assertEquals(0, rows(altlasten.page(PageRequest.of(null, null), altlasten.start())).size());
    assertEquals(
        window, altlasten.search().find(entityManager, null, PageRequest.of(null, null)).total());
  }

  /** The plan of the first page of a public search, after its own plan statement. */
  private String planOfFirstPage(String text) {
    Planned planned = planned(text);
    return explain(planned.page(PageRequest.of(null, null), planned.start()));
  }

  /**
   * A public search for a text as typed, after its plan statement (whose settings last for the
   * transaction), with the window start that statement gave.
   */
  private record Planned(ArticleSearch search, ArticleSearch.Reading reading, Instant start) {

    /** The search's page statement, sorted by relevance, from {@code start} (null: all). */
    ArticleSearch.Statement page(PageRequest page, Instant start) {
      return search.page(reading, null, page, start);
    }
  }

  private Planned planned(String text) {
    ArticleSearch search = NewsroomArticles.publicSearch(text, window);
    ArticleSearch.Reading reading = ArticleSearch.Reading.asTyped(text);
    return new Planned(
        search,
        reading,
        search.windowStart(search.plan(reading).on(entityManager).getSingleResult()));
  }

  private String explain(ArticleSearch.Statement statement) {
    @SuppressWarnings("unchecked")
    List<String> plan =
        new ArticleSearch.Statement("explain " + statement.sql(), statement.parameters())
            .on(entityManager)
            .getResultList();
    return String.join("\n", plan);
  }

  @SuppressWarnings("unchecked")
  private List<Object[]> rows(ArticleSearch.Statement statement) {
    return statement.on(entityManager).getResultList();
  }

  private static List<String> ids(List<Object[]> rows) {
    return rows.stream().map(row -> row[0].toString()).toList();
  }
}
