package dev.feder.article;

import dev.feder.text.Patterns;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where the story comes from, shown as the source line ("Quelle: …"). */
@Schema(
    name = "Source",
    examples = "{\"name\": \"The Telegraph\", \"url\": \"https://www.telegraph.co.uk/\"}")
public record ArticleSource(
    @NotBlank @Size(max = 200) @Schema(required = true, examples = "The Telegraph") String name,
    @Size(max = 2048)
        @Pattern(regexp = Patterns.HTTP_URL, message = "must be an http or https URL")
        @Schema(examples = "https://www.telegraph.co.uk/")
        String url) {}
