package dev.feder.article;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.feder.asset.AssetReference;
import dev.feder.text.Patterns;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The lead image of an article as a client sends it: an asset of the media library, or a URL
 * elsewhere. The texts override the asset's own. What reads add (width, srcset, …) is ignored, so a
 * read can be written back.
 */
@JsonIgnoreProperties({"width", "height", "focalPoint", "lqip", "srcset"})
@Schema(
    name = "FeaturedImageInput",
    examples =
        "{\"asset\": {\"id\": \"3f6c1e2a-8b4d-4c1e-9a7f-2d5e6b8c9a01\"},"
            + " \"alt\": \"Schiffe im Hafen von Nampo\"}")
public record FeaturedImageInput(
    @Valid @Schema(description = "An image of the media library; then url is ignored")
        AssetReference asset,
    @Size(max = 2048)
        @Pattern(regexp = Patterns.HTTP_URL, message = "must be an http or https URL")
        @Schema(
            description = "An image elsewhere, an http or https URL; required without asset",
            examples = "https://images.example.org/2026/11/hafen-pjoengjang.jpg")
        String url,
    @Size(max = 500)
        @Schema(
            description = "Alternative text for screen readers; absent: the asset's",
            examples = "Schiffe im Hafen von Nampo")
        String alt,
    @Size(max = 1000)
        @Schema(
            description = "Absent: the asset's",
            examples = "Der Hafen von Nampo am Morgen nach der Übung.")
        String caption,
    @Size(max = 200) @Schema(description = "Absent: the asset's", examples = "Foto: Jörg Weißmann")
        String credit) {}
