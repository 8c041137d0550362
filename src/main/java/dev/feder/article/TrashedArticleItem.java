package dev.feder.article;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An article in the trash list: the article without its body, who deleted it and when. */
@Schema(name = "TrashedArticleItem")
public record TrashedArticleItem(
    @Schema(required = true, description = "The article as it was deleted, without its body")
        ArticleListItem article,
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

  static TrashedArticleItem from(Article article, Instant now, Instant purgeAt) {
    return new TrashedArticleItem(
        ArticleListItem.from(article, now, null), article.deletedAt, article.deletedBy, purgeAt);
  }
}
