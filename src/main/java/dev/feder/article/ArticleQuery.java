package dev.feder.article;

import dev.feder.paging.PageRequest;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The article list query: visibility first (anonymous readers see only what is public now), then
 * the caller's filters. Every value is a bound parameter. Categories and authors of a page are
 * loaded in batches (see {@code quarkus.hibernate-orm.fetch.batch-size}), so a page costs a fixed
 * number of statements whatever its size.
 */
final class ArticleQuery {

  private final List<String> where = new ArrayList<>();
  private final Parameters params = new Parameters();

  private ArticleQuery() {}

  /** Only articles public at {@code now}. */
  static ArticleQuery publicAt(Instant now) {
    return new ArticleQuery().withStatus(ArticleStatus.PUBLISHED, now);
  }

  /** All articles, or those with one status as it reads at {@code now}. */
  static ArticleQuery anyStatusAt(Instant now, ArticleStatus status) {
    ArticleQuery query = new ArticleQuery();
    return status == null ? query : query.withStatus(status, now);
  }

  private ArticleQuery withStatus(ArticleStatus status, Instant now) {
    switch (status) {
      case DRAFT -> where.add("status = '" + Article.DRAFT + "'");
      case ARCHIVED -> where.add("status = '" + Article.ARCHIVED + "'");
      case PUBLISHED -> {
        where.add("status = '" + Article.PUBLISHED + "' and publishedAt <= :now");
        params.and("now", now);
      }
      case SCHEDULED -> {
        where.add("status = '" + Article.PUBLISHED + "' and publishedAt > :now");
        params.and("now", now);
      }
    }
    return this;
  }

  List<Article> page(Sort sort, PageRequest page) {
    return Article.<Article>find(condition(), sort, params)
        .page(page.page() - 1, page.size())
        .list();
  }

  long count() {
    return Article.count(condition(), params);
  }

  private String condition() {
    return where.isEmpty() ? "1 = 1" : String.join(" and ", where);
  }
}
