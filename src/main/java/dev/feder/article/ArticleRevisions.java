package dev.feder.article;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The revisions of an article, newest first. */
@Schema(name = "ArticleRevisions", examples = ArticleExamples.REVISIONS)
public record ArticleRevisions(
    @Schema(required = true, description = "Newest first") List<ArticleRevisionItem> data) {}
