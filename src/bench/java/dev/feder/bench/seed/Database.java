package dev.feder.bench.seed;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The database being seeded: its connections and the statements of a seed outside the load. */
final class Database {

  /** Everything a seed replaces, in an order that TRUNCATE accepts. */
  static final String[] CONTENT_TABLES = {
    "asset_use",
    "article_related",
    "article_revision",
    "article_author",
    "article_preview",
    "article_go_live",
    "article",
    "author",
    "category",
    "api_token",
    "asset"
  };

  private final SeedOptions o;

  Database(SeedOptions options) {
    this.o = options;
  }

  /** A connection for bulk work: no wait for commits, the maintenance memory of the options. */
  Connection connect() throws SQLException {
    Connection c = DriverManager.getConnection(o.url, o.user, o.password);
    try (Statement s = c.createStatement()) {
      s.execute("set synchronous_commit = off");
      s.execute("set maintenance_work_mem = '" + o.maintenanceWorkMem.replace("'", "") + "'");
    }
    return c;
  }

  /** The URL for the log, without a password. */
  String describe() {
    return o.url.replaceAll("password=[^&]*", "password=…");
  }

  static boolean hasContent(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "select exists(select 1 from article) or exists(select 1 from author)"
                    + " or exists(select 1 from category)")) {
      r.next();
      return r.getBoolean(1);
    }
  }

  static void emptyContentTables(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("truncate " + String.join(", ", CONTENT_TABLES));
    }
  }

  /**
   * The words of all titles for typo search, which a bulk load leaves to the loader (see
   * R__typo_search.sql): the statement of its trigger, for all titles at once. Returns how many
   * words were new.
   */
  static int addTitleWords(Statement s) throws SQLException {
    return s.executeUpdate(
        "insert into search_word select distinct w from article,"
            + " unnest(public.feder_words(title)) as w where length(w) >= 4 order by w"
            + " on conflict do nothing");
  }

  /** Slugs of articles Feder shows the public, in a fixed but scattered order. */
  static List<String> publicSlugs(Connection c, int count) throws SQLException {
    List<String> slugs = new ArrayList<>(count);
    try (PreparedStatement s =
        c.prepareStatement(
            "select slug from article where status = 'published' and deleted_at is null"
                + " and published_at <= now() order by md5(slug) limit ?")) {
      s.setInt(1, count);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          slugs.add(r.getString(1));
        }
      }
    }
    return slugs;
  }

  /** What the seed looks like: statuses, dates, words per body and sizes, on one line. */
  static String summary(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "select count(*) filter (where status = 'published' and published_at <= now()),"
                    + " count(*) filter (where status = 'draft'),"
                    + " count(*) filter (where status = 'published' and published_at > now()),"
                    + " min(published_at), max(published_at) filter (where published_at <= now()),"
                    + " avg(word_count)::int, min(word_count), max(word_count),"
                    + " pg_size_pretty(pg_total_relation_size('article')),"
                    + " pg_size_pretty(pg_database_size(current_database()))"
                    + " from article")) {
      r.next();
      return String.format(
          Locale.ROOT,
          "published %,d, drafts %,d, scheduled %,d; published %s … %s; words per body %d (%d…%d);"
              + " article table %s, database %s",
          r.getLong(1),
          r.getLong(2),
          r.getLong(3),
          r.getString(4),
          r.getString(5),
          r.getInt(6),
          r.getInt(7),
          r.getInt(8),
          r.getString(9),
          r.getString(10));
    }
  }
}
