package dev.feder.changes;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of the changes feed. */
@Schema(name = "ChangesPage", examples = ChangeExamples.PAGE)
public record ChangesPage(
    @Schema(required = true, description = "Changes in commit order") List<Change> data,
    @Schema(required = true) ChangesMeta meta) {}
