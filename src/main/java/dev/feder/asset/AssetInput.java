package dev.feder.asset;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The writable metadata of an asset, as {@code PUT} and {@code PATCH} take it and as the upload's
 * metadata parts carry it. The file itself comes only with an upload.
 */
@JsonIgnoreProperties({
  "id",
  "mediaType",
  "bytes",
  "sha256",
  "width",
  "height",
  "lqip",
  "version",
  "url",
  "srcset",
  "createdAt",
  "updatedAt",
  "createdBy"
})
@Schema(name = "AssetInput", examples = AssetExamples.INPUT)
public record AssetInput(
    @Size(min = 1, max = 255)
        @Pattern(
            regexp = "[^/\\\\\\p{Cntrl}]+",
            message = "must be a file name without folders or control characters")
        @Schema(
            description =
                "The name downloads get (Content-Disposition); absent keeps the current one",
            examples = "brandenburger-tor-kundgebung.jpg")
        String filename,
    @Size(max = 300) @Schema(examples = "Kundgebung in Berlin") String title,
    @Size(max = 500)
        @Schema(
            description = "Alternative text for screen readers",
            examples = "Menschen mit Transparenten vor dem Brandenburger Tor")
        String alt,
    @Size(max = 1000)
        @Schema(examples = "Demonstranten vor dem Brandenburger Tor am Samstagmorgen.")
        String caption,
    @Size(max = 200)
        @Schema(
            description = "The credit line, such as agency and photographer",
            examples = "dpa / Max Muster")
        String credit,
    @Size(max = 300) @Schema(examples = "© dpa-Zentralbild") String copyright,
    @Size(max = 300) @Schema(examples = "dpa-Zentralbild") String source,
    @Valid
        @Schema(
            description =
                "Images only: the point crops keep in view; absent means the centre (0.5, 0.5)")
        FocalPoint focalPoint) {}
