package dev.feder.paging;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Position of a page within the whole list. */
@Schema(name = "PageMeta")
public record PageMeta(
    @Schema(
            description = "1-based page number; absent for a page fetched by cursor",
            examples = "2")
        Integer page,
    @Schema(required = true, description = "Items per page", examples = "20") int size,
    @Schema(
            description = "Items in the whole list; absent for a page fetched by cursor",
            examples = "1234")
        Long totalItems,
    @Schema(
            description = "Pages in the whole list; absent for a page fetched by cursor",
            examples = "62")
        Integer totalPages,
    @Schema(
            description =
                "Opaque cursor for the page after this one (send it as cursor); absent on the last page",
            examples = "WyItcHVibGlzaGVkQXQiLCIyMDI2LTExLTI2VDA4OjE1OjAwWiJd")
        String nextCursor) {}
