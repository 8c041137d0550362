package dev.feder.auth;

import com.fasterxml.jackson.annotation.JsonValue;

/** The role a token carries, as clients send and read it. */
public enum TokenRole {
  ADMIN(Roles.ADMIN),
  EDITOR(Roles.EDITOR),
  AUTHOR(Roles.AUTHOR),
  VIEWER(Roles.VIEWER);

  private final String value;

  TokenRole(String value) {
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

  static TokenRole of(String value) {
    for (TokenRole role : values()) {
      if (role.value.equals(value)) {
        return role;
      }
    }
    throw new IllegalArgumentException("Unknown role " + value);
  }
}
