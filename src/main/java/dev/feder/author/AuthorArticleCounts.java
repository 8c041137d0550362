package dev.feder.author;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * Published article counts per author. Implemented by the article feature, so authors need not know
 * articles.
 */
public interface AuthorArticleCounts {

  /** Articles public now that name each of these authors; absent means none. */
  Map<UUID, Long> publishedBy(Collection<UUID> authorIds);
}
