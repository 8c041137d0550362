package dev.feder.article;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The articles related to one article, most related first. */
@Schema(name = "RelatedArticles", examples = ArticleExamples.RELATED)
public record RelatedArticles(
    @Schema(required = true, description = "Pinned ones first, then computed ones")
        List<ArticleListItem> data) {}
