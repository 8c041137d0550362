package dev.feder.asset;

import dev.feder.paging.PageLinks;
import dev.feder.paging.PageMeta;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of assets. */
@Schema(name = "AssetPage", examples = AssetExamples.PAGE)
public record AssetPage(
    @Schema(required = true) List<AssetResponse> data,
    @Schema(required = true) PageMeta meta,
    @Schema(required = true) PageLinks links) {}
