package dev.feder.audit;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A recorded change as admins read it. */
@Schema(name = "AuditEvent", examples = AuditExamples.EVENT)
public record AuditEventResponse(
    @Schema(required = true) UUID id,
    @Schema(required = true, description = "When the change was made") Instant at,
    @Schema(
            required = true,
            description =
                "Name of the token that made the change; trash-retention for the automatic purge",
            examples = "Redaktion Welt")
        String actor,
    @Schema(
            required = true,
            description = "The token's role; system for Feder's own jobs",
            enumeration = {"admin", "editor", "author", "viewer", "system"})
        String actorRole,
    @Schema(required = true) AuditAction action,
    @Schema(required = true) AuditEntityType entityType,
    @Schema(required = true) UUID entityId,
    @Schema(
            required = true,
            description = "The slug at the time of the change (a token's name)",
            examples = "groesste-uebung-seit-jahren")
        String label,
    @Schema(required = true) AuditDetails details) {}
