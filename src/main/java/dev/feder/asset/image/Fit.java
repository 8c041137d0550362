package dev.feder.asset.image;

import java.util.Locale;

/** How a picture fills a box of the asked width and height (with one side given, all are alike). */
public enum Fit {
  /** Fills the box exactly, cropped around the focal point. */
  COVER,
  /** Fits into the box whole, the rest of the box padded (transparent, or white for JPEG). */
  CONTAIN,
  /** Fits into the box whole, as large as it can without padding: the box is an upper bound. */
  INSIDE;

  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }
}
