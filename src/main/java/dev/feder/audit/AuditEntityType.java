package dev.feder.audit;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.feder.error.ProblemException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The kinds of thing whose changes are audited. */
public enum AuditEntityType {
  ARTICLE("article"),
  CATEGORY("category"),
  AUTHOR("author"),
  TOKEN("token"),
  ASSET("asset");

  private final String value;

  AuditEntityType(String value) {
    this.value = value;
  }

  @JsonValue
  public String value() {
    return value;
  }

  @Override
  public String toString() {
    return value;
  }

  static AuditEntityType of(String value) {
    for (AuditEntityType type : values()) {
      if (type.value.equals(value)) {
        return type;
      }
    }
    throw new IllegalArgumentException(value);
  }

  /** Parses a query parameter; unknown values are a 400 that lists the known ones. */
  static AuditEntityType parameter(String name, String value) {
    try {
      return of(value);
    } catch (IllegalArgumentException e) {
      throw ProblemException.badParameter(
          name,
          "must be one of: "
              + Arrays.stream(values())
                  .map(AuditEntityType::value)
                  .collect(Collectors.joining(", ")));
    }
  }
}
