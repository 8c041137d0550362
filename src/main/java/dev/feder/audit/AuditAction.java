package dev.feder.audit;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.feder.web.WireValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a change did. */
@Schema(
    name = "AuditAction",
    description =
        "What a change did. An open list: new kinds of change are audited as features are added,"
            + " in minor versions of the API; show a value you do not know as it is.")
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
  RESTORE_REVISION,
  /** A new signing secret made (webhooks). */
  ROTATE_SECRET,
  /** A preview link made (articles). */
  CREATE_PREVIEW_LINK,
  /** Every preview link made so far revoked (articles). */
  REVOKE_PREVIEW_LINKS;

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
