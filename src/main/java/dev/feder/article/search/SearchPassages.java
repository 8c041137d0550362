package dev.feder.article.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Picks the few short stretches of a body text that may hold a search match, so that the database
 * makes highlights of a few hundred characters instead of parsing and stemming a whole body for
 * each hit (which was most of the time a search took).
 *
 * <p>A stretch lies around a word that begins with one of the query's lexemes once both are folded
 * like the search configurations fold them ({@link #fold}: accents removed, ß as ss, lower case):
 * the German stemmer only cuts endings off, so every word the search matched begins with its lexeme
 * (English stems are widened where they end unlike their words, see {@link #prefixOf}). Such a word
 * is a candidate, not a match ("Regierungschef" begins with "regier" but stems to a word of its
 * own); the database decides which words to mark, and a stretch in which it marks none is dropped.
 */
final class SearchPassages {

  /** Characters on each side of a candidate word. */
  private static final int RADIUS = 120;

  /** Candidate words per lexeme; the highlight keeps the first two stretches with a match. */
  private static final int PER_LEXEME = 3;

  /** Letters after the lexeme up to which a word counts as one of its inflections. */
  private static final int INFLECTION = 4;

  private SearchPassages() {}

  /**
   * The lexemes of a tsquery in its text form ({@code 'regier' & 'wahl' | !'krieg'}): the quoted
   * words, unescaped. Negated lexemes are left out, as they never match.
   */
  static List<String> lexemes(String tsquery) {
    List<String> lexemes = new ArrayList<>();
    if (tsquery == null) {
      return lexemes;
    }
    int i = 0;
    while (i < tsquery.length()) {
      char c = tsquery.charAt(i);
      if (c != '\'') {
        i++;
        continue;
      }
      boolean negated = precededByNot(tsquery, i);
      StringBuilder lexeme = new StringBuilder();
      i++;
      while (i < tsquery.length()) {
        char d = tsquery.charAt(i);
        if (d == '\\' && i + 1 < tsquery.length()) {
          lexeme.append(tsquery.charAt(i + 1));
          i += 2;
          continue;
        }
        if (d == '\'') {
          if (i + 1 < tsquery.length() && tsquery.charAt(i + 1) == '\'') {
            lexeme.append('\'');
            i += 2;
            continue;
          }
          i++;
          break;
        }
        lexeme.append(d);
        i++;
      }
      if (!negated && !lexeme.isEmpty() && !lexemes.contains(lexeme.toString())) {
        lexemes.add(lexeme.toString());
      }
    }
    return lexemes;
  }

  /**
   * A tsquery, in text form, that matches any of the lexemes: a stretch holds the matches of some
   * of the query's words, and a query that needs all of them would mark nothing in it.
   */
  static String anyOf(List<String> lexemes) {
    StringBuilder query = new StringBuilder();
    for (String lexeme : lexemes) {
      if (!query.isEmpty()) {
        query.append(" | ");
      }
      query.append('\'');
      for (int i = 0; i < lexeme.length(); i++) {
        char c = lexeme.charAt(i);
        if (c == '\'' || c == '\\') {
          query.append(c);
        }
        query.append(c);
      }
      query.append('\'');
    }
    return query.toString();
  }

  private static boolean precededByNot(String tsquery, int quote) {
    int j = quote - 1;
    while (j >= 0 && tsquery.charAt(j) == ' ') {
      j--;
    }
    return j >= 0 && tsquery.charAt(j) == '!';
  }

  /**
   * The stretches of {@code body} around candidate words for {@code lexemes}, in the order of the
   * text, overlapping ones merged; empty when no word begins with a lexeme.
   */
  static List<String> around(String body, List<String> lexemes) {
    List<String> stretches = new ArrayList<>();
    if (body == null || body.isEmpty() || lexemes.isEmpty()) {
      return stretches;
    }
    List<String> prefixes = prefixes(lexemes);
    // Per lexeme the first few candidates, inflections before compounds: a word that goes on
    // for more than a few letters after the lexeme ("Regierungschef" for "regier") is most often
    // a word of its own, and a few of those must not crowd out a match further on.
    TreeSet<Integer> starts = new TreeSet<>();
    for (String prefix : prefixes) {
      List<Integer> inflections = new ArrayList<>();
      List<Integer> longer = new ArrayList<>();
      for (int i = 0; i < body.length() && inflections.size() < PER_LEXEME; i++) {
        if (!Character.isLetterOrDigit(body.charAt(i))
            || (i > 0 && Character.isLetterOrDigit(body.charAt(i - 1)))
            || !beginsWith(body, i, prefix)) {
          continue;
        }
        if (wordLength(body, i) <= prefix.length() + INFLECTION) {
          inflections.add(i);
        } else if (longer.size() < PER_LEXEME) {
          longer.add(i);
        }
      }
      starts.addAll(inflections);
      starts.addAll(longer.subList(0, Math.min(longer.size(), PER_LEXEME - inflections.size())));
    }
    int end = -1;
    int begin = -1;
    for (int start : starts) {
      int from = Math.max(0, start - RADIUS);
      int to = Math.min(body.length(), start + RADIUS);
      if (begin >= 0 && from <= end) {
        end = Math.max(end, to);
        continue;
      }
      if (begin >= 0) {
        stretches.add(cut(body, begin, end));
      }
      begin = from;
      end = to;
    }
    if (begin >= 0) {
      stretches.add(cut(body, begin, end));
    }
    return stretches;
  }

  /**
   * The part of a lexeme every word it stems from begins with. German stems and unstemmed words are
   * prefixes of their words already; English stems may end in letters the word does not have there:
   * an i that was a y ("happi" from "happy"), an e ("hope" from "hoping"), "bl" from "bility"
   * ("possibl" from "possibility").
   */
  private static String prefixOf(String lexeme) {
    if (lexeme.length() <= 3) {
      return lexeme;
    }
    if (lexeme.endsWith("bl")) {
      return lexeme.substring(0, lexeme.length() - 1);
    }
    return lexeme.endsWith("i") || lexeme.endsWith("e")
        ? lexeme.substring(0, lexeme.length() - 1)
        : lexeme;
  }

  /**
   * The distinct prefixes of the lexemes, without those that begin with another one ("regierung"
   * besides "regier"): their candidates are among the other's.
   */
  private static List<String> prefixes(List<String> lexemes) {
    List<String> all = new ArrayList<>();
    for (String lexeme : lexemes) {
      all.add(prefixOf(fold(lexeme)));
    }
    List<String> prefixes = new ArrayList<>();
    for (String prefix : all) {
      boolean covered = prefixes.contains(prefix);
      for (String other : all) {
        covered |= prefix.length() > other.length() && prefix.startsWith(other);
      }
      if (!covered) {
        prefixes.add(prefix);
      }
    }
    return prefixes;
  }

  /** The length of the word that begins at {@code at}. */
  private static int wordLength(String text, int at) {
    int end = at;
    while (end < text.length() && Character.isLetterOrDigit(text.charAt(end))) {
      end++;
    }
    return end - at;
  }

  /** {@code body} from {@code from} to {@code to}, moved inwards to whole words. */
  private static String cut(String body, int from, int to) {
    int begin = from;
    if (begin > 0) {
      while (begin < to && !Character.isWhitespace(body.charAt(begin - 1))) {
        begin++;
      }
    }
    int end = to;
    if (end < body.length()) {
      while (end > begin && !Character.isWhitespace(body.charAt(end))) {
        end--;
      }
    }
    return body.substring(begin, end);
  }

  /**
   * Whether the word at {@code at} begins with {@code prefix} once folded, compared character by
   * character so that a body is never copied.
   */
  private static boolean beginsWith(String text, int at, String prefix) {
    int k = 0;
    for (int j = at; k < prefix.length(); ) {
      if (j >= text.length()) {
        return false;
      }
      int c = text.codePointAt(j);
      j += Character.charCount(c);
      if (c < 0x80) {
        if (Character.toLowerCase((char) c) != prefix.charAt(k++)) {
          return false;
        }
        continue;
      }
      String folded = fold(c);
      for (int f = 0; f < folded.length() && k < prefix.length(); f++) {
        if (folded.charAt(f) != prefix.charAt(k++)) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * The text as the search configurations see it: each character replaced as PostgreSQL's {@code
   * unaccent} dictionary replaces it ({@code feder_unaccent}: é as e, ß as ss, ﬁ as fi, „ as ,,),
   * then in lower case, character by character as the database lowers it.
   */
  static String fold(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (c < 0x80) {
        out.append(Character.toLowerCase((char) c));
      } else {
        out.append(fold(c));
      }
    }
    return out.toString();
  }

  private static String fold(int c) {
    String folded = Unaccent.RULES.get(c);
    return folded != null ? folded : Character.toString(Character.toLowerCase(c));
  }

  /**
   * The rules of PostgreSQL's {@code unaccent} dictionary, read once from a copy of its rule file
   * ({@code unaccent.rules} beside this class), each replacement already in lower case.
   */
  private static final class Unaccent {

    static final Map<Integer, String> RULES = read();

    private static Map<Integer, String> read() {
      Map<Integer, String> rules = new HashMap<>();
      try (InputStream in = SearchPassages.class.getResourceAsStream("unaccent.rules")) {
        if (in == null) {
          throw new IllegalStateException("unaccent.rules is missing");
        }
        for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1)) {
          if (line.isEmpty() || line.startsWith("#")) {
            continue;
          }
          int source = line.codePointAt(0);
          String target = line.substring(Character.charCount(source)).strip();
          if (target.length() >= 2 && target.startsWith("\"") && target.endsWith("\"")) {
            target = target.substring(1, target.length() - 1).replace("\"\"", "\"");
          }
          rules.put(source, lowerCase(target));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return Map.copyOf(rules);
    }

    private static String lowerCase(String text) {
      StringBuilder lower = new StringBuilder(text.length());
      text.codePoints().map(Character::toLowerCase).forEach(lower::appendCodePoint);
      return lower.toString();
    }
  }
}
