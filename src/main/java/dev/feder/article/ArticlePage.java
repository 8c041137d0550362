package dev.feder.article;

import dev.feder.paging.PageLinks;
import dev.feder.paging.PageMeta;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of articles, without their bodies. */
@Schema(name = "ArticlePage", examples = ArticleExamples.PAGE)
public record ArticlePage(
    @Schema(required = true) List<ArticleListItem> data,
    @Schema(required = true) PageMeta meta,
    @Schema(required = true) PageLinks links) {}
