package dev.feder.paging;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Position of a page within the whole list. */
@Schema(name = "PageMeta")
public record PageMeta(
    @Schema(required = true, description = "1-based page number", examples = "2") int page,
    @Schema(required = true, description = "Items per page", examples = "20") int size,
    @Schema(required = true, description = "Items in the whole list", examples = "1234")
        long totalItems,
    @Schema(required = true, description = "Pages in the whole list", examples = "62")
        int totalPages) {}
