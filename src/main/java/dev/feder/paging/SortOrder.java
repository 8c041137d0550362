package dev.feder.paging;

import dev.feder.error.Problem;
import dev.feder.error.ProblemException;
import dev.feder.error.ProblemType;
import io.quarkus.panache.common.Sort;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses the {@code sort} parameter: a comma list of allowed fields, each optionally prefixed with
 * {@code -} for descending order. The id is always added last, so pages never overlap.
 */
public final class SortOrder {

  private SortOrder() {}

  /**
   * @param raw the parameter as sent, or null for the default
   * @param allowed API field name to entity attribute
   * @param fallback the default, in the same syntax
   */
  public static Sort parse(String raw, Map<String, String> allowed, String fallback) {
    String spec = raw == null || raw.isBlank() ? fallback : raw;
    Sort sort = null;
    Set<String> seen = new LinkedHashSet<>();
    for (String part : spec.split(",", -1)) {
      String field = part.trim();
      boolean descending = field.startsWith("-");
      String name = descending ? field.substring(1) : field;
      String attribute = allowed.get(name);
      if (attribute == null || !seen.add(name)) {
        throw new ProblemException(
            ProblemType.BAD_PARAMETER,
            "Cannot sort by '" + field + "'",
            List.of(
                new Problem.FieldError(
                    "sort",
                    "allowed fields (each once, '-' for descending): "
                        + String.join(", ", allowed.keySet()))));
      }
      Sort.Direction direction = descending ? Sort.Direction.Descending : Sort.Direction.Ascending;
      Sort.NullPrecedence nulls = Sort.NullPrecedence.NULLS_LAST;
      sort =
          sort == null
              ? Sort.by(attribute, direction, nulls)
              : sort.and(attribute, direction, nulls);
    }
    return sort.and("id", Sort.Direction.Ascending);
  }
}
