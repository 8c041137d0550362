package dev.feder.text;

import java.nio.charset.StandardCharsets;

/** Percent-encoding of paths and query values for the links Feder builds (RFC 3986). */
public final class PercentEncoding {

  private PercentEncoding() {}

  /**
   * Encodes all but unreserved characters and, for readability, {@code ,} and {@code :} (sort
   * lists, instants); a path also keeps its {@code /}.
   */
  public static String encode(String text, boolean path) {
    StringBuilder encoded = new StringBuilder(text.length());
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~'
          || c == ','
          || c == ':'
          || (path && c == '/')) {
        encoded.append(c);
      } else {
        encoded
            .append('%')
            .append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
            .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
      }
    }
    return encoded.toString();
  }

  /** The path of a request, encoded, without a trailing slash. */
  public static String path(String decoded) {
    String path =
        decoded.length() > 1 && decoded.endsWith("/")
            ? decoded.substring(0, decoded.length() - 1)
            : decoded;
    return encode(path, true);
  }
}
