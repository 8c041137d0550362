package dev.feder.article;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An article in the trash: the article as it was when deleted, who deleted it and when. */
@Schema(name = "TrashedArticle", examples = ArticleExamples.TRASHED)
public record TrashedArticle(
    @Schema(
            required = true,
            description = "The article as it was deleted; a restore brings it back like this")
        ArticleResponse article,
    @Schema(required = true, description = "When the article was moved to the trash")
        Instant deletedAt,
    @Schema(
            required = true,
            description = "Name of the token that deleted it",
            examples = "Redaktion Welt")
        String deletedBy,
    @Schema(
            required = true,
            description =
                "When the retention ends: from then on the article can no longer be restored and"
                    + " is purged (a past instant means the purge is due)")
        Instant purgeAt) {

  static TrashedArticle from(Article article, Instant now, Instant purgeAt) {
    return new TrashedArticle(
        ArticleResponse.from(article, now, true), article.deletedAt, article.deletedBy, purgeAt);
  }
}
