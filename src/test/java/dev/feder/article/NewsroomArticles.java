package dev.feder.article;

import dev.feder.article.search.ArticleSearch;
import jakarta.persistence.EntityManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import org.hibernate.Session;

/**
 * A newsroom-sized article table for plan tests, so that plans do not depend on what other tests
 * left in the shared database: 20,000 articles over two weeks, 70 % published, 20 % drafts, 10 %
 * archived, 5 % in the trash; "Meldung" in every title, "Wohngeld" in 10 % spread over time,
 * "Mietpreisbremse" in 40, "Altlasten" in 2,000 among the oldest. Tests fill it inside their own
 * transaction ({@code @TestTransaction}), which is rolled back.
 */
public final class NewsroomArticles {

  private NewsroomArticles() {}

  /** Replaces the articles by the newsroom's, in the current transaction, and analyzes them. */
  public static void fill(EntityManager entityManager) {
    entityManager
        .unwrap(Session.class)
        .doWork(
            connection -> {
              try (Statement statement = connection.createStatement()) {
                statement.execute("set local lock_timeout = '10s'");
                statement.execute("truncate article cascade");
                statement.execute(
                    "insert into category (id, slug, name, created_at, updated_at)"
                        + " values ('00000000-0000-4000-8000-00000000000f', 'explain-only',"
                        + " 'Explain', now(), now())");
                statement.execute(
                    "insert into article (id, slug, title, status, published_at, category_id,"
                        + " created_at, updated_at, deleted_at, deleted_by)"
                        + " select gen_random_uuid(), 'explain-only-' || i,"
                        + " case when i % 500 = 0 then 'Mietpreisbremse: ' when i % 10 = 1 then"
                        + " 'Wohngeld: ' when i > 16000 and i % 2 = 0 then 'Altlasten: ' else ''"
                        + " end || 'Meldung ' || i,"
                        + " case when i % 10 < 7 then 'published' when i % 10 < 9 then 'draft'"
                        + " else 'archived' end,"
                        + " case when i % 10 < 7 or i % 10 = 9 then now() - make_interval(mins =>"
                        + " i) end,"
                        + " '00000000-0000-4000-8000-00000000000f', now() - make_interval(mins =>"
                        + " i), now() - make_interval(mins => i),"
                        + " case when i % 20 = 3 then now() - make_interval(secs => i) end,"
                        + " case when i % 20 = 3 then 'explain' end"
                        + " from generate_series(1, 20000) i");
                statement.execute("analyze article");
              }
            });
  }

  /** The rows of a query in the current transaction, a line each, columns joined by |. */
  public static String rows(EntityManager entityManager, String sql) {
    StringBuilder text = new StringBuilder();
    entityManager
        .unwrap(Session.class)
        .doWork(
            connection -> {
              try (Statement statement = connection.createStatement();
                  ResultSet rows = statement.executeQuery(sql)) {
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
            });
    return text.toString();
  }

  /** A search as an anonymous reader's article list makes it: among what is public now. */
  public static ArticleSearch publicSearch(String text, int window) {
    return ArticleListQuery.publicAt(Instant.now()).searching(text, window);
  }
}
