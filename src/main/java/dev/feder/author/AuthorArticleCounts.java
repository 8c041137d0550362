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

  /** Articles whose byline names an author, whatever their status: live ones and trashed ones. */
  Usage namedIn(UUID authorId);

  /** How many articles name an author, apart from those in the trash. */
  record Usage(long live, long trashed) {}
}
