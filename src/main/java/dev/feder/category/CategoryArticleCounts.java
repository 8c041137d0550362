package dev.feder.category;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * Published article counts per category, subcategories included. Implemented by the article
 * feature, so categories need not know articles.
 */
public interface CategoryArticleCounts {

  /** Articles public now in each of these categories or below it; absent means none. */
  Map<UUID, Long> publishedInTrees(Collection<UUID> categoryIds);

  /** Articles filed directly in a category, whatever their status: live ones and trashed ones. */
  Usage filedIn(UUID categoryId);

  /** How many articles use a category or author, apart from those in the trash. */
  record Usage(long live, long trashed) {}
}
