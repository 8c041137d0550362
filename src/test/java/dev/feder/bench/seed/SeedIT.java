package dev.feder.bench.seed;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.feder.bench.run.ScenariosOnInstance;
import dev.feder.support.ThrowAwayDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The benchmark seeder against the schema of today: it fills a database of its own ({@link
 * SeededDatabase}) with a few hundred articles, its own checks pass, and the packaged application
 * reads and searches them. The benchmark driver prepares its scenarios from that instance. Runs
 * after packaging (Failsafe), so a migration or a change of Feder's classes that breaks the seeder
 * fails the build.
 */
@QuarkusIntegrationTest
@WithTestResource(SeededDatabase.class)
class SeedIT {

  private static final String PUBLIC =
      " from article where status = 'published' and deleted_at is null and published_at <= now()";

  @Test
  void theSeedersOwnChecksPassed() throws SQLException {
    Seed.Outcome outcome = SeededDatabase.outcome;
    assertTrue(outcome.loaded());
    assertEquals(SeededDatabase.ARTICLES, outcome.articles());
    assertEquals(Seed.CHECKED_BEFORE_LOAD, outcome.vectorsCheckedBefore());
    // Articles 0, 1 and 2 are sampled, then every 997th.
    assertEquals(3, outcome.vectorsCheckedAfter());
    assertTrue(outcome.pinned() > 0);

    // Beyond the seeder's samples: every stored vector is PostgreSQL's own.
    assertEquals(
        "0",
        query(
            "select count(*) from article where search_vector is distinct from"
                + " public.feder_article_search_vector(language, title, subtitle, excerpt,"
                + " body_text)"));
    assertEquals(
        SeededDatabase.ARTICLES + "|" + outcome.bylines() + "|" + SeededDatabase.ARTICLES,
        query(
            "select (select count(*) from article), (select count(*) from article_author),"
                + " (select count(*) from article_revision where revision = 1)"));
    // The typo vocabulary holds the title words, which the load left to the seeder.
    assertEquals(
        "0",
        query(
            "select count(*) from article, unnest(public.feder_words(title)) w"
                + " where length(w) >= 4 and not exists"
                + " (select 1 from search_word s where s.word = w)"));
  }

  @Test
  void federListsTheSeededArticlesNewestFirst() throws SQLException {
    given()
        .get("/api/v1/articles")
        .then()
        .statusCode(200)
        .body("meta.totalItems", equalTo(Integer.parseInt(query("select count(*)" + PUBLIC))))
        .body(
            "data[0].slug",
            equalTo(query("select slug" + PUBLIC + " order by published_at desc, id limit 1")));
  }

  @Test
  void aSeededArticleReadsBackAsStored() throws SQLException {
    String[] row =
        query(
                "select slug, title, word_count, (select c.slug from category c where c.id ="
                    + " category_id), (select string_agg(a.slug, ',' order by aa.position) from"
                    + " article_author aa join author a on a.id = aa.author_id where aa.article_id"
                    + " = article.id)"
                    + PUBLIC
                    + " order by md5(slug) limit 1")
            .split("\\|");
    String body = query("select body from article where slug = '" + row[0] + "'");
    var answer =
        given().get("/api/v1/articles/slug/" + row[0]).then().statusCode(200).extract().jsonPath();
    assertEquals(row[1], answer.getString("title"));
    assertEquals(body, answer.getString("body"));
    assertEquals(Integer.parseInt(row[2]), answer.getInt("wordCount"));
    assertEquals(row[3], answer.getString("category.slug"));
    assertEquals(List.of(row[4].split(",")), answer.getList("authors.slug"));
  }

  @Test
  void searchFindsTheSeededText() throws SQLException {
    String[] newest =
        query("select slug, title" + PUBLIC + " order by published_at desc, id limit 1")
            .split("\\|");
    // The title as a phrase: the newest article that has it is among the matches searched.
    given()
        .queryParam("q", "\"" + newest[1] + "\"")
        .queryParam("size", 100)
        .get("/api/v1/articles")
        .then()
        .statusCode(200)
        .body("data.slug", hasItem(newest[0]));
  }

  @Test
  void theBenchmarksScenariosAnswerOnTheSeed() throws Exception {
    Map<String, List<String>> scenarios =
        ScenariosOnInstance.prepare(RestAssured.baseURI + ":" + RestAssured.port, 20, 100);
    assertEquals(
        List.of("list", "by-slug", "category", "search", "search-typo", "cursor-deep"),
        List.copyOf(scenarios.keySet()));
    assertEquals(20, scenarios.get("by-slug").size());
    assertEquals(
        Integer.parseInt(query("select count(*) from category")), scenarios.get("category").size());
    // The common words of the search scenario are common in the seed too. (The paths are
    // percent-encoded already.)
    for (String path : scenarios.get("search")) {
      given()
          .urlEncodingEnabled(false)
          .get(path)
          .then()
          .statusCode(200)
          .body("meta.totalItems", greaterThan(0));
    }
  }

  @Test
  void aSecondRunWithTheSameSeedLeavesTheDatabaseAlone() throws Exception {
    String marker = query("select obj_description('article'::regclass, 'pg_class')");
    Seed.Outcome again = new Seed(SeededDatabase.seedOptions()).run();
    assertFalse(again.loaded());
    assertEquals(marker, query("select obj_description('article'::regclass, 'pg_class')"));
    assertEquals(String.valueOf(SeededDatabase.ARTICLES), query("select count(*) from article"));
  }

  @Test
  void aDatabaseWithContentOfOthersIsRefusedAndLeftAlone() throws Exception {
    try (ThrowAwayDatabase other =
        ThrowAwayDatabase.create(
            SeededDatabase.url, SeededDatabase.USER, SeededDatabase.USER, "feder_seed_refused")) {
      Flyway.configure()
          .dataSource(other.url(), other.user(), other.password())
          .locations("filesystem:src/main/resources/db/migration")
          .load()
          .migrate();
      try (Connection c = other.connect();
          Statement s = c.createStatement()) {
        s.execute(
            "insert into category (id, slug, name, position, version, created_at, updated_at)"
                + " values (gen_random_uuid(), 'eigenes-ressort', 'Eigenes Ressort', 0, 0, now(),"
                + " now())");
      }
      Refusal refusal =
          assertThrows(
              Refusal.class,
              () -> new Seed(SeededDatabase.options(other.url(), "--articles", "100")).run());
      assertTrue(refusal.getMessage().contains("Pass --reset"), refusal.getMessage());
      try (Connection c = other.connect()) {
        assertEquals(List.of("eigenes-ressort"), column(c, "select slug from category"));
        assertEquals(List.of("0"), column(c, "select count(*) from article"));
        assertNull(column(c, "select obj_description('article'::regclass, 'pg_class')").get(0));
      }
    }
  }

  /** The first row of the seeded database, its columns joined with |. */
  private static String query(String sql) throws SQLException {
    try (Connection c =
            DriverManager.getConnection(
                SeededDatabase.url, SeededDatabase.USER, SeededDatabase.USER);
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      if (!r.next()) {
        throw new AssertionError("no row: " + sql);
      }
      StringBuilder row = new StringBuilder();
      for (int k = 1; k <= r.getMetaData().getColumnCount(); k++) {
        row.append(k > 1 ? "|" : "").append(r.getString(k));
      }
      return row.toString();
    }
  }

  private static List<String> column(Connection c, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      while (r.next()) {
        values.add(r.getString(1));
      }
    }
    return values;
  }
}
