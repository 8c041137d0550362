package dev.feder.category;

import dev.feder.persistence.ContentTags;
import dev.feder.web.CacheTagged;
import dev.feder.web.CacheTags;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A category embedded in another resource. Can be sent back as a reference. */
@Schema(name = "CategorySummary")
public record CategorySummary(
    @Schema(required = true) UUID id,
    @Schema(required = true, examples = "nachrichten") String slug,
    @Schema(required = true, examples = "Nachrichten") String name,
    @Schema(description = "Slug of the parent category, absent for a root", examples = "welt")
        String parentSlug)
    implements CacheTagged {

  /**
   * The category (its parent's slug, which it shows too, ends it through a change of the parent).
   */
  @Override
  public void addCacheTags(CacheTags tags) {
    tags.add(ContentTags.category(id));
  }

  public static CategorySummary from(Category category) {
    return new CategorySummary(
        category.id,
        category.slug,
        category.name,
        category.parent == null ? null : category.parent.slug);
  }
}
