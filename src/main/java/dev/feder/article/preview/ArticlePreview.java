package dev.feder.article.preview;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * The preview generation of an article: preview tokens carry the generation they were made in, and
 * only tokens of the current one are good. An article without a row is in generation 0; revoking
 * its links makes the next one.
 */
@Entity
@Table(name = "article_preview")
public class ArticlePreview extends PanacheEntityBase {

  @Id
  @Column(name = "article_id")
  public UUID articleId;

  @Column(nullable = false)
  public int generation;

  /** When the links were last revoked, and by which token. */
  @Column(name = "revoked_at", nullable = false)
  public Instant revokedAt;

  @Column(name = "revoked_by", nullable = false)
  public String revokedBy;

  /** The current generation of the article's preview links. */
  static int generationOf(UUID articleId) {
    return ArticlePreview.<ArticlePreview>findByIdOptional(articleId)
        .map(preview -> preview.generation)
        .orElse(0);
  }
}
