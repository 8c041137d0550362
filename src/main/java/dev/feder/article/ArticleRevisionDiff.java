package dev.feder.article;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What changed in an article between two of its revisions, field by field. */
@Schema(name = "ArticleRevisionDiff", examples = ArticleExamples.REVISION_DIFF)
public record ArticleRevisionDiff(
    @Schema(
            required = true,
            minimum = "0",
            description = "The older side; 0 is the empty article, so the first revision shows all")
        int from,
    @Schema(required = true, minimum = "1", description = "The newer side") int to,
    @Schema(
            required = true,
            description =
                "The fields that differ, in the order of ArticleInput; empty when the revisions"
                    + " are equal")
        List<ArticleChange> changes) {}
