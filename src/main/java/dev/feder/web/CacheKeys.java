package dev.feder.web;

import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical form of a request URI for the response cache: the same path with its query
 * parameters decoded as the server decodes them ({@code +} and {@code %20} are a space, {@code
 * %C3%9C} and {@code %c3%9c} the same letter), ordered by name, and encoded again one way. Two URIs
 * that ask for the same thing then share one kept answer ({@code ?size=20&page=1} and {@code
 * ?page=1&size=20}). Values of a repeated parameter keep their order; nothing is left out, so a
 * parameter the server refuses still reaches it.
 */
final class CacheKeys {

  private CacheKeys() {}

  /** The canonical form of a request URI; the URI as it is when its query cannot be decoded. */
  static String canonical(String uri) {
    int query = uri.indexOf('?');
    if (query < 0) {
      return uri;
    }
    Map<String, List<String>> parameters;
    try {
      // As Vert.x decodes them for the resources, but ';' is never a separator here: splitting
      // where the server does not could make two different requests share a key.
      parameters =
          new QueryStringDecoder(uri, StandardCharsets.UTF_8, true, Integer.MAX_VALUE, true)
              .parameters();
    } catch (IllegalArgumentException e) {
      return uri;
    }
    StringBuilder canonical = new StringBuilder(uri.length()).append(uri, 0, query);
    char separator = '?';
    for (Map.Entry<String, List<String>> parameter : new TreeMap<>(parameters).entrySet()) {
      for (String value : parameter.getValue()) {
        canonical.append(separator);
        encode(parameter.getKey(), canonical);
        canonical.append('=');
        encode(value, canonical);
        separator = '&';
      }
    }
    return canonical.toString();
  }

  /** Percent-encodes all but RFC 3986's unreserved characters, in UTF-8. */
  private static void encode(String text, StringBuilder into) {
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~') {
        into.append((char) c);
      } else {
        into.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        into.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
  }
}
