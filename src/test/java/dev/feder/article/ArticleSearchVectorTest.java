package dev.feder.article;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.feder.support.Api;
import dev.feder.support.Fixtures;
import dev.feder.support.Fixtures.Created;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The search vector is a column kept by triggers ({@code V14__search_vector_trigger.sql}): always
 * the value of {@code feder_article_search_vector} for the article's text, recomputed when the text
 * changes and only then, and given by a bulk loader only where it says so with {@code
 * feder.bulk_load}. The trigger cases run in transactions that are rolled back.
 */
@QuarkusTest
class ArticleSearchVectorTest {

  private static final String ARTICLES = "/api/v1/articles";

  private static final String MATCHES_TEXT =
      "search_vector = public.feder_article_search_vector(language, title, subtitle, excerpt,"
          + " body_text)";

  @Inject DataSource dataSource;

  @Test
  void vectorFollowsTheTextThroughTheApi() throws SQLException {
    Created category = Fixtures.category("Vektoren " + Fixtures.suffix());
    String token = "leuchtfeuer" + Fixtures.word();
    String id =
        Fixtures.newArticle("„Größte Übung seit Jahren“ vor Pjöngjang", category)
            .withText()
            .with("subtitle", "Manöver im Gelben Meer")
            .create()
            .id();
    assertEquals("t|f", query("select " + MATCHES_TEXT + ", " + has(token) + byId(id)));

    Api.mergePatch(Api.admin())
        .header("If-Match", Fixtures.etag(ARTICLES + "/" + id))
        .body("{\"body\":\"<p>Am Abend brannte das " + token + " über der Bucht.</p>\"}")
        .patch(ARTICLES + "/" + id)
        .then()
        .statusCode(200);
    assertEquals("t|t", query("select " + MATCHES_TEXT + ", " + has(token) + byId(id)));

    Api.mergePatch(Api.admin())
        .header("If-Match", Fixtures.etag(ARTICLES + "/" + id))
        .body("{\"subtitle\":null,\"excerpt\":null}")
        .patch(ARTICLES + "/" + id)
        .then()
        .statusCode(200);
    assertEquals(
        "t|t|f",
        query(
            "select "
                + MATCHES_TEXT
                + ", "
                + has(token)
                + ", search_vector @@ to_tsquery('public.feder_german', 'gelb')"
                + byId(id)));
  }

  @Test
  void onlyTextChangesRecomputeTheVector() throws SQLException {
    inRolledBackTransaction(
        c -> {
          // A vector given outside a bulk load is not kept.
          String given = insert(c, "'given'::tsvector");
          assertEquals("t", query(c, "select " + MATCHES_TEXT + byId(given)));

          // Publishing, moving to the trash and the like leave the vector alone.
          String id = insert(c, "null");
          forceVector(c, id, "sentinel");
          set(
              c,
              id,
              "status = 'published', published_at = now(), deleted_at = now(), deleted_by = 'admin'");
          assertEquals("'sentinel'", query(c, "select search_vector::text" + byId(id)));

          // A change of the text, or of the vector itself, recomputes it.
          for (String change :
              new String[] {
                "title = title || ' Neu'",
                "subtitle = 'Manöver'",
                "excerpt = null",
                "body_text = 'Zwölf Schiffe liefen aus.'",
                "language = 'en'",
                "search_vector = 'tampered'"
              }) {
            forceVector(c, id, "sentinel");
            set(c, id, change);
            assertEquals("t", query(c, "select " + MATCHES_TEXT + byId(id)), change);
          }
        });
  }

