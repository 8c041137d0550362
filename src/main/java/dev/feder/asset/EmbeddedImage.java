package dev.feder.asset;

import dev.feder.text.Patterns;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An image as content embeds it (an article's featured image, an author's avatar): everything a
 * frontend needs to write {@code <img src srcset width height alt>} without asking for more. For an
 * asset, the URLs carry its version; for an image that is only a URL, only that and the texts.
 */
@Schema(name = "EmbeddedImage", examples = AssetExamples.EMBEDDED)
public record EmbeddedImage(
    @Schema(description = "The asset, when the image is one of the media library's")
        AssetReference asset,
    @Schema(
            required = true,
            maxLength = 2048,
            pattern = Patterns.HTTP_URL,
            description =
                "The image: the asset's file (without private metadata), or the URL given",
            examples =
                "https://cms.example.org/api/v1/assets/3f6c1e2a-8b4d-4c1e-9a7f-2d5e6b8c9a01/file?v=1")
        String url,
    @Schema(description = "Assets only: width as shown", examples = "6000") Integer width,
    @Schema(description = "Assets only: height as shown", examples = "4000") Integer height,
    @Schema(
            maxLength = 500,
            description = "Alternative text: the content's own, else the asset's",
            examples = "Menschen mit Transparenten vor dem Brandenburger Tor")
        String alt,
    @Schema(
            maxLength = 1000,
            description = "The content's own caption, else the asset's",
            examples = "Demonstranten vor dem Brandenburger Tor am Samstagmorgen.")
        String caption,
    @Schema(
            maxLength = 200,
            description = "The content's own credit, else the asset's",
            examples = "dpa / Max Muster")
        String credit,
    @Schema(description = "Assets only: the point crops keep in view") FocalPoint focalPoint,
    @Schema(description = "Assets only: a preview about 20 pixels wide as a WebP data URI")
        String lqip,
    @Schema(description = "Assets only: WebP renditions for an img srcset attribute")
        String srcset) {

  /** An asset, with the texts of the content that embeds it winning over the asset's own. */
  public static EmbeddedImage of(Asset asset, String alt, String caption, String credit) {
    AssetUrls urls = AssetUrls.current();
    boolean image = asset.isImage();
    return new EmbeddedImage(
        new AssetReference(asset.id),
        urls.file(asset.id, asset.fileVersion),
        asset.width,
        asset.height,
        alt != null ? alt : asset.alt,
        caption != null ? caption : asset.caption,
        credit != null ? credit : asset.credit,
        image ? new FocalPoint(asset.focalX, asset.focalY) : null,
        asset.lqip,
        image ? urls.srcset(asset.id, asset.fileVersion, asset.width) : null);
  }

  /** An image that is only a URL somewhere else. */
  public static EmbeddedImage external(String url, String alt, String caption, String credit) {
    return new EmbeddedImage(null, url, null, null, alt, caption, credit, null, null, null);
  }
}
