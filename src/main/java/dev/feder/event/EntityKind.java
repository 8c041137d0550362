package dev.feder.event;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.feder.web.WireValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The kinds of content whose changes are events. A new kind needs a constant here, its event types
 * in {@link EventType}, its tag in {@link CacheTags}, and the database's check on {@code
 * event.entity_type} widened in a migration (as V24 did for assets).
 */
@Schema(
    name = "EntityKind",
    description =
        "What kind of content changed. An open list: new kinds of content get events as features"
            + " are added, in minor versions of the API; skip or log an item of a kind you do not"
            + " know.")
public enum EntityKind implements WireValue {
  ARTICLE,
  CATEGORY,
  AUTHOR,
  ASSET;

  @JsonValue
  @Override
  public String toString() {
    return WireValue.of(this);
  }

  static EntityKind of(String value) {
    return WireValue.parse(EntityKind.class, value);
  }
}
