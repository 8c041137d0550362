package dev.feder.article;

import dev.feder.text.Patterns;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The lead image of an article. */
@Schema(name = "FeaturedImage")
public record FeaturedImage(
    @NotBlank
        @Size(max = 2048)
        @Pattern(regexp = Patterns.HTTP_URL, message = "must be an http or https URL")
        @Schema(
            required = true,
            examples = "https://images.example.org/2026/11/hafen-pjoengjang.jpg")
        String url,
    @Size(max = 500)
        @Schema(
            description = "Alternative text for screen readers",
            examples = "Schiffe im Hafen von Nampo")
        String alt,
    @Size(max = 1000) @Schema(examples = "Der Hafen von Nampo am Morgen nach der Übung.")
        String caption,
    @Size(max = 200) @Schema(examples = "Foto: Jörg Weißmann") String credit) {}
