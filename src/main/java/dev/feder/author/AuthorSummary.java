package dev.feder.author;

import dev.feder.asset.Asset;
import dev.feder.asset.EmbeddedImage;
import dev.feder.persistence.ContentTags;
import dev.feder.web.CacheTagged;
import dev.feder.web.CacheTags;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An author embedded in an article's byline. Can be sent back as a reference. */
@Schema(name = "AuthorSummary")
public record AuthorSummary(
    @Schema(required = true) UUID id,
    @Schema(required = true, examples = "sophie-mueller") String slug,
    @Schema(required = true, examples = "Sophie Müller") String name,
    @Schema(examples = "https://images.example.org/authors/sophie-mueller.jpg") String avatarUrl,
    @Schema(description = "A picture from the media library, with its sources")
        EmbeddedImage avatar)
    implements CacheTagged {

  @Override
  public void addCacheTags(CacheTags tags) {
    tags.add(ContentTags.author(id));
  }

  public static AuthorSummary from(Author author) {
    return of(author.id, author.slug, author.name, author.avatarUrl, author.avatarAsset);
  }

  /**
   * The summary of an author stored with these, the picture from the media library ({@code
   * avatarAsset}, or null) with the author's name as alt text unless it has one.
   */
  public static AuthorSummary of(
      UUID id, String slug, String name, String avatarUrl, Asset avatarAsset) {
    EmbeddedImage avatar =
        avatarAsset == null
            ? null
            : EmbeddedImage.of(avatarAsset, avatarAsset.alt == null ? name : null, null, null);
    return new AuthorSummary(id, slug, name, avatarUrl, avatar);
  }
}
