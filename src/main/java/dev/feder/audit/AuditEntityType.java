package dev.feder.audit;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.feder.web.WireValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The kinds of thing whose changes are audited. */
@Schema(
    name = "AuditEntityType",
    description =
        "What kind of thing changed. An open list: new kinds are audited as features are added,"
            + " in minor versions of the API; show a value you do not know as it is.")
public enum AuditEntityType implements WireValue {
  ARTICLE,
  CATEGORY,
  AUTHOR,
  TOKEN,
  WEBHOOK,
  ASSET;

  @JsonValue
  @Override
  public String toString() {
    return WireValue.of(this);
  }

  static AuditEntityType of(String value) {
    return WireValue.parse(AuditEntityType.class, value);
  }

  /** Parses a query parameter; unknown values are a 400 that lists the known ones. */
  static AuditEntityType parameter(String name, String value) {
    return WireValue.parameter(AuditEntityType.class, name, value);
  }
}
