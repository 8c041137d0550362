package dev.feder.bench.seed;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds the search vector of an article here, the value of feder_article_search_vector
 * (R__article_search_vector.sql), from the vectors of its words, which PostgreSQL computes once per
 * distinct word: computing the vector of a 1,000-word body in the server costs 2-3 ms of CPU, most
 * of a seed's time.
 *
 * <p>to_tsvector of a text is the vectors of its space-separated words one after another: a space
 * always ends a token, and each word moves the position on by the tokens it holds (a stop word
 * holds one, a hyphenated compound three). So each distinct word is looked up once, followed by a
 * marker whose position tells how far the word moves the position on. The title (weight A), the
 * subtitle with the excerpt (B) and the body (C) are then joined as tsvector concatenation (||)
 * joins them: each part's positions move on by the highest position before it. Where only
 * PostgreSQL could tell (a body beyond 250,000 characters, positions beyond the limits of a
 * tsvector), no vector is given and the trigger computes it. {@link Checks} compares the first
 * articles with feder_article_search_vector before the load, and samples of the stored ones after
 * it.
 */
final class Vectors {

  /** Follows each word looked up: a number, which every configuration keeps as it is. */
  static final String MARKER = "8675309";

  static final int MAX_POSITION = 16_383;
  static final int MAX_POSITIONS_PER_LEXEME = 255;

  /** A word's lexemes (by number) with their positions from 1, and how far it moves on. */
  record Word(int[] lexemes, short[][] positions, int length) {}

  /**
   * The lexemes known so far in PostgreSQL's order (bytewise, as tsCompareString compares them):
   * rank by lexeme number, and each ranked lexeme in UTF-8 and in tsvector's quoted text form.
   */
  record Order(int[] rank, byte[][] utf8, String[] quoted) {}

  final ConcurrentHashMap<String, Word> words = new ConcurrentHashMap<>();

  /** Lexemes by number (added under the lock of words learned). */
  final List<String> lexemes = new ArrayList<>();

  final Map<String, Integer> lexemeNumbers = new HashMap<>();

  /** Published before the words whose lexemes it ranks, so a known word is always ranked. */
  volatile Order order = new Order(new int[0], new byte[0][], new String[0]);

  int size() {
    return words.size();
  }

  /**
   * Sets the search vectors of these articles, looking the words that are not known yet up in
   * PostgreSQL first (in one query).
   */
  void build(Connection c, List<Article> articles) throws SQLException {
    Set<String> unknown = new HashSet<>();
    List<Article> waiting = new ArrayList<>();
    for (Article a : articles) {
      if (!vector(a, unknown)) {
        waiting.add(a);
      }
    }
    if (!waiting.isEmpty()) {
      learn(c, unknown);
      for (Article a : waiting) {
        if (!vector(a, unknown)) {
          throw new IllegalStateException("words not looked up: " + unknown);
        }
      }
    }
  }

