package dev.feder.audit;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.feder.web.WireValue;

/** The kinds of thing whose changes are audited. */
public enum AuditEntityType implements WireValue {
  ARTICLE,
  CATEGORY,
  AUTHOR,
  TOKEN,
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
