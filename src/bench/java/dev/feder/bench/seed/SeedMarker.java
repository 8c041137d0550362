package dev.feder.bench.seed;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The marker: a comment on the article table that says the content is seeded, by which version of
 * the generator, with how many articles and which seed, and which indexes are dropped while a load
 * runs (so that an interrupted load can restore them).
 */
record SeedMarker(int version, int articles, long seed, String state, List<String> indexes) {

  /** How the comment begins. */
  static final String MARKER = "feder-bench-seed ";

  /** Written when the load starts, with the indexes it drops. */
  static final String LOADING = "loading";

  /** Written when the seed is complete. */
  static final String DONE = "done";

  boolean done() {
    return DONE.equals(state);
  }

  static SeedMarker read(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery("select obj_description(to_regclass('article'), 'pg_class')")) {
      r.next();
      String comment = r.getString(1);
      if (comment == null || !comment.startsWith(MARKER)) {
        return null;
      }
      Map<String, String> fields = new HashMap<>();
      List<String> indexes = new ArrayList<>();
      for (String line : comment.substring(MARKER.length()).split("\n")) {
        int eq = line.indexOf('=');
        if (eq < 0) {
          continue;
        }
        String key = line.substring(0, eq);
        String value = line.substring(eq + 1);
        if (key.equals("index")) {
          indexes.add(value);
        } else {
          fields.put(key, value);
        }
      }
      return new SeedMarker(
          Integer.parseInt(fields.getOrDefault("version", "0")),
          Integer.parseInt(fields.getOrDefault("articles", "0")),
          Long.parseLong(fields.getOrDefault("seed", "0")),
          fields.getOrDefault("state", "unknown"),
          indexes);
    }
  }

  void write(Connection c) throws SQLException {
    StringBuilder text = new StringBuilder(MARKER);
    text.append("written by src/bench/seed.sh; synthetic content\n");
    text.append("version=").append(version).append('\n');
    text.append("articles=").append(articles).append('\n');
    text.append("seed=").append(seed).append('\n');
    text.append("state=").append(state).append('\n');
    text.append("at=").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append('\n');
    for (String index : indexes) {
      text.append("index=").append(index).append('\n');
    }
    try (Statement s = c.createStatement()) {
      s.execute("comment on table article is '" + text.toString().replace("'", "''") + "'");
    }
  }
}
