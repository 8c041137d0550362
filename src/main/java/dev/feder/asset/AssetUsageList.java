package dev.feder.asset;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The articles and authors that use an asset. */
@Schema(name = "AssetUsageList", examples = AssetExamples.USAGE_LIST)
public record AssetUsageList(
    @Schema(
            required = true,
            description = "Articles (in any status, the trash included) first, then authors")
        List<AssetUsage> data) {}
