package dev.feder.author;

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
    return new AuthorSummary(author.id, author.slug, author.name, author.avatarUrl, avatar(author));
  }

  /** The author's picture from the media library, alt text the author's name unless it has one. */
  static EmbeddedImage avatar(Author author) {
    return author.avatarAsset == null
        ? null
        : EmbeddedImage.of(
            author.avatarAsset, author.avatarAsset.alt == null ? author.name : null, null, null);
  }
}
