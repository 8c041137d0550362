package dev.feder.article;

import com.fasterxml.jackson.annotation.JsonValue;

/** The format a client writes an article body in; it is always stored and served as HTML. */
public enum BodyFormat {
  HTML("html"),
  MARKDOWN("markdown");

  private final String value;

  BodyFormat(String value) {
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
}
