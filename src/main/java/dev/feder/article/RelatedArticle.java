package dev.feder.article;

import dev.feder.persistence.ContentTags;
import dev.feder.web.CacheTagged;
import dev.feder.web.CacheTags;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A pinned related article, embedded in an article. Can be sent back as a reference. */
@Schema(name = "RelatedArticle")
public record RelatedArticle(
    @Schema(required = true) UUID id,
    @Schema(required = true, examples = "spannungen-im-gelben-meer") String slug,
    @Schema(required = true, examples = "Spannungen im Gelben Meer") String title,
    @Schema(description = "Absent for drafts never published") Instant publishedAt)
    implements CacheTagged {

  @Override
  public void addCacheTags(CacheTags tags) {
    tags.add(ContentTags.article(id));
  }

  static RelatedArticle from(Article article) {
    return new RelatedArticle(article.id, article.slug, article.title, article.publishedAt);
  }
}