  void learn(Connection c, Collection<String> unknown) throws SQLException {
    Map<String, List<Object[]>> rows = new HashMap<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "select w, x.lexeme, x.positions from unnest(?::text[]) w cross join lateral"
                + " unnest(to_tsvector(public.feder_search_config('de'), w || ' "
                + MARKER
                + "')) x")) {
      s.setArray(1, c.createArrayOf("text", unknown.toArray()));
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          Short[] positions = (Short[]) r.getArray(3).getArray();
          rows.computeIfAbsent(r.getString(1), k -> new ArrayList<>())
              .add(new Object[] {r.getString(2), positions});
        }
      }
    }
    synchronized (lexemes) {
      Map<String, Word> learned = new HashMap<>();
      for (String w : unknown) {
        if (w.contains(MARKER)) {
          throw new IllegalStateException("a generated word holds the marker: " + w);
        }
        int length = -1;
        List<Integer> numbers = new ArrayList<>();
        List<short[]> positions = new ArrayList<>();
        List<Object[]> vector = rows.get(w);
        if (vector == null) {
          throw new IllegalStateException("PostgreSQL returned no vector for the word: " + w);
        }
        for (Object[] row : vector) {
          Short[] p = (Short[]) row[1];
          if (MARKER.equals(row[0])) {
            length = p[0] - 1;
            continue;
          }
          short[] q = new short[p.length];
          for (int k = 0; k < p.length; k++) {
            q[k] = p[k];
          }
          numbers.add(lexemeNumbers.computeIfAbsent((String) row[0], this::newLexeme));
          positions.add(q);
        }
        if (length < 0) {
          throw new IllegalStateException("no marker in the vector of: " + w);
        }
        int[] n = numbers.stream().mapToInt(Integer::intValue).toArray();
        learned.put(w, new Word(n, positions.toArray(new short[0][]), length));
      }
      order = order();
      learned.forEach(words::putIfAbsent);
    }
    unknown.clear();
  }

  int newLexeme(String lexeme) {
    lexemes.add(lexeme);
    return lexemes.size() - 1;
  }

  /** Ranks all lexemes known (a few thousand: cheap enough once per batch with new words). */
  Order order() {
    int size = lexemes.size();
    byte[][] utf8 = new byte[size][];
    Integer[] byRank = new Integer[size];
    for (int k = 0; k < size; k++) {
      utf8[k] = lexemes.get(k).getBytes(StandardCharsets.UTF_8);
      byRank[k] = k;
    }
    Arrays.sort(byRank, (a, b) -> Arrays.compareUnsigned(utf8[a], utf8[b]));
    int[] rank = new int[size];
    byte[][] ranked = new byte[size][];
    String[] quoted = new String[size];
    for (int r = 0; r < size; r++) {
      rank[byRank[r]] = r;
      ranked[r] = utf8[byRank[r]];
      String lexeme = lexemes.get(byRank[r]);
      quoted[r] = "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "':";
    }
    return new Order(rank, ranked, quoted);
  }

  /** The three texts of the vector: title, subtitle with excerpt, body. */
  static String[] parts(Article a) {
    return new String[] {
      a.title,
      (a.subtitle == null ? "" : a.subtitle) + " " + (a.excerpt == null ? "" : a.excerpt),
      a.bodyText
    };
  }

  /**
   * Sets the article's vector in tsvector's text form (null for PostgreSQL to compute it), or adds
   * the words not known yet to unknown and returns false.
   */
  boolean vector(Article a, Set<String> unknown) {
    a.searchVector = null;
    if (a.bodyText.length() > 250_000) {
      return true;
    }
    String[] parts = parts(a);
    // (lexeme number << 32 | position << 2 | weight), sorted into tsvector's text form below
    long[] entries = new long[2048];
    int count = 0;
    int max = 0;
    boolean fits = true;
    boolean known = true;
    for (int part = 0; part < 3; part++) {
      String text = parts[part];
      int offset = max;
      int base = 0;
      for (int k = 0, len = text.length(); k < len; ) {
        int end = text.indexOf(' ', k);
        if (end < 0) {
          end = len;
        }
        if (end > k) {
          String w = text.substring(k, end);
          Word word = words.get(w);
          if (word == null) {
            unknown.add(w);
            known = false;
          } else if (known) {
            for (int l = 0; l < word.lexemes().length; l++) {
              long lexeme = (long) word.lexemes()[l] << 32;
              for (short p : word.positions()[l]) {
                int position = offset + base + p;
                fits &= position <= MAX_POSITION;
                if (count == entries.length) {
                  entries = Arrays.copyOf(entries, count * 2);
                }
                entries[count++] = lexeme | (long) position << 2 | part;
                max = Math.max(max, position);
              }
            }
            base += word.length();
          }
        }
        k = end + 1;
      }
    }
    if (!known) {
      return false;
    }
    if (!fits) {
      return true;
    }
    // Read after the words: it ranks all their lexemes (see learn).
    Order o = order;
    for (int k = 0; k < count; k++) {
      entries[k] = (long) o.rank()[(int) (entries[k] >>> 32)] << 32 | (entries[k] & 0xffff_ffffL);
    }
    Arrays.sort(entries, 0, count);
    // One entry per lexeme and position, with the weight of its first part (as tsvector keeps
    // the highest weight), and no more positions per lexeme than a tsvector holds.
    int kept = 0;
    int run = 0;
    for (int k = 0; k < count; k++) {
      long e = entries[k];
      boolean sameLexeme = kept > 0 && (entries[kept - 1] >>> 32) == (e >>> 32);
      if (sameLexeme && ((int) entries[kept - 1] >>> 2) == ((int) e >>> 2)) {
        continue;
      }
      run = sameLexeme ? run + 1 : 1;
      if (run > MAX_POSITIONS_PER_LEXEME) {
        return true;
      }
      entries[kept++] = e;
    }
    a.searchVector = new SearchVector(entries, kept, o);
    return true;
  }
}
