package dev.feder.text;

import dev.feder.error.ProblemException;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** URL slugs: lower-case ASCII words joined by {@code -}, derived from German-language titles. */
public final class Slugs {

  /** What a valid slug looks like. */
  public static final String PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$";

  /** Longest slug Feder derives or accepts. */
  public static final int MAX_LENGTH = 120;

  private static final Pattern VALID = Pattern.compile(PATTERN);
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9]+");

  /** German letters: the transliteration the API promises ({@code ä→ae}, not {@code a}). */
  private static final Map<Character, String> GERMAN =
      Map.of(
          'Ä', "Ae", 'Ö', "Oe", 'Ü', "Ue", 'ä', "ae", 'ö', "oe", 'ü', "ue", 'ẞ', "SS", 'ß', "ss");

  /**
   * Letters of European names that Unicode does not decompose into a base letter and a mark, so
   * stripping accents alone would break the word apart: Polish ł, Danish and Norwegian ø and æ,
   * Croatian đ, Icelandic ð and þ, French œ, Turkish ı (İ decomposes), Maltese ħ, Catalan ŀ, Sami ŧ
   * and ŋ, Azerbaijani ə. Each becomes the Latin letters it is usually written with in ASCII.
   */
  private static final Map<Character, String> UNDECOMPOSED =
      Map.ofEntries(
          Map.entry('Ł', "L"),
          Map.entry('ł', "l"),
          Map.entry('Ø', "O"),
          Map.entry('ø', "o"),
          Map.entry('Đ', "D"),
          Map.entry('đ', "d"),
          Map.entry('Ð', "D"),
          Map.entry('ð', "d"),
          Map.entry('Æ', "AE"),
          Map.entry('æ', "ae"),
          Map.entry('Œ', "OE"),
          Map.entry('œ', "oe"),
          Map.entry('Þ', "TH"),
          Map.entry('þ', "th"),
          Map.entry('ı', "i"),
          Map.entry('Ħ', "H"),
          Map.entry('ħ', "h"),
          Map.entry('Ŀ', "L"),
          Map.entry('ŀ', "l"),
          Map.entry('Ŧ', "T"),
          Map.entry('ŧ', "t"),
          Map.entry('Ŋ', "N"),
          Map.entry('ŋ', "n"),
          Map.entry('Ə', "E"),
          Map.entry('ə', "e"));

  /** Catalan's l·l (a middle dot between two l) is one letter pair: {@code col·legi → collegi}. */
  private static final Pattern GEMINATE_L = Pattern.compile("(?<=[lLŀĿ])[·‧](?=[lL])");

  private Slugs() {}

  /**
   * Derives a slug: German letters transliterate ({@code ä→ae ö→oe ü→ue ß→ss}), letters without a
   * Unicode decomposition too ({@code ł→l ø→o æ→ae þ→th}), other accents are stripped, everything
   * else becomes {@code -}. Never empty: a title without letters or digits gives {@code fallback}.
   */
  public static String slugify(String text, String fallback) {
    String s = transliterate(GEMINATE_L.matcher(text).replaceAll(""));
    s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFKD)).replaceAll("");
    s = NON_ALNUM.matcher(s.toLowerCase(Locale.ROOT)).replaceAll("-");
    s = trim(s);
    if (s.length() > MAX_LENGTH - 4) {
      s = trim(s.substring(0, MAX_LENGTH - 4));
    }
    return s.isEmpty() ? fallback : s;
  }

  /** Whether {@code slug} is a well-formed slug; anything else cannot name a resource. */
  public static boolean isValid(String slug) {
    return slug != null && slug.length() <= MAX_LENGTH && VALID.matcher(slug).matches();
  }

  /** The first of {@code base}, {@code base-2}, {@code base-3}, … that is not taken. */
  public static String unique(String base, Predicate<String> taken) {
    String candidate = base;
    for (int n = 2; taken.test(candidate); n++) {
      candidate = base + "-" + n;
    }
    return candidate;
  }

  /**
   * The slug to store on a write: the requested one (409 if another resource holds it), else the
   * current one (slugs stay stable across edits), else one derived from {@code name}.
   */
  public static String choose(
      String current, String requested, String name, String kind, Predicate<String> taken) {
    if (requested != null) {
      if (!requested.equals(current) && taken.test(requested)) {
        throw ProblemException.conflict("The slug '" + requested + "' is taken by another " + kind);
      }
      return requested;
    }
    return current != null ? current : unique(slugify(name, kind), taken);
  }

  private static String transliterate(String text) {
    StringBuilder s = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String letters = GERMAN.getOrDefault(c, UNDECOMPOSED.get(c));
      if (letters != null) {
        s.append(letters);
      } else {
        s.append(c);
      }
    }
    return s.toString();
  }

  private static String trim(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && s.charAt(start) == '-') {
      start++;
    }
    while (end > start && s.charAt(end - 1) == '-') {
      end--;
    }
    return s.substring(start, end);
  }
}
