package dev.feder.text;

import dev.feder.error.ProblemException;
import java.text.Normalizer;
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

  private Slugs() {}

  /**
   * Derives a slug: German letters transliterate ({@code ä→ae ö→oe ü→ue ß→ss}), other accents are
   * stripped, everything else becomes {@code -}. Never empty: a title without letters or digits
   * gives {@code fallback}.
   */
  public static String slugify(String text, String fallback) {
    String s =
        text.replace("Ä", "Ae")
            .replace("Ö", "Oe")
            .replace("Ü", "Ue")
            .replace("ä", "ae")
            .replace("ö", "oe")
            .replace("ü", "ue")
            .replace("ẞ", "SS")
            .replace("ß", "ss");
    s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFKD)).replaceAll("");
    s = NON_ALNUM.matcher(s.toLowerCase(java.util.Locale.ROOT)).replaceAll("-");
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
