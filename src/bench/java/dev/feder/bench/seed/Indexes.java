package dev.feder.bench.seed;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The secondary indexes of the big tables, dropped for the load and built again after it from their
 * saved definitions (pg_get_indexdef), the largest first.
 */
final class Indexes {

  /** The tables that a seed fills with rows by the million. */
  static final String[] BIG_TABLES = {
    "article", "article_author", "article_revision", "article_related"
  };

  private static final Pattern INDEX_NAME =
      Pattern.compile("^CREATE (?:UNIQUE )?INDEX (\\S+) ON (?:ONLY )?(\\S+?)\\.");

  private Indexes() {}

  /** CREATE INDEX statements of the indexes of the big tables that back no constraint. */
  static List<String> secondary(Connection c) throws SQLException {
    List<String> defs = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "select pg_get_indexdef(x.indexrelid) from pg_index x"
                + " join pg_class t on t.oid = x.indrelid"
                + " join pg_namespace n on n.oid = t.relnamespace"
                + " join pg_class i on i.oid = x.indexrelid"
                + " where n.nspname = current_schema() and t.relname = any(?)"
                + " and not exists (select 1 from pg_constraint k where k.conindid = x.indexrelid)"
                // the largest first, so that the long builds start early
                + " order by pg_relation_size(x.indexrelid) desc, i.relname")) {
      s.setArray(1, c.createArrayOf("text", BIG_TABLES));
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          defs.add(r.getString(1));
        }
      }
    }
    return defs;
  }

  /** The GIN indexes (search vector, tags) take longest to build: start them first. */
  static void ginFirst(List<String> defs) {
    defs.sort((a, b) -> Boolean.compare(b.contains("USING gin"), a.contains("USING gin")));
  }

  /** The schema-qualified name of the index of a CREATE INDEX statement. */
  static String name(String def) {
    Matcher m = INDEX_NAME.matcher(def);
    if (!m.find()) {
      throw new IllegalStateException("cannot read the index name of: " + def);
    }
    return m.group(2) + "." + m.group(1);
  }

  /** The statement that builds the index again unless it exists (an interrupted seed's). */
  static String rebuild(String def) {
    return def.replaceFirst("^CREATE (UNIQUE )?INDEX ", "CREATE $1INDEX IF NOT EXISTS ");
  }
}
