package dev.feder.asset;

import dev.feder.error.ProblemException;
import dev.feder.error.ProblemType;
import dev.feder.storage.Blob;
import dev.feder.web.EntityTags;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The HTTP answer for a stored object (a file or a rendition): a strong ETag derived from its key
 * (whose bytes never change, see {@link AssetKeys}), {@code 304} for a matching {@code
 * If-None-Match}, one byte range ({@code 206}, honouring {@code If-Range}; several ranges or a
 * malformed header get the whole object, as RFC 9110 allows), {@code 416} for a range beyond the
 * end, and headers that keep browsers from reading the bytes as anything but what they are.
 *
 * @param status 200, 206 or 304
 * @param offset first byte to send
 * @param length bytes to send (0 for 304)
 */
record BinaryAnswer(
    int status, List<Map.Entry<String, String>> headers, Blob blob, long offset, long length) {

  /** What the request said about what it wants. */
  record Conditions(String ifNoneMatch, String range, String ifRange) {}

  /** The ETag of the object stored under a key. */
  static String etag(String key) {
    return EntityTags.ofBytes(key.getBytes(StandardCharsets.UTF_8));
  }

  static BinaryAnswer of(
      Blob blob,
      String contentType,
      String cacheControl,
      String vary,
      String disposition,
      Conditions conditions) {
    String etag = etag(blob.key());
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    headers.add(Map.entry("ETag", etag));
    headers.add(Map.entry("Cache-Control", cacheControl));
    if (vary != null) {
      headers.add(Map.entry("Vary", vary));
    }
    if (conditions.ifNoneMatch() != null
        && EntityTags.matchesWeakly(conditions.ifNoneMatch(), etag)) {
      return new BinaryAnswer(304, List.copyOf(headers), blob, 0, 0);
    }
    headers.add(Map.entry("Content-Type", contentType));
    headers.add(Map.entry("Accept-Ranges", "bytes"));
    headers.add(Map.entry("X-Content-Type-Options", "nosniff"));
    headers.add(Map.entry("Content-Security-Policy", "default-src 'none'; sandbox"));
    if (disposition != null) {
      headers.add(Map.entry("Content-Disposition", disposition));
    }
    long size = blob.size();
    long[] range =
        conditions.range() == null
                || (conditions.ifRange() != null
                    && !EntityTags.matches(conditions.ifRange().trim(), etag))
            ? null
            : range(conditions.range(), size);
    if (range == null) {
      headers.add(Map.entry("Content-Length", String.valueOf(size)));
      return new BinaryAnswer(200, List.copyOf(headers), blob, 0, size);
    }
    long length = range[1] - range[0] + 1;
    headers.add(Map.entry("Content-Range", "bytes " + range[0] + "-" + range[1] + "/" + size));
    headers.add(Map.entry("Content-Length", String.valueOf(length)));
    return new BinaryAnswer(206, List.copyOf(headers), blob, range[0], length);
  }

  /**
   * The first and last byte of a single {@code bytes} range, or null to send everything.
   *
   * @throws ProblemException 416 if the range lies beyond the end
   */
  static long[] range(String header, long size) {
    String value = header.trim();
    if (!value.regionMatches(true, 0, "bytes=", 0, 6) || value.indexOf(',') >= 0) {
      return null;
    }
    String spec = value.substring(6).trim();
    int dash = spec.indexOf('-');
    if (dash < 0) {
      return null;
    }
    String first = spec.substring(0, dash).trim();
    String last = spec.substring(dash + 1).trim();
    try {
      if (first.isEmpty()) {
        long suffix = Long.parseLong(last);
        if (suffix <= 0 || size == 0) {
          throw unsatisfiable(size);
        }
        return new long[] {Math.max(0, size - suffix), size - 1};
      }
      long start = Long.parseLong(first);
      long end = last.isEmpty() ? Long.MAX_VALUE : Long.parseLong(last);
      if (start < 0 || end < start) {
        return null;
      }
      if (start >= size) {
        throw unsatisfiable(size);
      }
      return new long[] {start, Math.min(end, size - 1)};
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static ProblemException unsatisfiable(long size) {
    return new ProblemException(
            ProblemType.RANGE_NOT_SATISFIABLE,
            "The file has " + size + " bytes; the range asked for starts beyond them")
        .withHeaders(Map.of("Content-Range", "bytes */" + size));
  }
}
