package dev.feder.paging;

import dev.feder.error.Problem;
import dev.feder.error.ProblemException;
import dev.feder.error.ProblemType;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A parsed {@code sort} parameter: a comma list of allowed fields, each optionally prefixed with
 * {@code -} for descending order. Nulls sort last, and the id is always the final key, so the order
 * is total: pages never overlap, and a position in it can be a keyset cursor.
 *
 * @param spec the parameter in canonical form, as cursors record it
 * @param keys entity attributes in order, the id last
 */
public record SortOrder(String spec, List<Key> keys) {

  /** One sort key. */
  public record Key(String attribute, boolean descending) {}

  /**
   * @param raw the parameter as sent, or null for the default
   * @param allowed API field name to entity attribute
   * @param fallback the default, in the same syntax
   */
  public static SortOrder parse(String raw, Map<String, String> allowed, String fallback) {
    String spec = raw == null || raw.isBlank() ? fallback : raw;
    List<Key> keys = new ArrayList<>();
    List<String> canonical = new ArrayList<>();
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
                        + String.join(", ", new TreeSet<>(allowed.keySet())))));
      }
      keys.add(new Key(attribute, descending));
      canonical.add(field);
    }
    keys.add(new Key("id", false));
    return new SortOrder(String.join(",", canonical), List.copyOf(keys));
  }

  /**
   * The order as an SQL {@code order by} list over the columns that {@code column} names for the
   * attributes, the same as {@link #toSort()}.
   */
  public String orderBy(Function<String, String> column) {
    List<String> terms = new ArrayList<>();
    for (Key key : keys) {
      terms.add(
          column.apply(key.attribute()) + (key.descending() ? " desc" : " asc") + " nulls last");
    }
    return String.join(", ", terms);
  }

  /** The order for a Panache query. */
  public Sort toSort() {
    Sort sort = null;
    for (Key key : keys) {
      Sort.Direction direction =
          key.descending() ? Sort.Direction.Descending : Sort.Direction.Ascending;
      Sort.NullPrecedence nulls = Sort.NullPrecedence.NULLS_LAST;
      sort =
          sort == null
              ? Sort.by(key.attribute(), direction, nulls)
              : sort.and(key.attribute(), direction, nulls);
    }
    return sort;
  }

  /**
   * The condition "comes after the row with these key values" in this order, for keyset paging:
   * {@code (k1 > v1) or (k1 = v1 and k2 > v2) or …}, with nulls last. Values are bound to {@code
   * params} as {@code after0}, {@code after1}, ….
   *
   * <p>Where the first key is never null in the rows asked for ({@code firstKeyNeverNull}: a NOT
   * NULL column, or one the query's other conditions keep from being null), the condition also
   * holds the plain bound {@code k1 <= v1} ({@code >=} ascending) that the alternatives imply.
   * PostgreSQL starts an index scan at such a bound; the alternatives alone it can only filter by,
   * walking every row before the cursor (a public article page 5,000 deep read 5,000 index entries
   * to return 21).
   */
  public String after(List<Object> values, Parameters params, boolean firstKeyNeverNull) {
    return after(values, params, firstKeyNeverNull, Function.identity());
  }

  /**
   * {@link #after(List, Parameters, boolean)} over the columns that {@code column} names for the
   * attributes: SQL instead of JPQL.
   */
  public String after(
      List<Object> values,
      Parameters params,
      boolean firstKeyNeverNull,
      Function<String, String> column) {
    List<String> alternatives = new ArrayList<>();
    List<String> equalSoFar = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      Key key = keys.get(i);
      Object value = values.get(i);
      String name = "after" + i;
      if (value != null) {
        params.and(name, value);
        String attribute = column.apply(key.attribute());
        String beyond = attribute + (key.descending() ? " < :" : " > :") + name;
        if (!"id".equals(key.attribute())) {
          beyond = "(" + beyond + " or " + attribute + " is null)";
        }
        List<String> alternative = new ArrayList<>(equalSoFar);
        alternative.add(beyond);
        alternatives.add("(" + String.join(" and ", alternative) + ")");
        equalSoFar.add(attribute + " = :" + name);
      } else {
        // Nulls sort last: after a null only other nulls follow, so only equality continues.
        equalSoFar.add(column.apply(key.attribute()) + " is null");
      }
    }
    if (alternatives.isEmpty()) {
      return "1 = 0";
    }
    String condition = "(" + String.join(" or ", alternatives) + ")";
    if (!firstKeyNeverNull || values.get(0) == null) {
      return condition;
    }
    Key first = keys.get(0);
    return condition
        + " and "
        + column.apply(first.attribute())
        + (first.descending() ? " <= " : " >= ")
        + ":after0";
  }
}
