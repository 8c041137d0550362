package dev.feder.article;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/**
 * One stored state of an article: its write representation ({@link ArticleInput} as JSON) after a
 * create, replace, patch or restore. Numbered from 1 per article; rows go with their article.
 */
@Entity
@Table(name = "article_revision")
public class ArticleRevision extends PanacheEntityBase {

  @Id public UUID id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "article_id", nullable = false, updatable = false)
  public Article article;

  @Column(nullable = false, updatable = false)
  public int revision;

  /** The ArticleInput JSON; the cast lets PostgreSQL take the text as jsonb. */
  @Column(nullable = false, updatable = false, columnDefinition = "jsonb")
  @ColumnTransformer(write = "?::jsonb")
  public String state;

  @Column(name = "created_by", nullable = false, updatable = false)
  public String createdBy;

  @Column(name = "created_at", nullable = false, updatable = false)
  public Instant createdAt;

  /**
   * The number the next revision of an article gets: callers hold the article's row lock (or have
   * just inserted it), so two writes cannot pick the same one.
   */
  static int nextNumber(UUID articleId) {
    Integer max =
        getEntityManager()
            .createQuery(
                "select max(r.revision) from ArticleRevision r where r.article.id = :article",
                Integer.class)
            .setParameter("article", articleId)
            .getSingleResult();
    return max == null ? 1 : max + 1;
  }

  /** The revisions of an article, newest first. */
  static List<ArticleRevision> newestFirst(UUID articleId) {
    return list("article.id = ?1", Sort.descending("revision"), articleId);
  }

  static Optional<ArticleRevision> find(UUID articleId, int revision) {
    return find("article.id = ?1 and revision = ?2", articleId, revision).firstResultOptional();
  }
}
