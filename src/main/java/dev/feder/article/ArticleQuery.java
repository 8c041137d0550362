package dev.feder.article;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.feder.error.Problem;
import dev.feder.error.ProblemException;
import dev.feder.error.ProblemType;
import dev.feder.paging.Cursor;
import dev.feder.paging.PageRequest;
import dev.feder.paging.SortOrder;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The article list query: visibility first (anonymous readers see only what is public now), then
 * the caller's filters. Every value is a bound parameter. Categories and authors of a page are
 * loaded in batches (see {@code quarkus.hibernate-orm.fetch.batch-size}), so a page costs a fixed
 * number of statements whatever its size.
 */
final class ArticleQuery {

  private static final ObjectMapper JSON = new ObjectMapper();

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

  /** Articles of the category with this slug or of any category below it. */
  void inCategoryTree(String slug) {
    @SuppressWarnings("unchecked")
    List<java.util.UUID> ids =
        Article.getEntityManager()
            .createNativeQuery(
                "with recursive tree(id) as (select id from category where slug = :slug"
                    + " union all select c.id from category c join tree t on c.parent_id = t.id)"
                    + " select id from tree",
                java.util.UUID.class)
            .setParameter("slug", slug)
            .getResultList();
    where.add(ids.isEmpty() ? "1 = 0" : "category.id in :categories");
    if (!ids.isEmpty()) {
      params.and("categories", ids);
    }
  }

  void byAuthor(String slug) {
    where.add("id in (select a.id from Article a join a.authors au where au.slug = :author)");
    params.and("author", slug);
  }

  void withTag(String tag) {
    where.add("array_contains(tags, :tag)");
    params.and("tag", tag);
  }

  void inLanguage(String language) {
    where.add("language = :language");
    params.and("language", language);
  }

  void publishedFrom(Instant instant) {
    where.add("publishedAt >= :publishedFrom");
    params.and("publishedFrom", instant);
  }

  void publishedUntil(Instant instant) {
    where.add("publishedAt < :publishedUntil");
    params.and("publishedUntil", instant);
  }

  /**
   * Public articles related to {@code article}, best first: shared tags weigh most, then the same
   * category (or its parent's tree), then title similarity (pg_trgm). Candidates share a tag or the
   * category tree, so the indexes on tags and category narrow the scan.
   */
  static List<Article> relatedTo(Article article, List<UUID> exclude, int limit, Instant now) {
    UUID tree = article.category.parent == null ? article.category.id : article.category.parent.id;
    @SuppressWarnings("unchecked")
    List<UUID> ids =
        Article.getEntityManager()
            .createNativeQuery(
                "with tree(id) as (select id from category where id = :tree or parent_id = :tree),"
                    + " wanted(tag) as (select jsonb_array_elements_text(cast(:tags as jsonb)))"
                    + " select a.id from article a"
                    + " where a.status = 'published' and a.published_at <= :now"
                    + " and a.id not in (:exclude)"
                    + " and (a.tags && array(select tag from wanted)"
                    + " or a.category_id in (select id from tree))"
                    + " order by 3 * (select count(*) from wanted where tag = any(a.tags))"
                    + " + case when a.category_id = :category then 2"
                    + " when a.category_id in (select id from tree) then 1 else 0 end"
                    + " + 2 * similarity(a.title, :title) desc, a.published_at desc, a.id"
                    + " limit :limit",
                UUID.class)
            .setParameter("tree", tree)
            .setParameter("tags", tagsJson(article.tags))
            .setParameter("now", now)
            .setParameter("exclude", exclude)
            .setParameter("category", article.category.id)
            .setParameter("title", article.title)
            .setParameter("limit", limit)
            .getResultList();
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<UUID, Article> byId = new HashMap<>();
    Article.<Article>list("id in ?1", ids).forEach(a -> byId.put(a.id, a));
    return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
  }

  private static String tagsJson(List<String> tags) {
    try {
      return JSON.writeValueAsString(tags);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Only articles after the position a cursor names, in {@code order}. */
  void after(SortOrder order, Cursor cursor) {
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < order.keys().size(); i++) {
      values.add(parseKey(order.keys().get(i).attribute(), cursor.values().get(i)));
    }
    where.add(order.after(values, params));
  }

  /** The cursor that continues after {@code last} in {@code order}. */
  static Cursor cursorAfter(Article last, SortOrder order) {
    List<String> values = new ArrayList<>();
    for (SortOrder.Key key : order.keys()) {
      Object value = keyOf(last, key.attribute());
      values.add(value == null ? null : value.toString());
    }
    return new Cursor(order.spec(), values);
  }

  /** Slug, category and change dates of the first {@code limit} articles in {@code sort}. */
  List<PublishedArticle> firstLocations(Sort sort, int limit) {
    return Article.<Article>find(condition(), sort, params)
        .project(PublishedArticle.class)
        .range(0, limit - 1)
        .list();
  }

  /** The first {@code limit} articles in {@code sort}, without OFFSET. */
  List<Article> first(Sort sort, int limit) {
    return Article.<Article>find(condition(), sort, params).range(0, limit - 1).list();
  }

  private static Object keyOf(Article article, String attribute) {
    return switch (attribute) {
      case "publishedAt" -> article.publishedAt;
      case "title" -> article.title;
      case "createdAt" -> article.createdAt;
      case "updatedAt" -> article.updatedAt;
      case "id" -> article.id;
      default -> throw new IllegalArgumentException(attribute);
    };
  }

  private static Object parseKey(String attribute, String raw) {
    if (raw == null) {
      return null;
    }
    try {
      return switch (attribute) {
        case "title" -> raw;
        case "id" -> UUID.fromString(raw);
        default -> Instant.parse(raw);
      };
    } catch (RuntimeException e) {
      throw new ProblemException(
          ProblemType.BAD_PARAMETER,
          "Parameter 'cursor' is invalid",
          List.of(new Problem.FieldError("cursor", "is not a cursor this API issued")));
    }
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
