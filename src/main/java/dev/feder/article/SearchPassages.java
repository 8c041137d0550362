package dev.feder.article;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Picks the few short stretches of a body text that may hold a search match, so that the database
 * makes highlights of a few hundred characters instead of parsing and stemming a whole body for
 * each hit (which was most of the time a search took).
 *
 * <p>A stretch lies around a word that begins with one of the query's lexemes once both are folded
 * like the search configurations fold them (lower case, accents removed, ß as ss): the German and
 * English stemmers only cut endings off, so every word the search matched begins with its lexeme.
 * Such a word is a candidate, not a match ("Regierungschef" begins with "regier" but stems to a
 * word of its own); the database decides which words to mark, and a stretch in which it marks none
 * is dropped.
 */
final class SearchPassages {

  /** Characters on each side of a candidate word. */
  static final int RADIUS = 160;

  /** At most this many stretches per body; the highlight keeps the first two with a match. */
  static final int MAX_STRETCHES = 4;

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
    Folded folded = fold(body);
    String text = folded.text();
    TreeSet<Integer> starts = new TreeSet<>();
    for (String lexeme : lexemes) {
      String prefix = prefixOf(fold(lexeme).text());
      int from = 0;
      // Enough candidates per lexeme to fill the stretches even when the first ones are not
      // matches.
      int found = 0;
      while (found < MAX_STRETCHES) {
        int at = text.indexOf(prefix, from);
        if (at < 0) {
          break;
        }
        if (at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1))) {
          starts.add(folded.original(at));
          found++;
        }
        from = at + 1;
      }
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
        if (stretches.size() == MAX_STRETCHES) {
          return stretches;
        }
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
   * The part of a lexeme every word it stems from begins with: English stems may end in an i that
   * was a y ("happi" from "happy").
   */
  private static String prefixOf(String lexeme) {
    return lexeme.length() > 3 && lexeme.endsWith("i")
        ? lexeme.substring(0, lexeme.length() - 1)
        : lexeme;
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

  /** A folded text and, for each of its characters, the index of the character it came from. */
  record Folded(String text, int[] origins) {
    int original(int index) {
      return origins[index];
    }
  }

  /** Lower case without accents, ß as ss, æ as ae and so on, like {@code feder_unaccent}. */
  static Folded fold(CharSequence text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    int[] origins = new int[text.length() * 2 + 16];
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String folded;
      if (c < 0x80) {
        folded = null;
        c = Character.toLowerCase(c);
      } else {
        folded = foldChar(c);
      }
      if (folded == null) {
        origins = room(origins, out.length() + 1);
        origins[out.length()] = i;
        out.append(c);
      } else {
        origins = room(origins, out.length() + folded.length());
        for (int k = 0; k < folded.length(); k++) {
          origins[out.length()] = i;
          out.append(folded.charAt(k));
        }
      }
    }
    return new Folded(out.toString(), origins);
  }

  private static int[] room(int[] origins, int size) {
    if (size <= origins.length) {
      return origins;
    }
    int[] larger = new int[Math.max(size, origins.length * 2)];
    System.arraycopy(origins, 0, larger, 0, origins.length);
    return larger;
  }

  private static String foldChar(char c) {
    switch (c) {
      case 'ß':
      case 'ẞ':
        return "ss";
      case 'æ':
      case 'Æ':
        return "ae";
      case 'œ':
      case 'Œ':
        return "oe";
      case 'ø':
      case 'Ø':
        return "o";
      case 'đ':
      case 'Đ':
        return "d";
      case 'ł':
      case 'Ł':
        return "l";
      default:
        break;
    }
    String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
    StringBuilder base = new StringBuilder(decomposed.length());
    for (int k = 0; k < decomposed.length(); k++) {
      char d = decomposed.charAt(k);
      if (Character.getType(d) != Character.NON_SPACING_MARK) {
        base.append(d);
      }
    }
    return base.toString().toLowerCase(Locale.ROOT);
  }
}
