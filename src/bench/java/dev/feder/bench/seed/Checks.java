package dev.feder.bench.seed;

import dev.feder.text.HtmlSanitizer;
import dev.feder.text.Slugs;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * What makes the seed Feder's own data, checked while it is made: a mismatch stops the seed with an
 * {@link IllegalStateException} that says what differs.
 */
final class Checks {

  private final HtmlSanitizer sanitizer = new HtmlSanitizer();

  /** The generated body and its derived fields must be exactly what Feder makes of the body. */
  void derivedFields(Article a) {
    String sanitized = sanitizer.sanitize(a.body);
    if (!sanitized.equals(a.body)) {
      throw new IllegalStateException(
          "generated body differs from its sanitized form:\n" + a.body + "\n" + sanitized);
    }
    String text = HtmlSanitizer.plainText(a.body);
    if (!text.equals(a.bodyText)) {
      throw new IllegalStateException(
          "body_text differs from Feder's:\n" + a.bodyText + "\n" + text);
    }
    int words = HtmlSanitizer.wordCount(a.body);
    if (words != a.words || HtmlSanitizer.readingTimeMinutes(words) != a.readingTime) {
      throw new IllegalStateException(
          "word count " + a.words + " differs from Feder's " + words + " for " + a.slug);
    }
    if (!Slugs.isValid(a.slug)) {
      throw new IllegalStateException("invalid slug " + a.slug);
    }
  }

  /**
   * Compares the vectors of the first articles with feder_article_search_vector before anything is
   * loaded: a seed whose vectors differ from PostgreSQL's would search differently. Returns how
   * many were compared.
   */
  static int vectorsBeforeLoad(Connection c, Vectors vectors, Generator g, int count)
      throws SQLException {
    List<Article> first = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      first.add(g.article(i));
    }
    vectors.build(c, first);
    int compared = 0;
    try (PreparedStatement s =
        c.prepareStatement(
            "select ?::tsvector = public.feder_article_search_vector(?, ?, ?, ?, ?),"
                + " public.feder_article_search_vector(?, ?, ?, ?, ?)::text")) {
      for (Article a : first) {
        if (a.searchVector == null) {
          continue;
        }
        String built = a.searchVector.text();
        s.setString(1, built);
        for (int k : new int[] {2, 7}) {
          s.setString(k, "de");
          s.setString(k + 1, a.title);
          s.setString(k + 2, a.subtitle);
          s.setString(k + 3, a.excerpt);
          s.setString(k + 4, a.bodyText);
        }
        try (ResultSet r = s.executeQuery()) {
          r.next();
          if (!r.getBoolean(1)) {
            throw new IllegalStateException(
                "the search vector built for "
                    + a.slug
                    + " differs from PostgreSQL's; --server-vectors lets PostgreSQL compute"
                    + " them.\nbuilt:      "
                    + built
                    + "\nPostgreSQL: "
                    + r.getString(2));
          }
        }
        compared++;
      }
    }
    return compared;
  }

  /**
   * Compares the stored vectors of the sampled articles with feder_article_search_vector. Returns
   * how many were compared.
   */
  static int storedVectors(Connection c, Collection<UUID> ids) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "select slug from article where id = any(?) and search_vector is distinct from"
                + " public.feder_article_search_vector(language, title, subtitle, excerpt,"
                + " body_text)")) {
      s.setArray(1, c.createArrayOf("uuid", ids.toArray()));
      try (ResultSet r = s.executeQuery()) {
        if (r.next()) {
          throw new IllegalStateException(
              "the stored search vector of "
                  + r.getString(1)
                  + " differs from PostgreSQL's; --server-vectors lets PostgreSQL compute them");
        }
      }
    }
    return ids.size();
  }
}
