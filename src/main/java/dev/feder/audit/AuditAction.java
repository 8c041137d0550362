package dev.feder.audit;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.feder.error.ProblemException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** What a change did. */
public enum AuditAction {
  /** Created (a token: issued). */
  CREATE("create"),
  /** Replaced as a whole (PUT). */
  UPDATE("update"),
  /** Changed in part (PATCH). */
  PATCH("patch"),
  /** Deleted for good (categories and authors). */
  DELETE("delete"),
  /** Moved to the trash (articles). */
  TRASH("trash"),
  /** Brought back from the trash. */
  RESTORE("restore"),
  /** Removed from the trash for good, by an admin or when the retention ended. */
  PURGE("purge"),
  /** Revoked (tokens). */
  REVOKE("revoke"),
  /** An earlier revision brought back (articles). */
  RESTORE_REVISION("restore-revision");

  private final String value;

  AuditAction(String value) {
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

  static AuditAction of(String value) {
    for (AuditAction action : values()) {
      if (action.value.equals(value)) {
        return action;
      }
    }
    throw new IllegalArgumentException(value);
  }

  /** Parses a query parameter; unknown values are a 400 that lists the known ones. */
  static AuditAction parameter(String name, String value) {
    try {
      return of(value);
    } catch (IllegalArgumentException e) {
      throw ProblemException.badParameter(
          name,
          "must be one of: "
              + Arrays.stream(values()).map(AuditAction::value).collect(Collectors.joining(", ")));
    }
  }
}
