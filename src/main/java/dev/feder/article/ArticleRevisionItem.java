package dev.feder.article;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One revision in the list of an article's revisions. */
@Schema(name = "ArticleRevisionItem", examples = ArticleExamples.REVISION_ITEM)
public record ArticleRevisionItem(
    @Schema(required = true, minimum = "1", description = "1 is the state as first created")
        int revision,
    @Schema(required = true) Instant createdAt,
    @Schema(required = true, description = "The name of the token that made the change")
        String createdBy) {

  static ArticleRevisionItem from(ArticleRevision revision) {
    return new ArticleRevisionItem(revision.revision, revision.createdAt, revision.createdBy);
  }
}
