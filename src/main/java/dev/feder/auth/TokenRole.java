package dev.feder.auth;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.feder.web.WireValue;

/** The role a token carries, as clients send and read it: the names in {@link Roles}. */
public enum TokenRole implements WireValue {
  ADMIN,
  EDITOR,
  AUTHOR,
  VIEWER;

  @JsonValue
  @Override
  public String toString() {
    return WireValue.of(this);
  }

  static TokenRole of(String value) {
    return WireValue.parse(TokenRole.class, value);
  }
}
