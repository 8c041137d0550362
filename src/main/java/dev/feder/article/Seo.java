package dev.feder.article;

import dev.feder.text.Patterns;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Search-engine fields; each falls back to the article's own on the frontend. */
@Schema(name = "Seo")
public record Seo(
    @Size(max = 200) @Schema(examples = "Größte Übung seit Jahren | Feder") String metaTitle,
    @Size(max = 500) @Schema(examples = "Die Marine probt vor der Küste den Ernstfall.")
        String metaDescription,
    @Size(max = 2048)
        @Pattern(regexp = Patterns.HTTP_URL, message = "must be an http or https URL")
        @Schema(examples = "https://www.example.org/welt/groesste-uebung")
        String canonicalUrl) {}
