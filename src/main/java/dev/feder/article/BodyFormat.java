package dev.feder.article;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.feder.web.WireValue;

/** The format a client writes an article body in; it is always stored and served as HTML. */
public enum BodyFormat implements WireValue {
  HTML,
  MARKDOWN;

  @JsonValue
  @Override
  public String toString() {
    return WireValue.of(this);
  }
}
