package dev.feder.paging;

import dev.feder.error.ProblemException;
import dev.feder.text.AsciiIntegers;

/**
 * What page a list request asks for: a numbered page ({@code page}, {@code size}) or the page after
 * a keyset {@code cursor}.
 *
 * @param page 1-based page number (1 in cursor mode)
 * @param size items per page, 1 to {@link #MAX_SIZE}
 * @param cursor the opaque cursor, or null for numbered paging
 */
public record PageRequest(int page, int size, String cursor) {

  public static final int DEFAULT_SIZE = 20;
  public static final int MAX_SIZE = 100;

  /** Numbered paging only, for lists that offer no cursor. */
  public static PageRequest of(String page, String size) {
    return new PageRequest(
        parse("page", page, 1, 1, Integer.MAX_VALUE / MAX_SIZE),
        parse("size", size, DEFAULT_SIZE, 1, MAX_SIZE),
        null);
  }

  /** Numbered or cursor paging; both at once is a 400. */
  public static PageRequest of(String page, String size, String cursor) {
    if (cursor == null || cursor.isEmpty()) {
      return of(page, size);
    }
    if (page != null && !page.isEmpty()) {
      throw invalid("cursor", "cannot be combined with page; send one of them");
    }
    if (cursor.length() > 4096) {
      throw invalid("cursor", "is not a cursor this API issued");
    }
    return new PageRequest(1, parse("size", size, DEFAULT_SIZE, 1, MAX_SIZE), cursor);
  }

  /** A bounded item count such as the {@code size} of a list without pages; a bad one is a 400. */
  public static int limit(String name, String raw, int fallback, int max) {
    return parse(name, raw, fallback, 1, max);
  }

  public boolean isCursor() {
    return cursor != null;
  }

  /** Offset of the first item of this page. */
  public int offset() {
    return (page - 1) * size;
  }

  private static int parse(String name, String raw, int fallback, int min, int max) {
    if (raw == null || raw.isEmpty()) {
      return fallback;
    }
    Integer value = AsciiIntegers.parse(raw);
    if (value != null && value >= min && value <= max) {
      return value;
    }
    throw invalid(name, "must be an integer between " + min + " and " + max);
  }

  private static ProblemException invalid(String name, String message) {
    return ProblemException.badParameter(name, message);
  }
}
