package dev.feder.author;

import dev.feder.asset.EmbeddedImage;
import dev.feder.persistence.ContentTags;
import dev.feder.web.CacheTagged;
import dev.feder.web.CacheTags;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An author as clients read it; {@code email} only for authenticated callers. */
@Schema(name = "Author", examples = AuthorExamples.AUTHOR)
public record AuthorResponse(
    @Schema(required = true) UUID id,
    @Schema(required = true, examples = "sophie-mueller") String slug,
    @Schema(required = true, examples = "Sophie Müller") String name,
    @Schema(description = "Biography, plain text") String bio,
    @Schema(
            description = "Private: only in answers to authenticated requests",
            examples = "sophie.mueller@example.org")
        String email,
    @Schema(examples = "https://images.example.org/authors/sophie-mueller.jpg") String avatarUrl,
    @Schema(description = "A picture from the media library, with its sources")
        EmbeddedImage avatar,
    @Schema(examples = "https://sophie-mueller.example.org") String website,
    @Schema(required = true, description = "Published articles naming this author", examples = "42")
        long articleCount,
    @Schema(required = true) Instant createdAt,
    @Schema(required = true) Instant updatedAt)
    implements CacheTagged {

  /** The author and the article count. */
  @Override
  public void addCacheTags(CacheTags tags) {
    tags.add(ContentTags.author(id)).add(ContentTags.ARTICLES);
  }

  static AuthorResponse from(Author author, long articleCount, boolean withPrivateFields) {
    return new AuthorResponse(
        author.id,
        author.slug,
        author.name,
        author.bio,
        withPrivateFields ? author.email : null,
        author.avatarUrl,
        AuthorSummary.from(author).avatar(),
        author.website,
        articleCount,
        author.createdAt,
        author.updatedAt);
  }
}
