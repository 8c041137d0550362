package dev.feder.changes;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Where a page of the changes feed leaves off.
 *
 * @param nextCursor send it as {@code since} to continue after this page
 * @param hasMore whether more events were ready: call again at once rather than after a pause
 */
@Schema(name = "ChangesMeta")
public record ChangesMeta(
    @Schema(required = true, description = "Items asked for at most", examples = "20") int size,
    @Schema(
            required = true,
            description =
                "Send it as since to continue after this page; store it once the items are"
                    + " processed. Present on every page, also an empty one.",
            examples = "ZTEuNzQxLjEyMw")
        String nextCursor,
    @Schema(
            required = true,
            description =
                "Whether more events were ready than this page holds: call again at once, else"
                    + " after a pause")
        boolean hasMore) {}
