package dev.feder.article;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.feder.web.WireValue;

/**
 * Where an article is in its life. {@code scheduled} is a published article whose {@code
 * publishedAt} lies ahead: it turns {@code published} by itself when that time comes.
 */
public enum ArticleStatus implements WireValue {
  DRAFT,
  SCHEDULED,
  PUBLISHED,
  ARCHIVED;

  @JsonValue
  @Override
  public String toString() {
    return WireValue.of(this);
  }

  /** Parses the {@code status} query parameter; absent or empty is null, unknown a 400. */
  public static ArticleStatus parameter(String value) {
    return value == null || value.isEmpty()
        ? null
        : WireValue.parameter(ArticleStatus.class, "status", value);
  }
}
