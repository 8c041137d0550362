package dev.feder.web;

import dev.feder.error.ProblemException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An enum whose constants travel as lower-case words: {@code PUBLISHED} is {@code published},
 * {@code RESTORE_REVISION} is {@code restore-revision}, in JSON, in query parameters and in the
 * database columns that store them.
 *
 * <p>An enum implements it and serializes through its {@code toString}, which Jackson and the
 * OpenAPI document read from the {@code @JsonValue} on it:
 *
 * <pre>{@code
 * public enum BodyFormat implements WireValue {
 *   HTML,
 *   MARKDOWN;
 *
 *   @JsonValue
 *   @Override
 *   public String toString() {
 *     return WireValue.of(this);
 *   }
 * }
 * }</pre>
 */
public interface WireValue {

  /** The constant as clients send and read it. */
  default String value() {
    return toString();
  }

  /** The wire value of a constant: its name in lower case, {@code _} as {@code -}. */
  static String of(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * The constant of {@code type} whose wire value is {@code value}, for values Feder wrote itself
   * (such as a stored column): an unknown one is a bug, not a client's mistake.
   *
   * @throws IllegalArgumentException for a value no constant has
   */
  static <E extends Enum<E> & WireValue> E parse(Class<E> type, String value) {
    return find(type, value)
        .orElseThrow(
            () ->
                new IllegalArgumentException("No " + type.getSimpleName() + " is '" + value + "'"));
  }

  /**
   * The constant of {@code type} named by the query parameter {@code name}: null when the parameter
   * is absent, a 400 that names the parameter and lists the allowed values when it is not one of
   * them.
   */
  static <E extends Enum<E> & WireValue> E parameter(Class<E> type, String name, String value) {
    if (value == null) {
      return null;
    }
    return find(type, value)
        .orElseThrow(
            () ->
                ProblemException.badParameter(
                    name,
                    "must be one of: "
                        + Arrays.stream(type.getEnumConstants())
                            .map(WireValue::value)
                            .collect(Collectors.joining(", "))));
  }

  private static <E extends Enum<E> & WireValue> Optional<E> find(Class<E> type, String value) {
    return Arrays.stream(type.getEnumConstants())
        .filter(constant -> constant.value().equals(value))
        .findFirst();
  }
}
