package dev.feder.article;

import dev.feder.author.AuthorArticleCounts;
import dev.feder.category.CategoryArticleCounts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Counts of public articles for category and author reads, one statement per page. */
@ApplicationScoped
public class ArticleCounts implements CategoryArticleCounts, AuthorArticleCounts {

  private final EntityManager entityManager;

  public ArticleCounts(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  @Override
  public Map<UUID, Long> publishedInTrees(Collection<UUID> categoryIds) {
    return counts(
        "with recursive tree(root, id) as ("
            + " select id, id from category where id in (:ids)"
            + " union select t.root, c.id from category c join tree t on c.parent_id = t.id)"
            + " select t.root, count(*) from tree t join article a on a.category_id = t.id"
            + " where a.status = 'published' and a.published_at <= :now"
            + " and a.deleted_at is null group by t.root",
        categoryIds);
  }

  @Override
  public Map<UUID, Long> publishedBy(Collection<UUID> authorIds) {
    return counts(
        "select aa.author_id, count(*) from article_author aa join article a on a.id = aa.article_id"
            + " where aa.author_id in (:ids) and a.status = 'published' and a.published_at <= :now"
            + " and a.deleted_at is null group by aa.author_id",
        authorIds);
  }

  @Override
  public CategoryArticleCounts.Usage filedIn(UUID categoryId) {
    long[] usage =
        usage(
            "select a.deleted_at is null, count(*) from article a where a.category_id = :id"
                + " group by 1",
            categoryId);
    return new CategoryArticleCounts.Usage(usage[0], usage[1]);
  }

  @Override
  public AuthorArticleCounts.Usage namedIn(UUID authorId) {
    long[] usage =
        usage(
            "select a.deleted_at is null, count(*) from article_author aa join article a"
                + " on a.id = aa.article_id where aa.author_id = :id group by 1",
            authorId);
    return new AuthorArticleCounts.Usage(usage[0], usage[1]);
  }

  /** Live and trashed counts from rows of (live?, count). */
  private long[] usage(String sql, UUID id) {
    long[] usage = new long[2];
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entityManager.createNativeQuery(sql).setParameter("id", id).getResultList();
    for (Object[] row : rows) {
      usage[Boolean.TRUE.equals(row[0]) ? 0 : 1] = ((Number) row[1]).longValue();
    }
    return usage;
  }

  private Map<UUID, Long> counts(String sql, Collection<UUID> ids) {
    Map<UUID, Long> counts = new HashMap<>();
    if (ids.isEmpty()) {
      return counts;
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entityManager
            .createNativeQuery(sql)
            .setParameter("ids", ids)
            .setParameter("now", Instant.now())
            .getResultList();
    for (Object[] row : rows) {
      counts.put((UUID) row[0], ((Number) row[1]).longValue());
    }
    return counts;
  }
}
