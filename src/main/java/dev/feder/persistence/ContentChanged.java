package dev.feder.persistence;

import java.util.Set;

/**
 * Public content changed: the {@link ContentTags tags} of what changed, or {@code *} for everything
 * (a bulk change, or changes that may have been missed).
 */
public record ContentChanged(Set<String> tags) {

  private static final ContentChanged EVERYTHING =
      new ContentChanged(Set.of(ContentTags.EVERYTHING));

  public ContentChanged {
    tags = Set.copyOf(tags);
  }

  /** Anything may have changed. */
  public static ContentChanged everything() {
    return EVERYTHING;
  }

  public boolean isEverything() {
    return tags.contains(ContentTags.EVERYTHING);
  }
}
