package dev.feder.article;

import dev.feder.paging.PageLinks;
import dev.feder.paging.PageMeta;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of the trash, newest deletion first. */
@Schema(name = "TrashPage", examples = ArticleExamples.TRASH_PAGE)
public record TrashPage(
    @Schema(required = true) List<TrashedArticleItem> data,
    @Schema(required = true) PageMeta meta,
    @Schema(required = true) PageLinks links) {}
