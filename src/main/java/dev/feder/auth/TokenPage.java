package dev.feder.auth;

import dev.feder.paging.PageLinks;
import dev.feder.paging.PageMeta;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of tokens. */
@Schema(name = "TokenPage", examples = TokenExamples.PAGE)
public record TokenPage(
    @Schema(required = true) List<Token> data,
    @Schema(required = true) PageMeta meta,
    @Schema(required = true) PageLinks links) {}
