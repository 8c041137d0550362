package dev.feder.article;

import jakarta.persistence.Query;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The related-articles query: public articles related to one article, best first. Shared tags weigh
 * most, then the same category (or its parent's tree), then title similarity ({@code pg_trgm},
 * {@code V3__related_articles.sql}). Scored are the newest {@link #CANDIDATES} articles sharing a
 * tag and the newest ones in the category tree, found along the list index, so that the work is
 * bounded however many articles share a tag or a category.
 */
final class RelatedArticleQuery {

  /** The candidates looked at per kind (sharing a tag, in the category tree). */
  private static final int CANDIDATES = 200;

  private RelatedArticleQuery() {}

  /** The articles related to {@code article}, public at {@code now}, none of {@code exclude}. */
  static List<Article> relatedTo(Article article, List<UUID> exclude, int limit, Instant now) {
    UUID tree = article.category.parent == null ? article.category.id : article.category.parent.id;
    String visible =
        " from article a where a.status = 'published' and a.published_at <= :now"
            + " and a.deleted_at is null and a.id not in (:exclude) and ";
    String newest = " order by a.published_at desc nulls last, a.id limit " + CANDIDATES;
    String columns = "select a.id, a.tags, a.category_id, a.title, a.published_at";
    List<String> tags = article.tags;
    // One parameter per tag, so that the planner sees how common each one is.
    List<String> tagParameters = new ArrayList<>();
    for (int i = 0; i < tags.size(); i++) {
      tagParameters.add("cast(:tag" + i + " as text)");
    }
    String wanted = "array[" + String.join(", ", tagParameters) + "]::text[]";
    StringBuilder candidates = new StringBuilder();
    if (!tags.isEmpty()) {
      candidates.append('(').append(columns).append(visible).append("a.tags && ").append(wanted);
      candidates.append(newest).append(") union ");
    }
    candidates
        .append('(')
        .append(columns)
        .append(visible)
        .append("a.category_id in (select id from tree)")
        .append(newest)
        .append(')');
    Query query =
        Article.getEntityManager()
            .createNativeQuery(
                "with tree(id) as (select id from category where id = :tree or parent_id = :tree),"
                    + " candidate as ("
                    + candidates
                    + ") select c.id from candidate c"
                    + " order by 3 * cardinality(array(select unnest(c.tags) intersect select"
                    + " unnest("
                    + (tags.isEmpty() ? "array[]::text[]" : wanted)
                    + ")))"
                    + " + case when c.category_id = :category then 2"
                    + " when c.category_id in (select id from tree) then 1 else 0 end"
                    + " + 2 * similarity(c.title, :title) desc, c.published_at desc, c.id"
                    + " limit :limit",
                UUID.class)
            .setParameter("tree", tree)
            .setParameter("now", now)
            .setParameter("exclude", exclude)
            .setParameter("category", article.category.id)
            .setParameter("title", article.title)
            .setParameter("limit", limit);
    for (int i = 0; i < tags.size(); i++) {
      query.setParameter("tag" + i, tags.get(i));
    }
    @SuppressWarnings("unchecked")
    List<UUID> ids = query.getResultList();
    return Article.inOrder(ids);
  }
}
