package dev.feder.web;

import dev.feder.error.ProblemException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Instants the API accepts: years 1 to 9999, kept at millisecond precision like all timestamps. */
public final class Instants {

  private static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");
  private static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999Z");

  private Instants() {}

  /** The instant truncated to milliseconds, or a 400 naming {@code field} when out of range. */
  public static Instant accept(Instant instant, String field, boolean parameter) {
    if (instant == null) {
      return null;
    }
    if (instant.isBefore(FIRST) || instant.isAfter(LAST)) {
      String message = "must lie between the years 1 and 9999";
      throw parameter
          ? ProblemException.badParameter(field, message)
          : ProblemException.invalidField(field, message);
    }
    return instant.truncatedTo(ChronoUnit.MILLIS);
  }
}
