package dev.feder.article;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.feder.support.Api;
import dev.feder.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A public search for a word in a few percent of the articles starts its window at a publication
 * date ({@code V15__search_window_start.sql}) and still finds the newest matches: those since the
 * start when they fill the window, else (a word of past years) those of the whole archive. An
 * editor's search over every status does the same ({@code V20__live_published_index.sql}). The test
 * profile's window is 25 matches. The articles are written by SQL, 240 at a time, and deleted again
 * after each test; the statistics the window start is read from are refreshed by ANALYZE.
 */
@QuarkusTest
class ArticleSearchWindowTest {

  private static final int MATCHES = 1_600;

  @Inject DataSource dataSource;

  private String categoryId;

  @BeforeEach
  void createCategory() {
    categoryId = Fixtures.category("Suchfenster " + Fixtures.suffix()).id();
  }

  @AfterEach
  void deleteArticles() throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("delete from article where category_id = ?::uuid")) {
      s.setString(1, categoryId);
      s.executeUpdate();
    }
    // Statistics of the table as the other tests find it.
    analyze();
  }

  @Test
  void windowOfAWordSpreadOverTheNewestArticlesStartsAtARecentDate() throws SQLException {
    String token = insert(MATCHES, "now() - make_interval(secs => i * 0.01)");
    analyze();
    // The start leaves more than a window of this word's articles: the search reads only those.
    assertTrue(matchesSinceWindowStart(token) >= 25);

    newestFirst(token)
        .body("meta.totalItems", equalTo(25))
        .body("data.slug", contains(slugs(token, IntStream.rangeClosed(1, 20))));
  }

  @Test
  void windowOfAWordOfPastYearsIsFoundInTheWholeArchive() throws SQLException {
    String old = insert(MATCHES, "timestamptz '2019-01-01 00:00Z' + make_interval(hours => i)");
    // Newer articles than any of the word's, more than the newest 5 % of all articles.
    insert(3_000, "now() - make_interval(secs => i * 0.01)");
    analyze();
    // None of the word's articles follow the window start: the search reads the whole archive.
    assertEquals(0, matchesSinceWindowStart(old));

    newestFirst(old)
        .body("meta.totalItems", equalTo(25))
        .body("data.slug", contains(slugs(old, IntStream.iterate(MATCHES, i -> i - 1).limit(20))));
    Api.anonymous()
        .queryParam("q", old)
        .queryParam("size", 20)
        .queryParam("page", 2)
        .queryParam("sort", "-publishedAt")
        .get("/api/v1/articles")
        .then()
        .statusCode(200)
        .body("meta.totalItems", equalTo(25))
        .body(
            "data.slug",
            contains(slugs(old, IntStream.iterate(MATCHES - 20, i -> i - 1).limit(5))));
  }

  @Test
  void editorsWindowOfAWordSpreadOverTheNewestArticlesStartsAtARecentDate() throws SQLException {
    String token = insert(MATCHES, "now() - make_interval(secs => i * 0.01)");
    analyze();
    assertTrue(matchesSinceWindowStart(token) >= 25);

    newestFirst(Api.admin(), token)
        .body("meta.totalItems", equalTo(25))
        .body("data.slug", contains(slugs(token, IntStream.rangeClosed(1, 20))));
  }

  @Test
  void editorsWindowOfAWordMostlyInDraftsHoldsTheDraftsAfterThePublished() throws SQLException {
    String token = newToken();
    insert(token, token + "-draft", MATCHES, "draft", "null");
    insert(token, token, 10, "published", "now() - make_interval(secs => i)");
    // Other articles, so that publication dates have statistics beside the drafts.
    insert(3_000, "now() - make_interval(secs => i * 0.01)");
    analyze();
    // The window would start at a date, but the drafts have none: fewer than a window of matches
    // follow it, and the whole archive is searched, drafts last in publication order.
    assertTrue(matchesSinceWindowStart(token) < 25);

    newestFirst(Api.admin(), token)
        .body("meta.totalItems", equalTo(25))
        .body("data.slug", hasItems(slugs(token, IntStream.rangeClosed(1, 10))))
        .body("data.status[0..9]", everyItem(equalTo("published")))
        .body("data.status[10..19]", everyItem(equalTo("draft")));
    newestFirst(Api.anonymous(), token).body("meta.totalItems", equalTo(10));
  }

  private ValidatableResponse newestFirst(String token) {
    return newestFirst(Api.anonymous(), token);
  }

  private ValidatableResponse newestFirst(RequestSpecification caller, String token) {
    return caller
        .queryParam("q", token)
        .queryParam("size", 20)
        .queryParam("sort", "-publishedAt")
        .get("/api/v1/articles")
        .then()
        .statusCode(200);
  }

  /**
   * Published articles with a new random word in the title, slugs {@code <word>-1} … {@code
   * <word>-n}, published at {@code publishedAt} of their number {@code i}; returns the word.
   */
  private String insert(int count, String publishedAt) throws SQLException {
    String token = newToken();
    insert(token, token, count, "published", publishedAt);
    return token;
  }

  /** A new random word for titles. */
  private static String newToken() {
    return Fixtures.word() + "fenster";
  }

  /**
   * Articles with {@code token} in the title, slugs {@code <prefix>-1} … {@code <prefix>-n}, of
   * this status, published at {@code publishedAt} of their number {@code i}.
   */
  private void insert(String token, String prefix, int count, String status, String publishedAt)
      throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "insert into article (id, slug, title, status, published_at, category_id,"
                    + " created_at, updated_at) select gen_random_uuid(), ? || '-' || i,"
                    + " 'Meldung ' || i || ' ' || ?, ?, "
                    + publishedAt
                    + ", ?::uuid, now(), now() from generate_series(1, ?) i")) {
      s.setString(1, prefix);
      s.setString(2, token);
      s.setString(3, status);
      s.setString(4, categoryId);
      s.setInt(5, count);
      s.executeUpdate();
    }
  }

  private void analyze() throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute("analyze article");
    }
  }

  /** The word's public articles published since the start its search would read from. */
  private long matchesSinceWindowStart(String token) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "with s as (select public.feder_plan_public_search(public.feder_search_query(?),"
                    + " 25) as start) select (select start from s) is not null, count(*)"
                    + " from article a where a.title like '%' || ? and a.published_at >= (select"
                    + " start from s)")) {
      s.setString(1, token);
      s.setString(2, token);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        assertTrue(r.getBoolean(1), "the search of " + token + " starts its window at a date");
        return r.getLong(2);
      }
    }
  }

  private static String[] slugs(String token, IntStream numbers) {
    return numbers.mapToObj(i -> token + "-" + i).toArray(String[]::new);
  }
}