  @Test
  void aBulkLoaderKeepsItsVectorsAndAddsTitleWordsItself() throws SQLException {
    inRolledBackTransaction(
        c -> {
          String word = "zwergpinguin" + Fixtures.word();
          try (Statement s = c.createStatement()) {
            s.execute("set local feder.bulk_load = on");
          }
          String given = insert(c, "'given'::tsvector", "Der " + word + " am Nordkap");
          assertEquals("'given'", query(c, "select search_vector::text" + byId(given)));
          assertEquals(
              "0", query(c, "select count(*) from search_word where word = '" + word + "'"));
          // Without a vector the trigger computes it, bulk load or not.
          String computed = insert(c, "null", "Ein Artikel ohne Vektor");
          assertEquals("t", query(c, "select " + MATCHES_TEXT + byId(computed)));

          try (Statement s = c.createStatement()) {
            s.execute("set local feder.bulk_load = off");
          }
          String normal = insert(c, "'given'::tsvector", "Der " + word + " am Südkap");
          assertEquals("t", query(c, "select " + MATCHES_TEXT + byId(normal)));
          assertEquals(
              "1", query(c, "select count(*) from search_word where word = '" + word + "'"));
        });
  }

  // --- helpers ------------------------------------------------------------------------------

  private interface Work {
    void run(Connection c) throws SQLException;
  }

  private void inRolledBackTransaction(Work work) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        work.run(c);
      } finally {
        c.rollback();
      }
    }
  }

  private static String insert(Connection c, String vector) throws SQLException {
    return insert(c, vector, "Marine probt vor Pjöngjang");
  }

  /** An article inserted by SQL with the given search vector, in a category of its own. */
  private static String insert(Connection c, String vector, String title) throws SQLException {
    String category = UUID.randomUUID().toString();
    String id = UUID.randomUUID().toString();
    try (PreparedStatement s =
        c.prepareStatement(
            "insert into category (id, slug, name, position, version, created_at, updated_at)"
                + " values (?::uuid, ?, 'Vektoren', 0, 0, now(), now())")) {
      s.setString(1, category);
      s.setString(2, "vektoren-" + category);
      s.executeUpdate();
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "insert into article (id, slug, title, subtitle, excerpt, body, body_text, status,"
                + " category_id, created_at, updated_at, search_vector) values (?::uuid, ?, ?,"
                + " 'Im Gelben Meer', 'Die größte Übung seit Jahren.', '<p>Zwölf Schiffe.</p>',"
                + " 'Zwölf Schiffe.', 'draft', ?::uuid, now(), now(), "
                + vector
                + ")")) {
      s.setString(1, id);
      s.setString(2, "vektor-" + id);
      s.setString(3, title);
      s.setString(4, category);
      s.executeUpdate();
    }
    return id;
  }

  private static void set(Connection c, String id, String assignments) throws SQLException {
    try (Statement s = c.createStatement()) {
      assertEquals(1, s.executeUpdate("update article set " + assignments + where(id)));
    }
  }

  /** Puts a vector in place the way only a bulk load can: a new row with it, the old one gone. */
  private static void forceVector(Connection c, String id, String vector) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("set local feder.bulk_load = on");
      s.execute("create temp table if not exists article_copy (like article) on commit drop");
      s.execute("delete from article_copy");
      s.execute("insert into article_copy select *" + byId(id));
      s.execute("delete" + byId(id));
      s.execute("update article_copy set search_vector = '" + vector + "'");
      s.execute("insert into article select * from article_copy");
      s.execute("set local feder.bulk_load = off");
    }
    assertEquals("'" + vector + "'", query(c, "select search_vector::text" + byId(id)));
  }

  private static String byId(String id) {
    return " from article" + where(id);
  }

  private static String where(String id) {
    return " where id = '" + id + "'";
  }

  private static String has(String word) {
    return "search_vector @@ to_tsquery('public.feder_german', '" + word + "')";
  }

  private String query(String sql) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      return query(c, sql);
    }
  }

  /** The first row, its columns joined with |. */
  private static String query(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      if (!r.next()) {
        throw new AssertionError("no row: " + sql);
      }
      StringBuilder row = new StringBuilder();
      for (int k = 1; k <= r.getMetaData().getColumnCount(); k++) {
        if (k > 1) {
          row.append('|');
        }
        row.append(r.getString(k));
      }
      return row.toString();
    }
  }
}
