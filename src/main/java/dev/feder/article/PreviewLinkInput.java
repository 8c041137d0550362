package dev.feder.article;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an editor may say about a preview link to make. */
@Schema(name = "PreviewLinkInput", examples = ArticleExamples.PREVIEW_LINK_INPUT)
public record PreviewLinkInput(
    @Schema(
            description =
                "When the link stops working, to the second: in the future and at most 7 days"
                    + " ahead. Absent: in 24 hours.",
            examples = "2026-11-27T18:32:10Z")
        Instant expiresAt) {}
