package dev.feder.author;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.feder.text.Patterns;
import dev.feder.text.Slugs;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a client sends to create or replace an author. */
@JsonIgnoreProperties({"id", "createdAt", "updatedAt", "articleCount"})
@Schema(name = "AuthorInput", examples = AuthorExamples.INPUT)
public record AuthorInput(
    @NotBlank @Size(max = 200) @Schema(required = true, examples = "Sophie Müller") String name,
    @Size(max = Slugs.MAX_LENGTH)
        @Pattern(regexp = Slugs.PATTERN, message = "must be lower-case words joined by '-'")
        @Schema(description = "Derived from the name when absent", examples = "sophie-mueller")
        String slug,
    @Size(max = 20_000) @Schema(description = "Biography, plain text") String bio,
    @Email
        @Size(max = 320)
        @Schema(
            description = "Private: never shown to anonymous readers",
            examples = "sophie.mueller@example.org")
        String email,
    @Size(max = 2048)
        @Pattern(regexp = Patterns.HTTP_URL, message = "must be an http or https URL")
        @Schema(examples = "https://images.example.org/authors/sophie-mueller.jpg")
        String avatarUrl,
    @Valid @Schema(description = "A picture from the media library (then avatarUrl may stay empty)")
        AvatarInput avatar,
    @Size(max = 2048)
        @Pattern(regexp = Patterns.HTTP_URL, message = "must be an http or https URL")
        @Schema(examples = "https://sophie-mueller.example.org")
        String website) {}
