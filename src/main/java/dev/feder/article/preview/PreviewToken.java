package dev.feder.article.preview;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * What a preview token says: which article its holder may read, until when, and the article's
 * preview generation when the token was made (revoking the article's links raises it).
 *
 * <p>On the wire a token is {@code <payload>.<signature>}, both base64url without padding: the
 * payload is a version byte, the article id, the expiry in epoch seconds and the generation (29
 * bytes); the signature is an HMAC-SHA256 of it ({@link PreviewTokens}). 83 characters, all safe in
 * a URL.
 */
public record PreviewToken(UUID articleId, Instant expiresAt, int generation) {

  private static final byte VERSION = 1;
  private static final int PAYLOAD_BYTES = 1 + 16 + 8 + 4;

  /** The payload bytes that the signature covers. */
  byte[] payload() {
    return ByteBuffer.allocate(PAYLOAD_BYTES)
        .put(VERSION)
        .putLong(articleId.getMostSignificantBits())
        .putLong(articleId.getLeastSignificantBits())
        .putLong(expiresAt.getEpochSecond())
        .putInt(generation)
        .array();
  }

  /** The token a payload describes, or null when it is not one of this version. */
  static PreviewToken ofPayload(byte[] payload) {
    if (payload.length != PAYLOAD_BYTES || payload[0] != VERSION) {
      return null;
    }
    ByteBuffer bytes = ByteBuffer.wrap(payload, 1, PAYLOAD_BYTES - 1);
    UUID article = new UUID(bytes.getLong(), bytes.getLong());
    long expiry = bytes.getLong();
    int generation = bytes.getInt();
    if (expiry < 0 || expiry > Instant.MAX.getEpochSecond()) {
      return null;
    }
    return new PreviewToken(article, Instant.ofEpochSecond(expiry), generation);
  }

  static String encode(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The bytes of a base64url part, or null when it is not one. */
  static byte[] decode(String part) {
    try {
      return Base64.getUrlDecoder().decode(part);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
