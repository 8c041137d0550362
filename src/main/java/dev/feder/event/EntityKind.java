package dev.feder.event;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.feder.web.WireValue;

/**
 * The kinds of content whose changes are events. Assets join when the media library lands: a
 * constant here, its event types in {@link EventType}, its tag in {@link CacheTags}, and the
 * database's check on {@code event.entity_type} widened in a migration.
 */
public enum EntityKind implements WireValue {
  ARTICLE,
  CATEGORY,
  AUTHOR;

  @JsonValue
  @Override
  public String toString() {
    return WireValue.of(this);
  }

  static EntityKind of(String value) {
    return WireValue.parse(EntityKind.class, value);
  }
}
