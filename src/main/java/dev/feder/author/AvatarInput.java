package dev.feder.author;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.feder.asset.AssetReference;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An author's picture from the media library, as a client sends it. What reads add (url, srcset, …)
 * is ignored, so a read can be written back.
 */
@JsonIgnoreProperties({
  "url",
  "width",
  "height",
  "alt",
  "caption",
  "credit",
  "focalPoint",
  "lqip",
  "srcset"
})
@Schema(
    name = "AvatarInput",
    examples = "{\"asset\": {\"id\": \"3f6c1e2a-8b4d-4c1e-9a7f-2d5e6b8c9a01\"}}")
public record AvatarInput(
    @NotNull @Valid @Schema(required = true, description = "An image of the media library")
        AssetReference asset) {}
