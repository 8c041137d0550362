package dev.feder.auth;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The author an author token writes as. */
@Schema(name = "TokenAuthor")
public record TokenAuthor(
    @Schema(required = true) UUID id,
    @Schema(required = true, examples = "sophie-mueller") String slug,
    @Schema(required = true, examples = "Sophie Müller") String name) {}
