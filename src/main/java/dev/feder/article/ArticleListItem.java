package dev.feder.article;

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

/**
 * An article in a list: everything but the body (unless {@code fields} asks for it), and where a
 * search matched it.
 */
@Schema(name = "ArticleListItem", examples = ArticleExamples.LIST_ITEM)
public record ArticleListItem(
    @Schema(required = true) UUID id,
    @Schema(required = true, examples = "groesste-uebung-seit-jahren-marine-probt-vor-pjoengjang")
        String slug,
    @Schema(required = true, examples = "„Größte Übung seit Jahren“: Marine probt vor Pjöngjang")
        String title,
    String subtitle,
    @Schema(description = "The lead, plain text") String excerpt,
    @Schema(description = "Sanitized HTML; only when fields asks for it") String body,
    @Schema(required = true, examples = "de") String language,
    @Schema(required = true) ArticleStatus status,
    Instant publishedAt,
    @Schema(required = true) CategorySummary category,
    @Schema(required = true) List<AuthorSummary> authors,
    @Schema(required = true) List<String> tags,
    ArticleSource source,
    EmbeddedImage featuredImage,
    Seo seo,
    @Schema(required = true, examples = "742") int wordCount,
    @Schema(required = true, examples = "4") int readingTimeMinutes,
    @Schema(required = true) Instant createdAt,
    @Schema(required = true) Instant updatedAt,
    @Schema(description = "Where the search matched; only in answers to a search (q)")
        ArticleHighlight highlight)
    implements CacheTagged {

  /** The article, its category and byline. */
  @Override
  public void addCacheTags(CacheTags tags) {
    tags.add(ContentTags.article(id)).add(category).addAll(authors);
  }

  /**
   * The list item of {@code article}; {@code body} is null for a list without bodies, else the
   * article's body fetched with those of the whole page.
   */
  static ArticleListItem from(Article article, Instant now, String body) {
    return ArticleRead.of(article, body, false).listItem(now);
  }
}
