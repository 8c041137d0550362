package dev.feder.audit;

import dev.feder.paging.PageLinks;
import dev.feder.paging.PageMeta;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of the audit log, newest first. */
@Schema(name = "AuditEventPage", examples = AuditExamples.PAGE)
public record AuditEventPage(
    @Schema(required = true) List<AuditEventResponse> data,
    @Schema(required = true) PageMeta meta,
    @Schema(required = true) PageLinks links) {}
