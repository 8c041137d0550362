package dev.feder.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signatures per the Standard Webhooks specification: HMAC-SHA256 over {@code
 * <webhook-id>.<webhook-timestamp>.<body>} with the secret's key (the base64 after {@code whsec_}),
 * sent as {@code v1,<base64>}; during a rotation one signature per secret, separated by spaces.
 */
final class WebhookSignature {

  static final String SECRET_PREFIX = "whsec_";

  /** 32 random bytes: within the specification's 24 to 64. */
  private static final int SECRET_BYTES = 32;

  private static final SecureRandom RANDOM = new SecureRandom();

  private WebhookSignature() {}

  /** A new signing secret. */
  static String newSecret() {
    byte[] key = new byte[SECRET_BYTES];
    RANDOM.nextBytes(key);
    return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
  }

  /** The {@code webhook-signature} header: a signature for each secret, space-separated. */
  static String header(List<String> secrets, String messageId, long timestamp, String body) {
    return secrets.stream()
        .map(secret -> sign(secret, messageId, timestamp, body))
        .collect(Collectors.joining(" "));
  }

  /** One signature, {@code v1,<base64>}. */
  static String sign(String secret, String messageId, long timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
      byte[] digest =
          mac.doFinal((messageId + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
      return "v1," + Base64.getEncoder().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }

  private static byte[] key(String secret) {
    String encoded =
        secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
    return Base64.getDecoder().decode(encoded);
  }
}
