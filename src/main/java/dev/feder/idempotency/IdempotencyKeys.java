package dev.feder.idempotency;

import dev.feder.error.ProblemException;
import java.util.List;

/**
 * The {@code Idempotency-Key} request header (IETF draft-ietf-httpapi-idempotency-key-header): a
 * string the client makes unique per request, a UUID for instance, sent again with every retry of
 * that request. Accepted as the draft writes it, a quoted structured-field string ({@code
 * "8e03…"}), or bare as most clients send it.
 */
final class IdempotencyKeys {

  /** The request header. */
  static final String HEADER = "Idempotency-Key";

  /** The longest key accepted. */
  static final int MAX_LENGTH = 255;

  private static final String SYNTAX =
      "must be 1 to " + MAX_LENGTH + " printable ASCII characters, such as a UUID";

  private IdempotencyKeys() {}

  /** The key the request sends, or null when it sends none; a 400 when it is malformed. */
  static String of(List<String> values) {
    if (values.isEmpty()) {
      return null;
    }
    if (values.size() > 1) {
      throw ProblemException.badParameter(HEADER, "must be sent once");
    }
    String raw = values.get(0).strip();
    String key = raw.length() >= 2 && raw.startsWith("\"") ? unquote(raw) : raw;
    if (key == null || key.isEmpty() || key.length() > MAX_LENGTH || !printable(key)) {
      throw ProblemException.badParameter(HEADER, SYNTAX);
    }
    return key;
  }

  /** The content of an RFC 8941 string, or null when the quotes or escapes are broken. */
  private static String unquote(String quoted) {
    if (!quoted.endsWith("\"")) {
      return null;
    }
    StringBuilder key = new StringBuilder();
    for (int i = 1; i < quoted.length() - 1; i++) {
      char c = quoted.charAt(i);
      if (c == '\\') {
        i++;
        if (i == quoted.length() - 1 || (quoted.charAt(i) != '"' && quoted.charAt(i) != '\\')) {
          return null;
        }
        c = quoted.charAt(i);
      } else if (c == '"') {
        return null;
      }
      key.append(c);
    }
    return key.toString();
  }

  private static boolean printable(String key) {
    return key.chars().allMatch(c -> c >= 0x20 && c <= 0x7e);
  }
}
