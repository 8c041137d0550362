package dev.feder.event;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.feder.web.WireValue;

/**
 * What an event means for a copy of the public content: the item is new or changed ({@code
 * upsert}), left the public view ({@code delete}), or nothing public changed ({@code none}).
 */
public enum PublicChange implements WireValue {
  UPSERT,
  DELETE,
  NONE;

  @JsonValue
  @Override
  public String toString() {
    return WireValue.of(this);
  }
}
