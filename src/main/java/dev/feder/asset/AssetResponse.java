package dev.feder.asset;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An asset as clients read it; {@code createdBy} only for authenticated callers. */
@Schema(name = "Asset", examples = AssetExamples.ASSET)
public record AssetResponse(
    @Schema(required = true) UUID id,
    @Schema(required = true, examples = "brandenburger-tor-kundgebung.jpg") String filename,
    @Schema(
            required = true,
            description = "Detected from the file's content",
            enumeration = {"image/jpeg", "image/png", "image/webp", "image/gif", "application/pdf"})
        String mediaType,
    @Schema(required = true, description = "Length of the file as uploaded", examples = "8421377")
        long bytes,
    @Schema(
            required = true,
            description = "SHA-256 of the file as uploaded, lower-case hex",
            examples = "9f2c4e1b7a3d5f6e8c0b1a2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f")
        String sha256,
    @Schema(
            description = "Images only: width as shown (EXIF orientation applied)",
            examples = "6000")
        Integer width,
    @Schema(description = "Images only: height as shown", examples = "4000") Integer height,
    @Schema(examples = "Kundgebung in Berlin") String title,
    @Schema(
            description = "Alternative text for screen readers",
            examples = "Menschen mit Transparenten vor dem Brandenburger Tor")
        String alt,
    @Schema(examples = "Demonstranten vor dem Brandenburger Tor am Samstagmorgen.") String caption,
    @Schema(description = "The credit line", examples = "dpa / Max Muster") String credit,
    @Schema(examples = "© dpa-Zentralbild") String copyright,
    @Schema(examples = "dpa-Zentralbild") String source,
    @Schema(description = "Images only: the point crops keep in view") FocalPoint focalPoint,
    @Schema(
            description =
                "Images only: a preview about 20 pixels wide as a WebP data URI, to show while the"
                    + " image loads")
        String lqip,
    @Schema(
            required = true,
            description =
                "Numbers the states of the file and focal point; URLs carry it, so a change makes"
                    + " new URLs",
            examples = "1")
        int version,
    @Schema(
            required = true,
            description = "The file, without its private metadata",
            examples = "/api/v1/assets/3f6c1e2a-8b4d-4c1e-9a7f-2d5e6b8c9a01/file?v=1")
        String url,
    @Schema(description = "Images only: WebP renditions for an img srcset attribute") String srcset,
    @Schema(required = true) Instant createdAt,
    @Schema(required = true) Instant updatedAt,
    @Schema(
            description = "The token that uploaded it; only for authenticated callers",
            examples = "Bildredaktion")
        String createdBy) {}
