package dev.feder.category;

import dev.feder.paging.PageLinks;
import dev.feder.paging.PageMeta;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of categories. */
@Schema(name = "CategoryPage", examples = CategoryExamples.PAGE)
public record CategoryPage(
    @Schema(required = true) List<CategoryResponse> data,
    @Schema(required = true) PageMeta meta,
    @Schema(required = true) PageLinks links) {}
