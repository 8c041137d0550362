package dev.feder.article;

import dev.feder.article.search.ArticleSearch;
import dev.feder.error.ProblemException;
import dev.feder.paging.Cursor;
import dev.feder.paging.PageRequest;
import dev.feder.paging.SortOrder;
import dev.feder.persistence.Sql;
import dev.feder.web.Instants;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The article list query: visibility first (anonymous readers see only what is public now), then
 * the caller's filters; a page by number or after a keyset cursor, and the total. Every value is a
 * bound parameter. The list's indexes (partial, in the list's order) are in {@code
 * V6__article_trash.sql}.
 *
 * <p>Each condition is kept twice: as SQL over {@code article a}, for the ids of a list page
 * ({@link #ids}, whose rows {@link ArticleReads} reads in the same statement) and for a search
 * among the same articles ({@link #searching}, which needs PostgreSQL's full-text operators); and
 * as JPQL, for the list's total and for the trash, which reads whole entities ({@link #page},
 * {@link #first}).
 */
final class ArticleListQuery {

  private final List<String> where = new ArrayList<>();
  private final List<String> sqlWhere = new ArrayList<>();
  private final Parameters params = new Parameters();

  /**
   * Number of conditions of the public visibility, where this is a public query: a search with no
   * further filter may start its window at a publication date (V15__search_window_start.sql).
   */
  private int publicConditions = -1;

  /**
   * Number of conditions of a visibility that a list index in publication order serves exactly:
   * what is public now (article_published_idx), also as a signed-in caller's {@code
   * status=published}, or every live article, a signed-in caller's list without a status filter
   * (article_live_published_idx, V20__live_published_index.sql). A search with no further filter
   * reads its window off that index and may start it at a publication date
   * (V15__search_window_start.sql).
   */
  private int visibilityConditions = -1;

  /** Live articles, or with {@code trash} only those in the trash. */
  private ArticleListQuery(boolean trash) {
    if (trash) {
      add("deletedAt is not null", "a.deleted_at is not null");
    } else {
      add("deletedAt is null", "a.deleted_at is null");
    }
  }

  /** Only articles public at {@code now}. */
  static ArticleListQuery publicAt(Instant now) {
    ArticleListQuery query = new ArticleListQuery(false).withStatus(ArticleStatus.PUBLISHED, now);
    query.publicConditions = query.sqlWhere.size();
    query.visibilityConditions = query.sqlWhere.size();
    return query;
  }

  /** All articles, or those with one status as it reads at {@code now}. */
  static ArticleListQuery anyStatusAt(Instant now, ArticleStatus status) {
    ArticleListQuery query = new ArticleListQuery(false);
    if (status != null) {
      query.withStatus(status, now);
    }
    if (status == null || status == ArticleStatus.PUBLISHED) {
      query.visibilityConditions = query.sqlWhere.size();
    }
    return query;
  }

  private ArticleListQuery withStatus(ArticleStatus status, Instant now) {
    switch (status) {
      case DRAFT -> add("status = '" + Article.DRAFT + "'", "a.status = '" + Article.DRAFT + "'");
      case ARCHIVED ->
          add("status = '" + Article.ARCHIVED + "'", "a.status = '" + Article.ARCHIVED + "'");
      case PUBLISHED -> {
        add(
            "status = '" + Article.PUBLISHED + "' and publishedAt <= :now",
            "a.status = '" + Article.PUBLISHED + "' and a.published_at <= :now");
        params.and("now", now);
      }
      case SCHEDULED -> {
        add(
            "status = '" + Article.PUBLISHED + "' and publishedAt > :now",
            "a.status = '" + Article.PUBLISHED + "' and a.published_at > :now");
        params.and("now", now);
      }
    }
    return this;
  }

  /** The articles in the trash, whatever their status. */
  static ArticleListQuery inTrash() {
    return new ArticleListQuery(true);
  }

  /** A condition as JPQL over {@code Article} and as SQL over {@code article a}. */
  private void add(String jpql, String sql) {
    where.add(jpql);
    sqlWhere.add(sql);
  }

  /** Articles of the category with this slug or of any category below it. */
  void inCategoryTree(String slug) {
    @SuppressWarnings("unchecked")
    List<UUID> ids =
        Article.getEntityManager()
            .createNativeQuery(
                "with recursive tree(id) as (select id from category where slug = :slug"
                    + " union select c.id from category c join tree t on c.parent_id = t.id)"
                    + " select id from tree",
                UUID.class)
            .setParameter("slug", slug)
            .getResultList();
    if (ids.isEmpty()) {
      add("1 = 0", "1 = 0");
    } else {
      add("category.id in :categories", "a.category_id in (:categories)");
      params.and("categories", ids);
    }
  }

  void byAuthor(String slug) {
    add(
        "id in (select a.id from Article a join a.authors au where au.slug = :author)",
        "a.id in (select aa.article_id from article_author aa join author au"
            + " on au.id = aa.author_id where au.slug = :author)");
    params.and("author", slug);
  }

  void withTag(String tag) {
    add("array_contains(tags, :tag)", "a.tags @> array[cast(:tag as text)]");
    params.and("tag", tag);
  }

  void inLanguage(String language) {
    add("language = :language", "a.language = :language");
    params.and("language", language);
  }

  void publishedFrom(Instant instant) {
    add("publishedAt >= :publishedFrom", "a.published_at >= :publishedFrom");
    params.and("publishedFrom", instant);
  }

  void publishedUntil(Instant instant) {
    add("publishedAt < :publishedUntil", "a.published_at < :publishedUntil");
    params.and("publishedUntil", instant);
  }

  /**
   * A search among the articles of this query: all words of {@code text} in title, subtitle,
   * excerpt or body (any inflection, accents ignored), considering the newest {@code window}
   * matches.
   */
  ArticleSearch searching(String text, int window) {
    return new ArticleSearch(
        text, sqlWhere, params.map(), window, visibilityConditions == sqlWhere.size());
  }

  /**
   * Only articles after the position a cursor names, in {@code order}. For the plain list only:
   * search results are paged by number.
   */
  void after(SortOrder order, Cursor cursor) {
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < order.keys().size(); i++) {
      values.add(parseKey(order.keys().get(i).attribute(), cursor.values().get(i)));
    }
    String first = order.keys().get(0).attribute();
    // Publication dates are null only for drafts, which a public query leaves out; deletion dates
    // are taken as they come (the trash is small). Titles, ids and the others are NOT NULL.
    boolean neverNull =
        first.equals("publishedAt") ? publicConditions >= 0 : !first.equals("deletedAt");
    where.add(order.after(values, params, neverNull));
    sqlWhere.add(order.after(values, params, neverNull, ArticleListQuery::column));
  }

  /** The cursor that continues after {@code last} in {@code order}. */
  static Cursor cursorAfter(Article last, SortOrder order) {
    return cursorAfter(attribute -> keyOf(last, attribute), order);
  }

  /** The cursor that continues after {@code last}, as read for a list, in {@code order}. */
  static Cursor cursorAfter(ArticleRead last, SortOrder order) {
    return cursorAfter(attribute -> keyOf(last, attribute), order);
  }

  private static Cursor cursorAfter(Function<String, Object> keys, SortOrder order) {
    List<String> values = new ArrayList<>();
    for (SortOrder.Key key : order.keys()) {
      Object value = keys.apply(key.attribute());
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

  /**
   * The ids of the articles from {@code offset} on, at most {@code limit}, in {@code order}, as SQL
   * that reads them off the list's index alone ({@link ArticleReads#items(Sql.Statement, boolean)}
   * reads the rows of the page only). Offset and limit are written in as numbers: PostgreSQL plans
   * the statement of a page once, where an offset as a parameter would have it planned anew on
   * every request.
   */
  Sql.Statement ids(SortOrder order, int offset, int limit) {
    String sql =
        "select a.id from article a where "
            + String.join(" and ", sqlWhere)
            + " order by "
            + order.orderBy(ArticleListQuery::column)
            + " limit "
            + limit
            + (offset > 0 ? " offset " + offset : "");
    return Sql.Statement.named(sql, params.map());
  }

  /** The column of an attribute that lists sort by. */
  private static String column(String attribute) {
    return switch (attribute) {
      case "publishedAt" -> "a.published_at";
      case "title" -> "a.title";
      case "createdAt" -> "a.created_at";
      case "updatedAt" -> "a.updated_at";
      case "deletedAt" -> "a.deleted_at";
      case "id" -> "a.id";
      default -> throw new IllegalArgumentException(attribute);
    };
  }

  private static Object keyOf(ArticleRead article, String attribute) {
    return switch (attribute) {
      case "publishedAt" -> article.publishedAt();
      case "title" -> article.title();
      case "createdAt" -> article.createdAt();
      case "updatedAt" -> article.updatedAt();
      case "id" -> article.id();
      default -> throw new IllegalArgumentException(attribute);
    };
  }

  private static Object keyOf(Article article, String attribute) {
    return switch (attribute) {
      case "publishedAt" -> article.publishedAt;
      case "title" -> article.title;
      case "createdAt" -> article.createdAt;
      case "updatedAt" -> article.updatedAt;
      case "deletedAt" -> article.deletedAt;
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
        default -> Instants.accept(Instant.parse(raw), "cursor", true);
      };
    } catch (RuntimeException e) {
      throw ProblemException.badParameter("cursor", "is not a cursor this API issued");
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

  /**
   * What {@link #count()} depends on, for {@link ListCounts}: all but the instant of the request.
   */
  ListCounts.Key countKey() {
    Map<String, Object> values = new HashMap<>(params.map());
    values.remove("now");
    return new ListCounts.Key(condition(), values);
  }

  private String condition() {
    return where.isEmpty() ? "1 = 1" : String.join(" and ", where);
  }
}
