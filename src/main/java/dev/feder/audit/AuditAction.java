package dev.feder.audit;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.feder.web.WireValue;

/** What a change did. */
public enum AuditAction implements WireValue {
  /** Created (a token: issued). */
  CREATE,
  /** Replaced as a whole (PUT). */
  UPDATE,
  /** Changed in part (PATCH). */
  PATCH,
  /** Deleted for good (categories and authors). */
  DELETE,
  /** Moved to the trash (articles). */
  TRASH,
  /** Brought back from the trash. */
  RESTORE,
  /** Removed from the trash for good, by an admin or when the retention ended. */
  PURGE,
  /** Revoked (tokens). */
  REVOKE,
  /** An earlier revision brought back (articles). */
  RESTORE_REVISION;

  @JsonValue
  @Override
  public String toString() {
    return WireValue.of(this);
  }

  static AuditAction of(String value) {
    return WireValue.parse(AuditAction.class, value);
  }

  /** Parses a query parameter; unknown values are a 400 that lists the known ones. */
  static AuditAction parameter(String name, String value) {
    return WireValue.parameter(AuditAction.class, name, value);
  }
}
