package dev.feder.asset;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One article or author that uses an asset.
 *
 * @param status an article's status, or {@code trash}; absent for authors
 */
@Schema(name = "AssetUsage", examples = AssetExamples.USAGE)
public record AssetUsage(
    @Schema(
            required = true,
            enumeration = {"article", "author"})
        String type,
    @Schema(required = true) UUID id,
    @Schema(required = true, examples = "groesste-uebung-seit-jahren") String slug,
    @Schema(required = true, description = "An article's title or an author's name") String label,
    @Schema(
            description = "An article's status; trash for articles in the trash",
            enumeration = {"draft", "scheduled", "published", "archived", "trash"})
        String status,
    @Schema(
            required = true,
            description = "Where the asset is used",
            enumeration = {"featuredImage", "body", "avatar"})
        String field) {}
