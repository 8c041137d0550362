package dev.feder.article;

import dev.feder.asset.BodyImages;
import dev.feder.asset.EmbeddedImage;
import dev.feder.author.AuthorSummary;
import dev.feder.category.CategorySummary;
import dev.feder.persistence.ContentTags;
import dev.feder.web.CacheTagged;
import dev.feder.web.CacheTags;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An article as clients read it, with its body. */
@Schema(name = "Article", examples = ArticleExamples.ARTICLE)
public record ArticleResponse(
    @Schema(required = true) UUID id,
    @Schema(required = true, examples = "groesste-uebung-seit-jahren-marine-probt-vor-pjoengjang")
        String slug,
    @Schema(required = true, examples = "„Größte Übung seit Jahren“: Marine probt vor Pjöngjang")
        String title,
    String subtitle,
    @Schema(description = "The lead, plain text") String excerpt,
    @Schema(required = true, description = "Sanitized HTML") String body,
    @Schema(required = true, examples = "de") String language,
    @Schema(required = true) ArticleStatus status,
    @Schema(description = "When the article is or goes public; absent for drafts never published")
        Instant publishedAt,
    @Schema(required = true) CategorySummary category,
    @Schema(required = true, description = "The byline in order") List<AuthorSummary> authors,
    @Schema(required = true) List<String> tags,
    @Schema(
            required = true,
            description =
                "Related articles pinned by editors, in order (anonymous readers see the public ones)")
        List<RelatedArticle> related,
    ArticleSource source,
    EmbeddedImage featuredImage,
    Seo seo,
    @Schema(required = true, description = "Words in the body", examples = "742") int wordCount,
    @Schema(required = true, description = "At 200 words a minute", examples = "4")
        int readingTimeMinutes,
    @Schema(required = true) Instant createdAt,
    @Schema(required = true) Instant updatedAt)
    implements CacheTagged {

  /** The article, its category, byline and the pinned articles it shows. */
  @Override
  public void addCacheTags(CacheTags tags) {
    tags.add(ContentTags.article(id)).add(category).addAll(authors).addAll(related);
  }

  static ArticleResponse from(Article article, Instant now, boolean withUnpublished) {
    return ArticleRead.of(article, BodyImages.render(article.body), true)
        .response(now, withUnpublished);
  }
}
