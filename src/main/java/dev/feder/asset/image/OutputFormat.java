package dev.feder.asset.image;

import java.util.Locale;

/** The formats renditions are encoded in. */
public enum OutputFormat {
  WEBP("image/webp", "webp", true),
  JPEG("image/jpeg", "jpg", false),
  PNG("image/png", "png", true);

  private final String mediaType;
  private final String extension;
  private final boolean alpha;

  OutputFormat(String mediaType, String extension, boolean alpha) {
    this.mediaType = mediaType;
    this.extension = extension;
    this.alpha = alpha;
  }

  public String mediaType() {
    return mediaType;
  }

  public String extension() {
    return extension;
  }

  /** Whether it keeps transparency. */
  public boolean alpha() {
    return alpha;
  }

  /** Whether a quality setting changes it (lossy formats). */
  public boolean lossy() {
    return this != PNG;
  }

  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }
}
