package dev.feder.category;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.feder.text.Slugs;
import dev.feder.web.Reference;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a client sends to create or replace a category. */
@JsonIgnoreProperties(
    value = {"id", "createdAt", "updatedAt", "children", "articleCount"},
    allowGetters = false)
@Schema(name = "CategoryInput", examples = CategoryExamples.INPUT)
public record CategoryInput(
    @NotBlank @Size(max = 200) @Schema(required = true, examples = "Nachrichten") String name,
    @Size(max = Slugs.MAX_LENGTH)
        @Pattern(regexp = Slugs.PATTERN, message = "must be lower-case words joined by '-'")
        @Schema(description = "Derived from the name when absent", examples = "nachrichten")
        String slug,
    @Size(max = 2000) @Schema(examples = "Aktuelle Meldungen aus aller Welt") String description,
    @Valid @Schema(description = "The parent category; absent for a root category")
        Reference parent,
    @Min(0)
        @Max(100_000)
        @Schema(description = "Order among siblings, ascending. Default 0.", examples = "0")
        Integer position) {}
