package dev.feder.category;

import dev.feder.persistence.ContentTags;
import dev.feder.web.CacheTagged;
import dev.feder.web.CacheTags;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A category as clients read it. */
@Schema(name = "Category", examples = CategoryExamples.CATEGORY)
public record CategoryResponse(
    @Schema(required = true) UUID id,
    @Schema(required = true, examples = "nachrichten") String slug,
    @Schema(required = true, examples = "Nachrichten") String name,
    @Schema(examples = "Aktuelle Meldungen aus aller Welt") String description,
    @Schema(description = "The parent category; absent for a root category") CategorySummary parent,
    @Schema(required = true, examples = "0") int position,
    @Schema(
            required = true,
            description = "Published articles in this category and its subcategories",
            examples = "42")
        long articleCount,
    @Schema(description = "Subcategories, only in the tree view (tree=true)")
        List<CategoryResponse> children,
    @Schema(required = true) Instant createdAt,
    @Schema(required = true) Instant updatedAt)
    implements CacheTagged {

  /** The category, its parent and children, and its article count. */
  @Override
  public void addCacheTags(CacheTags tags) {
    tags.add(ContentTags.category(id)).add(ContentTags.ARTICLES).add(parent).addAll(children);
  }

  static CategoryResponse from(
      Category category, long articleCount, List<CategoryResponse> children) {
    return new CategoryResponse(
        category.id,
        category.slug,
        category.name,
        category.description,
        category.parent == null ? null : CategorySummary.from(category.parent),
        category.position,
        articleCount,
        children,
        category.createdAt,
        category.updatedAt);
  }
}
