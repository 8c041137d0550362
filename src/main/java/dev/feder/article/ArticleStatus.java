package dev.feder.article;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.feder.error.ProblemException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Where an article is in its life. {@code scheduled} is a published article whose {@code
 * publishedAt} lies ahead: it turns {@code published} by itself when that time comes.
 */
public enum ArticleStatus {
  DRAFT("draft"),
  SCHEDULED("scheduled"),
  PUBLISHED("published"),
  ARCHIVED("archived");

  private final String value;

  ArticleStatus(String value) {
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

  /** Parses the {@code status} query parameter; absent is null, unknown a 400. */
  public static ArticleStatus parameter(String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    for (ArticleStatus status : values()) {
      if (status.value.equals(value)) {
        return status;
      }
    }
    throw ProblemException.badParameter(
        "status",
        "must be one of: "
            + Arrays.stream(values()).map(ArticleStatus::value).collect(Collectors.joining(", ")));
  }
}
