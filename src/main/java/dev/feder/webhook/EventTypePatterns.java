package dev.feder.webhook;

import dev.feder.error.Problem;
import dev.feder.error.ProblemException;
import dev.feder.error.ProblemType;
import dev.feder.event.EntityKind;
import dev.feder.event.EventType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The event types an endpoint subscribes to: exact types ({@code article.published}), all types of
 * a resource ({@code article.*}) or everything ({@code *}).
 */
final class EventTypePatterns {

  static final String ALL = "*";

  private EventTypePatterns() {}

  /** Whether {@code type} is one of {@code patterns}. */
  static boolean matches(List<String> patterns, String type) {
    for (String pattern : patterns) {
      if (pattern.equals(ALL)
          || pattern.equals(type)
          || (pattern.endsWith(".*")
              && type.startsWith(pattern.substring(0, pattern.length() - 1)))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The patterns of a write payload, without duplicates, in order; each unknown one is an invalid
   * {@code eventTypes[i]}.
   */
  static List<String> validate(List<String> patterns) {
    List<Problem.FieldError> errors = new ArrayList<>();
    for (int i = 0; i < patterns.size(); i++) {
      String pattern = patterns.get(i);
      if (pattern == null || !known(pattern)) {
        errors.add(
            new Problem.FieldError(
                "eventTypes[" + i + "]",
                "must be *, a resource's wildcard ("
                    + String.join(", ", wildcards())
                    + ") or an event type ("
                    + String.join(", ", EventType.names())
                    + ")"));
      }
    }
    if (!errors.isEmpty()) {
      throw new ProblemException(
          ProblemType.VALIDATION,
          errors.size() + (errors.size() == 1 ? " field is invalid" : " fields are invalid"),
          errors);
    }
    return List.copyOf(new LinkedHashSet<>(patterns));
  }

  private static boolean known(String pattern) {
    return pattern.equals(ALL)
        || wildcards().contains(pattern)
        || EventType.find(pattern).isPresent();
  }

  private static List<String> wildcards() {
    return Arrays.stream(EntityKind.values()).map(kind -> kind.value() + ".*").toList();
  }
}
