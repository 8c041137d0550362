package dev.feder.asset.image;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The kinds of file the media library accepts, recognized by their first bytes (magic numbers),
 * never by a name or a declared media type.
 */
public enum FileType {
  JPEG("image/jpeg", "jpg", Set.of("jpg", "jpeg", "jpe", "jfif")),
  PNG("image/png", "png", Set.of("png")),
  WEBP("image/webp", "webp", Set.of("webp")),
  GIF("image/gif", "gif", Set.of("gif")),
  PDF("application/pdf", "pdf", Set.of("pdf"));

  /** How many leading bytes {@link #detect} needs. */
  public static final int HEAD = 16;

  private final String mediaType;
  private final String extension;
  private final Set<String> extensions;

  FileType(String mediaType, String extension, Set<String> extensions) {
    this.mediaType = mediaType;
    this.extension = extension;
    this.extensions = extensions;
  }

  public String mediaType() {
    return mediaType;
  }

  /** The usual file name extension, without the dot. */
  public String extension() {
    return extension;
  }

  public boolean isImage() {
    return this != PDF;
  }

  /** The type whose magic number {@code head} starts with. */
  public static Optional<FileType> detect(byte[] head) {
    if (startsWith(head, 0xFF, 0xD8, 0xFF)) {
      return Optional.of(JPEG);
    }
    if (startsWith(head, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return Optional.of(PNG);
    }
    if (startsWith(head, 'G', 'I', 'F', '8', '7', 'a')
        || startsWith(head, 'G', 'I', 'F', '8', '9', 'a')) {
      return Optional.of(GIF);
    }
    if (startsWith(head, 'R', 'I', 'F', 'F')
        && head.length >= 12
        && head[8] == 'W'
        && head[9] == 'E'
        && head[10] == 'B'
        && head[11] == 'P') {
      return Optional.of(WEBP);
    }
    if (startsWith(head, '%', 'P', 'D', 'F', '-')) {
      return Optional.of(PDF);
    }
    return Optional.empty();
  }

  /**
   * Whether the file looks like markup (SVG, HTML, XML): after an optional byte order mark and
   * white space, it starts with {@code <}.
   */
  public static boolean looksLikeMarkup(byte[] head) {
    int i = startsWith(head, 0xEF, 0xBB, 0xBF) ? 3 : 0;
    while (i < head.length
        && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) {
      i++;
    }
    return i < head.length && head[i] == '<';
  }

  /** The type a file name's extension stands for, if it is one of these. */
  public static Optional<FileType> byExtension(String extension) {
    String lower = extension.toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(t -> t.extensions.contains(lower)).findFirst();
  }

  /** The type of a media type such as {@code image/jpeg}, if it is one of these. */
  public static Optional<FileType> byMediaType(String mediaType) {
    String lower = mediaType.toLowerCase(Locale.ROOT);
    if (lower.equals("image/jpg") || lower.equals("image/pjpeg")) {
      return Optional.of(JPEG);
    }
    return Arrays.stream(values()).filter(t -> t.mediaType.equals(lower)).findFirst();
  }

  private static boolean startsWith(byte[] head, int... magic) {
    if (head.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((head[i] & 0xFF) != magic[i]) {
        return false;
      }
    }
    return true;
  }
}
