package dev.feder.paging;

import dev.feder.error.Problem;
import dev.feder.error.ProblemException;
import dev.feder.error.ProblemType;
import java.util.List;

/**
 * A numbered page, parsed from the {@code page} and {@code size} query parameters.
 *
 * @param page 1-based page number
 * @param size items per page, 1 to {@link #MAX_SIZE}
 */
public record PageRequest(int page, int size) {

  public static final int DEFAULT_SIZE = 20;
  public static final int MAX_SIZE = 100;

  /** Parses the raw parameters; a missing one takes its default, a bad one is a 400. */
  public static PageRequest of(String page, String size) {
    return new PageRequest(
        parse("page", page, 1, 1, Integer.MAX_VALUE / MAX_SIZE),
        parse("size", size, DEFAULT_SIZE, 1, MAX_SIZE));
  }

  /** Offset of the first item of this page. */
  public int offset() {
    return (page - 1) * size;
  }

  private static int parse(String name, String raw, int fallback, int min, int max) {
    if (raw == null || raw.isEmpty()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(raw);
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new ProblemException(
        ProblemType.BAD_PARAMETER,
        "Parameter '" + name + "' is invalid",
        List.of(new Problem.FieldError(name, "must be an integer between " + min + " and " + max)));
  }
}
