package dev.feder.author;

import dev.feder.paging.PageLinks;
import dev.feder.paging.PageMeta;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of authors. */
@Schema(name = "AuthorPage", examples = AuthorExamples.PAGE)
public record AuthorPage(
    @Schema(required = true) List<AuthorResponse> data,
    @Schema(required = true) PageMeta meta,
    @Schema(required = true) PageLinks links) {}
