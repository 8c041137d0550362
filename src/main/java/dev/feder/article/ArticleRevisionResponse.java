package dev.feder.article;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One revision of an article with the state it stored. */
@Schema(name = "ArticleRevision", examples = ArticleExamples.REVISION)
public record ArticleRevisionResponse(
    @Schema(required = true, minimum = "1", description = "1 is the state as first created")
        int revision,
    @Schema(required = true) Instant createdAt,
    @Schema(required = true, description = "The name of the token that made the change")
        String createdBy,
    @Schema(required = true, description = "The article as it was then, in the shape a PUT takes")
        ArticleState state) {}
