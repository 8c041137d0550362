package dev.feder.category;

import dev.feder.paging.PageLinks;
import dev.feder.paging.PageMeta;
import dev.feder.persistence.ContentTags;
import dev.feder.web.CacheTagged;
import dev.feder.web.CacheTags;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of categories. */
@Schema(name = "CategoryPage", examples = CategoryExamples.PAGE)
public record CategoryPage(
    @Schema(required = true) List<CategoryResponse> data,
    @Schema(required = true) PageMeta meta,
    @Schema(required = true) PageLinks links)
    implements CacheTagged {

  @Override
  public void addCacheTags(CacheTags tags) {
    tags.add(ContentTags.CATEGORIES).addAll(data);
  }
}
