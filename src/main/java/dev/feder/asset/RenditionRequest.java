package dev.feder.asset;

import dev.feder.asset.image.Fit;
import dev.feder.asset.image.OutputFormat;
import dev.feder.config.FederConfig;
import dev.feder.error.ProblemException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The parameters of {@code GET /api/v1/assets/{id}/image}, each from a bounded set: widths, heights
 * and qualities from the configured lists, so that nobody can fill the storage with renditions of
 * every size; anything else is a 400 that lists what is allowed.
 *
 * @param width {@code w}, or null
 * @param height {@code h}, or null
 * @param format {@code fm}; null for {@code auto}
 * @param quality {@code q}, or null for the default
 * @param version {@code v}, or null
 */
record RenditionRequest(
    Integer width, Integer height, Fit fit, OutputFormat format, Integer quality, Integer version) {

  static RenditionRequest parse(
      String w, String h, String fit, String fm, String q, String v, FederConfig.Assets config) {
    return new RenditionRequest(
        oneOf("w", w, config.widths()),
        oneOf("h", h, config.heights()),
        fit(fit),
        format(fm),
        oneOf("q", q, config.qualities()),
        version(v));
  }

  /** Whether the client lets the server choose the format by its Accept header. */
  boolean automatic() {
    return format == null;
  }

  private static Integer oneOf(String name, String raw, List<Integer> allowed) {
    if (raw == null || raw.isEmpty()) {
      return null;
    }
    try {
      int value = Integer.parseInt(raw);
      if (allowed.contains(value)) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw ProblemException.badParameter(
        name,
        "must be one of "
            + allowed.stream().sorted().map(String::valueOf).collect(Collectors.joining(", ")));
  }

  private static Fit fit(String raw) {
    if (raw == null || raw.isEmpty()) {
      return Fit.INSIDE;
    }
    for (Fit fit : Fit.values()) {
      if (fit.value().equals(raw)) {
        return fit;
      }
    }
    throw ProblemException.badParameter("fit", "must be one of cover, contain, inside");
  }

  private static OutputFormat format(String raw) {
    if (raw == null || raw.isEmpty() || raw.equals("auto")) {
      return null;
    }
    for (OutputFormat format : OutputFormat.values()) {
      if (format.value().equals(raw)) {
        return format;
      }
    }
    throw ProblemException.badParameter("fm", "must be one of webp, jpeg, png, auto");
  }

  private static Integer version(String raw) {
    if (raw == null || raw.isEmpty()) {
      return null;
    }
    try {
      int version = Integer.parseInt(raw);
      if (version > 0) {
        return version;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw ProblemException.badParameter("v", "must be a positive integer, the asset's version");
  }

  /**
   * The format to send: the one asked for, or for {@code auto} WebP when the client accepts it,
   * else JPEG for JPEG images and PNG for the others (which may be transparent).
   */
  OutputFormat formatFor(String accept, String mediaType) {
    if (format != null) {
      return format;
    }
    if (accept != null && accepts(accept, "image/webp")) {
      return OutputFormat.WEBP;
    }
    return mediaType.equals("image/jpeg") ? OutputFormat.JPEG : OutputFormat.PNG;
  }

  /** Whether an Accept header names the type with a quality above zero. */
  static boolean accepts(String accept, String type) {
    for (String range : accept.toLowerCase(Locale.ROOT).split(",")) {
      String[] parts = range.trim().split(";");
      if (!parts[0].trim().equals(type)) {
        continue;
      }
      for (int i = 1; i < parts.length; i++) {
        String parameter = parts[i].trim();
        if (parameter.startsWith("q=")) {
          try {
            return Double.parseDouble(parameter.substring(2)) > 0;
          } catch (NumberFormatException e) {
            return false;
          }
        }
      }
      return true;
    }
    return false;
  }
}
